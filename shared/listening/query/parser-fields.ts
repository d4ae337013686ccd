import type { MatchField, Node, RangeField } from "./ast";
import { RANGE_FIELDS } from "./ast";
import { normaliseFieldValue } from "./fields";
import type { Lexeme } from "./lexer";
import { describe, ParserBase } from "./parser-base";

/** Field syntax: `title:(…)`, `language:en`, `language:(en OR fr)`, `rating:[3 TO 5]`. */
export abstract class FieldParser extends ParserBase {
  protected field(): Node {
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
        this.fail(
          "nested_field",
          `title: at ${t.start} can only hold words, phrases and operators`,
          p.start,
          p.end,
        );
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

  protected range(t: Lexeme, field: RangeField): Node {
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

  protected matchValue(t: Lexeme, field: MatchField): Node {
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

  protected matchValues(t: Lexeme, field: MatchField): Node {
    if (this.peek().type !== "lparen")
      return this.span(this.matchValue(t, field), t.start, this.peek().start);
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

export function findField(node: Node): Node | null {
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
