/**
 * Customer-care and product-safety words that VADER's general lexicon misses or scores for
 * another sense. Chorus listens to what people say about products: "it burned my hand" is a
 * complaint (VADER has no "burn" and scores "hand" +2.2, as in "give a hand"). These entries
 * override the VADER lexicon. Added from the product domain, not fitted to any benchmark file.
 */
export const CARE_VALENCE: Record<string, number> = {
  hand: 0,
  hands: 0,
  // Mostly the noun in care ("support never answered"), not the verb VADER scores +1.7.
  support: 0,
  burn: -1.6,
  burns: -1.6,
  burned: -2.0,
  burnt: -2.0,
  leak: -1.5,
  leaks: -1.5,
  leaked: -1.5,
  leaking: -1.6,
  faulty: -2.0,
  defective: -2.2,
  malfunction: -1.9,
  malfunctioned: -1.9,
  overheated: -1.8,
  overheating: -1.8,
  unsafe: -2.1,
  hazard: -1.9,
  hazardous: -2.1,
  recall: -1.4,
  recalled: -1.5,
  injury: -2.4,
  injuries: -2.4,
  injured: -2.4,
  lawsuit: -1.8,
  outage: -1.8,
  refund: -0.8,
  unanswered: -1.5,
  ignored: -1.5,
  scammed: -2.6,
  overpriced: -1.7,
  flimsy: -1.6,
  ripped: -1.3,
  snapped: -1.2,
};

/** Two-word complaints whose words read neutral on their own. */
export const CARE_PHRASES: Record<string, number> = {
  "never answered": -1.8,
  "never replied": -1.8,
  "never responded": -1.8,
  "never arrived": -2.0,
  "no response": -1.6,
  "no reply": -1.6,
  "still waiting": -1.5,
  "fell apart": -2.2,
  "stopped working": -2.0,
};
