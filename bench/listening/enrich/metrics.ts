/** Pearson correlation; 0 when either side has no variance. */
export function pearson(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const n = xs.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i]!;
    sy += ys[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    cov += dx * dy;
    vx += dx * dx;
    vy += dy * dy;
  }
  return vx === 0 || vy === 0 ? 0 : cov / Math.sqrt(vx * vy);
}

/** Three classes with the ±0.05 cut used by VADER: -1 negative, 0 neutral, 1 positive. */
export function classOf(score: number, cut = 0.05): -1 | 0 | 1 {
  return score >= cut ? 1 : score <= -cut ? -1 : 0;
}

export interface ClassReport {
  /** Support-weighted mean of per-class F1 (scikit-learn "avg / total", as in the VADER paper). */
  weightedF1: number;
  macroF1: number;
  macroRecall: number;
  accuracy: number;
}

export function classReport(
  gold: ArrayLike<number>,
  pred: ArrayLike<number>,
  classes: number[],
): ClassReport {
  let correct = 0;
  let wF1 = 0;
  let mF1 = 0;
  let mR = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      const g = gold[i] === c;
      const p = pred[i] === c;
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    wF1 += f1 * (tp + fn);
    mF1 += f1;
    mR += recall;
  }
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) correct++;
  return {
    weightedF1: wF1 / gold.length,
    macroF1: mF1 / classes.length,
    macroRecall: mR / classes.length,
    accuracy: correct / gold.length,
  };
}

/**
 * Items per CPU-second of this process ("posts/s/core") for fn over items, repeated until minMs of wall
 * time passed (after one warm-up pass). CPU time rather than wall time, so other work on a shared
 * machine does not count against the figure.
 */
export function throughput<T>(items: readonly T[], fn: (item: T) => unknown, minMs = 1000): number {
  let sink = 0;
  for (const it of items) if (fn(it)) sink++;
  let count = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  do {
    for (const it of items) if (fn(it)) sink++;
    count += items.length;
  } while (performance.now() - start < minMs);
  const cpu = process.cpuUsage(cpu0);
  if (sink < 0) console.log(sink);
  return (count * 1e6) / (cpu.user + cpu.system);
}
