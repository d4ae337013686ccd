import { defineConfig } from "vitest/config";

// Unit tests live next to the code; they never touch a database or the network.
export default defineConfig({
  test: {
    include: ["server/**/*.test.ts", "shared/**/*.test.ts", "app/src/**/*.test.ts", "app/src/**/*.test.tsx"],
    exclude: ["**/*.int.test.ts", "node_modules/**"],
    environment: "node",
    testTimeout: 20_000,
  },
});
