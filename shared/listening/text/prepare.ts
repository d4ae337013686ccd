import type { Post } from "../types";
import { fold, hostOf, normaliseUrl } from "./fold";
import { TokenKind, type Tokens, tokenize } from "./tokenize";

/** A post tokenised and normalised once, shared by every query evaluated against it. */
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
  };
}

export const EMPTY_TOKENS: Tokens = { count: 0, norm: [], orig: [], start: [], end: [], kind: [] };
