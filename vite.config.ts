import { defineConfig } from "vite";

/**
 * The web app's build, which `npm start` runs when web/ changed: it may import only `vite` (a
 * dependency), never a devDependency, since `npm start` must run without them. The tests'
 * configuration is vitest.config.ts.
 */
export default defineConfig({
  root: "web",
  build: { outDir: "dist", emptyOutDir: true },
  server: { host: "127.0.0.1", proxy: { "/api": "http://127.0.0.1:8080" } },
});
