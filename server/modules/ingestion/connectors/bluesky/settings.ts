import { z } from "zod";

export const blueskySettings = z.object({
  /** A Jetstream instance, e.g. wss://jetstream2.us-east.bsky.network (with or without /subscribe). */
  endpoint: z
    .string()
    .url()
    .refine((u) => /^wss?:\/\//i.test(u), "endpoint must be a ws:// or wss:// URL")
    .transform((u) => u.replace(/\/+$/, "").replace(/\/subscribe$/, "")),
  /** Client-side filter: Jetstream cannot filter on text, so every post is read and matched here. */
  keywords: z.array(z.string().trim().min(1)).max(200).optional(),
  /** Server-side filter: Jetstream sends only these repositories' events. */
  wantedDids: z
    .array(z.string().regex(/^did:[a-z]+:[A-Za-z0-9._:%-]+$/, "not a DID"))
    .max(10_000)
    .optional(),
});

export type BlueskySettings = z.infer<typeof blueskySettings>;
