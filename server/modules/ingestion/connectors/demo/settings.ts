import { z } from "zod";

export const demoSettings = z.object({
  postsPerMinute: z.number().positive().max(100_000),
  /** Same seed, same market: posts are reproducible. */
  seed: z.number().int().default(1),
  /** Simulated time to start from; defaults to now. */
  startAt: z.string().datetime({ offset: true }).optional(),
  /** Simulated seconds per real second (1 = real time; 3600 = an hour per second). */
  speedup: z.number().positive().max(10_000_000).default(1),
  /** One seeded crisis every N days; 0 turns crises off. */
  crisisEveryDays: z.number().min(0).max(365).default(7),
});

export type DemoSettings = z.infer<typeof demoSettings>;
