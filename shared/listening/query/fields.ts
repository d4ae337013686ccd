import { fold, normaliseUrl } from "../text/fold";
import type { MatchField } from "./ast";

export type ValueCheck = { ok: true; value: string } | { ok: false; message: string };

const SENTIMENTS = new Set(["positive", "negative", "neutral"]);

/** Validates a field value and returns the normalised form stored in the AST. */
export function normaliseFieldValue(field: MatchField, raw: string): ValueCheck {
  const v = raw.trim();
  switch (field) {
    case "author": {
      const a = fold(v.replace(/^@/, ""));
      return a
        ? { ok: true, value: a }
        : { ok: false, message: "author: expects a handle, e.g. author:chorus" };
    }
    case "site": {
      const s = normaliseUrl(v);
      if (!s || /[/?#\s]/.test(s)) {
        return {
          ok: false,
          message: `site: expects a domain such as bbc.co.uk (use url: for paths), got '${raw}'`,
        };
      }
      return { ok: true, value: s };
    }
    case "url":
    case "links": {
      const u = normaliseUrl(v);
      return u ? { ok: true, value: u } : { ok: false, message: `${field}: expects a URL or URL prefix` };
    }
    case "language": {
      const l = v.toLowerCase();
      return /^[a-z]{2}$/.test(l)
        ? { ok: true, value: l }
        : {
            ok: false,
            message: `language: expects a two-letter ISO 639-1 code such as en or fr, got '${raw}'`,
          };
    }
    case "country": {
      const c = v.toUpperCase();
      return /^[A-Z]{2}$/.test(c)
        ? { ok: true, value: c }
        : {
            ok: false,
            message: `country: expects a two-letter ISO 3166-1 code such as GB or FR, got '${raw}'`,
          };
    }
    case "channel": {
      const c = v.toLowerCase();
      return /^[a-z0-9_.-]+$/.test(c)
        ? { ok: true, value: c }
        : { ok: false, message: `channel: expects a source name such as rss or mastodon, got '${raw}'` };
    }
    case "sentiment": {
      const s = v.toLowerCase();
      return SENTIMENTS.has(s)
        ? { ok: true, value: s }
        : { ok: false, message: `sentiment: expects positive, negative or neutral, got '${raw}'` };
    }
  }
}

/** True when a normalised host equals the site or is one of its subdomains. */
export function siteMatches(host: string, site: string): boolean {
  return (
    host === site ||
    (host.length > site.length && host.endsWith(site) && host[host.length - site.length - 1] === ".")
  );
}

/** url:/links: values are prefixes of the normalised URL. */
export function urlMatches(url: string, prefix: string): boolean {
  return url.startsWith(prefix);
}
