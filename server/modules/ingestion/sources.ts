import type { Selectable } from "kysely";
import type { AppContext } from "../../context";
import { publicUrl } from "../../context";
import { keysetPage } from "../../db/keyset";
import { type Actor, recordEvent } from "../../events/record";
import { notFound, validationFailed } from "../../http/errors";
import { randomToken } from "../../lib/crypto";
import { authorize, type PolicyActor } from "../../policies/policy";
import { type SourceKind, sourceKind } from "./connectors/registry";
import type { SourcesTable } from "./tables";

type Source = Selectable<SourcesTable>;

export function presentSource(row: Source, base: string) {
  const kind = sourceKind(row.kind);
  const settings = { ...row.settings };
  for (const key of kind?.secrets ?? []) if (key in settings) settings[key] = "••••••••";
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    settings,
    enabled: row.enabled,
    status: row.status,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at?.toISOString() ?? null,
    lastSuccessAt: row.last_success_at?.toISOString() ?? null,
    nextRunAt: row.next_run_at?.toISOString() ?? null,
    postsIngested: row.posts_ingested,
    rateLimitPerMinute: row.rate_limit_per_minute,
    webhookUrl: row.kind === "webhook" ? `${base}/api/hooks/${row.id}` : null,
    createdAt: row.created_at.toISOString(),
  };
}

function validateSettings(kind: SourceKind, settings: unknown) {
  const parsed = kind.settings.safeParse(settings);
  if (!parsed.success) {
    throw validationFailed(
      `Invalid ${kind.label} settings`,
      parsed.error.issues.map((i) => ({
        path: ["body", "settings", ...i.path.map(String)].join("."),
        message: i.message,
      })),
    );
  }
  return parsed.data as Record<string, unknown>;
}

export async function listSources(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  query: { cursor?: string; limit: number },
) {
  authorize(actor, "read", "Source");
  const q = ctx.db.selectFrom("sources").selectAll().where("organisation_id", "=", actor.organisationId);
  return keysetPage(q, query, "sources").execute();
}

export async function getSource(ctx: Pick<AppContext, "db">, actor: PolicyActor, id: string) {
  authorize(actor, "read", "Source");
  const row = await ctx.db
    .selectFrom("sources")
    .selectAll()
    .where("organisation_id", "=", actor.organisationId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Source");
  return row;
}

export async function createSource(
  ctx: Pick<AppContext, "db" | "config">,
  actor: PolicyActor,
  eventActor: Actor,
  input: { kind: string; name: string; settings: unknown; rateLimitPerMinute?: number | undefined },
) {
  authorize(actor, "create", "Source");
  const kind = sourceKind(input.kind);
  if (!kind)
    throw validationFailed("Unknown source kind", [
      { path: "kind", message: `"${input.kind}" is not a source kind` },
    ]);
  const settings = validateSettings(kind, input.settings ?? {});
  const secret = input.kind === "webhook" ? randomToken("whsec_") : null;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("sources")
      .values({
        organisation_id: actor.organisationId,
        kind: input.kind,
        name: input.name.trim(),
        settings: JSON.stringify(settings),
        webhook_secret: secret,
        ...(input.rateLimitPerMinute ? { rate_limit_per_minute: input.rateLimitPerMinute } : {}),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, eventActor, {
      name: "source.created",
      subjectType: "source",
      subjectId: row.id,
      data: { kind: row.kind, name: row.name },
    });
    return { row, secret, base: publicUrl(ctx.config) };
  });
}

export async function updateSource(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  id: string,
  input: {
    name?: string | undefined;
    settings?: unknown;
    enabled?: boolean | undefined;
    rateLimitPerMinute?: number | undefined;
  },
) {
  authorize(actor, "update", "Source");
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("sources")
      .selectAll()
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound("Source");
    const kind = sourceKind(row.kind);
    let settings = row.settings;
    if (input.settings !== undefined && kind) {
      // A secret left masked (or out) keeps its stored value — but only while every other setting
      // stays as it was: pointing a stored token at a new host would hand it to that host.
      const merged: Record<string, unknown> = { ...(input.settings as Record<string, unknown>) };
      const others = (settings: Record<string, unknown>) =>
        JSON.stringify(
          Object.entries(settings)
            .filter(([key]) => !kind.secrets.includes(key))
            .sort(([a], [b]) => a.localeCompare(b)),
        );
      const elsewhere = others(merged) !== others(row.settings);
      for (const key of kind.secrets) {
        if (merged[key] !== undefined && merged[key] !== "••••••••") continue;
        if (elsewhere && row.settings[key] !== undefined) {
          throw validationFailed("Enter the secret again when changing other settings", [
            {
              path: `body.settings.${key}`,
              message: "Re-enter it: the source's connection settings changed",
            },
          ]);
        }
        merged[key] = row.settings[key];
      }
      settings = validateSettings(kind, merged);
    }
    const changed = input.settings !== undefined;
    const updated = await trx
      .updateTable("sources")
      .set({
        name: input.name?.trim() ?? row.name,
        settings: JSON.stringify(settings),
        enabled: input.enabled ?? row.enabled,
        rate_limit_per_minute: input.rateLimitPerMinute ?? row.rate_limit_per_minute,
        // New settings deserve a fresh start: run now, forget the old error and cursor.
        ...(changed
          ? {
              cursor: null,
              next_run_at: null,
              consecutive_failures: 0,
              status: "idle" as const,
              lease_owner: null,
              lease_until: null,
            }
          : {}),
        ...(input.enabled === false
          ? { status: "paused" as const }
          : input.enabled === true && row.status === "paused"
            ? { status: "idle" as const, next_run_at: null }
            : {}),
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, eventActor, {
      name: "source.updated",
      subjectType: "source",
      subjectId: id,
      data: { name: updated.name, enabled: updated.enabled, settingsChanged: changed },
    });
    return updated;
  });
}

export async function deleteSource(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  id: string,
) {
  authorize(actor, "delete", "Source");
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("sources")
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", id)
      .returning(["name", "kind"])
      .executeTakeFirst();
    if (!row) throw notFound("Source");
    await recordEvent(trx, eventActor, {
      name: "source.deleted",
      subjectType: "source",
      subjectId: id,
      data: row,
    });
  });
}

export async function runSourceNow(ctx: Pick<AppContext, "db">, actor: PolicyActor, id: string) {
  authorize(actor, "run", "Source");
  const row = await ctx.db
    .updateTable("sources")
    .set({ next_run_at: new Date(), updated_at: new Date() })
    .where("organisation_id", "=", actor.organisationId)
    .where("id", "=", id)
    .returning("id")
    .executeTakeFirst();
  if (!row) throw notFound("Source");
}
