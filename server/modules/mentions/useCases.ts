import type { AppContext } from "../../context";
import { type Actor, recordEvent } from "../../events/record";
import { notFound } from "../../http/errors";
import { authorize, type PolicyActor } from "../../policies/policy";
import { type HandoffTarget, MENTION_HANDED_OFF, type MentionHandoffEvent } from "./handoff";

/** Replaces a mention's tags (normalised: trimmed, lower case, unique). */
export async function tagMention(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  mentionId: number,
  tags: string[],
): Promise<string[]> {
  authorize(actor, "tag", "Mention");
  const clean = [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))].sort();
  return ctx.db.transaction().execute(async (trx) => {
    const mention = await trx
      .selectFrom("mentions")
      .select("id")
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", mentionId)
      .forUpdate()
      .executeTakeFirst();
    if (!mention) throw notFound("Mention");
    await trx.deleteFrom("mention_tags").where("mention_id", "=", mentionId).execute();
    if (clean.length > 0)
      await trx
        .insertInto("mention_tags")
        .values(clean.map((tag) => ({ organisation_id: actor.organisationId, mention_id: mentionId, tag })))
        .execute();
    await recordEvent(trx, eventActor, {
      name: "mention.tagged",
      subjectType: "mention",
      subjectId: String(mentionId),
      data: { tags: clean },
    });
    return clean;
  });
}

/** Hands a mention to Care (open a case) or Innovate (propose as idea): the event is the hand-off. */
export async function handOffMention(
  ctx: Pick<AppContext, "db">,
  actor: PolicyActor,
  eventActor: Actor,
  mentionId: number,
  target: HandoffTarget,
  note: string | null,
): Promise<MentionHandoffEvent> {
  authorize(actor, "handoff", "Mention");
  return ctx.db.transaction().execute(async (trx) => {
    const m = await trx
      .selectFrom("mentions")
      .select(["id", "channel", "url", "author_handle", "text", "sentiment_label"])
      .where("organisation_id", "=", actor.organisationId)
      .where("id", "=", mentionId)
      .executeTakeFirst();
    if (!m) throw notFound("Mention");
    const payload: MentionHandoffEvent = {
      target,
      mentionId: String(m.id),
      channel: m.channel,
      url: m.url,
      authorHandle: m.author_handle,
      excerpt: [...m.text].slice(0, 280).join(""),
      sentimentLabel: m.sentiment_label ?? "neutral",
      note,
    };
    await recordEvent(trx, eventActor, {
      name: MENTION_HANDED_OFF,
      subjectType: "mention",
      subjectId: String(m.id),
      data: payload,
    });
    return payload;
  });
}

/** Hand-offs already made for a mention (from the event log), so the UI can say "sent to Care". */
export async function handoffsOf(ctx: Pick<AppContext, "db">, organisationId: string, mentionId: number) {
  const rows = await ctx.db
    .selectFrom("events")
    .select(["data", "created_at"])
    .where("organisation_id", "=", organisationId)
    .where("name", "=", MENTION_HANDED_OFF)
    .where("subject_type", "=", "mention")
    .where("subject_id", "=", String(mentionId))
    .orderBy("created_at", "desc")
    .limit(20)
    .execute();
  return rows.map((r) => ({
    target: (r.data as { target?: string }).target ?? "care",
    at: new Date(r.created_at).toISOString(),
  }));
}
