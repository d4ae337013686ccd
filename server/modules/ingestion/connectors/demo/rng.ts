/** Small, fast, seedable PRNG (mulberry32): the demo must be reproducible from a seed. */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes several integers into one 32-bit seed, so (seed, hour) streams are independent. */
export function mix(...values: number[]): number {
  let h = 0x811c9dc5;
  for (const v of values) {
    // Split into two 32-bit halves so hour indexes above 2^32 still mix in fully.
    const lo = v >>> 0;
    const hi = Math.floor(v / 4294967296) >>> 0;
    h = Math.imul(h ^ lo, 0x01000193);
    h = Math.imul(h ^ hi, 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** Builds a sampler from [value, weight] pairs (weights need not sum to 1). */
export function weighted<T>(pairs: readonly [T, number][]): (rng: Rng) => T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  const values = pairs.map(([v]) => v);
  const cumulative: number[] = [];
  let acc = 0;
  for (const [, w] of pairs) {
    acc += w / total;
    cumulative.push(acc);
  }
  return (rng) => {
    const r = rng();
    for (let i = 0; i < cumulative.length; i++) if (r < (cumulative[i] as number)) return values[i] as T;
    return values[values.length - 1] as T;
  };
}
