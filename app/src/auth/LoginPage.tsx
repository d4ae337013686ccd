import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { errorMessage, isApiError } from "../api/client";
import { useLogin, useSetup } from "../api/session";
import { retryAfterMinutes, safeNext } from "../lib/format";
import { homePath } from "../shell/access";
import { Alert, Button, TextField } from "../ui";
import { AuthLayout } from "./AuthLayout";

function loginErrorText(error: unknown): string {
  if (!isApiError(error)) return errorMessage(error);
  if (error.status === 401) return "That email and password don't match an account.";
  if (error.status === 429) {
    const fromDetails = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    return `Too many attempts, try again in ${retryAfterMinutes(error.retryAfter ?? fromDetails)}.`;
  }
  return errorMessage(error);
}

export function LoginPage() {
  const login = useLogin();
  const setup = useSetup();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const session = await login.mutateAsync({ email: email.trim(), password });
      navigate(safeNext(params.get("next")) ?? homePath(session.role), { replace: true });
    } catch {
      // Rendered from login.error.
    }
  }

  const fields = isApiError(login.error) ? login.error.fieldErrors() : {};
  const showBanner = login.error && Object.keys(fields).length === 0;

  return (
    <AuthLayout
      title="Log in to Chorus"
      footer={
        setup.data?.openSignup ? (
          <p>
            New here? <Link to="/setup">Create an organisation</Link>
          </p>
        ) : null
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate={false}>
        {showBanner ? <Alert tone="danger">{loginErrorText(login.error)}</Alert> : null}
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
        />
        <div className="stack-tight">
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fields.password}
          />
          <Link className="auth-aside-link" to="/forgot-password">
            Forgot password?
          </Link>
        </div>
        <Button variant="primary" type="submit" loading={login.isPending} className="btn-block">
          Log in
        </Button>
      </form>
    </AuthLayout>
  );
}
