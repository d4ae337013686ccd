import type { Transaction } from "kysely";
import { format, parse } from "../../../shared/listening/query";
import type { AppContext } from "../../context";
import type { DB } from "../../db/schema";
import { type Actor, recordEvent } from "../../events/record";
import { notFound, validationFailed } from "../../http/errors";
import { authorize, type PolicyActor } from "../../policies/policy";
import { forgetTopicMatches } from "../mentions/rollups";
import type { TopicKind } from "./tables";

/** Parses a query for saving; errors name their position so the editor can point at them. */
export function checkQuery(query: string) {
  const parsed = parse(query);
  if (!parsed.ok) {
    throw validationFailed(
      `The query has an error: ${parsed.errors[0]?.message ?? "invalid"}`,
      parsed.errors.map((e) => ({
        path: "body.query",
        message: e.message,
        position: e.position,
        expected: e.expected,
      })),
    );
  }
  return { ast: parsed.ast, canonical: format(parsed.ast), warnings: parsed.warnings };
}

async function queueBackfill(
  trx: Transaction<DB>,
  actor: Actor,
  organisationId: string,
  topicId: string,
  version: number,
) {
  // A newer query supersedes an unfinished backfill of the old one.
  await trx
    .updateTable("backfills")
    .set({ status: "cancelled", updated_at: new Date() })
    .where("topic_id", "=", topicId)
    .where("status", "in", ["queued", "running"])
    .execute();
  const total = await trx
    .selectFrom("mentions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organisation_id", "=", organisationId)
    .executeTakeFirstOrThrow();
  const row = await trx
    .insertInto("backfills")
    .values({
      organisation_id: organisationId,
      topic_id: topicId,
      topic_version: version,
      total: Number(total.n),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordEvent(trx, actor, {
    name: "backfill.queued",
    subjectType: "topic",
    subjectId: topicId,
    audit: false,
    data: { backfillId: row.id, total: Number(total.n) },
  });
  return row.id;
}

export async function createTopic(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  input: { name: string; kind?: TopicKind | undefined; query: string },
) {
  authorize(actor, "create", "Topic");
  const { canonical } = checkQuery(input.query);
  return ctx.db.transaction().execute(async (trx) => {
    const topic = await trx
      .insertInto("topics")
      .values({
        organisation_id: actor.organisationId,
        name: input.name.trim(),
        kind: input.kind ?? "brand",
        query: input.query.trim(),
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, eventActor, {
      name: "topic.created",
      subjectType: "topic",
      subjectId: topic.id,
      data: { name: topic.name, query: topic.query, canonical },
    });
    const backfillId = await queueBackfill(trx, eventActor, actor.organisationId, topic.id, topic.version);
    return { topic, backfillId };
  });
}

export async function updateTopic(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  id: string,
  input: { name?: string | undefined; kind?: TopicKind | undefined; query?: string | undefined },
) {
  authorize(actor, "update", "Topic");
  if (input.query !== undefined) checkQuery(input.query);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("topics")
      .selectAll()
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound("Topic");
    const queryChanged = input.query !== undefined && input.query.trim() !== before.query;
    const topic = await trx
      .updateTable("topics")
      .set({
        name: input.name?.trim() ?? before.name,
        kind: input.kind ?? before.kind,
        query: queryChanged ? input.query!.trim() : before.query,
        version: queryChanged ? before.version + 1 : before.version,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    let backfillId: string | null = null;
    if (queryChanged) {
      // Old matches and figures describe the old query: drop them and re-match everything.
      await forgetTopicMatches(trx, id);
      backfillId = await queueBackfill(trx, eventActor, actor.organisationId, id, topic.version);
    }
    await recordEvent(trx, eventActor, {
      name: "topic.updated",
      subjectType: "topic",
      subjectId: id,
      data: {
        name: topic.name,
        query: topic.query,
        ...(queryChanged ? { previousQuery: before.query } : {}),
      },
    });
    return { topic, backfillId };
  });
}

export async function deleteTopic(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  id: string,
) {
  authorize(actor, "delete", "Topic");
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("topics")
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", id)
      .returning(["name", "query"])
      .executeTakeFirst();
    if (!row) throw notFound("Topic");
    await recordEvent(trx, eventActor, {
      name: "topic.deleted",
      subjectType: "topic",
      subjectId: id,
      data: row,
    });
  });
}
