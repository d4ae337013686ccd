import type { ReactNode } from "react";
import type { SourceKind } from "../api/sources";
import { IconGlobe, IconRss, IconSparkles, IconWebhook } from "../ui/icons";

/** Presentation for connector kinds; the kinds themselves (and their settings) come from the API. */
interface KindInfo {
  icon: (size: number) => ReactNode;
  hint?: string;
  /** Starting values for the settings form, when the schema's defaults aren't enough. */
  preset?: Record<string, unknown>;
  /** Field hints the schema doesn't carry (zod comments don't reach the JSON Schema). */
  fieldHints?: Record<string, string>;
  /** Lower sorts first in the picker. */
  order: number;
}

const INFO: Record<string, KindInfo> = {
  demo: {
    icon: (s) => <IconSparkles size={s} />,
    hint: "A simulated stream about Halcyon Outdoor and its competitors, good for trying Chorus.",
    preset: { postsPerMinute: 600, seed: 1, speedup: 60 },
    fieldHints: {
      seed: "The same seed always produces the same stream.",
      startAt: "Simulated time to start from; empty starts now.",
      speedup: "Simulated seconds per real second: 60 plays an hour in a minute.",
      crisisEveryDays: "One simulated crisis every N days; 0 turns crises off.",
    },
    order: 0,
  },
  rss: { icon: (s) => <IconRss size={s} />, hint: "Poll a news or blog feed.", order: 1 },
  atom: { icon: (s) => <IconRss size={s} />, hint: "Poll an Atom feed.", order: 2 },
  jsonfeed: { icon: (s) => <IconRss size={s} />, hint: "Poll a JSON Feed.", order: 3 },
  mastodon: {
    icon: (s) => <IconGlobe size={s} />,
    hint: "Stream hashtags or a public timeline live.",
    order: 4,
  },
  mastodon_search: {
    icon: (s) => <IconGlobe size={s} />,
    hint: "Search an instance on a schedule.",
    order: 5,
  },
  bluesky: { icon: (s) => <IconGlobe size={s} />, hint: "Filter the Bluesky firehose by keyword.", order: 6 },
  reddit: { icon: (s) => <IconGlobe size={s} />, hint: "Search Reddit and follow subreddits.", order: 7 },
  webhook: {
    icon: (s) => <IconWebhook size={s} />,
    hint: "Your own systems push signed JSON posts to Chorus.",
    order: 8,
  },
};

const FALLBACK: KindInfo = { icon: (s) => <IconGlobe size={s} />, order: 50 };

export function kindInfo(kind: string): KindInfo {
  return INFO[kind] ?? FALLBACK;
}

export function sortKinds(kinds: readonly SourceKind[]): SourceKind[] {
  return [...kinds].sort((a, b) => kindInfo(a.kind).order - kindInfo(b.kind).order);
}

/** The label without its parenthesised detail: "Demo market (simulated …)" → "Demo market". */
export function shortLabel(label: string): string {
  return label.replace(/\s*\(.*\)\s*$/, "");
}

/** The parenthesised detail of a label, if any. */
export function labelDetail(label: string): string | undefined {
  return label.match(/\(([^)]*)\)\s*$/)?.[1];
}
