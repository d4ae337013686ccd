/**
 * Development-only in-memory implementation of the Chorus API contract, so the UI can be
 * built and screenshotted without the real server. Enabled with CHORUS_MOCK_API=1 (see
 * vite.config.ts); it is middleware in the Vite process and never part of the bundle.
 * CHORUS_MOCK_SEED=empty starts with needsSetup=true; anything else seeds a demo org.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Plugin } from "vite";
import {
  addOrg,
  addUser,
  audit,
  broadcast,
  failures,
  type Invitation,
  invitations,
  memberships,
  now,
  orgs,
  type Role,
  record,
  type Sess,
  sessions,
  streams,
  type Token,
  tokens,
  users,
} from "./mock-store.ts";

function send(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (body !== undefined) res.setHeader("content-type", "application/json");
  res.end(body === undefined ? undefined : JSON.stringify(body));
}
function fail(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  details?: unknown,
  headers?: Record<string, string>,
) {
  send(res, status, { error: { code, message, details }, requestId: randomUUID() }, headers);
}
async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = "";
  for await (const chunk of req) raw += chunk;
  return raw ? JSON.parse(raw) : {};
}
function cookieSid(req: IncomingMessage) {
  return /(?:^|;\s*)chorus_sid=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
}
function sessionPayload(s: Sess) {
  const user = users.find((u) => u.id === s.userId)!;
  const mine = memberships.filter((m) => m.userId === user.id);
  const org = orgs.find((o) => o.id === s.orgId) ?? null;
  return {
    user: { id: user.id, email: user.email, name: user.name },
    organisation: org && { id: org.id, name: org.name, slug: org.slug },
    role: mine.find((m) => m.orgId === s.orgId)?.role ?? null,
    csrfToken: s.csrf,
    organisations: mine.map((m) => {
      const o = orgs.find((x) => x.id === m.orgId)!;
      return { id: o.id, name: o.name, slug: o.slug, role: m.role };
    }),
  };
}
function startSession(res: ServerResponse, userId: string, orgId: string | null) {
  const sid = randomBytes(16).toString("hex");
  const s = {
    userId,
    orgId: orgId ?? memberships.find((m) => m.userId === userId)?.orgId ?? null,
    csrf: randomBytes(12).toString("hex"),
  };
  sessions.set(sid, s);
  res.setHeader("set-cookie", `chorus_sid=${sid}; Path=/; HttpOnly; SameSite=Lax`);
  return s;
}
function paged<T>(rows: T[], url: URL) {
  const limit = Number(url.searchParams.get("limit") ?? 50);
  const start = Number(url.searchParams.get("cursor") ?? 0);
  const data = rows.slice(start, start + limit);
  return { data, nextCursor: start + limit < rows.length ? String(start + limit) : null };
}
const userRef = (id: string | null) => {
  const u = users.find((x) => x.id === id);
  return u ? { id: u.id, name: u.name } : null;
};

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://mock");
  const path = url.pathname;
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "DELETE" ? {} : await readBody(req);
  const sid = cookieSid(req);
  const sess = sid ? sessions.get(sid) : undefined;

  if (path === "/api/setup") return send(res, 200, { needsSetup: users.length === 0, openSignup: false });
  if (path === "/api/auth/login" && method === "POST") {
    const key = String(body.email).toLowerCase();
    if ((failures.get(key) ?? 0) >= 5)
      return fail(
        res,
        429,
        "rate_limited",
        "Too many attempts. Try again in 10 minute(s).",
        { retryAfterSeconds: 600 },
        { "retry-after": "600" },
      );
    const u = users.find((x) => x.email === key && x.password === body.password);
    if (!u) {
      failures.set(key, (failures.get(key) ?? 0) + 1);
      return fail(res, 401, "unauthorized", "Email or password is incorrect");
    }
    return send(res, 200, sessionPayload(startSession(res, u.id, null)));
  }
  if (path === "/api/auth/signup" && method === "POST") {
    const password = String(body.password ?? "");
    if (password.length < 10)
      return fail(res, 422, "validation_failed", "Invalid input", [
        { path: "password", message: "Password must be at least 10 characters" },
      ]);
    const u = addUser(String(body.name), String(body.email).toLowerCase(), password);
    const o = addOrg(String(body.organisationName), u.id);
    return send(res, 201, sessionPayload(startSession(res, u.id, o.id)));
  }
  if (path === "/api/auth/password-reset" && method === "POST") return send(res, 202, { ok: true });
  if (path === "/api/auth/password-reset/confirm" && method === "POST")
    return fail(res, 404, "not_found", "Reset link not found");
  const inviteMatch = /^\/api\/auth\/invitations\/([^/]+)(\/accept)?$/.exec(path);
  if (inviteMatch) {
    const inv = invitations.find((i) => i.token === inviteMatch[1] && i.status === "pending");
    if (!inv) return fail(res, 404, "not_found", "Invitation not found");
    const existing = users.find((u) => u.email === inv.email);
    if (!inviteMatch[2])
      return send(res, 200, {
        email: inv.email,
        role: inv.role,
        organisation: { name: orgs.find((o) => o.id === inv.orgId)!.name },
        existingUser: !!existing,
      });
    const u = existing ?? addUser(String(body.name), inv.email, String(body.password));
    memberships.push({ id: randomUUID(), userId: u.id, orgId: inv.orgId, role: inv.role, createdAt: now() });
    inv.status = "accepted";
    record(inv.orgId, "invitation.accepted", u.id, "invitation", inv.id);
    broadcast(inv.orgId, [["members"], ["invitations"]], "invitation.accepted");
    return send(res, 200, sessionPayload(startSession(res, u.id, inv.orgId)));
  }

  if (!sess) return fail(res, 401, "unauthorized", "Log in to continue");
  if (method !== "GET" && req.headers["x-csrf-token"] !== sess.csrf)
    return fail(res, 403, "csrf_failed", "CSRF token missing or invalid");
  const orgId = sess.orgId;
  const role = memberships.find((m) => m.userId === sess.userId && m.orgId === orgId)?.role;
  const admin = role === "owner" || role === "admin";

  if (path === "/api/session") return send(res, 200, sessionPayload(sess));
  if (path === "/api/auth/logout") {
    sessions.delete(sid!);
    return send(res, 204);
  }
  if (path === "/api/session/organisation") {
    sess.orgId = String(body.organisationId);
    return send(res, 200, sessionPayload(sess));
  }
  if (path === "/api/organisations" && method === "POST") {
    const o = addOrg(String(body.name), sess.userId);
    return send(res, 201, o);
  }
  if (path === "/api/live") {
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    res.write("event: ready\ndata: {}\n\n");
    const entry = { res, orgId };
    streams.add(entry);
    req.on("close", () => streams.delete(entry));
    return;
  }
  if (!orgId) return fail(res, 404, "not_found", "No active organisation");
  const org = orgs.find((o) => o.id === orgId)!;
  if (path === "/api/organisation") {
    if (method === "PATCH") {
      if (!admin) return fail(res, 403, "forbidden", "You are not allowed to do that");
      org.name = String(body.name);
      record(orgId, "organisation.renamed", sess.userId, "organisation", orgId, { name: org.name });
      broadcast(orgId, [["organisation"], ["session"]], "organisation.renamed");
    }
    return send(res, 200, org);
  }
  if (path === "/api/members") {
    const rows = memberships
      .filter((m) => m.orgId === orgId)
      .map((m) => {
        const u = users.find((x) => x.id === m.userId)!;
        return {
          id: m.id,
          user: { id: u.id, email: u.email, name: u.name },
          role: m.role,
          createdAt: m.createdAt,
        };
      });
    return send(res, 200, paged(rows, url));
  }
  const memberMatch = /^\/api\/members\/([^/]+)$/.exec(path);
  if (memberMatch) {
    if (!admin) return fail(res, 403, "forbidden", "You are not allowed to do that");
    const m = memberships.find((x) => x.id === memberMatch[1] && x.orgId === orgId);
    if (!m) return fail(res, 404, "not_found", "Member not found");
    if (method === "DELETE") {
      memberships.splice(memberships.indexOf(m), 1);
      record(orgId, "member.removed", sess.userId, "user", m.userId);
      broadcast(orgId, [["members"]], "member.removed");
      return send(res, 204);
    }
    m.role = body.role as Role;
    record(orgId, "member.role_changed", sess.userId, "user", m.userId, { role: m.role });
    broadcast(orgId, [["members"]], "member.role_changed");
    return send(res, 200, m);
  }
  if (path === "/api/invitations") {
    if (method === "POST") {
      const inv: Invitation = {
        id: randomUUID(),
        orgId,
        email: String(body.email).toLowerCase(),
        role: body.role as Role,
        status: "pending",
        createdAt: now(),
        expiresAt: now(7 * 86400_000),
        invitedBy: sess.userId,
        token: randomBytes(12).toString("hex"),
      };
      invitations.unshift(inv);
      record(orgId, "invitation.created", sess.userId, "invitation", inv.id, {
        email: inv.email,
        role: inv.role,
      });
      broadcast(orgId, [["invitations"]], "invitation.created");
      const host = req.headers.host ?? "localhost";
      return send(res, 201, {
        invitation: { ...inv, invitedBy: userRef(inv.invitedBy) },
        inviteUrl: `http://${host}/invite/${inv.token}`,
      });
    }
    return send(
      res,
      200,
      paged(
        invitations
          .filter((i) => i.orgId === orgId)
          .map(({ token: _t, orgId: _o, ...i }) => ({ ...i, invitedBy: userRef(i.invitedBy) })),
        url,
      ),
    );
  }
  const invMatch = /^\/api\/invitations\/([^/]+)$/.exec(path);
  if (invMatch && method === "DELETE") {
    const inv = invitations.find((i) => i.id === invMatch[1]);
    if (inv) inv.status = "revoked";
    record(orgId, "invitation.revoked", sess.userId, "invitation", invMatch[1]!);
    broadcast(orgId, [["invitations"]], "invitation.revoked");
    return send(res, 204);
  }
  if (path === "/api/tokens") {
    if (method === "POST") {
      const days = body.expiresInDays as number | undefined;
      const secret = `chr_${randomBytes(20).toString("hex")}`;
      const t: Token = {
        id: randomUUID(),
        orgId,
        userId: sess.userId,
        name: String(body.name),
        prefix: secret.slice(0, 8),
        createdAt: now(),
        lastUsedAt: null,
        expiresAt: days ? now(days * 86400_000) : null,
      };
      tokens.unshift(t);
      record(orgId, "token.created", sess.userId, "token", t.id, { name: t.name });
      broadcast(orgId, [["tokens"]], "token.created");
      return send(res, 201, { token: { ...t, user: userRef(t.userId) }, secret });
    }
    return send(
      res,
      200,
      paged(
        tokens.filter((t) => t.orgId === orgId).map((t) => ({ ...t, user: userRef(t.userId) })),
        url,
      ),
    );
  }
  const tokMatch = /^\/api\/tokens\/([^/]+)$/.exec(path);
  if (tokMatch && method === "DELETE") {
    const i = tokens.findIndex((t) => t.id === tokMatch[1]);
    if (i >= 0) tokens.splice(i, 1);
    record(orgId, "token.revoked", sess.userId, "token", tokMatch[1]!);
    broadcast(orgId, [["tokens"]], "token.revoked");
    return send(res, 204);
  }
  if (path === "/api/audit/names")
    return send(res, 200, {
      names: [...new Set(audit.filter((a) => a.orgId === orgId).map((a) => a.name))].sort(),
    });
  if (path === "/api/audit") {
    if (!admin) return fail(res, 403, "forbidden", "You are not allowed to do that");
    const name = url.searchParams.get("name");
    const actorId = url.searchParams.get("actorId");
    const rows = audit
      .filter((a) => a.orgId === orgId && (!name || a.name === name) && (!actorId || a.actorId === actorId))
      .map(({ orgId: _o, actorId: a, ...rest }) => ({ ...rest, actor: userRef(a) }));
    return send(res, 200, paged(rows, url));
  }
  return fail(res, 404, "not_found", "Route not found");
}

export function mockApiPlugin(): Plugin {
  const middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (!req.url?.startsWith("/api/")) return next();
    handle(req, res).catch((error: unknown) => fail(res, 500, "internal", String(error)));
  };
  return {
    name: "chorus-mock-api",
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
