import { isPositional, LIMITS, type Node, type Query } from "./ast";
import { ParseAbort, type QueryError, type QueryWarning, queryError, queryWarning } from "./errors";
import { type Lexeme, lex } from "./lexer";
import { describe, EXPECT_OPERAND, OPERAND_START, WITH_NOT } from "./parser-base";
import { FieldParser } from "./parser-fields";
import { analyse } from "./terms";

export type ParseResult =
  | { ok: true; ast: Query; warnings: QueryWarning[] }
  | { ok: false; errors: QueryError[]; warnings: QueryWarning[] };

/** Recursive descent over OR > AND > NOT > NEAR > primary (loosest to tightest). */
class Parser extends FieldParser {
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

  protected parseOr(): Node {
    const first = this.parseAnd();
    if (this.peek().type !== "or") return first;
    const children = [first];
    while (this.peek().type === "or") {
      const op = this.next();
      this.expectOperandAfter(op, WITH_NOT);
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

  protected parseAnd(): Node {
    const first = this.parseUnary();
    const children = [first];
    for (;;) {
      const t = this.peek();
      if (t.type === "and") {
        this.next();
        this.expectOperandAfter(t, WITH_NOT);
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

  protected parseUnary(): Node {
    const t = this.peek();
    if (t.type !== "not") return this.parseNear();
    this.next();
    this.enter(t);
    this.expectOperandAfter(t, WITH_NOT);
    const child = this.parseUnary();
    this.depth--;
    return this.span({ type: "not", child }, t.start, this.posOf(child).end);
  }

  protected parseNear(): Node {
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

  protected parsePrimary(): Node {
    const t = this.peek();
    switch (t.type) {
      case "lparen": {
        this.next();
        this.enter(t);
        const lead = this.pending;
        this.pending = [];
        if (this.peek().type === "rparen") {
          this.fail(
            "empty_group",
            `empty parentheses at ${t.start}`,
            t.start,
            this.peek().end,
            EXPECT_OPERAND,
          );
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

  protected checkText(t: Lexeme, text: string, exact: boolean, offsetBase: number | null): void {
    const a = analyse(text, exact);
    if (!a.ok) {
      const start = offsetBase === null ? t.start : offsetBase + a.offset;
      const end = offsetBase === null ? t.end : start + a.length;
      this.fail(a.code, `${a.message} (at ${start})`, start, end);
    }
  }

  protected term(t: Lexeme): Node {
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

  protected phrase(t: Lexeme): Node {
    this.countOperand(t);
    const exact = t.type === "exact";
    this.checkText(t, t.text, exact, null);
    if (exact && !t.text.includes(" ")) return { type: "term", text: t.text, exact: true };
    if (t.proximity !== undefined) {
      const a = analyse(t.text, false);
      const words = a.ok ? a.patterns.length : 0;
      if (words < 2) {
        this.fail(
          "bad_proximity",
          `proximity ~${t.proximity} at ${t.start} needs at least two words`,
          t.start,
          t.end,
        );
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
