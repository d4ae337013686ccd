import { createHash } from "node:crypto";
import { cleanText } from "../feeds/html-text";
import type { ChannelKind, NormalisedPost } from "../types";
import { type DateOrder, parseFlexibleDate } from "./dates";

/**
 * Which source column (CSV header) or field (JSONL; dotted paths like "user.name" reach into
 * nested objects) feeds each NormalisedPost field. Only `text` is required; several text columns
 * are joined with newlines (e.g. a review's title and body).
 */
export interface ColumnMapping {
  text: string | string[];
  externalId?: string;
  title?: string;
  url?: string;
  authorHandle?: string;
  authorName?: string;
  authorFollowers?: string;
  authorUrl?: string;
  createdAt?: string;
  language?: string;
  country?: string;
  likes?: string;
  shares?: string;
  replies?: string;
  views?: string;
  rating?: string;
  replyTo?: string;
  thread?: string;
}

export type MappedField = keyof ColumnMapping;

export interface BuildContext {
  channel: ChannelKind;
  dateOrder: DateOrder;
  now: Date;
  /** The record's content, hashed into an externalId when none is mapped. */
  identity: string;
}

export type Lookup = (source: string) => unknown;

/** Every source column the mapping names (for checking them against the header up front). */
export function mappedSources(mapping: ColumnMapping): string[] {
  return Object.values(mapping).flatMap((v) => (Array.isArray(v) ? v : v ? [v] : []));
}

/**
 * One record → post or a message. Rules (documented for the import UI):
 * - text: required, non-empty after cleaning (control characters and NULs removed).
 * - externalId: the mapped value; when unmapped or empty, "sha256:" + the first 32 hex of the
 *   SHA-256 of the record's content. Content, not line number: re-importing the same file is then
 *   idempotent (the pipeline dedupes), at the price that two byte-identical rows collapse into one.
 * - createdAt: empty/unmapped → import time; unparseable → error.
 * - likes/shares/replies/views/followers/rating: "1,234", "1 234", "1.2k", "3M" accepted; junk → error.
 * - url/authorUrl: kept only when http(s); language: primary subtag when a 2-letter code;
 *   country: kept when 2 letters. Invalid values of these are dropped silently rather than
 *   costing the row (they are optional metadata).
 */
export function buildPost(get: Lookup, mapping: ColumnMapping, ctx: BuildContext): NormalisedPost | string {
  const value = (field: MappedField): string | undefined => {
    const source = mapping[field];
    if (typeof source !== "string") return undefined;
    const v = get(source);
    if (v === undefined || v === null) return undefined;
    const s = typeof v === "object" ? JSON.stringify(v) : String(v);
    return s.trim() === "" ? undefined : s;
  };

  const text = cleanText(
    [mapping.text]
      .flat()
      .map((s) => get(s))
      .filter((v) => v !== undefined && v !== null && String(v).trim() !== "")
      .map(String)
      .join("\n"),
  );
  if (!text)
    return `text is empty (column ${[mapping.text]
      .flat()
      .map((c) => `"${c}"`)
      .join(", ")})`;

  const rawDate = value("createdAt");
  const createdAt = rawDate === undefined ? ctx.now.toISOString() : parseFlexibleDate(rawDate, ctx.dateOrder);
  if (!createdAt) return `createdAt: unrecognised date ${JSON.stringify(rawDate!.slice(0, 80))}`;

  const numbers: Partial<
    Record<"likes" | "shares" | "replies" | "views" | "authorFollowers" | "rating", number>
  > = {};
  for (const f of ["likes", "shares", "replies", "views", "authorFollowers", "rating"] as const) {
    const raw = value(f);
    if (raw === undefined) continue;
    const n = parseCount(raw, f === "rating");
    if (n === null) return `${f}: not a number ${JSON.stringify(raw.slice(0, 40))}`;
    numbers[f] = n;
  }

  const externalId =
    value("externalId")?.trim() ??
    `sha256:${createHash("sha256").update(ctx.identity).digest("hex").slice(0, 32)}`;
  const post: NormalisedPost = { channel: ctx.channel, externalId, text, createdAt, raw: undefined };

  const title = value("title");
  if (title) post.title = cleanText(title);
  const url = httpUrl(value("url"));
  if (url) post.url = url;
  const handle = value("authorHandle") ?? value("authorName");
  if (handle) {
    post.author = { handle: cleanText(handle) };
    const name = value("authorName");
    if (name) post.author.name = cleanText(name);
    if (numbers.authorFollowers !== undefined) post.author.followers = numbers.authorFollowers;
    const authorUrl = httpUrl(value("authorUrl"));
    if (authorUrl) post.author.url = authorUrl;
  }
  const lang = value("language")?.trim().toLowerCase().split(/[-_]/)[0];
  if (lang && /^[a-z]{2}$/.test(lang)) post.language = lang;
  const country = value("country")?.trim().toUpperCase();
  if (country && /^[A-Z]{2}$/.test(country)) post.country = country;
  const replyTo = value("replyTo");
  if (replyTo) post.replyToExternalId = replyTo.trim();
  const thread = value("thread");
  if (thread) post.threadExternalId = thread.trim();
  const engagement: NonNullable<NormalisedPost["engagement"]> = {};
  for (const f of ["likes", "shares", "replies", "views"] as const)
    if (numbers[f] !== undefined) engagement[f] = numbers[f];
  if (Object.keys(engagement).length > 0) post.engagement = engagement;
  if (numbers.rating !== undefined) post.rating = numbers.rating;
  return post;
}

function parseCount(raw: string, fractional: boolean): number | null {
  const s = raw.trim().replace(/[\s_,](?=\d{3}\b)/g, "");
  const m = s.match(/^(\d+(?:\.\d+)?)\s*([kKmM])?$/);
  if (!m) return null;
  const n = Number(m[1]) * (m[2] ? (m[2].toLowerCase() === "k" ? 1e3 : 1e6) : 1);
  return fractional ? n : Math.round(n);
}

function httpUrl(v: string | undefined): string | undefined {
  if (!v) return undefined;
  const t = v.trim();
  return /^https?:\/\//i.test(t) && URL.canParse(t) ? t : undefined;
}
