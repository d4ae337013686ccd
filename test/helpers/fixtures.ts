import type { Role } from "../../shared/roles";
import type { TestClient } from "./client";
import type { TestRuntime } from "./runtime";

export const PASSWORD = "correct-horse-battery";

let counter = 0;
export const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.test`;

/** A new organisation with its owner logged in (open sign-up is on in these tests). */
export async function createOrganisationWithOwner(runtime: TestRuntime, name: string) {
  const owner = runtime.client();
  const email = uniqueEmail("owner");
  const response = await owner.post("/api/auth/signup", {
    name: `${name} Owner`,
    email,
    password: PASSWORD,
    organisationName: name,
  });
  if (response.status !== 201) throw new Error(`signup failed: ${JSON.stringify(response.body)}`);
  return { owner, email, organisationId: response.body.organisation.id as string };
}

/** Invites and accepts: returns a logged-in client for the new member. */
export async function addMember(runtime: TestRuntime, admin: TestClient, role: Role) {
  const email = uniqueEmail(role);
  const invite = await admin.post("/api/invitations", { email, role });
  if (invite.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`);
  const token = String(invite.body.inviteUrl).split("/invite/")[1]!;
  const member = runtime.client();
  const accepted = await member.post(`/api/auth/invitations/${token}/accept`, {
    name: `${role} person`,
    password: PASSWORD,
  });
  if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  return {
    client: member,
    email,
    userId: accepted.body.user.id as string,
    invitationId: invite.body.invitation.id as string,
  };
}
