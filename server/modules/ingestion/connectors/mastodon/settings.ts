import { z } from "zod";

const hashtag = z
  .string()
  .trim()
  .transform((t) => t.replace(/^#/, ""))
  .pipe(z.string().regex(/^[\p{L}\p{N}_]+$/u, "a hashtag is letters, digits and underscores"));

export const mastodonSettings = z
  .object({
    instanceUrl: z
      .string()
      .url()
      .transform((u) => u.replace(/\/+$/, "")),
    accessToken: z.string().min(1),
    hashtags: z.array(hashtag).max(20).optional(),
    timeline: z.enum(["public", "local"]).optional(),
    query: z.string().trim().min(1).optional(),
  })
  .refine((s) => s.hashtags?.length || s.timeline || s.query, {
    message: "set hashtags, timeline or query",
  });

export type MastodonSettings = z.infer<typeof mastodonSettings>;
