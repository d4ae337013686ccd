import type { CrisisKind } from "./data/language";
import { mix, mulberry32 } from "./rng";

export interface DemoCrisis {
  id: string;
  kind: CrisisKind;
  /** The Halcyon product at the centre of it. */
  productId: string;
  start: string;
  end: string;
  /** Extra posts per hour at the peak, as a multiple of the average hourly volume. */
  peak: number;
}

const HOUR = 3_600_000;
const PRODUCT_OF: Record<CrisisKind, string> = { "stove-safety": "ember", "pole-recall": "trailblazer-2" };

/**
 * Deterministic crisis calendar: time is cut into periods of `everyDays` days (counted from the
 * Unix epoch, so any window agrees on them) and each period gets one crisis at a seeded hour.
 */
export function demoCrisisSchedule(opts: {
  from: Date;
  to: Date;
  seed: number;
  everyDays: number;
}): DemoCrisis[] {
  if (!(opts.everyDays > 0)) return [];
  const periodHours = Math.max(24, Math.round(opts.everyDays * 24));
  const firstHour = Math.floor(opts.from.getTime() / HOUR);
  const lastHour = Math.ceil(opts.to.getTime() / HOUR);
  const out: DemoCrisis[] = [];
  // Start one period early: a crisis begun before `from` may still be running.
  for (let p = Math.floor(firstHour / periodHours) - 1; p <= Math.floor(lastHour / periodHours); p++) {
    const rng = mulberry32(mix(opts.seed, p, 0xc815));
    const startHour = p * periodHours + Math.floor(rng() * Math.max(1, periodHours - 24));
    const duration = 6 + Math.floor(rng() * 7);
    const kind: CrisisKind = rng() < 0.5 ? "stove-safety" : "pole-recall";
    const crisis: DemoCrisis = {
      id: `crisis-${opts.seed}-${p}`,
      kind,
      productId: PRODUCT_OF[kind],
      start: new Date(startHour * HOUR).toISOString(),
      end: new Date((startHour + duration) * HOUR).toISOString(),
      peak: 3 + rng() * 3,
    };
    if (startHour + duration > firstHour && startHour < lastHour) out.push(crisis);
  }
  return out;
}

/** Intensity 0..1 of a crisis in a given hour: a fast rise over two hours, then a slow fade. */
export function crisisShape(crisis: DemoCrisis, hourStartMs: number): number {
  const start = Date.parse(crisis.start);
  const end = Date.parse(crisis.end);
  if (hourStartMs < start || hourStartMs >= end) return 0;
  const h = (hourStartMs - start) / HOUR;
  const d = (end - start) / HOUR;
  return h < 2 ? (h + 1) / 3 : 1 - (0.75 * (h - 2)) / Math.max(1, d - 2);
}
