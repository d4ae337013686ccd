/** The demo market: Halcyon Outdoor (the demo organisation) and three fictional competitors. */
export type Lang = "en" | "de" | "fr" | "es" | "it" | "nl" | "pt";
export type Category = "tent" | "jacket" | "pack" | "stove";

export interface DemoProduct {
  id: string;
  brand: string;
  name: string;
  category: Category;
  url: string;
}

export const HOME_BRAND = "Halcyon Outdoor";

export const PRODUCTS: DemoProduct[] = [
  {
    id: "trailblazer-2",
    brand: "Halcyon Outdoor",
    name: "Halcyon Trailblazer 2",
    category: "tent",
    url: "https://halcyon-outdoor.example/p/trailblazer-2",
  },
  {
    id: "aurora",
    brand: "Halcyon Outdoor",
    name: "Halcyon Aurora",
    category: "jacket",
    url: "https://halcyon-outdoor.example/p/aurora-down",
  },
  {
    id: "summit-45",
    brand: "Halcyon Outdoor",
    name: "Halcyon Summit 45L",
    category: "pack",
    url: "https://halcyon-outdoor.example/p/summit-45l",
  },
  {
    id: "ember",
    brand: "Halcyon Outdoor",
    name: "Halcyon Ember",
    category: "stove",
    url: "https://halcyon-outdoor.example/p/ember-stove",
  },
  {
    id: "ridgeline-ascent-2",
    brand: "Ridgeline",
    name: "Ridgeline Ascent 2",
    category: "tent",
    url: "https://ridgeline-gear.example/ascent-2",
  },
  {
    id: "ridgeline-nimbus",
    brand: "Ridgeline",
    name: "Ridgeline Nimbus",
    category: "jacket",
    url: "https://ridgeline-gear.example/nimbus",
  },
  {
    id: "tundra-basecamp-3",
    brand: "Tundra Gear",
    name: "Tundra Gear Basecamp 3",
    category: "tent",
    url: "https://tundragear.example/basecamp-3",
  },
  {
    id: "tundra-polar",
    brand: "Tundra Gear",
    name: "Tundra Gear Polar parka",
    category: "jacket",
    url: "https://tundragear.example/polar",
  },
  {
    id: "tundra-flare",
    brand: "Tundra Gear",
    name: "Tundra Gear Flare",
    category: "stove",
    url: "https://tundragear.example/flare",
  },
  {
    id: "summitco-alpine-40",
    brand: "Summit & Co",
    name: "Summit & Co Alpine 40",
    category: "pack",
    url: "https://summitandco.example/alpine-40",
  },
  {
    id: "summitco-blaze",
    brand: "Summit & Co",
    name: "Summit & Co Blaze",
    category: "stove",
    url: "https://summitandco.example/blaze",
  },
];

export const BRAND_HANDLES: Record<string, string> = {
  "Halcyon Outdoor": "@HalcyonOutdoor",
  Ridgeline: "@RidgelineGear",
  "Tundra Gear": "@TundraGear",
  "Summit & Co": "@SummitAndCo",
};

/** Share of posts per language: mostly English, then the European markets Halcyon sells in. */
export const LANGUAGE_MIX: [Lang, number][] = [
  ["en", 0.6],
  ["de", 0.1],
  ["fr", 0.08],
  ["es", 0.08],
  ["it", 0.05],
  ["nl", 0.05],
  ["pt", 0.04],
];

export type Intent = "complaint" | "question" | "praise" | "suggestion" | "purchase_intent";

export const INTENT_MIX: [Intent, number][] = [
  ["praise", 0.3],
  ["complaint", 0.22],
  ["question", 0.2],
  ["purchase_intent", 0.16],
  ["suggestion", 0.12],
];

/** Country per language, for `country` on some posts (authors of a language spread over markets). */
export const COUNTRIES: Record<Lang, string[]> = {
  en: ["US", "US", "GB", "CA", "AU", "IE", "NZ"],
  de: ["DE", "DE", "AT", "CH"],
  fr: ["FR", "FR", "BE", "CH", "CA"],
  es: ["ES", "MX", "AR", "CL", "CO"],
  it: ["IT", "IT", "CH"],
  nl: ["NL", "NL", "BE"],
  pt: ["PT", "BR", "BR"],
};

export const EMOJI = {
  positive: ["🙌", "😍", "👌", "⛺", "🏔️", "🔥", "💪", "✨", "🥾", "🌲"],
  negative: ["😡", "🤦", "😤", "👎", "🙄", "😞", "💸"],
  neutral: ["🤔", "🏕️", "🎒", "❓", "👀", "🗺️"],
  crisis: ["⚠️", "🔥", "🚨", "😱", "🚒"],
};

export const HASHTAGS = [
  "#camping",
  "#hiking",
  "#backpacking",
  "#outdoors",
  "#ultralight",
  "#gear",
  "#wildcamping",
  "#thruhike",
  "#trailrunning",
  "#mountains",
];
