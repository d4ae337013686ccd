import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConnectorError } from "../types";
import { htmlToText } from "./html-text";
import { parseFeed } from "./parse";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../../test/fixtures/connectors/feeds/${name}`, import.meta.url));
const FEED = "https://blog.acme.example/feed.xml";

describe("htmlToText", () => {
  it("drops scripts/styles, decodes entities, collapses whitespace", () => {
    expect(
      htmlToText("<p>A&nbsp;&amp;&#x1F600;</p><script>x()</script><style>a{}</style>  <p> b \n\n c</p>"),
    ).toBe("A &😀\nb c");
  });
  it("keeps odd Unicode and removes NULs/control characters", () => {
    expect(htmlToText("e\u0301 \u202eRTL\u0000 👩‍👩‍👧 \u0007")).toBe("e\u0301 \u202eRTL 👩‍👩‍👧");
  });
  it("survives unbalanced and hostile markup", () => {
    expect(htmlToText("<div><b>open <i>never closed")).toBe("open never closed");
    expect(htmlToText("<img src=x onerror=alert(1)>ok<!-- comment -->")).toBe("ok");
    expect(htmlToText("<scr<script>ipt>alert(1)</script>")).toBe("ipt>alert(1)");
  });
});

describe("parseFeed", () => {
  it("parses RSS 2.0 with content:encoded, authors, dates, language, categories", () => {
    const feed = parseFeed(fixture("rss2.xml"), FEED, "application/rss+xml; charset=utf-8");
    expect(feed.format).toBe("rss");
    expect(feed.language).toBe("en");
    expect(feed.items).toHaveLength(3);
    const [a, b, c] = feed.items;
    expect(a!.id).toBe("https://blog.acme.example/2024/03/oat-latte");
    expect(a!.title).toBe("New oat latte & a bold claim");
    expect(a!.text).toBe("Our oat latte is back — now 20% cheaper!\nTry it with 🌿 and tell us: survey");
    expect(a!.text).not.toMatch(/cookie|color/);
    expect(a!.author).toEqual({ handle: "Jane Roaster", name: "Jane Roaster" });
    expect(a!.published).toBe("2024-03-04T08:30:00.000Z");
    expect(a!.categories).toEqual(["Drinks", "Seasonal & New"]);
    expect(b!.id).toBe(`${FEED}#1007`);
    expect(b!.url).toBe("https://blog.acme.example/2024/03/arabic");
    expect(b!.author).toEqual({ handle: "press@acme.example", name: "Acme Press Office" });
    expect(b!.published).toBe("2024-03-04T02:00:00.000Z");
    expect(b!.text).toBe("نص عربي مع e\u0301\u0301 combining marks and 👩‍👩‍👧 emoji");
    expect(c!.id).toMatch(/#sha256:[0-9a-f]{32}$/);
    expect(c!.text).toBe("Plain text with lots of spaces");
    expect(c!.published).toBeUndefined();
  });

  it("parses Atom with html/xhtml/text content, xml:lang and feed-level author", () => {
    const feed = parseFeed(fixture("atom.xml"), "https://acme.example/fr/atom.xml");
    expect(feed.format).toBe("atom");
    const [a, b, c] = feed.items;
    expect(a!.title).toBe("Café gratuit");
    expect(a!.text).toBe("Un café offert");
    expect(a!.url).toBe("https://acme.example/fr/cafe-gratuit");
    expect(a!.language).toBe("fr");
    expect(a!.published).toBe("2024-03-04T08:00:00.000Z");
    expect(a!.author).toEqual({ handle: "Équipe Acme", name: "Équipe Acme", url: "https://acme.example/fr" });
    expect(a!.categories).toEqual(["Promotion"]);
    expect(b!.language).toBe("en");
    expect(b!.text).toContain("markup");
    expect(b!.author?.name).toBe("Bob");
    expect(c!.text).toBe("Just a summary");
    expect(c!.id).toBe("urn:acme:3");
  });

  it("parses JSON Feed 1.1", () => {
    const feed = parseFeed(
      fixture("jsonfeed.json"),
      "https://micro.acme.example/feed.json",
      "application/feed+json",
    );
    expect(feed.format).toBe("jsonfeed");
    const [a, b] = feed.items;
    expect(a!.text).toBe("Neue Bohnen! Jetzt probieren 😀");
    expect(a!.language).toBe("de");
    expect(a!.author?.name).toBe("Klaus");
    expect(a!.categories).toEqual(["kaffee", "neu"]);
    expect(b!.id).toBe("https://micro.acme.example/feed.json#1");
    expect(b!.text).toBe("Erster Beitrag mit NUL und \u202eRTL override");
    expect(b!.language).toBe("en");
    expect(b!.author?.name).toBe("Acme Social Team");
  });

  it("decodes a declared legacy charset", () => {
    const xml = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><guid>g:1</guid><title>'),
      Buffer.from([0x43, 0x61, 0x66, 0xe9]),
      Buffer.from("</title></item></channel></rss>"),
    ]);
    expect(parseFeed(xml, FEED).items[0]!.title).toBe("Café");
  });

  it("refuses javascript: links", () => {
    const xml =
      "<rss><channel><item><title>x</title><link>javascript:alert(1)</link><guid>g:1</guid></item></channel></rss>";
    expect(parseFeed(Buffer.from(xml), FEED).items[0]!.url).toBeUndefined();
  });

  it.each([
    ["malformed.xml", /Malformed XML .* at line 3, column \d+/],
    ["malformed-jsonfeed.txt", /Malformed JSON/],
    [
      "homepage-html.txt",
      /HTML page, not a feed; the page advertises a feed at https:\/\/blog\.acme\.example\/feed\.xml/,
    ],
    ["entity-bomb.xml", /DTD entities/],
  ])("rejects %s with a useful fatal error", (name, message) => {
    let err: unknown;
    try {
      parseFeed(fixture(name), FEED);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as ConnectorError).kind).toBe("fatal");
    expect((err as ConnectorError).message).toMatch(message);
  });

  it("rejects XML that is not a feed and JSON that is not a JSON Feed", () => {
    expect(() => parseFeed(Buffer.from("<svg><g/></svg>"), FEED)).toThrow(/root element <svg>/);
    expect(() => parseFeed(Buffer.from('{"hello":1}'), FEED)).toThrow(/not a JSON Feed/);
    expect(() => parseFeed(Buffer.from(""), FEED)).toThrow(ConnectorError);
  });
});
