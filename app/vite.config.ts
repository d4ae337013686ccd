import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const appRoot = fileURLToPath(new URL(".", import.meta.url));
const apiTarget = process.env.CHORUS_API_URL ?? "http://127.0.0.1:3000";

// The mock API only exists to develop the UI before/without the real server. It is a
// dev/preview middleware, never imported by app code, so it cannot reach the bundle.
async function mockPlugins(): Promise<Plugin[]> {
  if (process.env.CHORUS_MOCK_API !== "1") return [];
  // Explicit .ts: Vite's config loader is moving to native Node resolution, which needs it.
  const { mockApiPlugin } = await import("./dev/mock-api.ts");
  return [mockApiPlugin()];
}

const proxy = {
  "/api": { target: apiTarget, changeOrigin: false, ws: false },
  "/healthz": { target: apiTarget },
  "/metrics": { target: apiTarget },
};

export default defineConfig(async () => ({
  root: appRoot,
  plugins: [react(), ...(await mockPlugins())],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
}));
