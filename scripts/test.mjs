#!/usr/bin/env node
// Runs the test layers in order and ends with one summary line ("N passed, N failed, N skipped").
//   node scripts/test.mjs               all layers
//   node scripts/test.mjs integration   integration only (PGlite, then PostgreSQL if DATABASE_URL is set)
//   node scripts/test.mjs e2e           browser tests only
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const only = process.argv[2];
const layers = [];
const add = (name, config, env = {}, skip = null) => layers.push({ name, config, env, skip });

if (!only || only === "unit") add("unit", "vitest.unit.config.ts");
if (!only || only === "integration") {
  add("integration (PGlite)", "vitest.integration.config.ts", { CHORUS_TEST_BACKEND: "pglite" });
  add(
    "integration (PostgreSQL)",
    "vitest.integration.config.ts",
    { CHORUS_TEST_BACKEND: "postgres" },
    process.env.DATABASE_URL
      ? null
      : "DATABASE_URL is not set: the PostgreSQL integration run is skipped (CI sets it)",
  );
}
if (!only || only === "e2e") {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  add(
    "browser (Playwright + Chromium)",
    "vitest.e2e.config.ts",
    {},
    existsSync(chromium) ? null : `${chromium} not found: browser tests skipped (apt-get install chromium)`,
  );
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const out = mkdtempSync(join(tmpdir(), "chorus-test-"));
let broken = false;

for (const [i, layer] of layers.entries()) {
  console.log(`\n=== ${layer.name} ===`);
  if (layer.skip) {
    console.log(`SKIPPED: ${layer.skip}`);
    continue;
  }
  const report = join(out, `layer-${i}.json`);
  const run = spawnSync(
    "npx",
    [
      "vitest",
      "run",
      "--config",
      layer.config,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    { stdio: "inherit", env: { ...process.env, ...layer.env } },
  );
  if (!existsSync(report)) {
    console.log(`${layer.name}: the runner produced no report (exit ${run.status})`);
    broken = true;
    continue;
  }
  const result = JSON.parse(readFileSync(report, "utf8"));
  totals.passed += result.numPassedTests;
  totals.failed += result.numFailedTests;
  totals.skipped += result.numPendingTests + result.numTodoTests;
  // A suite that fails to load counts no test but must still fail the run.
  if (run.status !== 0 && result.numFailedTests === 0) broken = true;
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || broken ? 1 : 0);
