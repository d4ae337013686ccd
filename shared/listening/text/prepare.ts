import type { Post } from "../types";
import { fold, hostOf, normaliseUrl } from "./fold";
import { TokenKind, type Tokens, tokenize } from "./tokenize";

/**
 * A post tokenised once and shared by every query evaluated against it. The term→positions
 * index is built lazily: the presearcher only needs the token list, and most posts have no
 * candidate query that would need the index.
 */
export interface PreparedPost {
  post: Post;
  text: Tokens;
  title: Tokens | null;
  author: string | null;
  /** Normalised host (lower case, no "www."). */
  site: string | null;
  /** Normalised URL (no scheme, no "www.", no trailing slash). */
  url: string | null;
  /** Normalised post.links plus URLs found in the text. */
  links: string[];
  language: string | null;
  country: string | null;
  channel: string | null;
  sentiment: string | null;
  textIndex: Map<string, number[]> | null;
  titleIndex: Map<string, number[]> | null;
}

export function preparePost(post: Post): PreparedPost {
  const text = tokenize(post.text ?? "");
  const title = post.title ? tokenize(post.title) : null;
  const url = post.url ? normaliseUrl(post.url) : null;
  let site = post.site ? normaliseUrl(post.site) : url ? hostOf(url) : null;
  if (site) site = hostOf(site);
  const links: string[] = [];
  if (post.links) for (const l of post.links) links.push(normaliseUrl(l));
  for (let i = 0; i < text.count; i++) {
    if (text.kind[i] === TokenKind.Url) links.push(normaliseUrl(text.orig[i]!));
  }
  return {
    post,
    text,
    title,
    author: post.author ? fold(post.author.replace(/^@/, "")) : null,
    site,
    url,
    links,
    language: post.language ? post.language.toLowerCase() : null,
    country: post.country ? post.country.toUpperCase() : null,
    channel: post.channel ? post.channel.toLowerCase() : null,
    sentiment: post.sentiment ?? null,
    textIndex: null,
    titleIndex: null,
  };
}

function buildIndex(tokens: Tokens): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let i = 0; i < tokens.count; i++) {
    const key = tokens.norm[i]!;
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  }
  return index;
}

/** Folded term → ascending token positions, for the text or the title. */
export function termIndex(pp: PreparedPost, title: boolean): Map<string, number[]> {
  if (title) {
    if (!pp.titleIndex) pp.titleIndex = buildIndex(pp.title ?? EMPTY_TOKENS);
    return pp.titleIndex;
  }
  if (!pp.textIndex) pp.textIndex = buildIndex(pp.text);
  return pp.textIndex;
}

export const EMPTY_TOKENS: Tokens = { count: 0, norm: [], orig: [], start: [], end: [], kind: [] };
