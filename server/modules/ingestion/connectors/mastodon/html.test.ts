import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText } from "./html";
import { type MastodonStatus, statusToPost } from "./map";

const fixtures = JSON.parse(
  readFileSync(
    new URL("../../../../../test/fixtures/connectors/mastodon/statuses.json", import.meta.url),
    "utf8",
  ),
) as MastodonStatus[];

describe("htmlToText", () => {
  it("keeps link text, restores Mastodon's truncated URLs, and turns <br>/</p> into newlines", () => {
    const text = htmlToText(fixtures[0]!.content);
    expect(text).toBe(
      "Three nights in the Cairngorms & the #Halcyon Trailblazer 2 didn't leak once. Review: https://blog.example.org/2024/05/trailblazer-review\n\nOnly gripe: the pole clips.\nStill 9/10 ⛺🌧️",
    );
  });

  it("decodes named, decimal and hex entities and leaves unknown ones alone", () => {
    expect(decodeEntities("&lt;b&gt; &#39;x&#x27; &#128512; &bogus; &#0; &#xD800;")).toBe(
      "<b> 'x' 😀 &bogus; \ufffd \ufffd",
    );
  });

  it("drops script/style bodies and collapses whitespace", () => {
    expect(htmlToText("<p>a   <script>alert(1)</script>b</p>\n\n\n<p>c</p>")).toBe("a b\n\nc");
  });

  it("survives RTL marks, combining characters, ZWJ emoji and nbsp", () => {
    const text = htmlToText(fixtures[2]!.content);
    expect(text).toContain("#halcyon");
    expect(text).toContain("👨‍👩‍👧");
    expect(text).toContain("e\u0301 vs é");
    expect(text).toContain("😀 ok");
  });
});

describe("statusToPost", () => {
  it("maps a local status", () => {
    const post = statusToPost(fixtures[0]!, "https://mastodon.social");
    expect(post).toMatchObject({
      channel: "mastodon",
      externalId: "https://mastodon.social/api/v1/statuses/112345678901234567",
      url: "https://mastodon.social/@alpinejo/112345678901234567",
      author: { handle: "alpinejo@mastodon.social", name: "Jo 🏔️", followers: 1834 },
      language: "en",
      createdAt: "2024-05-14T09:12:44.000Z",
      engagement: { likes: 42, shares: 7, replies: 3 },
    });
    expect(post.title).toBeUndefined();
    expect(post.raw).toBe(fixtures[0]);
  });

  it("maps a remote reply with a content warning", () => {
    const post = statusToPost(fixtures[1]!, "https://mastodon.social");
    expect(post.author?.handle).toBe("bergfex@troet.cafe");
    expect(post.title).toBe("Rückruf / recall");
    expect(post.replyToExternalId).toBe("https://mastodon.social/api/v1/statuses/112345678901234567");
    expect(post.text).toBe(
      '@alpinejo Gibt\'s schon Infos zum Rückruf des Ember-Kochers? Mein Brenner hat "gefaucht" 🔥 <— das ist nicht normal, oder?',
    );
    expect(post.language).toBe("de");
  });

  it("takes a boost's original and leaves a null language unset", () => {
    const boost = { ...fixtures[0]!, id: "999999999999999999", reblog: fixtures[2]!, content: "" };
    const post = statusToPost(boost, "https://mastodon.social");
    expect(post.externalId).toBe("https://mastodon.social/api/v1/statuses/112345678901235100");
    expect(post.language).toBeUndefined();
    expect(post.author?.name).toBeUndefined();
  });
});
