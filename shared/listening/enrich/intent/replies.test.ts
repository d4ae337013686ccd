import { describe, expect, it } from "vitest";
import { classifyIntent } from "./intent";

describe("intent in replies and shopping talk", () => {
  it("reads a question that opens with handles (a reply) as a question", () => {
    expect(classifyIntent("@HalcyonOutdoor @support does the jacket come in a wide fit?").intent).toBe(
      "question",
    );
    expect(classifyIntent("RT @someone: how do I reset the stove igniter?").intent).toBe("question");
  });
  it("hears purchase intent in 'before I order' and wishlists", () => {
    expect(classifyIntent("Checking the sizes before I order the Aurora").intent).toBe("purchase_intent");
    expect(classifyIntent("The Summit pack is top of my wishlist this winter").intent).toBe(
      "purchase_intent",
    );
    expect(classifyIntent("Vor der Tour brauche ich neue Stiefel").intent).toBe("purchase_intent");
  });
});
