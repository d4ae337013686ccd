import { createHash } from "node:crypto";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseFlexibleDate } from "../import/dates";
import { ConnectorError } from "../types";
import { cleanText, htmlToText } from "./html-text";

export type FeedFormat = "rss" | "atom" | "jsonfeed";

export interface FeedItem {
  /** Feed-unique id: guid/id when it is an absolute URI, else `${feedUrl}#${guid}`, else link, else a hash. */
  id: string;
  title?: string;
  text: string;
  url?: string;
  author?: { handle: string; name?: string; url?: string };
  published?: string;
  updated?: string;
  language?: string;
  /** RSS <category>, Atom <category term>, JSON Feed tags. Not put into text (see connector.ts). */
  categories: string[];
  raw: unknown;
}

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  language?: string;
  items: FeedItem[];
}

type Node = Record<string, unknown>;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Keep "007" and "1e3" guids as strings: ids must round-trip exactly.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

/**
 * Sniffs and parses RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.0/1.1.
 * Throws ConnectorError("fatal") with the parser's line/column for malformed input: a feed that
 * does not parse will not parse on retry either, and the user needs to see why.
 */
export function parseFeed(body: Buffer, feedUrl: string, contentType = ""): ParsedFeed {
  const text = decode(body, contentType);
  const head = text.slice(0, 512).trimStart();
  if (head.startsWith("{") || head.startsWith("[") || /json/i.test(contentType))
    return parseJsonFeed(text, feedUrl);
  if (/^<!doctype html|^<html/i.test(head)) {
    const alt = text.match(/<link[^>]+type=["']application\/(?:rss|atom|feed)\+(?:xml|json)["'][^>]*>/i)?.[0];
    const href = alt?.match(/href=["']([^"']+)["']/i)?.[1];
    throw new ConnectorError(
      `${feedUrl} returned an HTML page, not a feed${href ? `; the page advertises a feed at ${new URL(href, feedUrl)}` : ""}`,
      "fatal",
    );
  }
  // Internal DTD subsets are how entity-expansion bombs get in; no real feed needs one.
  if (/<!DOCTYPE[^>]*\[/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text.slice(0, 65536))) {
    throw new ConnectorError(`Feed at ${feedUrl} declares DTD entities, which are not accepted`, "fatal");
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new ConnectorError(
      `Malformed XML in feed ${feedUrl} at line ${line}, column ${col}: ${msg}`,
      "fatal",
    );
  }
  const doc = xml.parse(text) as Node;
  if (doc.rss) return parseRss(obj(obj(doc.rss).channel), arr(obj(obj(doc.rss).channel).item), feedUrl);
  if (doc["rdf:RDF"])
    return parseRss(obj(obj(doc["rdf:RDF"]).channel), arr(obj(doc["rdf:RDF"]).item), feedUrl);
  if (doc.feed) return parseAtom(obj(doc.feed), feedUrl);
  const root = Object.keys(doc).find((k) => !k.startsWith("?")) ?? "(empty)";
  throw new ConnectorError(`${feedUrl} is XML but not RSS or Atom (root element <${root}>)`, "fatal");
}

function parseRss(channel: Node, items: unknown[], feedUrl: string): ParsedFeed {
  const language = lang(str(channel.language) ?? str(channel["dc:language"]));
  return {
    format: "rss",
    title: plain(channel.title),
    language,
    items: items.map((it) => {
      const item = obj(it);
      const link = str(item.link) ?? attr(arr(item["atom:link"])[0], "href");
      const body = str(item["content:encoded"]) ?? str(item.description) ?? "";
      const author = str(item["dc:creator"]) ?? str(item.author);
      const published = date(item.pubDate) ?? date(item["dc:date"]);
      return {
        id: itemId(str(item.guid), link, feedUrl, [item.title, body, item.pubDate]),
        title: plain(item.title),
        text: htmlToText(body),
        url: absolute(link, feedUrl),
        author: author ? rssAuthor(author) : undefined,
        published,
        updated: date(item["atom:updated"]),
        language: lang(str(item["dc:language"])) ?? language,
        categories: arr(item.category).map(str).filter(isString).map(cleanText),
        raw: it,
      };
    }),
  };
}

function parseAtom(feed: Node, feedUrl: string): ParsedFeed {
  const language = lang(attr(feed, "xml:lang"));
  const feedAuthor = atomAuthor(arr(feed.author)[0]);
  return {
    format: "atom",
    title: atomText(feed.title),
    language,
    items: arr(feed.entry).map((e) => {
      const entry = obj(e);
      const links = arr(entry.link).map(obj);
      const alt = links.find((l) => !l["@_rel"] || l["@_rel"] === "alternate") ?? links[0];
      const href = alt ? str(alt["@_href"]) : undefined;
      const content = entry.content ?? entry.summary;
      return {
        id: itemId(str(entry.id), href, feedUrl, [entry.title, content, entry.updated]),
        title: atomText(entry.title),
        text: atomText(content) ?? "",
        url: absolute(href, feedUrl),
        author: atomAuthor(arr(entry.author)[0]) ?? feedAuthor,
        published: date(entry.published),
        updated: date(entry.updated),
        language: lang(attr(entry, "xml:lang") ?? attr(content, "xml:lang")) ?? language,
        categories: arr(entry.category)
          .map((c) => attr(c, "label") ?? attr(c, "term"))
          .filter(isString),
        raw: e,
      };
    }),
  };
}

function parseJsonFeed(text: string, feedUrl: string): ParsedFeed {
  let doc: Node;
  try {
    doc = obj(JSON.parse(text));
  } catch (err) {
    throw new ConnectorError(`Malformed JSON in feed ${feedUrl}: ${(err as Error).message}`, "fatal");
  }
  const version = str(doc.version);
  if (!version?.startsWith("https://jsonfeed.org/version/") || !Array.isArray(doc.items)) {
    throw new ConnectorError(`${feedUrl} is JSON but not a JSON Feed (missing version or items)`, "fatal");
  }
  const language = lang(str(doc.language));
  const feedAuthor = jsonAuthor(arr(doc.authors)[0] ?? doc.author);
  return {
    format: "jsonfeed",
    title: plain(doc.title),
    language,
    items: doc.items.map((it) => {
      const item = obj(it);
      const url = str(item.url) ?? str(item.external_url);
      const html = str(item.content_html);
      const idValue = typeof item.id === "number" ? String(item.id) : str(item.id);
      return {
        id: itemId(idValue, url, feedUrl, [item.title, html ?? item.content_text, item.date_published]),
        title: plain(item.title),
        text: html ? htmlToText(html) : cleanText(str(item.content_text) ?? str(item.summary) ?? ""),
        url: absolute(url, feedUrl),
        author: jsonAuthor(arr(item.authors)[0] ?? item.author) ?? feedAuthor,
        published: date(item.date_published),
        updated: date(item.date_modified),
        language: lang(str(item.language)) ?? language,
        categories: arr(item.tags).map(str).filter(isString).map(cleanText),
        raw: it,
      };
    }),
  };
}

/** Charset from the Content-Type header, else the XML declaration, else UTF-8 (BOM stripped). */
function decode(body: Buffer, contentType: string): string {
  const declared =
    contentType.match(/charset=["']?([\w-]+)/i)?.[1] ??
    body
      .subarray(0, 200)
      .toString("latin1")
      .match(/<\?xml[^>]*encoding=["']([\w-]+)["']/i)?.[1] ??
    "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(body).replace(/^\uFEFF/, "");
}

function itemId(
  guid: string | undefined,
  link: string | undefined,
  feedUrl: string,
  parts: unknown[],
): string {
  if (guid) {
    // A URI guid (http:, urn:, tag:) is globally unique; a bare "123" is only unique in its feed,
    // and two feeds on the same channel kind would otherwise collide in the dedupe key.
    return /^[a-z][a-z0-9+.-]*:/i.test(guid) ? guid : `${feedUrl}#${guid}`;
  }
  if (link) return absolute(link, feedUrl) ?? link;
  const hash = createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32);
  return `${feedUrl}#sha256:${hash}`;
}

/** RSS <author> is "email (Name)" by spec; dc:creator is a name. */
function rssAuthor(value: string): FeedItem["author"] {
  const m = value.match(/^\s*([^\s()]+@[^\s()]+)\s*\((.+)\)\s*$/);
  if (m) return { handle: m[1]!, name: cleanText(m[2]!) };
  const name = cleanText(value);
  return { handle: name, name };
}

function atomAuthor(node: unknown): FeedItem["author"] {
  const a = obj(node);
  const name = plain(a.name);
  const handle = name ?? str(a.email);
  return handle ? { handle, name, url: str(a.uri) } : undefined;
}

function jsonAuthor(node: unknown): FeedItem["author"] {
  const a = obj(node);
  const name = plain(a.name);
  return name ? { handle: name, name, url: str(a.url) } : undefined;
}

/** Atom text constructs: type="html" is escaped HTML, "xhtml" is inline markup (parsed to a tree). */
function atomText(node: unknown): string | undefined {
  if (node === undefined) return undefined;
  const type = attr(node, "type");
  if (type === "xhtml") return cleanText(collectText(node));
  const value = str(node);
  if (value === undefined) return undefined;
  return type === "html" || type === "text/html" ? htmlToText(value) : cleanText(value);
}

function collectText(node: unknown): string {
  if (typeof node === "string") return node;
  if (Array.isArray(node)) return node.map(collectText).join(" ");
  if (node && typeof node === "object") {
    return Object.entries(node)
      .filter(([k]) => !k.startsWith("@_"))
      .map(([, v]) => collectText(v))
      .join(" ");
  }
  return "";
}

function plain(node: unknown): string | undefined {
  const s = str(node);
  // Titles are frequently entity-escaped HTML in the wild ("Q&amp;A &lt;b&gt;"): reduce them too.
  return s === undefined ? undefined : htmlToText(s) || undefined;
}

function date(node: unknown): string | undefined {
  return parseFlexibleDate(str(node)) ?? undefined;
}

function lang(value: string | undefined): string | undefined {
  const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2}$/.test(primary) ? primary : undefined;
}

function absolute(link: string | undefined, base: string): string | undefined {
  if (!link) return undefined;
  try {
    const u = new URL(link.trim(), base);
    // A javascript: or data: "link" in a hostile feed must never become a clickable URL.
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

function str(node: unknown): string | undefined {
  if (typeof node === "string") return node || undefined;
  if (typeof node === "number") return String(node);
  if (node && typeof node === "object" && "#text" in node) return str((node as Node)["#text"]);
  return undefined;
}

function attr(node: unknown, name: string): string | undefined {
  return node && typeof node === "object" ? str((node as Node)[`@_${name}`]) : undefined;
}

function obj(node: unknown): Node {
  return node && typeof node === "object" && !Array.isArray(node) ? (node as Node) : {};
}

function arr(node: unknown): unknown[] {
  return node === undefined || node === null ? [] : Array.isArray(node) ? node : [node];
}

function isString(x: string | undefined): x is string {
  return typeof x === "string" && x.length > 0;
}
