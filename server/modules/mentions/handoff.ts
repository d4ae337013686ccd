import { z } from "zod";

/**
 * The contract of a hand-off from Listen to another module: a mention becomes a Care case or an
 * Innovate idea. Listen writes a `mention.handed_off` event carrying this payload; the Care and
 * Innovate modules consume it when they exist (until then the event is the record, in the audit log).
 */
export const handoffTargets = ["care", "innovate"] as const;
export type HandoffTarget = (typeof handoffTargets)[number];

export const mentionHandoffEvent = z.object({
  target: z.enum(handoffTargets),
  mentionId: z.string(),
  channel: z.string(),
  url: z.string().nullable(),
  authorHandle: z.string().nullable(),
  /** The first 280 characters, enough for a case title or an idea summary. */
  excerpt: z.string(),
  sentimentLabel: z.string(),
  note: z.string().nullable(),
});
export type MentionHandoffEvent = z.infer<typeof mentionHandoffEvent>;
export const MENTION_HANDED_OFF = "mention.handed_off";
