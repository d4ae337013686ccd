import { z } from "zod";
import { pageResponse } from "../../http/pagination";

export const sourceSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  name: z.string(),
  settings: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  status: z.enum(["idle", "running", "error", "paused"]),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  postsIngested: z.number(),
  rateLimitPerMinute: z.number(),
  webhookUrl: z.string().nullable(),
  createdAt: z.string(),
});
export const sourcePage = pageResponse(sourceSchema);
export const sourceKindsResponse = z.object({
  kinds: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      passive: z.boolean(),
      secrets: z.array(z.string()),
      settingsSchema: z.unknown(),
    }),
  ),
});
export const createSourceBody = z.object({
  kind: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(120),
  settings: z.record(z.string(), z.unknown()).default({}),
  rateLimitPerMinute: z.number().int().min(1).max(1_000_000).optional(),
});
export const createSourceResponse = z.object({
  source: sourceSchema,
  webhook: z.object({ url: z.string(), secret: z.string() }).nullable(),
});
export const updateSourceBody = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean().optional(),
  rateLimitPerMinute: z.number().int().min(1).max(1_000_000).optional(),
});
export const webhookResponse = z.object({
  accepted: z.number(),
  duplicates: z.number(),
  errors: z.array(z.object({ index: z.number(), message: z.string() })),
});

const mapping = z.object({
  text: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  externalId: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  authorHandle: z.string().optional(),
  authorName: z.string().optional(),
  authorFollowers: z.string().optional(),
  authorUrl: z.string().optional(),
  createdAt: z.string().optional(),
  language: z.string().optional(),
  country: z.string().optional(),
  likes: z.string().optional(),
  shares: z.string().optional(),
  replies: z.string().optional(),
  views: z.string().optional(),
  rating: z.string().optional(),
  replyTo: z.string().optional(),
  thread: z.string().optional(),
});
export const importQuery = z.object({
  fileName: z.string().min(1).max(255),
  format: z.enum(["csv", "jsonl"]),
  mapping: z
    .string()
    .max(10_000)
    .transform((text, ctx) => {
      try {
        return mapping.parse(JSON.parse(text));
      } catch {
        ctx.addIssue({
          code: "custom",
          message: 'mapping must be JSON like {"text":"body","createdAt":"date"}',
        });
        return z.NEVER;
      }
    }),
  delimiter: z.string().length(1).optional(),
  dateOrder: z.enum(["dmy", "mdy"]).optional(),
});
export const importSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  format: z.enum(["csv", "jsonl"]),
  status: z.enum(["running", "done", "failed"]),
  bytesTotal: z.number(),
  bytesRead: z.number(),
  rowsOk: z.number(),
  rowsFailed: z.number(),
  errors: z.array(z.object({ line: z.number(), message: z.string() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const importPage = pageResponse(importSchema);
export const previewBody = z.object({
  sample: z
    .string()
    .min(1)
    .max(256 * 1024),
});
export const previewResponse = z.object({
  format: z.enum(["csv", "jsonl"]),
  delimiter: z.string().optional(),
  columns: z.array(z.string()),
  suggestedMapping: z.record(z.string(), z.unknown()),
});
