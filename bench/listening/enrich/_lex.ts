import { createRequire } from "node:module";
import { LEXICON } from "../../../shared/listening/enrich/sentiment/lexicon";
const require = createRequire(import.meta.url);
const js = require("/work/main/node_modules/vader-sentiment/src/vader_lexicon.js").lexicon as Record<string, number>;
let diff = 0, missing = 0;
for (const [k, v] of Object.entries(js)) { const m = LEXICON.get(k); if (m === undefined) { missing++; if (missing < 10) console.log("missing", k, v); } else if (m !== v) { diff++; if (diff < 20) console.log("diff", k, v, m); } }
console.log("js size", Object.keys(js).length, "mine", LEXICON.size, diff, missing);
