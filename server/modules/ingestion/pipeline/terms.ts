// Function words of the languages Chorus detects, so "top terms" shows what people talk about.
const STOPWORDS = new Set(
  (
    "the and for are but not you all any can had her was one our out has him his how man new now old see two way who boy " +
    "did its let put say she too use that with have this will your from they know want been good much some time very when " +
    "come here just like long make many more only over such take than them well were what into then also back after " +
    "because could would should their there these those which while about again being both each few most other same " +
    "so than too very just don't i'm it's im dont cant can't won't isn't didn't doesn't really still even get got " +
    "amp via rt http https www com " +
    "der die das und ist nicht ein eine mit für auf den dem des sich von zu im auch als wie noch aber nur " +
    "les des une est pas pour que qui dans sur avec par plus sont mais ont " +
    "los las una por con para que del son pero como más muy " +
    "gli una per che con non sono della " +
    "het een van zijn niet met voor maar ook " +
    "uma com para não que dos das por mais"
  ).split(" "),
);

const WORD = /[\p{L}][\p{L}\p{N}'’-]{2,}/gu;

/** Up to `max` distinct content words, lower case, in order of first appearance. */
export function keyTerms(text: string, max = 8): string[] {
  const terms: string[] = [];
  const seen = new Set<string>();
  const cleaned = text.replace(/https?:\/\/\S+/g, " ").replace(/[@#$][\p{L}\p{N}_.]+/gu, " ");
  for (const match of cleaned.matchAll(WORD)) {
    const word = match[0].toLowerCase().replace(/['’-]+$/, "");
    if (word.length < 3 || STOPWORDS.has(word) || seen.has(word)) continue;
    seen.add(word);
    terms.push(word);
    if (terms.length >= max) break;
  }
  return terms;
}
