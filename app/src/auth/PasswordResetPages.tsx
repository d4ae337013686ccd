import { type FormEvent, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { errorMessage, isApiError } from "../api/client";
import { useConfirmPasswordReset, useRequestPasswordReset } from "../api/session";
import { Alert, Button, TextField } from "../ui";
import { AuthLayout } from "./AuthLayout";

export function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState("");

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    request.mutate(email.trim());
  }

  return (
    <AuthLayout
      title="Reset your password"
      description="Enter your account's email and we'll send a link to choose a new password."
      footer={<Link to="/login">Back to log in</Link>}
    >
      {request.isSuccess ? (
        // The server answers the same for unknown emails, so we must not claim an email was sent.
        <Alert tone="success" title="Check your inbox">
          If an account exists for {email.trim()}, a reset link is on its way. It works for one hour. If no
          email arrives, ask an administrator: this server may not have email configured.
        </Alert>
      ) : (
        <form className="form" onSubmit={onSubmit}>
          {request.error ? <Alert tone="danger">{errorMessage(request.error)}</Alert> : null}
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Button variant="primary" type="submit" loading={request.isPending} className="btn-block">
            Send reset link
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}

export function ResetPasswordPage() {
  const { token = "" } = useParams();
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    confirm.mutate({ token, password });
  }

  const fields = isApiError(confirm.error) ? confirm.error.fieldErrors() : {};
  const expired =
    isApiError(confirm.error) && (confirm.error.status === 404 || confirm.error.code === "not_found");

  return (
    <AuthLayout title="Choose a new password" footer={<Link to="/login">Back to log in</Link>}>
      {confirm.isSuccess ? (
        <div className="form">
          <Alert tone="success" title="Password changed">
            Your password is updated. Log in with the new one.
          </Alert>
          <Link className="btn btn-primary btn-block" to="/login">
            Log in
          </Link>
        </div>
      ) : (
        <form className="form" onSubmit={onSubmit}>
          {expired ? (
            <Alert tone="danger" title="This link doesn't work any more">
              Reset links work once and for one hour. <Link to="/forgot-password">Ask for a new one</Link>.
            </Alert>
          ) : confirm.error && !fields.password ? (
            <Alert tone="danger">{errorMessage(confirm.error)}</Alert>
          ) : null}
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            hint="At least 10 characters."
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fields.password}
          />
          <TextField
            label="Repeat new password"
            type="password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            error={mismatch ? "The passwords don't match." : undefined}
          />
          <Button variant="primary" type="submit" loading={confirm.isPending} className="btn-block">
            Set new password
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
