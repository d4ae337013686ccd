import { LIMITS, type Node } from "./ast";
import { ParseAbort, type Position, type QueryWarning, queryError } from "./errors";
import type { Lexeme } from "./lexer";

export const OPERAND_START = new Set(["word", "phrase", "exact", "field", "lparen"]);
export const WITH_NOT = new Set([...OPERAND_START, "not"]);
export const EXPECT_OPERAND = ["term", '"phrase"', "(", "field:"];

export function describe(t: Lexeme): string {
  return t.type === "eof" ? "the end of the query" : `'${t.text}' at ${t.start}`;
}

/** Token cursor, comment bookkeeping, limits and error helpers shared by the grammar. */
export abstract class ParserBase {
  protected i = 0;
  protected depth = 0;
  protected operands = 0;
  protected pending: string[] = [];
  protected readonly grouped = new WeakSet<Node>();
  protected readonly spans = new WeakMap<Node, Position>();

  constructor(
    protected readonly toks: Lexeme[],
    readonly warnings: QueryWarning[],
  ) {}

  protected peek(): Lexeme {
    return this.toks[this.i]!;
  }

  protected next(): Lexeme {
    const t = this.toks[this.i]!;
    if (t.type !== "eof") this.i++;
    for (const c of t.comments) this.pending.push(c);
    t.comments = [];
    return t;
  }

  protected takeComments(node: Node): Node {
    if (this.pending.length > 0) {
      node.comments = node.comments ? [...this.pending, ...node.comments] : this.pending;
      this.pending = [];
    }
    return node;
  }

  protected fail(code: string, message: string, start: number, end: number, expected?: string[]): never {
    throw new ParseAbort(queryError(code, message, start, end, expected));
  }

  protected expectOperandAfter(op: Lexeme, accept = OPERAND_START): void {
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

  protected enter(t: Lexeme): void {
    if (++this.depth > LIMITS.maxDepth) {
      this.fail("depth_limit", `nesting deeper than ${LIMITS.maxDepth} levels at ${t.start}`, t.start, t.end);
    }
  }

  protected countOperand(t: Lexeme): void {
    if (++this.operands > LIMITS.maxOperands) {
      this.fail(
        "operand_limit",
        `too many terms: a query may hold at most ${LIMITS.maxOperands}; split it into several topics`,
        t.start,
        t.end,
      );
    }
  }

  protected span(node: Node, start: number, end: number): Node {
    this.spans.set(node, { start, end });
    return node;
  }

  protected posOf(node: Node): Position {
    return this.spans.get(node) ?? { start: 0, end: 0 };
  }

  protected abstract parsePrimary(): Node;
}
