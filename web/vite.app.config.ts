// The single-page app, built into dist/app/ (index.html) with its assets under /assets/.
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: resolve(__dirname, "app"),
  base: process.env.MODELPLANE_WEB_BASE ?? "/",
  plugins: [react()],
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
