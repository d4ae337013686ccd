/**
 * `npm run bench:listening`: every listening-engine figure in one run, each part with its peers.
 *  1. enrichment accuracy and speed against vader-sentiment, AFINN, wink-nlp, eld, franc, tinyld
 *  2. matching at 1k/10k/100k/150k topics against the plain evaluator (dense and realistic workloads)
 *  3. the whole enrichment step with 10k topics, posts/s per core
 * Parts 1–2 run as their own scripts (they print their own tables); BENCH_QUICK=1 shortens them.
 */
import { spawnSync } from "node:child_process";
import { runStepBench } from "./step";

const quick = process.env.BENCH_QUICK === "1";
const run = (script: string, args: string[]) => {
  const result = spawnSync("node", ["--import", "tsx", script, ...args], { stdio: "inherit" });
  if (result.status !== 0) process.exitCode = 1;
};

console.log("\n=== 1. Enrichment: sentiment and language against peers ===");
run("bench/listening/enrich/run.ts", quick ? ["--quick"] : []);
console.log("\n=== 2. Matching: presearch matcher against the plain evaluator ===");
run(
  "bench/listening/match/run.ts",
  quick ? ["1000", "10000", "--repeats=1"] : ["1000", "10000", "100000", "150000", "--repeats=3"],
);
console.log("\n=== 3. The whole enrichment step (single core) ===");
const step = runStepBench(10_000, quick ? 1_000 : 4_000);
if (!step) console.log("corpus not found under ../shared/data beside the checkout: skipped");
else {
  console.log(
    `posts in corpus: ${step.posts}, topics: ${step.topics}, matches/post: ${step.matchesPerPost.toFixed(3)}`,
  );
  console.log(
    `enrichment only (tokenise, language, sentiment, intent, entities, terms): ${step.enrichOnlyPostsPerSecond.toFixed(0)} posts/s/core`,
  );
  console.log(
    `whole step with matching against 10k topics:                           ${step.wholeStepPostsPerSecond.toFixed(0)} posts/s/core (target ≥ 50,000)`,
  );
}
