import { Parser } from "htmlparser2";

// Content of these never reaches the reader, so it must never reach NormalisedPost.text either.
const DROPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "svg",
  "math",
  "head",
]);
// Elements that end a line of reading text; their boundaries become newlines.
const BLOCK = new Set([
  "p",
  "div",
  "br",
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
  "pre",
  "tr",
  "table",
  "section",
  "article",
  "header",
  "footer",
  "figure",
  "figcaption",
  "hr",
  "dd",
  "dt",
  "dl",
]);

/**
 * HTML → plain text for NormalisedPost.text: tags removed, script/style content dropped,
 * entities decoded (named, numeric, hex), runs of whitespace collapsed to one space, block
 * boundaries kept as single newlines (paragraph shape helps enrichment and display), control
 * characters and NULs removed. Also safe on plain text: it just decodes entities.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let dropDepth = 0;
  let preDepth = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (DROPPED.has(name)) dropDepth++;
        else if (name === "pre") preDepth++;
        if (BLOCK.has(name) && !DROPPED.has(name)) out.push("\n");
      },
      onclosetag(name, implied) {
        if (DROPPED.has(name)) dropDepth = Math.max(0, dropDepth - 1);
        else if (name === "pre") preDepth = Math.max(0, preDepth - 1);
        if (BLOCK.has(name) && !implied) out.push("\n");
      },
      ontext(text) {
        // Outside <pre>, a newline in HTML source is just whitespace; only tags make lines.
        if (dropDepth === 0) out.push(preDepth > 0 ? text : text.replace(/\s+/g, " "));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return cleanText(out.join(""));
}

const NEEDS_CLEANING =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
  /[\u0000-\u001F\u007F\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]| {2}|^ | $/;

/** Whitespace/control-character normalisation shared by every text field a connector emits. */
export function cleanText(text: string): string {
  // Fast path for the common already-clean string (imports call this per row).
  if (!NEEDS_CLEANING.test(text)) return text;
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
      .replace(/\r\n?/g, "\n")
      .replace(/[^\S\n]+/g, " ")
      .replace(/ *\n */g, "\n")
      .replace(/\n{2,}/g, "\n")
      .trim()
  );
}
