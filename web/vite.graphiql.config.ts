// GraphiQL from npm, built into dist/graphiql/; the gateway serves its index.html at GET /graphql
// and the assets are served under /graphiql/.
import react from "@vitejs/plugin-react";
import { resolve } from "node:path";
import { defineConfig } from "vite";

export default defineConfig({
  root: resolve(__dirname, "graphiql"),
  base: "/graphiql/",
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, "dist/graphiql"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
});
