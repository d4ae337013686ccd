import { eld } from "eld/large";
import { detectLanguage } from "../../../shared/listening/enrich/language/detect";
import { evalDataDir, loadLingua } from "./data";
import { throughput } from "./metrics";
const dir = evalDataDir();
const t0 = performance.now(); detectLanguage("warm up"); console.log("table build ms", (performance.now() - t0).toFixed(0));
for (const set of ["sentences", "word-pairs"] as const) {
  const xs = loadLingua(dir, set);
  let ok = 0, okE = 0, agree = 0, und = 0, undWrong = 0;
  const diffs: string[] = [];
  for (const x of xs) {
    const r = detectLanguage(x.text); const e = eld.detect(x.text).language;
    if (r.best === x.lang) ok++; if (e === x.lang) okE++; if (e === r.best) agree++; else if (diffs.length < 8) diffs.push(`${x.text} | eld=${e} me=${r.best}`);
    if (r.language === "und") { und++; if (r.best !== x.lang) undWrong++; }
  }
  console.log(set, "me", ok / xs.length, "eld", okE / xs.length, "agree", agree / xs.length, "und", und, "und-of-wrong", undWrong);
  console.log(diffs.join("\n"));
  const texts = xs.map((x) => x.text);
  console.log("me/s", Math.round(throughput(texts, (s) => detectLanguage(s).best)), "eld/s", Math.round(throughput(texts, (s) => eld.detect(s).language)));
}
