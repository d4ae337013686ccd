// Throughput of the pure generator: npx tsx server/modules/ingestion/connectors/demo/generate.bench.ts
import { generateDemoPosts } from "./generate";

const from = "2024-01-01T00:00:00Z";
let n = 0;
const t0 = performance.now();
for (const _ of generateDemoPosts({ from, to: "2024-01-31T00:00:00Z", seed: 7, postsPerDay: 50_000 })) n++;
const s = (performance.now() - t0) / 1000;
console.log(`${n} posts in ${s.toFixed(2)} s = ${Math.round(n / s)} posts/s`);
