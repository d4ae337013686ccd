import { CsvTokenizer } from "./csv-tokenizer";
import type { ColumnMapping, MappedField } from "./mapping";

export interface SniffResult {
  format: "csv" | "jsonl";
  /** CSV only. */
  delimiter?: string;
  columns: string[];
  /** Best guess from column names; the UI shows it for the user to confirm. */
  suggestedMapping: Partial<ColumnMapping>;
}

// Lower-cased, punctuation-free column names seen in common exports (Brandwatch, Talkwalker,
// Sprout, app-store and review dumps, Twitter/X archives, our own exports).
const HINTS: [MappedField, RegExp][] = [
  ["text", /^(text|content|body|message|post|tweet|fulltext|review|reviewtext|comment|snippet|description)$/],
  ["externalId", /^(id|postid|tweetid|messageid|guid|uuid|reviewid|externalid|statusid)$/],
  ["title", /^(title|subject|headline|reviewtitle)$/],
  ["url", /^(url|link|permalink|posturl|tweeturl)$/],
  ["authorHandle", /^(author|handle|username|user|screenname|authorhandle|userscreenname|account)$/],
  ["authorName", /^(name|authorname|fullname|displayname|reviewer|userName)$/i],
  ["authorFollowers", /^(followers|followerscount|authorfollowers|userfollowers|userfollowerscount)$/],
  ["authorUrl", /^(authorurl|profileurl|userurl)$/],
  ["createdAt", /^(date|createdat|created|timestamp|time|datetime|publishedat|published|postdate|pubdate)$/],
  ["language", /^(lang|language|languagecode)$/],
  ["country", /^(country|countrycode|location_country|locationcountry)$/],
  ["likes", /^(likes|likecount|favorites|favoritecount|reactions|upvotes|score)$/],
  ["shares", /^(shares|sharecount|retweets|retweetcount|reposts)$/],
  ["replies", /^(replies|replycount|comments|commentcount)$/],
  ["views", /^(views|viewcount|impressions|reach)$/],
  ["rating", /^(rating|stars|score5|starrating)$/],
  ["replyTo", /^(replyto|inreplyto|inreplytostatusid|parentid)$/],
  ["thread", /^(thread|threadid|conversationid)$/],
];

/**
 * Looks at the first bytes of a file (a few KB is plenty) and returns its format, delimiter,
 * header columns and a suggested mapping. JSONL columns are the keys of the first objects,
 * nested objects flattened one level with dots ("user.name").
 */
export function sniffColumns(sample: string | Buffer): SniffResult {
  const text = (typeof sample === "string" ? sample : sample.toString("utf8")).replace(/^\uFEFF/, "");
  const firstLine = text.trimStart();
  if (firstLine.startsWith("{")) {
    const keys = new Set<string>();
    for (const line of text.split("\n").slice(0, 20)) {
      try {
        const obj = JSON.parse(line) as Record<string, unknown>;
        for (const [k, v] of Object.entries(obj)) {
          if (v && typeof v === "object" && !Array.isArray(v))
            for (const sub of Object.keys(v)) keys.add(`${k}.${sub}`);
          else keys.add(k);
        }
      } catch {
        // The sample's last line is usually cut mid-object; ignore it.
      }
    }
    const columns = [...keys];
    return { format: "jsonl", columns, suggestedMapping: suggest(columns) };
  }
  const delimiter = guessDelimiter(text);
  const tokenizer = new CsvTokenizer(delimiter);
  const header = tokenizer.push(text.slice(0, 64 * 1024))[0]?.fields.map((f) => f.trim()) ?? [];
  return { format: "csv", delimiter, columns: header, suggestedMapping: suggest(header) };
}

/** The candidate that splits the first lines into the same, largest number of fields. */
function guessDelimiter(text: string): string {
  let best = ",";
  let bestScore = 0;
  for (const d of [",", ";", "\t", "|"]) {
    const records = new CsvTokenizer(d).push(text.slice(0, 64 * 1024)).slice(0, 10);
    const counts = records.filter((r) => !r.error).map((r) => r.fields.length);
    if (counts.length === 0) continue;
    const consistent = counts.filter((c) => c === counts[0]).length / counts.length;
    const score = counts[0]! > 1 ? consistent * counts[0]! : 0;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

function suggest(columns: string[]): Partial<ColumnMapping> {
  const mapping: Partial<ColumnMapping> = {};
  const used = new Set<string>();
  for (const [field, re] of HINTS) {
    const col = columns.find((c) => !used.has(c) && re.test(c.toLowerCase().replace(/[\s_\-.]/g, "")));
    if (col) {
      (mapping as Record<string, string>)[field] = col;
      used.add(col);
    }
  }
  return mapping;
}
