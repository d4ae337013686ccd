import { createHash } from "node:crypto";

const URL = /https?:\/\/\S+/gi;
const HANDLE = /(^|\s)[@][\w.]+/g;
const RETWEET = /^\s*(rt|via)\b[:\s]*/i;

/**
 * A fingerprint of what a post says, blind to what reposts and copy-paste spam change:
 * case, accents, links, @handles, "RT", punctuation and spacing. Posts too short to be
 * distinctive ("lol", "+1") get no key, so they are never linked as duplicates.
 */
export function contentKey(text: string): string {
  const normalised = text
    .replace(RETWEET, "")
    .replace(URL, " ")
    .replace(HANDLE, " ")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (normalised.length < 24) return "";
  return createHash("sha1").update(normalised).digest("base64url").slice(0, 22);
}
