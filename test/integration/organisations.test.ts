import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backend } from "../helpers/database";
import { addMember, createOrganisationWithOwner, PASSWORD } from "../helpers/fixtures";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime";

describe(`organisations, members and spaces on ${backend}`, () => {
  let runtime: TestRuntime;
  let org: Awaited<ReturnType<typeof createOrganisationWithOwner>>;

  beforeAll(async () => {
    runtime = await startTestRuntime({ config: { CHORUS_OPEN_SIGNUP: true } });
    org = await createOrganisationWithOwner(runtime, "Northwind");
  });
  afterAll(() => runtime?.close());

  it("invites by email, mails the link, and the invitee joins with the invited role", async () => {
    const sentBefore = runtime.mailer.sent.length;
    const invite = await org.owner.post("/api/invitations", {
      email: "New.Person@Example.test",
      role: "agent",
    });
    expect(invite.status).toBe(201);
    expect(invite.body.invitation).toMatchObject({
      email: "new.person@example.test",
      role: "agent",
      status: "pending",
    });
    expect(runtime.mailer.sent.length).toBe(sentBefore + 1);
    const token = invite.body.inviteUrl.split("/invite/")[1];
    expect(runtime.mailer.sent.at(-1)!.text).toContain(token);

    const preview = await runtime.client().get(`/api/auth/invitations/${token}`);
    expect(preview.body).toEqual({
      email: "new.person@example.test",
      role: "agent",
      organisation: { name: "Northwind" },
      existingUser: false,
    });

    const newcomer = runtime.client();
    const noName = await newcomer.post(`/api/auth/invitations/${token}/accept`, { password: PASSWORD });
    expect(noName.status).toBe(422);
    const joined = await newcomer.post(`/api/auth/invitations/${token}/accept`, {
      name: "New Person",
      password: PASSWORD,
    });
    expect(joined.status).toBe(200);
    expect(joined.body.role).toBe("agent");
    expect((await runtime.client().get(`/api/auth/invitations/${token}`)).status).toBe(404);

    const list = await org.owner.get("/api/invitations");
    expect(list.body.data[0].status).toBe("accepted");
  });

  it("lets an existing user accept with their password and switch organisations", async () => {
    const other = await createOrganisationWithOwner(runtime, "Second Org");
    const invite = await org.owner.post("/api/invitations", { email: other.email, role: "analyst" });
    const token = invite.body.inviteUrl.split("/invite/")[1];
    expect((await runtime.client().get(`/api/auth/invitations/${token}`)).body.existingUser).toBe(true);
    const wrong = await runtime
      .client()
      .post(`/api/auth/invitations/${token}/accept`, { password: "not-the-password" });
    expect(wrong.status).toBe(401);
    const accepted = await other.owner.post(`/api/auth/invitations/${token}/accept`, { password: PASSWORD });
    expect(accepted.body.organisations.map((o: { name: string }) => o.name).sort()).toEqual([
      "Northwind",
      "Second Org",
    ]);

    const switched = await other.owner.post("/api/session/organisation", {
      organisationId: other.organisationId,
    });
    expect(switched.body).toMatchObject({ organisation: { name: "Second Org" }, role: "owner" });
    expect((await other.owner.get("/api/organisation")).body.name).toBe("Second Org");
  });

  it("enforces roles: admins cannot create or demote owners, agents cannot invite", async () => {
    const admin = await addMember(runtime, org.owner, "admin");
    expect(
      (await admin.client.post("/api/invitations", { email: "boss@example.test", role: "owner" })).status,
    ).toBe(403);
    const members = (await org.owner.get("/api/members")).body.data;
    const ownerMembership = members.find((m: { role: string }) => m.role === "owner");
    expect(
      (await admin.client.patch(`/api/members/${ownerMembership.id}`, { role: "employee" })).status,
    ).toBe(403);
    const agent = await addMember(runtime, org.owner, "agent");
    const denied = await agent.client.post("/api/invitations", { email: "x@example.test", role: "employee" });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/agent/);
    expect((await agent.client.get("/api/audit")).status).toBe(403);
  });

  it("keeps at least one owner", async () => {
    const members = (await org.owner.get("/api/members")).body.data;
    const ownerMembership = members.find((m: { role: string }) => m.role === "owner");
    const demote = await org.owner.patch(`/api/members/${ownerMembership.id}`, { role: "admin" });
    expect(demote.status).toBe(409);
    expect((await org.owner.delete(`/api/members/${ownerMembership.id}`)).status).toBe(409);
  });

  it("removes a member, ending their access and their tokens", async () => {
    const employee = await addMember(runtime, org.owner, "employee");
    const token = await employee.client.post("/api/tokens", { name: "mine" });
    const api = runtime.client();
    api.bearer = token.body.secret;
    expect((await api.get("/api/organisation")).status).toBe(200);
    const membership = (await org.owner.get("/api/members")).body.data.find(
      (m: { user: { id: string } }) => m.user.id === employee.userId,
    );
    expect((await org.owner.delete(`/api/members/${membership.id}`)).status).toBe(204);
    expect((await api.get("/api/organisation")).status).toBe(401);
    expect((await employee.client.get("/api/organisation")).status).toBe(403);
  });

  it("shows outside members only the spaces they belong to", async () => {
    const supplierSpace = await org.owner.post("/api/spaces", { name: "Supplier portal" });
    const internal = await org.owner.post("/api/spaces", { name: "Internal R&D" });
    const supplier = await addMember(runtime, org.owner, "supplier");
    expect(
      (await org.owner.put(`/api/spaces/${supplierSpace.body.id}/members/${supplier.userId}`)).status,
    ).toBe(204);

    const visible = await supplier.client.get("/api/spaces");
    expect(visible.body.data.map((s: { name: string }) => s.name)).toEqual(["Supplier portal"]);
    expect((await supplier.client.get(`/api/spaces/${internal.body.id}`)).status).toBe(404);
    expect((await supplier.client.get(`/api/spaces/${supplierSpace.body.id}`)).status).toBe(200);
    expect((await supplier.client.get("/api/members")).status).toBe(403);
    expect((await supplier.client.post("/api/tokens", { name: "nope" })).status).toBe(403);

    const employee = await addMember(runtime, org.owner, "employee");
    expect((await employee.client.get("/api/spaces")).body.data.length).toBeGreaterThanOrEqual(2);
  });

  it("paginates with cursors", async () => {
    for (let i = 0; i < 5; i++)
      await org.owner.post("/api/invitations", { email: `page${i}@example.test`, role: "employee" });
    const first = await org.owner.get("/api/invitations?limit=3");
    expect(first.body.data).toHaveLength(3);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await org.owner.get(`/api/invitations?limit=3&cursor=${first.body.nextCursor}`);
    const ids = new Set([...first.body.data, ...second.body.data].map((i: { id: string }) => i.id));
    expect(ids.size).toBe(first.body.data.length + second.body.data.length);
    expect((await org.owner.get("/api/invitations?cursor=garbage")).status).toBe(400);
  });

  it("writes an event for every mutation, readable and filterable in the audit log", async () => {
    const audit = await org.owner.get("/api/audit?limit=200");
    const names = new Set(audit.body.data.map((e: { name: string }) => e.name));
    for (const name of [
      "organisation.created",
      "invitation.created",
      "invitation.accepted",
      "member.joined",
      "member.removed",
      "api_token.created",
      "space.created",
      "space.member_added",
    ]) {
      expect(names, name).toContain(name);
    }
    const filtered = await org.owner.get("/api/audit?name=invitation.created");
    expect(filtered.body.data.every((e: { name: string }) => e.name === "invitation.created")).toBe(true);
    expect(filtered.body.data[0].actor.name).toBe("Northwind Owner");
    expect(JSON.stringify(audit.body)).not.toMatch(/chorus_[A-Za-z0-9_-]{20,}/);
    expect((await org.owner.get("/api/audit/names")).body.names).toContain("space.created");
  });
});
