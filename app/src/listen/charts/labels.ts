/** Human labels for the values the API returns. */
const LANGUAGES: Record<string, string> = {
  en: "English",
  de: "German",
  fr: "French",
  es: "Spanish",
  it: "Italian",
  nl: "Dutch",
  pt: "Portuguese",
  "": "Unknown",
};
const INTENTS: Record<string, string> = {
  question: "Question",
  complaint: "Complaint",
  praise: "Praise",
  suggestion: "Suggestion",
  purchase_intent: "Purchase intent",
  other: "Other",
  "": "Unknown",
};

export const languageLabel = (code: string) => LANGUAGES[code] ?? code.toUpperCase();
export const intentLabel = (value: string) => INTENTS[value] ?? value;
export const channelLabel = (value: string) =>
  value ? value.charAt(0).toUpperCase() + value.slice(1) : "Unknown";
export const countryLabel = (value: string) => (value ? value.toUpperCase() : "Unknown");
export const INTENT_VALUES = ["question", "complaint", "praise", "suggestion", "purchase_intent", "other"];
export const SENTIMENT_VALUES = ["positive", "neutral", "negative"] as const;
