/**
 * Throughput of parseImport on a generated ~100 MB CSV, to show it streams (peak RSS stays flat
 * whatever the file size). Run: node --import tsx server/modules/ingestion/connectors/import/import.bench.ts [MB]
 */

import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseImport } from "./parse-import";

const targetMb = Number(process.argv[2] ?? 100);
const dir = mkdtempSync(join(tmpdir(), "chorus-import-bench-"));
const file = join(dir, "posts.csv");

async function generate() {
  const out = createWriteStream(file);
  out.write("id,created_at,author,text,likes,lang\n");
  const target = targetMb * 1024 * 1024;
  let written = 0;
  for (let i = 0; written < target; i++) {
    const quoted =
      i % 10 === 0
        ? `"Line one, with comma\nline two ""quoted"" 👋 #${i}"`
        : `Plain post number ${i} about oat lattes and service`;
    const row = `${i},2024-03-0${(i % 9) + 1}T10:${String(i % 60).padStart(2, "0")}:00Z,@user${i % 5000},${quoted},${i % 300},en\n`;
    written += Buffer.byteLength(row);
    if (!out.write(row)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

async function main() {
  await generate();
  const size = statSync(file).size;
  let peakRss = process.memoryUsage.rss();
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  const t0 = performance.now();
  let rows = 0;
  let errors = 0;
  for await (const row of parseImport(createReadStream(file, { highWaterMark: 256 * 1024 }), {
    format: "csv",
    mapping: {
      text: "text",
      externalId: "id",
      createdAt: "created_at",
      authorHandle: "author",
      likes: "likes",
      language: "lang",
    },
    totalBytes: size,
  })) {
    if (row.post) rows++;
    else errors++;
  }
  const secs = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const mb = size / 1024 / 1024;
  console.log(
    `file ${mb.toFixed(1)} MB, ${rows} rows (${errors} errors) in ${secs.toFixed(2)} s: ` +
      `${Math.round(rows / secs).toLocaleString("en")} rows/s, ${(mb / secs).toFixed(1)} MB/s, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`,
  );
  rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  rmSync(dir, { recursive: true, force: true });
  console.error(err);
  process.exit(1);
});
