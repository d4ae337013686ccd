import { defineConfig } from "vitest/config";

// Integration tests run against a real database: PGlite by default, PostgreSQL when
// CHORUS_TEST_BACKEND=postgres (scripts/test.mjs runs the suite once per backend).
export default defineConfig({
  test: {
    include: ["server/**/*.int.test.ts", "test/integration/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    dangerouslyIgnoreUnhandledErrors: false,
  },
});
