import { defineConfig } from "vitest/config";

// Browser tests: playwright-core drives Debian's /usr/bin/chromium against a real server.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
