import { FIELD_NAMES, isSpace } from "../../../../shared/listening/query/lexer";

/**
 * Colours for the query editor. The shared lexer stops at the first error, but an editor has
 * to colour half-typed queries too, so this is a forgiving tokenizer that follows the same
 * rules (field names and spaces come from the lexer itself) and never fails: every character
 * of the input belongs to exactly one token.
 */
export type TokenType =
  | "operator"
  | "paren"
  | "phrase"
  | "exact"
  | "field"
  | "range"
  | "tag"
  | "wildcard"
  | "word"
  | "comment"
  | "space";

export interface HighlightToken {
  type: TokenType;
  start: number;
  end: number;
}

const OPEN_QUOTES = '"“„';
const CLOSE_QUOTES = '"”“';

function isBreak(q: string, i: number): boolean {
  const c = q[i]!;
  return (
    isSpace(q.charCodeAt(i)) ||
    "(){}".includes(c) ||
    OPEN_QUOTES.includes(c) ||
    CLOSE_QUOTES.includes(c) ||
    q.startsWith("<<<", i)
  );
}

function wordType(word: string): TokenType {
  if (word === "AND" || word === "OR" || word === "NOT" || /^NEAR(\/\d*f?)?$/.test(word)) return "operator";
  if (/^[#@$]./.test(word)) return "tag";
  if (/[*?]/.test(word)) return "wildcard";
  return "word";
}

export function tokenizeQuery(q: string): HighlightToken[] {
  const out: HighlightToken[] = [];
  const n = q.length;
  const push = (type: TokenType, start: number, end: number) => {
    const last = out[out.length - 1];
    if (last && last.type === type && last.end === start && type === "space") last.end = end;
    else out.push({ type, start, end });
  };
  let afterField = false;
  let i = 0;
  while (i < n) {
    const c = q[i]!;
    const start = i;
    if (isSpace(q.charCodeAt(i))) {
      push("space", i, i + 1);
      i++;
      continue;
    }
    if (q.startsWith("<<<", i)) {
      const close = q.indexOf(">>>", i + 3);
      i = close < 0 ? n : close + 3;
      push("comment", start, i);
      continue;
    }
    if (c === "(" || c === ")") {
      push("paren", i, i + 1);
      i++;
      afterField = false;
      continue;
    }
    if (OPEN_QUOTES.includes(c)) {
      let j = i + 1;
      while (j < n && !CLOSE_QUOTES.includes(q[j]!)) j++;
      i = j < n ? j + 1 : n;
      const proximity = /^~\d*/.exec(q.slice(i));
      if (proximity) i += proximity[0].length;
      push("phrase", start, i);
      afterField = false;
      continue;
    }
    if (c === "{") {
      const close = q.indexOf("}", i + 1);
      i = close < 0 ? n : close + 1;
      push("exact", start, i);
      afterField = false;
      continue;
    }
    if (c === "[" && afterField) {
      const close = q.indexOf("]", i + 1);
      i = close < 0 ? n : close + 1;
      push("range", start, i);
      afterField = false;
      continue;
    }
    let j = i;
    while (j < n && !isBreak(q, j)) j++;
    if (j === i) j = i + 1; // a stray closing quote or brace: colour it as a word
    const word = q.slice(i, j);
    const colon = word.indexOf(":");
    const name = colon > 0 ? word.slice(0, colon) : "";
    if (name && /^[A-Za-z]+$/.test(name) && FIELD_NAMES.has(name.toLowerCase())) {
      push("field", i, i + colon + 1);
      i += colon + 1;
      afterField = true;
      continue;
    }
    push(wordType(word), i, j);
    afterField = false;
    i = j;
  }
  return out;
}

export type Mark = "error" | "warning";

export interface Segment {
  type: TokenType | "end";
  text: string;
  mark?: Mark;
}

/**
 * Tokens cut at the edges of the marked ranges (errors win over warnings), ready to render.
 * A mark at or past the end of the query (e.g. "expected ')' … found the end") becomes an
 * `end` segment holding one space, so the editor can point at the place after the last character.
 */
export function segments(q: string, marks: { start: number; end: number; mark: Mark }[] = []): Segment[] {
  const markAt = (i: number): Mark | undefined => {
    let found: Mark | undefined;
    for (const m of marks) {
      const end = Math.max(m.end, m.start + 1);
      if (i >= m.start && i < end) {
        if (m.mark === "error") return "error";
        found = "warning";
      }
    }
    return found;
  };
  const out: Segment[] = [];
  for (const token of tokenizeQuery(q)) {
    let from = token.start;
    for (let i = token.start + 1; i <= token.end; i++) {
      if (i === token.end || markAt(i) !== markAt(from)) {
        const mark = markAt(from);
        out.push({ type: token.type, text: q.slice(from, i), ...(mark ? { mark } : {}) });
        from = i;
      }
    }
  }
  const atEnd = marks.filter((m) => m.start >= q.length);
  if (atEnd.length > 0) {
    out.push({ type: "end", text: " ", mark: atEnd.some((m) => m.mark === "error") ? "error" : "warning" });
  }
  return out;
}

export interface TextPart {
  text: string;
  marked: boolean;
}

/** Splits text at match spans (merging overlaps, ignoring spans outside the text) for `<mark>`. */
export function splitBySpans(text: string, spans: { start: number; end: number }[]): TextPart[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const parts: TextPart[] = [];
  let at = 0;
  for (const s of merged) {
    if (s.start > at) parts.push({ text: text.slice(at, s.start), marked: false });
    parts.push({ text: text.slice(s.start, s.end), marked: true });
    at = s.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
