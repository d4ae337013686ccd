/**
 * Words a web-search style query asks for (`"a phrase"`, `word`, `or`, `-excluded`), so the
 * stream can mark them. Excluded words and the OR keyword are not highlighted.
 */
export function searchWords(q: string): string[] {
  const words = new Set<string>();
  for (const match of q.matchAll(/(-?)"([^"]*)"|(-?)([^\s"]+)/g)) {
    const excluded = match[1] === "-" || match[3] === "-";
    const raw = match[2] ?? match[4] ?? "";
    if (excluded || /^or$/i.test(raw)) continue;
    for (const w of raw.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []) words.add(w);
  }
  return [...words].slice(0, 20);
}

/** Character ranges of whole-word occurrences of `words` in `text` (case-insensitive), sorted and merged. */
export function wordSpans(text: string, words: string[]): [number, number][] {
  if (words.length === 0) return [];
  const wanted = new Set(words);
  const spans: [number, number][] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}_]+/gu)) {
    if (wanted.has(match[0].toLowerCase())) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}

/** Union of span lists, sorted, overlaps merged, clipped to `length`. */
export function mergeSpans(lists: [number, number][][], length: number): [number, number][] {
  const all = lists
    .flat()
    .map(([a, b]) => [Math.max(0, a), Math.min(length, b)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: [number, number][] = [];
  for (const span of all) {
    const last = out.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}
