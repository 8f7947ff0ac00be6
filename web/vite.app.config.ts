// The single-page app, built into dist/app/ (index.html) with its assets under /assets/.
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: resolve(__dirname, "app"),
  base: process.env.MODELPLANE_WEB_BASE ?? "/",
  plugins: [react()],
  // MODELPLANE_WEB_MODE=kubeflow builds the app for the Kubeflow dashboard (see src/mode.ts).
  define: { __MODELPLANE_WEB_MODE__: JSON.stringify(process.env.MODELPLANE_WEB_MODE ?? "standalone") },
  server: { proxy: { "/graphql": "http://127.0.0.1:8000" } },
  build: {
    outDir: resolve(__dirname, "dist/app"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
  },
  test: {
    root: __dirname,
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}", "graphiql/**/*.test.ts"],
  },
});
