import { describe, expect, it } from "vitest";
import type { Post } from "../types";
import { enrich, languageText, plainText, withEnrichment } from "./index";

describe("enrich", () => {
  it("enriches a post with all four parts", () => {
    const e = enrich({
      title: "Broken again",
      text: "@AcmeHelp my order #A123 still hasn't arrived and nobody answers 😡 https://www.acme.example/orders",
    });
    expect(e.language.language).toBe("en");
    expect(e.sentiment.label).toBe("negative");
    expect(e.intent.intent).toBe("complaint");
    expect(e.entities.mentions).toEqual(["acmehelp"]);
    expect(e.entities.urls[0]?.domain).toBe("acme.example");
    expect(e.entities.emoji).toEqual(["😡"]);
  });

  it("reads HTML bodies as text", () => {
    const e = enrich({
      text: "<p>Ich liebe dieses Produkt, vielen Dank!</p><p>Sehr zufrieden &amp; gerne wieder</p>",
    });
    expect(e.language.language).toBe("de");
    expect(e.intent.intent).toBe("praise");
  });

  it("fills language and sentiment on the post without overriding connector values", () => {
    const post: Post = { id: "1", text: "This is a wonderful day for a walk in the park" };
    const out = withEnrichment(post);
    expect(out.language).toBe("en");
    expect(out.sentiment).toBe("positive");
    expect(withEnrichment({ ...post, language: "fr" }).language).toBe("fr");
    expect(withEnrichment({ id: "2", text: "ok" }).language).toBeUndefined();
  });
});

describe("plainText / languageText", () => {
  it("strips tags, comments and entities", () => {
    expect(plainText("<b>a</b><!-- x -->&amp;&#233;&#x1F600;<br>b")).toBe(" a &é😀\nb");
  });
  it("removes links, e-mail addresses and handles for language id", () => {
    expect(
      languageText("hi @bob@mastodon.social see https://x.example mail a.b@c.example").replace(/\s+/g, " "),
    ).toBe("hi see mail ");
  });
});
