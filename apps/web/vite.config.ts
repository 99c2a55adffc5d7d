import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./precompress.ts";

// In development the api runs on :3000 (`pnpm start`); Vite forwards API calls to it.
const api = "http://localhost:3000";

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    proxy: { "/trpc": api, "/api": api, "/docs": api },
  },
  build: {
    outDir: "dist",
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks each entry loads; the bundle budget test reads it.
    manifest: true,
    // The real limit is test/bundle-budget.test.ts (200 kB gzip per route's first load);
    // Vite's warning counts minified bytes, which say little about what a phone downloads.
    chunkSizeWarningLimit: 600,
  },
});
