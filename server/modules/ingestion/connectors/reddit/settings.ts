import { z } from "zod";

export const redditSettings = z
  .object({
    /** https://oauth.reddit.com for app tokens; a local server in tests. */
    baseUrl: z
      .string()
      .url()
      .default("https://oauth.reddit.com")
      .transform((u) => u.replace(/\/+$/, "")),
    accessToken: z.string().min(1),
    /** Reddit asks for "<platform>:<app id>:<version> (by /u/<user>)" and throttles generic agents. */
    userAgent: z.string().min(5).default("server:chorus-listening:0.1 (by /u/chorus-app)"),
    query: z.string().trim().min(1).max(512).optional(),
    subreddits: z
      .array(
        z
          .string()
          .trim()
          .transform((s) => s.replace(/^\/?r\//i, ""))
          .pipe(z.string().regex(/^[A-Za-z0-9_]{2,21}$/, "not a subreddit name")),
      )
      .max(50)
      .optional(),
    /** Also read /r/<sub>/comments (newest comments), mapped from t1 things. */
    includeComments: z.boolean().default(false),
  })
  .refine((s) => s.query || s.subreddits?.length, { message: "set a query or subreddits" });

export type RedditSettings = z.infer<typeof redditSettings>;
