import {
  isPositional,
  LIMITS,
  type MatchField,
  type Node,
  type Query,
  RANGE_FIELDS,
  type RangeField,
} from "./ast";
import { ParseAbort, type Position, type QueryError, type QueryWarning, queryError, queryWarning } from "./errors";
import { normaliseFieldValue } from "./fields";
import { type Lexeme, lex } from "./lexer";
import { analyse } from "./terms";

export type ParseResult =
  | { ok: true; ast: Query; warnings: QueryWarning[] }
  | { ok: false; errors: QueryError[]; warnings: QueryWarning[] };

const OPERAND_START = new Set(["word", "phrase", "exact", "field", "lparen"]);
const EXPECT_OPERAND = ["term", '"phrase"', "(", "field:"];

function describe(t: Lexeme): string {
  return t.type === "eof" ? "the end of the query" : `'${t.text}' at ${t.start}`;
}

class Parser {
  private i = 0;
  private depth = 0;
  private operands = 0;
  private pending: string[] = [];
  private readonly grouped = new WeakSet<Node>();
  private readonly spans = new WeakMap<Node, Position>();

  constructor(
    private readonly toks: Lexeme[],
    readonly warnings: QueryWarning[],
  ) {}

  private peek(): Lexeme {
    return this.toks[this.i]!;
  }

  private next(): Lexeme {
    const t = this.toks[this.i]!;
    if (t.type !== "eof") this.i++;
    for (const c of t.comments) this.pending.push(c);
    t.comments = [];
    return t;
  }

  private takeComments(node: Node): Node {
    if (this.pending.length > 0) {
      node.comments = node.comments ? [...this.pending, ...node.comments] : this.pending;
      this.pending = [];
    }
    return node;
  }

  private fail(code: string, message: string, start: number, end: number, expected?: string[]): never {
    throw new ParseAbort(queryError(code, message, start, end, expected));
  }

  private expectOperandAfter(op: Lexeme, accept = OPERAND_START): void {
    const t = this.peek();
    if (!accept.has(t.type)) {
      this.fail(
        "expected_operand",
        `expected a term or '(' after ${op.text} at ${op.start}, found ${describe(t)}`,
        t.start,
        t.end,
        EXPECT_OPERAND,
      );
    }
  }

  private enter(t: Lexeme): void {
    if (++this.depth > LIMITS.maxDepth) {
      this.fail("depth_limit", `nesting deeper than ${LIMITS.maxDepth} levels at ${t.start}`, t.start, t.end);
    }
  }

  private countOperand(t: Lexeme): void {
    if (++this.operands > LIMITS.maxOperands) {
      this.fail(
        "operand_limit",
        `too many terms: a query may hold at most ${LIMITS.maxOperands}; split it into several topics`,
        t.start,
        t.end,
      );
    }
  }

  private span(node: Node, start: number, end: number): Node {
    this.spans.set(node, { start, end });
    return node;
  }

  private posOf(node: Node): Position {
    return this.spans.get(node) ?? { start: 0, end: 0 };
  }

  parseQuery(): Query {
    if (this.peek().type === "eof") this.fail("empty_query", "the query is empty", 0, 0, EXPECT_OPERAND);
    const root = this.parseOr();
    const t = this.peek();
    if (t.type !== "eof") {
      this.fail(
        "unexpected_token",
        t.type === "rparen"
          ? `unexpected ')' at ${t.start}: there is no '(' to close`
          : `expected AND, OR or the end of the query, found ${describe(t)}`,
        t.start,
        t.end,
        ["AND", "OR", "NOT", "end of query"],
      );
    }
    this.next();
    if (isNegativeOnly(root)) {
      const p = this.posOf(root);
      this.warnings.push(
        queryWarning(
          "negative_only",
          "this query only excludes words, so it matches every post that lacks them; add a term to look for",
          p.start,
          p.end,
        ),
      );
    }
    const q: Query = { root };
    if (this.pending.length > 0) q.trailingComments = this.pending;
    return q;
  }

  private parseOr(): Node {
    const first = this.parseAnd();
    if (this.peek().type !== "or") return first;
    const children = [first];
    while (this.peek().type === "or") {
      const op = this.next();
      this.expectOperandAfter(op);
      children.push(this.parseAnd());
    }
    for (const c of children) {
      if (c.type === "and" && !this.grouped.has(c)) {
        const p = this.posOf(c);
        this.warnings.push(
          queryWarning(
            "mixed_and_or",
            "AND binds tighter than OR, so this reads as (… AND …) OR …; add parentheses to say what you mean",
            p.start,
            p.end,
          ),
        );
        break;
      }
    }
    return this.span({ type: "or", children }, this.posOf(first).start, this.posOf(children.at(-1)!).end);
  }

  private parseAnd(): Node {
    const first = this.parseUnary();
    const children = [first];
    for (;;) {
      const t = this.peek();
      if (t.type === "and") {
        this.next();
        this.expectOperandAfter(t, new Set([...OPERAND_START, "not"]));
      } else if (t.type === "not") {
        // Brandwatch style "a NOT b" means a AND NOT b.
      } else if (OPERAND_START.has(t.type)) {
        this.warnings.push(
          queryWarning(
            "implicit_and",
            `no operator before ${describe(t)}: read as AND; write AND explicitly, or use quotes for a phrase`,
            t.start,
            t.end,
          ),
        );
      } else {
        break;
      }
      children.push(this.parseUnary());
    }
    if (children.length === 1) return first;
    return this.span({ type: "and", children }, this.posOf(first).start, this.posOf(children.at(-1)!).end);
  }

  private parseUnary(): Node {
    const t = this.peek();
    if (t.type !== "not") return this.parseNear();
    this.next();
    this.enter(t);
    this.expectOperandAfter(t, new Set([...OPERAND_START, "not"]));
    const child = this.parseUnary();
    this.depth--;
    return this.span({ type: "not", child }, t.start, this.posOf(child).end);
  }

  private parseNear(): Node {
    let left = this.parsePrimary();
    while (this.peek().type === "near") {
      const op = this.next();
      this.expectOperandAfter(op, new Set(["word", "phrase", "exact", "lparen"]));
      const right = this.parsePrimary();
      for (const side of [left, right]) {
        if (!isPositional(side)) {
          const p = this.posOf(side);
          this.fail(
            "near_operand",
            `${op.text} at ${op.start} can only join words, phrases, or OR-groups of them; found ${side.type === "and" ? "AND" : side.type === "not" ? "NOT" : "a field"}`,
            p.start,
            p.end,
            ["term", '"phrase"', "(a OR b)"],
          );
        }
      }
      left = this.span(
        { type: "near", left, right, distance: op.distance!, ordered: op.ordered! },
        this.posOf(left).start,
        this.posOf(right).end,
      );
    }
    return left;
  }

  private parsePrimary(): Node {
    const t = this.peek();
    switch (t.type) {
      case "lparen": {
        this.next();
        this.enter(t);
        const lead = this.pending;
        this.pending = [];
        if (this.peek().type === "rparen") {
          this.fail("empty_group", `empty parentheses at ${t.start}`, t.start, this.peek().end, EXPECT_OPERAND);
        }
        const node = this.parseOr();
        const close = this.peek();
        if (close.type !== "rparen") {
          this.fail(
            "unclosed_paren",
            `expected ')' to close the '(' at ${t.start}, found ${describe(close)}`,
            close.start,
            close.end,
            [")"],
          );
        }
        this.next();
        this.depth--;
        if (lead.length > 0) node.comments = node.comments ? [...lead, ...node.comments] : lead;
        this.grouped.add(node);
        return this.span(node, t.start, close.end);
      }
      case "word":
        this.next();
        return this.takeComments(this.span(this.term(t), t.start, t.end));
      case "phrase":
      case "exact":
        this.next();
        return this.takeComments(this.span(this.phrase(t), t.start, t.end));
      case "field":
        return this.field();
      default:
        return this.fail(
          "expected_operand",
          t.type === "rparen"
            ? `unexpected ')' at ${t.start}: expected a term or '('`
            : `expected a term or '(' but found ${describe(t)}`,
          t.start,
          t.end,
          EXPECT_OPERAND,
        );
    }
  }

  private checkText(t: Lexeme, text: string, exact: boolean, offsetBase: number | null): void {
    const a = analyse(text, exact);
    if (!a.ok) {
      const start = offsetBase === null ? t.start : offsetBase + a.offset;
      const end = offsetBase === null ? t.end : start + a.length;
      this.fail(a.code, `${a.message} (at ${start})`, start, end);
    }
  }

  private term(t: Lexeme): Node {
    const w = t.text;
    if (/^(and|or|not)$/i.test(w)) {
      this.warnings.push(
        queryWarning(
          "lowercase_operator",
          `'${w}' at ${t.start} is searched as a word; operators must be upper case: ${w.toUpperCase()}`,
          t.start,
          t.end,
        ),
      );
    } else if (/^near\/\d+f?$/i.test(w)) {
      this.warnings.push(
        queryWarning(
          "lowercase_operator",
          `'${w}' at ${t.start} is searched as words; operators must be upper case: ${w.toUpperCase()}`,
          t.start,
          t.end,
        ),
      );
    } else {
      const m = /^([A-Za-z]+):[^/]/.exec(w);
      if (m) {
        this.warnings.push(
          queryWarning(
            "unknown_field",
            `'${m[1]}:' at ${t.start} is not a field; searching for the words instead`,
            t.start,
            t.start + m[1]!.length + 1,
          ),
        );
      }
    }
    this.countOperand(t);
    this.checkText(t, w, false, t.start);
    return { type: "term", text: w, exact: false };
  }

  private phrase(t: Lexeme): Node {
    this.countOperand(t);
    const exact = t.type === "exact";
    this.checkText(t, t.text, exact, null);
    if (exact && !t.text.includes(" ")) return { type: "term", text: t.text, exact: true };
    if (t.proximity !== undefined) {
      const a = analyse(t.text, false);
      const words = a.ok ? a.patterns.length : 0;
      if (words < 2) {
        this.fail("bad_proximity", `proximity ~${t.proximity} at ${t.start} needs at least two words`, t.start, t.end);
      }
      if (t.proximity < words - 1) {
        this.fail(
          "bad_proximity",
          `${words} words cannot all fit within ${t.proximity} words of each other; use ~${words - 1} or more`,
          t.start,
          t.end,
        );
      }
      return { type: "phrase", text: t.text, exact: false, proximity: t.proximity };
    }
    return { type: "phrase", text: t.text, exact };
  }

  private field(): Node {
    const t = this.next();
    this.enter(t);
    const lead = this.pending;
    this.pending = [];
    const name = t.text;
    let node: Node;
    if (name === "title") {
      this.expectOperandAfter(t, new Set(["word", "phrase", "exact", "lparen"]));
      const child = this.parsePrimary();
      const bad = findField(child);
      if (bad) {
        const p = this.posOf(bad);
        this.fail("nested_field", `title: at ${t.start} can only hold words, phrases and operators`, p.start, p.end);
      }
      node = this.span({ type: "field", field: "title", child }, t.start, this.posOf(child).end);
    } else if ((RANGE_FIELDS as readonly string[]).includes(name)) {
      node = this.range(t, name as RangeField);
    } else {
      node = this.matchValues(t, name as MatchField);
    }
    this.depth--;
    if (lead.length > 0) node.comments = node.comments ? [...lead, ...node.comments] : lead;
    return node;
  }

  private range(t: Lexeme, field: RangeField): Node {
    const v = this.peek();
    let min: number | null = null;
    let max: number | null = null;
    if (v.type === "range") {
      min = v.min!;
      max = v.max!;
    } else if (v.type === "word" && /^-?\d+(\.\d+)?$/.test(v.text)) {
      min = max = Number(v.text);
    } else {
      this.fail(
        "bad_range",
        `expected a number or a range like [3 TO 5] after ${field}: at ${t.start}, found ${describe(v)}`,
        v.start,
        v.end,
        ["[min TO max]", "number"],
      );
    }
    this.next();
    this.countOperand(v);
    if (min !== null && max !== null && min > max) {
      this.fail("bad_range", `range at ${v.start} has its minimum above its maximum`, v.start, v.end);
    }
    const node = this.takeComments({ type: "range", field, min, max });
    return this.span(node, t.start, v.end);
  }

  private matchValue(t: Lexeme, field: MatchField): Node {
    const v = this.peek();
    if (v.type !== "word" && !(v.type === "phrase" && v.proximity === undefined)) {
      this.fail(
        "expected_value",
        `expected a value after ${field}: at ${t.start}, found ${describe(v)}`,
        v.start,
        v.end,
        ["value", '"quoted value"', "(a OR b)"],
      );
    }
    this.next();
    this.countOperand(v);
    const check = normaliseFieldValue(field, v.text);
    if (!check.ok) this.fail("bad_field_value", `${check.message} (at ${v.start})`, v.start, v.end);
    return this.span(this.takeComments({ type: "match", field, value: check.value }), v.start, v.end);
  }

  private matchValues(t: Lexeme, field: MatchField): Node {
    if (this.peek().type !== "lparen") return this.span(this.matchValue(t, field), t.start, this.peek().start);
    const open = this.next();
    const lead = this.pending;
    this.pending = [];
    const values = [this.matchValue(t, field)];
    while (this.peek().type === "or") {
      this.next();
      values.push(this.matchValue(t, field));
    }
    const close = this.peek();
    if (close.type !== "rparen") {
      this.fail(
        "field_group",
        `only OR can combine values in ${field}:( … ); expected OR or ')' but found ${describe(close)}`,
        close.start,
        close.end,
        ["OR", ")"],
      );
    }
    this.next();
    const node: Node = values.length === 1 ? values[0]! : { type: "or", children: values };
    if (lead.length > 0) node.comments = node.comments ? [...lead, ...node.comments] : lead;
    this.grouped.add(node);
    return this.span(node, open.start, close.end);
  }
}

function findField(node: Node): Node | null {
  switch (node.type) {
    case "field":
    case "match":
    case "range":
      return node;
    case "and":
    case "or":
      for (const c of node.children) {
        const f = findField(c);
        if (f) return f;
      }
      return null;
    case "not":
      return findField(node.child);
    case "near":
      return findField(node.left) ?? findField(node.right);
    default:
      return null;
  }
}

function isNegativeOnly(node: Node): boolean {
  if (node.type === "not") return true;
  if (node.type === "and") return node.children.every(isNegativeOnly);
  if (node.type === "or") return node.children.some(isNegativeOnly);
  return false;
}

/** Parses a Boolean query. Never throws: every problem comes back as a structured error. */
export function parse(query: string): ParseResult {
  const warnings: QueryWarning[] = [];
  if (typeof query !== "string") {
    return { ok: false, errors: [queryError("not_a_string", "the query must be a string", 0, 0)], warnings };
  }
  if (query.length > LIMITS.maxLength) {
    const msg = `the query is ${query.length.toLocaleString("en")} characters long; the limit is ${LIMITS.maxLength.toLocaleString("en")}`;
    return { ok: false, errors: [queryError("length_limit", msg, LIMITS.maxLength, query.length)], warnings };
  }
  try {
    const parser = new Parser(lex(query), warnings);
    return { ok: true, ast: parser.parseQuery(), warnings };
  } catch (e) {
    if (e instanceof ParseAbort) return { ok: false, errors: [e.error], warnings };
    return {
      ok: false,
      errors: [queryError("internal", `the query could not be parsed: ${String(e)}`, 0, query.length)],
      warnings,
    };
  }
}
