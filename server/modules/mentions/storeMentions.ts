import { sql, type Transaction } from "kysely";
import { pgJson, pgText, pgTextArrayLiteral, pgTextOrNull } from "../../db/arrays";
import type { DB } from "../../db/schema";
import { contentKey } from "./contentKey";
import { influenceScore } from "./influence";
import { updateRollups } from "./rollups";
import type { MentionInput, StoredMention, StoreResult } from "./types";

const DUPLICATE_WINDOW = "7 days";

/** Engagement counts fit the int columns whatever a source claims (NaN, negative, 5e9 views). */
function count(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return 0;
  return Math.max(0, Math.min(2_147_483_647, Math.round(value)));
}

function toDate(value: string): Date {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? new Date() : date;
}

/**
 * Stores a batch for one organisation inside the caller's transaction: authors refreshed,
 * mentions inserted once (the unique key makes redelivery harmless), near-duplicates linked,
 * payloads kept, matches recorded and rollups advanced — counting only rows this call inserted,
 * so rollups always equal a recount, whatever crashes and retries happened.
 */
export async function storeMentions(
  trx: Transaction<DB>,
  organisationId: string,
  batch: MentionInput[],
): Promise<StoreResult> {
  const seen = new Set<string>();
  const items = batch.filter((item) => {
    const key = `${item.post.channel}\u0001${item.post.externalId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (items.length === 0) return { stored: [], alreadyStored: batch.length, topicCounts: new Map() };

  const authorIds = await upsertAuthors(trx, organisationId, items);
  const keys = items.map((item) => contentKey(item.post.text));
  const inserted = await sql<{ id: number; channel: string; external_id: string; created_at: Date }>`
    insert into mentions (organisation_id, source_id, channel, external_id, author_id, author_handle, author_followers, text, title, url,
      language, country, sentiment, sentiment_label, intent, hashtags, entities, likes, shares, replies, views, rating,
      reply_to_external_id, thread_external_id, content_key, created_at)
    select ${organisationId}::uuid, source_id, channel, external_id, author_id, author_handle, author_followers, text, title, url,
      language, country, sentiment, sentiment_label, intent, hashtags::text[], entities, likes, shares, replies, views, rating,
      reply_to, thread, content_key, created_at
    from unnest(
      ${items.map((i) => i.sourceId)}::uuid[], ${items.map((i) => i.post.channel)}::text[],
      ${items.map((i) => pgText(i.post.externalId))}::text[],
      ${items.map((i) => (i.post.author ? (authorIds.get(`${i.post.channel}\u0001${pgText(i.post.author.handle)}`) ?? null) : null))}::bigint[],
      ${items.map((i) => pgTextOrNull(i.post.author?.handle))}::text[], ${items.map((i) => count(i.post.author?.followers))}::int[],
      ${items.map((i) => pgText(i.post.text))}::text[],
      ${items.map((i) => pgTextOrNull(i.post.title))}::text[], ${items.map((i) => pgTextOrNull(i.post.url))}::text[],
      ${items.map((i) => i.language)}::text[], ${items.map((i) => i.post.country ?? null)}::text[],
      ${items.map((i) => i.sentiment)}::real[], ${items.map((i) => i.sentimentLabel)}::text[], ${items.map((i) => i.intent)}::text[],
      ${items.map((i) => pgTextArrayLiteral(i.hashtags.map(pgText)))}::text[], ${items.map((i) => pgJson(i.entities))}::jsonb[],
      ${items.map((i) => count(i.post.engagement?.likes))}::int[], ${items.map((i) => count(i.post.engagement?.shares))}::int[],
      ${items.map((i) => count(i.post.engagement?.replies))}::int[], ${items.map((i) => count(i.post.engagement?.views))}::int[],
      ${items.map((i) => i.post.rating ?? null)}::real[],
      ${items.map((i) => pgTextOrNull(i.post.replyToExternalId))}::text[], ${items.map((i) => pgTextOrNull(i.post.threadExternalId))}::text[],
      ${keys}::text[], ${items.map((i) => toDate(i.post.createdAt).toISOString())}::timestamptz[]
    ) as x(source_id, channel, external_id, author_id, author_handle, author_followers, text, title, url, language, country, sentiment,
      sentiment_label, intent, hashtags, entities, likes, shares, replies, views, rating, reply_to, thread, content_key, created_at)
    on conflict (organisation_id, channel, external_id) do nothing
    returning id, channel, external_id, created_at`.execute(trx);

  const byKey = new Map(
    items.map((item) => [`${item.post.channel}\u0001${pgText(item.post.externalId)}`, item]),
  );
  const stored: StoredMention[] = inserted.rows.map((row) => ({
    id: Number(row.id),
    input: byKey.get(`${row.channel}\u0001${row.external_id}`)!,
    createdAt: new Date(row.created_at),
    duplicateOf: null,
  }));
  if (stored.length === 0) return { stored, alreadyStored: batch.length, topicCounts: new Map() };

  await linkNearDuplicates(trx, stored);
  await sql`insert into mention_payloads (mention_id, raw)
    select id, raw from unnest(${stored.map((m) => m.id)}::bigint[], ${stored.map((m) => pgJson(m.input.post.raw))}::jsonb[]) as x(id, raw)`.execute(
    trx,
  );
  await countAuthorMentions(trx, stored, authorIds);
  const topicCounts = await updateRollups(trx, organisationId, stored);
  return { stored, alreadyStored: batch.length - stored.length, topicCounts };
}

async function upsertAuthors(trx: Transaction<DB>, organisationId: string, items: MentionInput[]) {
  const authors = new Map<
    string,
    {
      channel: string;
      handle: string;
      name: string | null;
      url: string | null;
      followers: number;
      engagement: number;
    }
  >();
  for (const item of items) {
    const author = item.post.author;
    if (!author?.handle) continue;
    const engagement = (item.post.engagement?.likes ?? 0) + (item.post.engagement?.shares ?? 0);
    // Keyed as stored: "bob" and "bob\u0000" are one author, or one upsert would hit a row twice.
    authors.set(`${item.post.channel}\u0001${pgText(author.handle)}`, {
      channel: item.post.channel,
      handle: pgText(author.handle),
      name: pgTextOrNull(author.name),
      url: pgTextOrNull(author.url),
      followers: Math.max(0, Math.min(2_000_000_000, Math.round(author.followers ?? 0))),
      engagement,
    });
  }
  const ids = new Map<string, number>();
  if (authors.size === 0) return ids;
  const list = [...authors.values()];
  const rows = await sql<{ id: number; channel: string; handle: string }>`
    insert into authors (organisation_id, channel, handle, name, url, followers, influence)
    select ${organisationId}::uuid, channel, handle, name, url, followers, influence
    from unnest(${list.map((a) => a.channel)}::text[], ${list.map((a) => a.handle)}::text[], ${list.map((a) => a.name)}::text[],
      ${list.map((a) => a.url)}::text[], ${list.map((a) => a.followers)}::int[],
      ${list.map((a) => influenceScore(a.followers, a.engagement))}::real[]) as x(channel, handle, name, url, followers, influence)
    on conflict (organisation_id, channel, handle) do update set
      name = coalesce(excluded.name, authors.name),
      url = coalesce(excluded.url, authors.url),
      followers = case when excluded.followers > 0 then excluded.followers else authors.followers end,
      influence = case when excluded.followers > 0 then excluded.influence else authors.influence end,
      last_seen_at = now()
    returning id, channel, handle`.execute(trx);
  for (const row of rows.rows) ids.set(`${row.channel}\u0001${row.handle}`, Number(row.id));
  return ids;
}

/** Links each new mention to the earliest one in the last week that says the same thing. */
async function linkNearDuplicates(trx: Transaction<DB>, stored: StoredMention[]) {
  const rows = await sql<{ id: number; near_duplicate_of: number }>`
    update mentions m set near_duplicate_of = (
      select o.id from mentions o
      where o.organisation_id = m.organisation_id and o.content_key = m.content_key and o.id < m.id
        and o.created_at > m.created_at - ${DUPLICATE_WINDOW}::interval and o.near_duplicate_of is null
      order by o.id limit 1)
    where m.id = any(${stored.map((s) => s.id)}::bigint[]) and m.content_key <> ''
    returning m.id, m.near_duplicate_of`.execute(trx);
  const byId = new Map(stored.map((s) => [s.id, s]));
  for (const row of rows.rows) {
    const mention = byId.get(Number(row.id));
    if (mention && row.near_duplicate_of != null) mention.duplicateOf = Number(row.near_duplicate_of);
  }
}

async function countAuthorMentions(
  trx: Transaction<DB>,
  stored: StoredMention[],
  authorIds: Map<string, number>,
) {
  const counts = new Map<number, number>();
  for (const m of stored) {
    const handle = m.input.post.author?.handle;
    const id = handle ? authorIds.get(`${m.input.post.channel}\u0001${pgText(handle)}`) : undefined;
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  if (counts.size === 0) return;
  await sql`update authors set mention_count = authors.mention_count + x.n
    from unnest(${[...counts.keys()]}::bigint[], ${[...counts.values()]}::int[]) as x(id, n)
    where authors.id = x.id`.execute(trx);
}
