/** Inclusive token interval [first, last]. */
export type Interval = [number, number];

/**
 * Windows in which every word of a proximity phrase sits at its own token, with at most
 * `slop` positions between the first and the last. `positions[k]` lists (ascending) the
 * tokens that word k matches. Returns the distinct intervals spanned and the chosen tokens. A backtracking search is fine: posts are short and phrases have a few words.
 */
export function proximityWindows(
  positions: number[][],
  slop: number,
): { spans: Interval[]; tokens: number[] } {
  const spans: Interval[] = [];
  const chosen = new Set<number>();
  const all = new Set<number>();
  for (const list of positions) if (list.length === 0) return { spans, tokens: [] };
  for (const list of positions) for (const p of list) all.add(p);
  const starts = [...all].sort((a, b) => a - b);
  const used: number[] = [];
  const assign = (k: number, lo: number, hi: number): boolean => {
    if (k === positions.length) return true;
    for (const p of positions[k]!) {
      if (p < lo) continue;
      if (p > hi) break;
      if (used.includes(p)) continue;
      used.push(p);
      if (assign(k + 1, lo, hi)) return true;
      used.pop();
    }
    return false;
  };
  const seen = new Set<string>();
  for (const s of starts) {
    used.length = 0;
    if (assign(0, s, s + slop)) {
      const span: Interval = [Math.min(...used), Math.max(...used)];
      const key = `${span[0]},${span[1]}`;
      if (!seen.has(key)) {
        seen.add(key);
        spans.push(span);
      }
      for (const p of used) chosen.add(p);
    }
  }
  return { spans, tokens: [...chosen].sort((a, b) => a - b) };
}

/**
 * NEAR over two interval lists: pairs that do not overlap and whose gap is at most
 * `distance` positions (adjacent words are 1 apart); `ordered` requires left before right.
 */
export function nearPairs(
  left: Interval[],
  right: Interval[],
  distance: number,
  ordered: boolean,
): { spans: Interval[]; parts: Interval[] } {
  const spans: Interval[] = [];
  const parts: Interval[] = [];
  const seen = new Set<string>();
  const usedL = new Set<Interval>();
  const usedR = new Set<Interval>();
  for (const l of left) {
    for (const r of right) {
      let gap: number;
      if (r[0] > l[1]) gap = r[0] - l[1];
      else if (!ordered && l[0] > r[1]) gap = l[0] - r[1];
      else continue;
      if (gap > distance) continue;
      const s: Interval = [Math.min(l[0], r[0]), Math.max(l[1], r[1])];
      const key = `${s[0]},${s[1]}`;
      if (!seen.has(key)) {
        seen.add(key);
        spans.push(s);
      }
      usedL.add(l);
      usedR.add(r);
    }
  }
  for (const l of usedL) parts.push(l);
  for (const r of usedR) parts.push(r);
  return { spans, parts };
}
