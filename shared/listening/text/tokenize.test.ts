import { describe, expect, it } from "vitest";
import { fold } from "./fold";
import { preparePost } from "./prepare";
import { TokenKind, tokenize } from "./tokenize";

function norms(text: string): string[] {
  return tokenize(text).norm;
}

describe("tokenize", () => {
  it("lower-cases, folds accents and keeps offsets into the original text", () => {
    const t = tokenize("Café ÉTÉ  naïve");
    expect(t.norm).toEqual(["cafe", "ete", "naive"]);
    expect(t.orig).toEqual(["Café", "ÉTÉ", "naïve"]);
    expect(t.start).toEqual([0, 5, 10]);
    expect(t.end).toEqual([4, 8, 15]);
  });

  it("keeps apostrophes inside words, straight or curly", () => {
    expect(norms("Don't say 'no' — it’s fine")).toEqual(["don't", "say", "no", "it's", "fine"]);
  });

  it("makes hashtags, mentions and cashtags tokens of their own with the body as norm", () => {
    const t = tokenize("#JustDoIt @Nike_UK $TSLA C# a@b.com $5");
    expect(t.norm).toEqual(["justdoit", "nike_uk", "tsla", "c", "a", "b", "com", "5"]);
    expect(t.kind.slice(0, 3)).toEqual([TokenKind.Hashtag, TokenKind.Mention, TokenKind.Cashtag]);
    expect(t.start[0]).toBe(0);
    expect(t.end[0]).toBe(9);
  });

  it("keeps URLs whole and drops trailing punctuation", () => {
    const t = tokenize("see https://www.Example.com/a?b=1. and www.foo.org/x)");
    expect(t.norm).toEqual(["see", "https://www.example.com/a?b=1", "and", "www.foo.org/x"]);
    expect(t.kind[1]).toBe(TokenKind.Url);
  });

  it("keeps emoji sequences together and folds skin tones away", () => {
    const t = tokenize("ok👍🏽👨‍👩‍👧🇫🇷🏴󠁧󠁢󠁥󠁮󠁧󠁿1️⃣❤️");
    expect(t.orig).toEqual(["ok", "👍🏽", "👨‍👩‍👧", "🇫🇷", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "1️⃣", "❤️"]);
    expect(t.norm[1]).toBe("👍");
    expect(t.norm[6]).toBe("❤");
    expect(t.kind.slice(1).every((k) => k === TokenKind.Emoji)).toBe(true);
  });

  it("joins words split by zero-width characters", () => {
    const t = tokenize("ni\u200Bke and\u200Dmore \u200B alone");
    expect(t.norm).toEqual(["nike", "andmore", "alone"]);
    expect(t.end[0]).toBe(5);
  });

  it("handles RTL scripts, combining marks and CJK", () => {
    expect(norms("مرحبا بالعالم")).toEqual(["مرحبا", "بالعالم"]);
    expect(norms("שָׁלוֹם")).toEqual(["שלום"]);
    expect(norms("e\u0301te\u0301")).toEqual(["ete"]);
    expect(norms("東京タワー")).toEqual(["東", "京", "タ", "ワ", "ー"]);
    expect(norms("नमस्ते दुनिया")).toEqual(["नमस्ते", "दुनिया"]);
  });

  it("folds fancy Unicode letters used to dodge filters", () => {
    expect(norms("𝐍𝐢𝐤𝐞 Ｎｉｋｅ")).toEqual(["nike", "nike"]);
    expect(fold("ΟΔΟΣ")).toBe("οδοσ");
  });

  it("skips HTML tags and entities in posts", () => {
    const html = "<p class='x'>Fish &amp; <b>chips</b></p> 3 < 4";
    const t = tokenize(html);
    expect(t.norm).toEqual(["fish", "chips", "3", "4"]);
    expect(t.start[1]).toBe(html.indexOf("chips"));
  });

  it("keeps wildcards in query mode only", () => {
    expect(tokenize("nik* w?rd", { wildcards: true }).norm).toEqual(["nik*", "w?rd"]);
    expect(norms("nik* w?rd")).toEqual(["nik", "w", "rd"]);
  });

  it("never produces empty tokens on odd input", () => {
    for (const s of ["", "   ", "\uD800", "#", "@", "$", "&", "<", "''", "\u200B\u200B", "a\uDC00b"]) {
      const t = tokenize(s);
      expect(t.norm.every((n) => n.length > 0)).toBe(true);
      expect(t.count).toBe(t.norm.length);
    }
  });
});

describe("preparePost", () => {
  it("normalises site, url, links, author and field values", () => {
    const pp = preparePost({
      id: "1",
      text: "read https://Shop.example.org/p/1",
      url: "https://www.News.example.com/a/",
      author: "@Zoë",
      language: "EN",
      country: "gb",
      links: ["http://www.other.net/x"],
    });
    expect(pp.site).toBe("news.example.com");
    expect(pp.url).toBe("news.example.com/a");
    expect(pp.links).toEqual(["other.net/x", "shop.example.org/p/1"]);
    expect(pp.author).toBe("zoe");
    expect(pp.language).toBe("en");
    expect(pp.country).toBe("GB");
  });
});
