import { z } from "zod";
import { cleanText, htmlToText } from "../feeds/html-text";
import { parseFlexibleDate } from "../import/dates";
import type { NormalisedPost } from "../types";

/**
 * Webhook payload → NormalisedPost[]. The body may be one post object, an array of them, or
 * `{ "posts": [...] }`. Field mapping (post field ← payload field):
 *
 *   externalId        ← id (string or number; required)
 *   text              ← text (plain, kept verbatim bar control chars/extra spaces), else html
 *                       reduced to plain text (one of them required)
 *   title             ← title
 *   url               ← url (http/https only)
 *   author            ← author: "handle" or { handle, name?, followers?, url? }
 *   language          ← language (BCP 47; primary subtag kept, "en-GB" → "en")
 *   country           ← country (ISO 3166-1 alpha-2, upper-cased)
 *   createdAt         ← createdAt | created_at | timestamp (ISO, epoch s/ms, RFC 2822…); absent → now
 *   replyToExternalId ← replyTo,  threadExternalId ← thread
 *   engagement        ← likes, shares, replies, views (top level or under engagement)
 *   rating            ← rating (0–5)
 *   raw               ← the item as received
 *
 * Each invalid item is reported with its index and a message; valid items still go through.
 */
export const MAX_WEBHOOK_ITEMS = 1_000;
const MAX_TEXT = 100_000;

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const httpUrl = z
  .string()
  .max(4096)
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), "must be an http(s) URL");

const item = z
  .object({
    id: z.union([z.string().trim().min(1).max(512), z.number().int()]),
    text: z.string().max(MAX_TEXT).optional(),
    html: z
      .string()
      .max(MAX_TEXT * 4)
      .optional(),
    title: z.string().max(1000).optional(),
    url: httpUrl.optional(),
    author: z
      .union([
        z.string().trim().min(1).max(256),
        z.object({
          handle: z.string().trim().min(1).max(256),
          name: z.string().max(256).optional(),
          followers: count.optional(),
          url: httpUrl.optional(),
        }),
      ])
      .optional(),
    language: z
      .string()
      .regex(/^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]+)*$/, "must be a language tag like en or en-GB")
      .optional(),
    country: z
      .string()
      .regex(/^[a-zA-Z]{2}$/, "must be a 2-letter country code")
      .optional(),
    createdAt: z.union([z.string(), z.number()]).optional(),
    created_at: z.union([z.string(), z.number()]).optional(),
    timestamp: z.union([z.string(), z.number()]).optional(),
    replyTo: z.union([z.string(), z.number()]).optional(),
    thread: z.union([z.string(), z.number()]).optional(),
    likes: count.optional(),
    shares: count.optional(),
    replies: count.optional(),
    views: count.optional(),
    engagement: z
      .object({
        likes: count.optional(),
        shares: count.optional(),
        replies: count.optional(),
        views: count.optional(),
      })
      .optional(),
    rating: z.number().min(0).max(5).optional(),
  })
  .refine((v) => v.text !== undefined || v.html !== undefined, {
    message: "text or html is required",
    path: ["text"],
  });

export interface WebhookItemError {
  index: number;
  message: string;
}

export function normaliseWebhookPayload(
  payload: unknown,
  options: { now: Date; channel?: "webhook" },
): { posts: NormalisedPost[]; errors: WebhookItemError[] } {
  const list = Array.isArray(payload)
    ? payload
    : payload && typeof payload === "object" && Array.isArray((payload as { posts?: unknown }).posts)
      ? (payload as { posts: unknown[] }).posts
      : [payload];
  const posts: NormalisedPost[] = [];
  const errors: WebhookItemError[] = [];
  if (list.length > MAX_WEBHOOK_ITEMS) {
    return {
      posts,
      errors: [{ index: -1, message: `At most ${MAX_WEBHOOK_ITEMS} posts per request, got ${list.length}` }],
    };
  }
  for (const [index, raw] of list.entries()) {
    const parsed = item.safeParse(raw);
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((i) => `${i.path.join(".") || "item"}: ${i.message}`)
        .join("; ");
      errors.push({ index, message });
      continue;
    }
    const v = parsed.data;
    const text = v.text !== undefined ? cleanText(v.text) : htmlToText(v.html ?? "");
    if (!text) {
      errors.push({ index, message: "text: empty after cleaning" });
      continue;
    }
    const when = v.createdAt ?? v.created_at ?? v.timestamp;
    const createdAt = when === undefined ? options.now.toISOString() : parseFlexibleDate(when);
    if (!createdAt) {
      errors.push({ index, message: `createdAt: unrecognised date ${JSON.stringify(when)}` });
      continue;
    }

    const post: NormalisedPost = {
      channel: options.channel ?? "webhook",
      externalId: String(v.id),
      text,
      createdAt,
      raw,
    };
    if (v.title) post.title = cleanText(v.title);
    if (v.url) post.url = v.url;
    if (v.author)
      post.author = typeof v.author === "string" ? { handle: v.author } : stripUndefined(v.author);
    if (v.language) post.language = v.language.toLowerCase().split(/[-_]/)[0]!;
    if (v.country) post.country = v.country.toUpperCase();
    if (v.replyTo !== undefined) post.replyToExternalId = String(v.replyTo);
    if (v.thread !== undefined) post.threadExternalId = String(v.thread);
    const engagement = stripUndefined({
      likes: v.engagement?.likes ?? v.likes,
      shares: v.engagement?.shares ?? v.shares,
      replies: v.engagement?.replies ?? v.replies,
      views: v.engagement?.views ?? v.views,
    });
    if (Object.keys(engagement).length > 0) post.engagement = engagement;
    if (v.rating !== undefined) post.rating = v.rating;
    posts.push(post);
  }
  return { posts, errors };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
