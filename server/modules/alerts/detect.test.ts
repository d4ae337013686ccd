import { describe, expect, it } from "vitest";
import {
  DEFAULT_DETECTOR,
  dayTypeFactors,
  detectKeywordSpike,
  detectNegativeSpike,
  detectVolumeSpike,
  HOUR_MS,
  robustZ,
  seasonalBaseline,
} from "./detect";

// 2024-01-01 00:00 UTC is a Monday.
const START = Date.UTC(2024, 0, 1);
const SHAPE = [
  0.35, 0.25, 0.18, 0.15, 0.15, 0.2, 0.4, 0.7, 1.0, 1.2, 1.3, 1.35, 1.45, 1.4, 1.35, 1.35, 1.4, 1.5, 1.65,
  1.75, 1.7, 1.5, 1.1, 0.7,
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson draw (Knuth for small means, normal approximation above 50). */
function poisson(r: () => number, mean: number) {
  if (mean > 50) {
    const z = Math.sqrt(-2 * Math.log(r() || 1e-12)) * Math.cos(2 * Math.PI * r());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const l = Math.exp(-mean);
  let k = 0,
    p = 1;
  do {
    k++;
    p *= r();
  } while (p > l);
  return k - 1;
}

const weekend = (i: number) => [0, 6].includes(new Date(START + i * HOUR_MS).getUTCDay());

/** A quiet stream with a daily rhythm and busier weekends: `perHour` mentions on average. */
function seasonal(hours: number, perHour: number, seed = 1) {
  const r = rng(seed);
  return Array.from({ length: hours }, (_, i) =>
    poisson(r, perHour * (SHAPE[i % 24] as number) * (weekend(i) ? 1.2 : 0.92)),
  );
}

describe("volume spikes", () => {
  it("raises nothing over four quiet weeks of a seasonal stream", () => {
    const volume = seasonal(35 * 24, 40);
    const alarms = [];
    for (let i = 7 * 24; i < volume.length; i++) {
      const f = detectVolumeSpike(volume, START, 0, i);
      if (f) alarms.push({ i, ...f });
    }
    expect(alarms).toEqual([]);
  });

  it("raises on an injected spike, with the expected value near the hour's usual level", () => {
    const volume = seasonal(21 * 24, 40);
    const i = 20 * 24 + 14; // a weekday afternoon
    const usual = volume[i] as number;
    volume[i] = usual + 120;
    const finding = detectVolumeSpike(volume, START, 0, i);
    expect(finding).not.toBeNull();
    expect(finding!.observed).toBe(usual + 120);
    expect(finding!.expected).toBeGreaterThan(30);
    expect(finding!.expected).toBeLessThan(80);
    expect(finding!.score).toBeGreaterThanOrEqual(DEFAULT_DETECTOR.zThreshold);
  });

  it("does not raise on the evening peak that is normal for that hour", () => {
    const volume = seasonal(21 * 24, 40, 7);
    const peak = 20 * 24 + 19; // 19:00, 1.75× the daily mean
    const morning = 20 * 24 + 4;
    expect(volume[peak]! / Math.max(1, volume[morning]!)).toBeGreaterThan(4);
    expect(detectVolumeSpike(volume, START, 0, peak)).toBeNull();
    // A plain trailing-24 h rule would see the same hour as far above its mean.
    const trailing = volume.slice(peak - 24, peak);
    expect(volume[peak]!).toBeGreaterThan(1.4 * (trailing.reduce((a, b) => a + b, 0) / 24));
  });

  it("knows weekends are busier once it has a week of history", () => {
    const volume = seasonal(28 * 24, 40, 3);
    const f = dayTypeFactors(volume, START, 0, 27 * 24);
    expect(f.weekend).toBeGreaterThan(1.15);
    expect(f.weekday).toBeLessThan(1);
    const saturday = 26 * 24 + 12; // 2024-01-27 is a Saturday
    expect(new Date(START + saturday * HOUR_MS).getUTCDay()).toBe(6);
    const b = seasonalBaseline(volume, START, 0, saturday)!;
    expect(b.method).toBe("seasonal");
    // Scaled to the weekend level: close to 40 × 1.45 × 1.2 ≈ 70, not the weekday ≈ 53.
    expect(b.expected).toBeGreaterThan(60);
  });

  it("falls back to the previous 24 hours for a topic younger than three days", () => {
    const volume = seasonal(10 * 24, 40);
    const first = 8 * 24;
    const b = seasonalBaseline(volume, START, first, first + 30)!;
    expect(b.method).toBe("trailing");
    expect(seasonalBaseline(volume, START, first, first + 3)).toBeNull();
  });

  it("keeps tiny counts quiet: Poisson floor and minimum count", () => {
    // A topic with ~0.5 mentions an hour and a flat baseline of zeros (MAD = 0).
    const volume = seasonal(14 * 24, 0.5, 11);
    const i = 13 * 24 + 12;
    volume[i] = 6;
    expect(detectVolumeSpike(volume, START, 0, i)).toBeNull();
    // Without the floor, z would be infinite for any count above a zero median.
    const flat = { expected: 0, spread: 0, method: "seasonal" as const };
    expect(robustZ(6, flat)).toBe(6);
    // sqrt(25) + 1 = 6: the Poisson floor with its small-count margin.
    expect(robustZ(30, { expected: 25, spread: 0, method: "seasonal" })).toBeCloseTo(5 / 6, 5);
  });

  it("judges a partial hour against the expected value scaled by the fraction seen", () => {
    const volume = seasonal(21 * 24, 40);
    const i = 20 * 24 + 14;
    const usual = volume[i] as number;
    volume[i] = Math.round(usual / 2); // half an hour of an ordinary hour
    expect(detectVolumeSpike(volume, START, 0, i, 0.5)).toBeNull();
    volume[i] = Math.round(usual / 2) + 60; // half an hour of a spike
    const f = detectVolumeSpike(volume, START, 0, i, 0.5)!;
    expect(f).not.toBeNull();
    expect(f.expected).toBeLessThan(usual);
    expect(detectVolumeSpike(volume, START, 0, i, 0.2)).toBeNull(); // too little of the hour seen
  });
});

describe("negative share", () => {
  const volume = seasonal(14 * 24, 40, 5);
  const r = rng(9);
  const negative = volume.map((v) => Array.from({ length: v }, () => r() < 0.15).filter(Boolean).length);

  it("raises when the hour's share jumps well above the week's", () => {
    const i = 13 * 24 + 15;
    const neg = [...negative];
    neg[i] = Math.round(volume[i]! * 0.6);
    const f = detectNegativeSpike(volume, neg, 0, i)!;
    expect(f).not.toBeNull();
    expect(f.expected).toBeGreaterThan(0.1);
    expect(f.expected).toBeLessThan(0.2);
    expect(f.observed).toBeGreaterThan(0.55);
  });

  it("stays quiet on ordinary hours and on small hours with a high share", () => {
    for (let i = 7 * 24; i < volume.length; i++)
      expect(detectNegativeSpike(volume, negative, 0, i)).toBeNull();
    const v = [...volume];
    const neg = [...negative];
    const i = 13 * 24 + 3;
    v[i] = 8;
    neg[i] = 8; // 100 % negative, but 8 mentions
    expect(detectNegativeSpike(v, neg, 0, i)).toBeNull();
  });
});

describe("keyword alerts", () => {
  const volume = seasonal(14 * 24, 40, 13);
  const i = 13 * 24 + 16;

  it("raises for a crisis term that suddenly appears", () => {
    const recall = new Array(volume.length).fill(0);
    recall[i] = 9;
    const f = detectKeywordSpike(recall, volume, 0, i)!;
    expect(f).not.toBeNull();
    expect(f.expected).toBe(0);
  });

  it("does not raise for a term that is always there, even in a busy hour", () => {
    const r = rng(17);
    const fire = volume.map((v) => Array.from({ length: v }, () => r() < 0.1).filter(Boolean).length);
    for (let h = 7 * 24; h < volume.length; h++) expect(detectKeywordSpike(fire, volume, 0, h)).toBeNull();
    // The same term surging to half of the hour's mentions does raise.
    const surge = [...fire];
    surge[i] = Math.round(volume[i]! * 0.5);
    expect(detectKeywordSpike(surge, volume, 0, i)).not.toBeNull();
  });

  it("needs at least three mentions of the term", () => {
    const rare = new Array(volume.length).fill(0);
    rare[i] = 2;
    expect(detectKeywordSpike(rare, volume, 0, i)).toBeNull();
  });
});
