import { describe, expect, it } from "vitest";
import { extractEmoji } from "./emoji";
import { domainOf, extractEntities } from "./entities";

describe("extractEntities", () => {
  it("finds hashtags, mentions, cashtags and urls in plain text", () => {
    const e = extractEntities(
      "Loving the new #iPhone from @Apple $AAPL https://www.Apple.com/iphone/ today!",
    );
    expect(e.hashtags).toEqual(["iphone"]);
    expect(e.mentions).toEqual(["apple"]);
    expect(e.cashtags).toEqual(["AAPL"]);
    expect(e.urls).toEqual([{ url: "https://www.Apple.com/iphone/", domain: "apple.com" }]);
  });

  it("keeps hashtags in any script and refuses pure numbers", () => {
    const e = extractEntities("#café #東京 #праздник #1 #2024 #top10 #ünïcödé");
    expect(e.hashtags).toEqual(["café", "東京", "праздник", "top10", "ünïcödé"]);
  });

  it("needs a boundary before a sigil", () => {
    const e = extractEntities("mail me@example.com, C#rocks, US$5, a&#39;b, x/#frag");
    expect(e.mentions).toEqual([]);
    expect(e.hashtags).toEqual([]);
    expect(e.cashtags).toEqual([]);
  });

  it("de-duplicates case-insensitively", () => {
    const e = extractEntities("#Sale #sale #SALE @Bob @bob");
    expect(e.hashtags).toEqual(["sale"]);
    expect(e.mentions).toEqual(["bob"]);
  });

  it("handles fediverse and bluesky handles without trailing dots", () => {
    const e = extractEntities("cc @alice@mastodon.social and @bob.bsky.social. Also @carol_99!");
    expect(e.mentions).toEqual(["alice@mastodon.social", "bob.bsky.social", "carol_99"]);
  });

  it("accepts share-class cashtags but not prices", () => {
    const e = extractEntities("$BRK.B and $tsla up, $5 down, $100k, $TOOLONGX");
    expect(e.cashtags).toEqual(["BRK.B", "TSLA"]);
  });

  it("trims sentence punctuation and unbalanced parens from urls", () => {
    const e = extractEntities(
      "See (https://en.wikipedia.org/wiki/Foo_(bar)). And http://example.org/a?b=1&amp;c=2, or www.test.io.",
    );
    expect(e.urls.map((u) => u.url)).toEqual([
      "https://en.wikipedia.org/wiki/Foo_(bar)",
      "http://example.org/a?b=1&c=2",
      "www.test.io",
    ]);
    expect(e.urls.map((u) => u.domain)).toEqual(["en.wikipedia.org", "example.org", "test.io"]);
  });

  it("reads links from HTML but ignores markup attributes", () => {
    const html =
      '<p style="color:#fff">Hi <a href="https://shop.example.com/p?id=1&amp;x=2" class="u-url">@<span>shop</span></a> #deal</p>';
    const e = extractEntities(html);
    expect(e.hashtags).toEqual(["deal"]);
    expect(e.urls).toEqual([{ url: "https://shop.example.com/p?id=1&x=2", domain: "shop.example.com" }]);
  });

  it("stops urls at escaped quotes and smart punctuation", () => {
    const e = extractEntities(
      "&quot;https://a.example/x&quot; and “https://b.example/y” …https://c.example/z…",
    );
    expect(e.urls.map((u) => u.url)).toEqual([
      "https://a.example/x",
      "https://b.example/y",
      "https://c.example/z",
    ]);
  });

  it("does not take a word ending in http as a url", () => {
    expect(extractEntities("xhttps://nope.example").urls).toEqual([]);
    expect(extractEntities("https:// nothing").urls).toEqual([]);
  });

  it("extracts emoji as whole grapheme clusters", () => {
    const text = "ok 👍🏽 family 👨‍👩‍👧‍👦 flag 🇩🇪 scot 🏴󠁧󠁢󠁳󠁣󠁴󠁿 fire-heart ❤️‍🔥 keycap 1️⃣ #️⃣ rainbow 🏳️‍🌈 ☺ © ™ ❤";
    expect(extractEntities(text).emoji).toEqual(["👍🏽", "👨‍👩‍👧‍👦", "🇩🇪", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "❤️‍🔥", "1️⃣", "#️⃣", "🏳️‍🌈"]);
  });

  it("keeps emoji repeats and handles emoji glued to hashtags", () => {
    const e = extractEntities("🔥🔥🔥#lit😂");
    expect(e.emoji).toEqual(["🔥", "🔥", "🔥", "😂"]);
    expect(e.hashtags).toEqual(["lit"]);
  });

  it("survives lone surrogates, zero-width chars and empty input", () => {
    expect(extractEntities("")).toEqual({ hashtags: [], mentions: [], cashtags: [], urls: [], emoji: [] });
    const e = extractEntities("\ud83d #tag\u200b @x\u200d \udc00");
    expect(e.hashtags).toEqual(["tag"]);
    expect(e.mentions).toEqual(["x"]);
  });
});

describe("domainOf", () => {
  it("normalises hosts", () => {
    expect(domainOf("HTTPS://user:pw@WWW.Example.COM:8443/path")).toBe("example.com");
    expect(domainOf("www.example.co.uk")).toBe("example.co.uk");
    expect(domainOf("http://[::1]:80/")).toBe("[::1]");
    expect(domainOf("https://example.com./x")).toBe("example.com");
  });
});

describe("extractEmoji", () => {
  it("matches the entity scanner", () => {
    expect(extractEmoji("a😀b👍🏿c")).toEqual(["😀", "👍🏿"]);
  });
});
