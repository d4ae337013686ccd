import { type FormEvent, useState } from "react";
import { Link, Navigate, useNavigate } from "react-router-dom";
import { errorMessage, isApiError } from "../api/client";
import { useSetup, useSignup } from "../api/session";
import { homePath } from "../shell/access";
import { Alert, Button, PageSpinner, TextField } from "../ui";
import { AuthLayout } from "./AuthLayout";

/**
 * First-run setup (creates the first owner and organisation). When open signup is on the
 * same form lets anyone create their own organisation; otherwise it is closed after setup.
 */
export function SetupPage() {
  const setup = useSetup();
  const signup = useSignup();
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: "", email: "", password: "", organisationName: "" });

  if (setup.isPending) return <PageSpinner />;
  const firstRun = setup.data?.needsSetup ?? false;
  if (!firstRun && !setup.data?.openSignup) return <Navigate to="/login" replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const session = await signup.mutateAsync({ ...form, email: form.email.trim() });
      navigate(homePath(session.role), { replace: true });
    } catch {
      // Rendered from signup.error.
    }
  }

  const fields = isApiError(signup.error) ? signup.error.fieldErrors() : {};
  const update = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  return (
    <AuthLayout
      title={firstRun ? "Set up Chorus" : "Create your organisation"}
      description={
        firstRun
          ? "Create the first account and your organisation. You'll be its owner and can invite your team next."
          : "Create an account and an organisation you own."
      }
      footer={
        firstRun ? null : (
          <p>
            Already have an account? <Link to="/login">Log in</Link>
          </p>
        )
      }
    >
      <form className="form" onSubmit={onSubmit}>
        {signup.error && Object.keys(fields).length === 0 ? (
          <Alert tone="danger">{errorMessage(signup.error)}</Alert>
        ) : null}
        <TextField
          label="Organisation name"
          required
          autoComplete="organization"
          value={form.organisationName}
          onChange={update("organisationName")}
          error={fields.organisationName}
        />
        <TextField
          label="Your name"
          required
          autoComplete="name"
          value={form.name}
          onChange={update("name")}
          error={fields.name}
        />
        <TextField
          label="Email"
          type="email"
          required
          autoComplete="email"
          value={form.email}
          onChange={update("email")}
          error={fields.email}
        />
        <TextField
          label="Password"
          type="password"
          required
          minLength={10}
          autoComplete="new-password"
          hint="At least 10 characters."
          value={form.password}
          onChange={update("password")}
          error={fields.password}
        />
        <Button variant="primary" type="submit" loading={signup.isPending} className="btn-block">
          {firstRun ? "Create owner account" : "Create organisation"}
        </Button>
      </form>
    </AuthLayout>
  );
}
