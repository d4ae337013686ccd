/**
 * Plain text of a post for the scorers: connectors hand over RSS/Mastodon HTML as often as plain text.
 * Tags become spaces (block tags end a sentence) and the common entities are decoded.
 */
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|<!--[\s\S]*?-->/g;
const BLOCK = new Set([
  "p",
  "br",
  "div",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "tr",
]);
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decode(_: string, dec?: string, hex?: string, name?: string): string {
  if (name) return NAMED[name] ?? "";
  const cp = dec ? Number(dec) : Number.parseInt(hex ?? "", 16);
  return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : "";
}

export function plainText(text: string): string {
  let s = text;
  if (s.indexOf("<") >= 0) {
    s = s.replace(TAG, (m, tag?: string) =>
      tag && BLOCK.has(tag.toLowerCase()) ? "\n" : m.startsWith("<!") ? "" : " ",
    );
  }
  if (s.indexOf("&") >= 0) s = s.replace(ENTITY, decode);
  return s;
}

const NOISE = /https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|(?<![\p{L}\p{N}_])@[\w.-]+(?:@[\w.-]+)?/gu;

/** Text for language identification: links, e-mail addresses and handles are not in any language. */
export function languageText(text: string): string {
  return text.replace(NOISE, " ");
}
