// `npm run build`: the published package in dist/ — ESM (.mjs + .d.mts) and CommonJS
// (.js + .d.ts; the package has no "type": "module", so .js/.d.ts are CommonJS) with
// per-format declarations, plus the bundled OpenAPI document. Dependencies (openapi-fetch,
// ws, openapi-backend, busboy) stay external: tsup externalizes everything in
// package.json's dependencies.
import { copyFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { defineConfig } from "tsup";

// `neuroio/mock` (the stand-in server) is built once src/mock/index.ts exists; until then the
// "./mock" export in package.json points at files the build does not emit yet.
const MOCK_ENTRY = "src/mock/index.ts";

export default defineConfig({
  entry: {
    index: "src/wrappers/index.ts",
    ...(existsSync(MOCK_ENTRY) ? { mock: MOCK_ENTRY } : {}),
  },
  format: ["esm", "cjs"],
  outDir: "dist",
  target: "es2022",
  platform: "node",
  dts: true,
  clean: true,
  sourcemap: true,
  splitting: false,
  treeshake: false,
  esbuildOptions(options, { format }) {
    // ES modules have no `require`. Without this, esbuild turns `typeof require` into
    // `typeof __require` (its shim, always a function) and `require("ws")` into a call that
    // throws "Dynamic require of "ws" is not supported" in Node's ESM loader, so code that
    // picks require-or-import at run time would take the wrong branch in dist/index.mjs.
    if (format === "esm") options.define = { ...options.define, require: "undefined" };
  },
  async onSuccess() {
    await mkdir("dist", { recursive: true });
    await copyFile("src/generated/openapi.json", "dist/openapi.json");
  },
});
