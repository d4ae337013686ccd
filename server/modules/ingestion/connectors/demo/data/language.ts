import type { Category, Intent } from "./brands";

/** Crisis kinds the simulation schedules; each hits one Halcyon product. */
export type CrisisKind = "stove-safety" | "pole-recall";

/**
 * One language's vocabulary. Templates use {slot} placeholders filled per post:
 * {product} bare name, {the}/{The} the product with an article/noun that fits the language,
 * {competitor} a rival product of the same category, {aspect} a feature, {issue} a fault,
 * {place}, {time}, {crisis} a crisis-specific incident.
 */
export interface LanguagePack {
  the: Record<Category, string>;
  aspects: Record<Category, string[]>;
  issues: Record<Category, string[]>;
  places: string[];
  times: string[];
  hashtags: string[];
  templates: Record<Intent, string[]>;
  crisis: string[];
  crisisIssues: Record<CrisisKind, string[]>;
  firstNames: string[];
  lastNames: string[];
}
