import { LIMITS } from "./ast";
import { ParseAbort, queryError } from "./errors";

export type LexType =
  | "lparen"
  | "rparen"
  | "and"
  | "or"
  | "not"
  | "near"
  | "word"
  | "phrase"
  | "exact"
  | "field"
  | "range"
  | "eof";

export interface Lexeme {
  type: LexType;
  start: number;
  end: number;
  /** Word, phrase or exact content; canonical field name for "field". */
  text: string;
  distance?: number;
  ordered?: boolean;
  proximity?: number;
  min?: number | null;
  max?: number | null;
  /** `<<<comments>>>` that came right before this token. */
  comments: string[];
}

/** Field names as users may type them (lower-cased) → canonical name. */
export const FIELD_NAMES: ReadonlyMap<string, string> = new Map([
  ["author", "author"],
  ["site", "site"],
  ["url", "url"],
  ["links", "links"],
  ["title", "title"],
  ["language", "language"],
  ["lang", "language"],
  ["country", "country"],
  ["channel", "channel"],
  ["sentiment", "sentiment"],
  ["rating", "rating"],
  ["authorfollowers", "authorFollowers"],
]);

const OPEN_QUOTES = '"“„';
const CLOSE_QUOTES = '"”“';

export function isSpace(c: number): boolean {
  return (
    c <= 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function isWordBreak(q: string, i: number): boolean {
  const c = q.charCodeAt(i);
  if (isSpace(c) || c === 40 || c === 41 || c === 123 || c === 125) return true;
  if (OPEN_QUOTES.includes(q[i]!) || CLOSE_QUOTES.includes(q[i]!)) return true;
  return q.startsWith("<<<", i);
}

export function collapseSpaces(s: string): string {
  return s
    .split(/[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/)
    .filter((w) => w.length > 0)
    .join(" ");
}

const NUMBER_RE = /^-?\d+(\.\d+)?$/;

function parseBound(s: string): number | null | undefined {
  if (s === "*") return null;
  return NUMBER_RE.test(s) ? Number(s) : undefined;
}

export function lex(q: string): Lexeme[] {
  const out: Lexeme[] = [];
  let comments: string[] = [];
  const n = q.length;
  let i = 0;
  const emit = (type: LexType, start: number, end: number, text: string, extra?: Partial<Lexeme>): void => {
    out.push({ type, start, end, text, comments, ...extra });
    comments = [];
  };
  while (i < n) {
    const c = q.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (q.startsWith("<<<", i)) {
      const close = q.indexOf(">>>", i + 3);
      if (close < 0) {
        throw new ParseAbort(
          queryError("unclosed_comment", `comment opened at ${i} is never closed; expected '>>>'`, i, n, [
            ">>>",
          ]),
        );
      }
      comments.push(q.slice(i + 3, close));
      i = close + 3;
      continue;
    }
    if (c === 40 || c === 41) {
      emit(c === 40 ? "lparen" : "rparen", i, i + 1, q[i]!);
      i++;
      continue;
    }
    if (OPEN_QUOTES.includes(q[i]!)) {
      let j = i + 1;
      while (j < n && !CLOSE_QUOTES.includes(q[j]!)) j++;
      if (j >= n) {
        throw new ParseAbort(
          queryError("unclosed_quote", `quotation mark at ${i} is never closed; expected '"'`, i, n, ['"']),
        );
      }
      const text = collapseSpaces(q.slice(i + 1, j));
      if (text === "") throw new ParseAbort(queryError("empty_phrase", `empty phrase at ${i}`, i, j + 1));
      let end = j + 1;
      let proximity: number | undefined;
      if (q[end] === "~") {
        const m = /^~(\d+)/.exec(q.slice(end, end + 12));
        if (!m) {
          throw new ParseAbort(
            queryError("bad_proximity", `expected a number after '~' at ${end}, e.g. "a b"~5`, end, end + 1, [
              "number",
            ]),
          );
        }
        proximity = Number(m[1]);
        if (proximity > LIMITS.maxNearDistance) {
          throw new ParseAbort(
            queryError(
              "distance_limit",
              `proximity ~${proximity} at ${end} is too large; the maximum is ${LIMITS.maxNearDistance}`,
              end,
              end + m[0].length,
            ),
          );
        }
        end += m[0].length;
      }
      emit("phrase", i, end, text, proximity === undefined ? undefined : { proximity });
      i = end;
      continue;
    }
    if (c === 123) {
      const close = q.indexOf("}", i + 1);
      const open = q.indexOf("{", i + 1);
      if (close < 0 || (open >= 0 && open < close)) {
        throw new ParseAbort(
          queryError("unclosed_brace", `'{' at ${i} is never closed; expected '}'`, i, close < 0 ? n : open, [
            "}",
          ]),
        );
      }
      let text = collapseSpaces(q.slice(i + 1, close));
      if (text.length >= 2 && text.startsWith('"') && text.endsWith('"'))
        text = collapseSpaces(text.slice(1, -1));
      if (text === "") throw new ParseAbort(queryError("empty_exact", `empty {} at ${i}`, i, close + 1));
      emit("exact", i, close + 1, text);
      i = close + 1;
      continue;
    }
    if (c === 125) throw new ParseAbort(queryError("unexpected_brace", `unexpected '}' at ${i}`, i, i + 1));
    if (c === 91 && out.length > 0 && out[out.length - 1]!.type === "field" && comments.length === 0) {
      const close = q.indexOf("]", i + 1);
      const m = close < 0 ? null : /^\s*(\S+)\s+TO\s+(\S+)\s*$/.exec(q.slice(i + 1, close));
      const min = m ? parseBound(m[1]!) : undefined;
      const max = m ? parseBound(m[2]!) : undefined;
      if (!m || min === undefined || max === undefined) {
        throw new ParseAbort(
          queryError("bad_range", `expected a range like [3 TO 5] at ${i}`, i, close < 0 ? n : close + 1, [
            "[min TO max]",
          ]),
        );
      }
      emit("range", i, close + 1, q.slice(i, close + 1), { min, max });
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < n && !isWordBreak(q, j)) j++;
    if (j === i) {
      // Only a closing quote with no opening one gets here.
      throw new ParseAbort(
        queryError("unexpected_quote", `closing quote at ${i} has no opening quote`, i, i + 1),
      );
    }
    const word = q.slice(i, j);
    if (word === "AND" || word === "OR" || word === "NOT") {
      emit(word === "AND" ? "and" : word === "OR" ? "or" : "not", i, j, word);
    } else if (word === "NEAR" || word.startsWith("NEAR/")) {
      const m = /^NEAR\/(\d+)(f?)$/.exec(word);
      if (!m) {
        throw new ParseAbort(
          queryError("bad_near", `expected a distance after NEAR at ${i}, e.g. NEAR/3 or NEAR/3f`, i, j, [
            "NEAR/n",
            "NEAR/nf",
          ]),
        );
      }
      const distance = Number(m[1]);
      if (distance < 1 || distance > LIMITS.maxNearDistance) {
        throw new ParseAbort(
          queryError(
            "distance_limit",
            `NEAR distance ${distance} at ${i} is out of range; use 1 to ${LIMITS.maxNearDistance}`,
            i,
            j,
          ),
        );
      }
      emit("near", i, j, word, { distance, ordered: m[2] === "f" });
    } else {
      const colon = word.indexOf(":");
      const field = colon > 0 ? FIELD_NAMES.get(word.slice(0, colon).toLowerCase()) : undefined;
      if (field && /^[A-Za-z]+$/.test(word.slice(0, colon))) {
        emit("field", i, i + colon + 1, field);
        i += colon + 1;
        continue;
      }
      emit("word", i, j, word);
    }
    i = j;
  }
  emit("eof", n, n, "");
  return out;
}
