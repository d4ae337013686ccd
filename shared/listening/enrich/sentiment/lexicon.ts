import { CARE_PHRASES, CARE_VALENCE } from "./lexicon-care";
import {
  CASED_EMOTICONS,
  EMOJI_VALENCE,
  EXTRA_BOOSTERS,
  EXTRA_NEGATORS,
  PHRASE_VALENCE,
  SLANG_VALENCE,
} from "./lexicon-extra";
import { VADER_LEXICON_TSV } from "./lexicon-vader";

/**
 * Word lists and constants of the VADER method (Hutto & Gilbert 2014, MIT), re-implemented here.
 * The empirically derived constants are VADER's.
 */
export const B_INCR = 0.293;
export const B_DECR = -0.293;
/** Increase for a sentiment word in ALL CAPS while other words are not. */
export const C_INCR = 0.733;
/** Negation flips and dampens: "not good" is milder than "bad". */
export const N_SCALAR = -0.74;

const VADER_NEGATE = [
  "aint",
  "arent",
  "cannot",
  "cant",
  "couldnt",
  "darent",
  "didnt",
  "doesnt",
  "ain't",
  "aren't",
  "can't",
  "couldn't",
  "daren't",
  "didn't",
  "doesn't",
  "dont",
  "hadnt",
  "hasnt",
  "havent",
  "isnt",
  "mightnt",
  "mustnt",
  "neither",
  "don't",
  "hadn't",
  "hasn't",
  "haven't",
  "isn't",
  "mightn't",
  "mustn't",
  "neednt",
  "needn't",
  "never",
  "none",
  "nope",
  "nor",
  "not",
  "nothing",
  "nowhere",
  "oughtnt",
  "shant",
  "shouldnt",
  "uhuh",
  "wasnt",
  "werent",
  "oughtn't",
  "shan't",
  "shouldn't",
  "uh-uh",
  "wasn't",
  "weren't",
  "without",
  "wont",
  "wouldnt",
  "won't",
  "wouldn't",
  "rarely",
  "seldom",
  "despite",
];

const VADER_BOOSTERS_UP =
  "absolutely amazingly awfully completely considerable considerably decidedly deeply effing enormous enormously entirely especially exceptional exceptionally extreme extremely fabulously flipping flippin frackin fracking fricking frickin frigging friggin fully fuckin fucking fuggin fugging greatly hella highly hugely incredible incredibly intensely major majorly more most particularly purely quite really remarkably so substantially thoroughly total totally tremendous tremendously uber unbelievably unusually utter utterly very";
const VADER_BOOSTERS_DOWN =
  "almost barely hardly just-enough kind-of kinda kindof less little marginal marginally occasional occasionally partly scarce scarcely slight slightly somewhat sort-of sorta sortof";

/** Multi-word expressions whose meaning is not the sum of the words (VADER's SPECIAL_CASES). */
export const IDIOMS: ReadonlyMap<string, number> = new Map([
  ["the shit", 3],
  ["the bomb", 3],
  ["bad ass", 1.5],
  ["badass", 1.5],
  ["bus stop", 0],
  ["yeah right", -2],
  ["kiss of death", -1.5],
  ["to die for", 3],
  ["beating heart", 3.1],
  ["broken heart", -2.9],
  ["cut the mustard", 2],
  ["hand to mouth", -2],
]);

/** Phrase boosters looked up as n-grams ("sort of", "kind of"). */
export const PHRASE_BOOSTERS: ReadonlyMap<string, number> = new Map([
  ["kind of", B_DECR],
  ["sort of", B_DECR],
  ["just enough", B_DECR],
]);

// Function words are left out: every idiom has a content word, and "the"/"to" would trigger the
// n-gram check on most sentiment words.
const FUNCTION_WORDS = new Set(["the", "of", "to", "for", "a", "an"]);

/** Content words of IDIOMS and PHRASE_BOOSTERS: the n-gram check runs only when one is nearby. */
export const IDIOM_WORDS: ReadonlySet<string> = new Set(
  [...IDIOMS.keys(), ...PHRASE_BOOSTERS.keys()]
    .flatMap((k) => k.split(" "))
    .filter((w) => !FUNCTION_WORDS.has(w)),
);

function buildLexicon(): Map<string, number> {
  const lex = new Map<string, number>();
  for (const line of VADER_LEXICON_TSV.split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0) lex.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  for (const [w, v] of Object.entries(SLANG_VALENCE)) if (!lex.has(w)) lex.set(w, v);
  for (const [w, v] of Object.entries(CARE_VALENCE)) lex.set(w, v);
  for (const [e, v] of Object.entries(EMOJI_VALENCE)) lex.set(e, v);
  // Cased keys never collide with the lower-cased ones; tokens try the written form first.
  for (const [e, v] of Object.entries(CASED_EMOTICONS)) lex.set(e, v);
  return lex;
}

export const LEXICON: ReadonlyMap<string, number> = buildLexicon();

export const BOOSTERS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const w of VADER_BOOSTERS_UP.split(" ")) m.set(w, B_INCR);
  for (const w of VADER_BOOSTERS_DOWN.split(" ")) m.set(w, B_DECR);
  // A word with its own valence ("pretty", "super", "damn") stays a sentiment word, as in VADER.
  for (const [w, v] of Object.entries(EXTRA_BOOSTERS)) if (!m.has(w) && !LEXICON.has(w)) m.set(w, v);
  return m;
})();

/** Two-word expressions scored as a unit (the first word's own valence is dropped). */
export const PHRASES: ReadonlyMap<string, number> = new Map([
  ...Object.entries(PHRASE_VALENCE),
  ...Object.entries(CARE_PHRASES),
  ...[...IDIOMS].filter(([k]) => k.split(" ").length === 2),
]);
/** Last words of PHRASES, so the bigram string is only built when it can match. */
export const PHRASE_LAST: ReadonlySet<string> = new Set(
  [...PHRASES.keys()].map((p) => p.slice(p.lastIndexOf(" ") + 1)),
);

export const NEGATORS: ReadonlySet<string> = new Set([...VADER_NEGATE, ...EXTRA_NEGATORS]);
