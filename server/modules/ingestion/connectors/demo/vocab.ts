import { type Category, COUNTRIES, type Intent, type Lang, PRODUCTS } from "./data/brands";
import { de, fr } from "./data/de-fr";
import { en } from "./data/en";
import { es, it } from "./data/es-it";
import type { LanguagePack } from "./data/language";
import { nl, pt } from "./data/nl-pt";
import { mix, mulberry32, pick, type Rng } from "./rng";

export const PACKS: Record<Lang, LanguagePack> = { en, de, fr, es, it, nl, pt };

/**
 * A template pre-split into literals and slot names, so filling is plain concatenation. A slot
 * that opens a sentence is marked `cap`, so "the hood" becomes "The hood" there at no run-time cost.
 */
export type Compiled = (string | { slot: string; cap: boolean })[];

export function compile(template: string): Compiled {
  const parts: Compiled = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    const before = template.slice(0, m.index);
    parts.push({ slot: m[1] as string, cap: /(^|[.!?¿¡]\s*)$/.test(before) && !/\.\.\s*$/.test(before) });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

export function fill(parts: Compiled, slots: Record<string, string>): string {
  let out = "";
  for (const p of parts) {
    if (typeof p === "string") out += p;
    else {
      const v = slots[p.slot] ?? "";
      out += p.cap ? v.charAt(0).toUpperCase() + v.slice(1) : v;
    }
  }
  return out;
}

export interface CompiledPack {
  templates: Record<Intent, Compiled[]>;
  crisis: Compiled[];
  the: Record<Category, Compiled>;
  pack: LanguagePack;
}

const compileAll = (list: string[]) => list.map(compile);

export const COMPILED: Record<Lang, CompiledPack> = Object.fromEntries(
  (Object.entries(PACKS) as [Lang, LanguagePack][]).map(([lang, pack]) => [
    lang,
    {
      pack,
      crisis: compileAll(pack.crisis),
      templates: Object.fromEntries(
        Object.entries(pack.templates).map(([intent, list]) => [intent, compileAll(list)]),
      ) as Record<Intent, Compiled[]>,
      the: Object.fromEntries(Object.entries(pack.the).map(([c, t]) => [c, compile(t)])) as Record<
        Category,
        Compiled
      >,
    },
  ]),
) as Record<Lang, CompiledPack>;

export const PRODUCT_BY_ID = new Map(PRODUCTS.map((p) => [p.id, p]));
export const HOME_PRODUCTS = PRODUCTS.filter((p) => p.brand === "Halcyon Outdoor");
export const RIVAL_PRODUCTS = PRODUCTS.filter((p) => p.brand !== "Halcyon Outdoor");

export interface DemoAuthor {
  handle: string;
  name: string;
  followers: number;
  country?: string;
  /** The post's `author` object, built once and shared by all of this author's posts (frozen). */
  profile: Readonly<{ handle: string; name: string; followers: number; url: string }>;
}

const HANDLE_WORDS = [
  "hikes",
  "trails",
  "outdoors",
  "camps",
  "peaks",
  "wanders",
  "adventures",
  "summits",
  "roams",
];
const asciiFold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]/g, "")
    .toLowerCase();

/** Followers are heavy-tailed: most people have dozens to a few thousand, a few are influencers. */
function followers(rng: Rng): number {
  if (rng() < 0.01) return 20_000 + Math.floor(rng() * 380_000);
  return Math.floor(10 ** (0.6 + 3.6 * rng() ** 1.7));
}

const poolCache = new Map<number, Record<Lang, DemoAuthor[]>>();

/** Each seed gets its own cast of recurring authors, so the same people post again over time. */
export function authorPool(seed: number): Record<Lang, DemoAuthor[]> {
  const cached = poolCache.get(seed);
  if (cached) return cached;
  const pool = {} as Record<Lang, DemoAuthor[]>;
  for (const lang of Object.keys(PACKS) as Lang[]) {
    const rng = mulberry32(mix(seed, lang.charCodeAt(0), lang.charCodeAt(1), 0xa07));
    const pack = PACKS[lang];
    const size = lang === "en" ? 1500 : 300;
    const list: DemoAuthor[] = [];
    for (let i = 0; i < size; i++) {
      const first = pick(rng, pack.firstNames);
      const last = pick(rng, pack.lastNames);
      const style = rng();
      const base =
        style < 0.35
          ? `${asciiFold(first)}.${asciiFold(last)}`
          : style < 0.65
            ? `${asciiFold(first)}_${pick(rng, HANDLE_WORDS)}`
            : `${asciiFold(first)}${asciiFold(last).slice(0, 3)}`;
      const handle = `${base}${i.toString(36)}`;
      const name = rng() < 0.8 ? `${first} ${last}` : first;
      const count = followers(rng);
      const profile = Object.freeze({
        handle,
        name,
        followers: count,
        url: `https://social.demo.example/@${handle}`,
      });
      const author: DemoAuthor = { handle, name, followers: count, profile };
      if (rng() < 0.7) author.country = pick(rng, COUNTRIES[lang]);
      list.push(author);
    }
    pool[lang] = list;
  }
  if (poolCache.size > 16) poolCache.clear();
  poolCache.set(seed, pool);
  return pool;
}
