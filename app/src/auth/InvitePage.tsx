import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { ROLE_INFO } from "../../../shared/roles";
import { errorMessage, isApiError } from "../api/client";
import { useAcceptInvitation, useInvitationPreview, useSession } from "../api/session";
import { homePath } from "../shell/access";
import { Alert, Badge, Button, PageSpinner, TextField } from "../ui";
import { AuthLayout } from "./AuthLayout";

export function InvitePage() {
  const { token = "" } = useParams();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation(token);
  const session = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");

  if (preview.isPending) return <PageSpinner />;

  if (preview.isError) {
    const gone = isApiError(preview.error) && preview.error.status === 404;
    return (
      <AuthLayout title="Invitation not found" footer={<Link to="/login">Go to log in</Link>}>
        <Alert tone="danger">
          {gone
            ? "This invitation link is invalid, was revoked, has expired or was already used. Ask the person who invited you for a new one."
            : errorMessage(preview.error)}
        </Alert>
      </AuthLayout>
    );
  }

  const invite = preview.data;
  const role = ROLE_INFO[invite.role];

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const next = await accept.mutateAsync(
        invite.existingUser ? { password } : { name: name.trim(), password },
      );
      navigate(homePath(next.role), { replace: true });
    } catch {
      // Rendered from accept.error.
    }
  }

  const fields = isApiError(accept.error) ? accept.error.fieldErrors() : {};
  const signedInAsOther =
    session.data && session.data.user.email.toLowerCase() !== invite.email.toLowerCase();

  return (
    <AuthLayout
      title={`Join ${invite.organisation.name}`}
      description={
        <>
          You're invited as <Badge tone="accent">{role?.label ?? invite.role}</Badge> — {role?.description}
        </>
      }
    >
      <form className="form" onSubmit={onSubmit}>
        {signedInAsOther ? (
          <Alert tone="warning">
            You're logged in as {session.data?.user.email}, but this invitation is for {invite.email}.
            Accepting signs you in as {invite.email}.
          </Alert>
        ) : null}
        {accept.error && Object.keys(fields).length === 0 ? (
          <Alert tone="danger">
            {isApiError(accept.error) && accept.error.status === 401
              ? "That password is not right for this account."
              : errorMessage(accept.error)}
          </Alert>
        ) : null}
        <TextField
          label="Email"
          type="email"
          value={invite.email}
          readOnly
          disabled
          autoComplete="username"
        />
        {invite.existingUser ? null : (
          <TextField
            label="Your name"
            required
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fields.name}
          />
        )}
        <TextField
          label={invite.existingUser ? "Your password" : "Choose a password"}
          type="password"
          required
          minLength={invite.existingUser ? undefined : 10}
          autoComplete={invite.existingUser ? "current-password" : "new-password"}
          hint={
            invite.existingUser
              ? "You already have a Chorus account; confirm it's you."
              : "At least 10 characters."
          }
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <Button variant="primary" type="submit" loading={accept.isPending} className="btn-block">
          Accept invitation
        </Button>
      </form>
    </AuthLayout>
  );
}
