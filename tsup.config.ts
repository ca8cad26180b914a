// `npm run build`: the published package in dist/ — ESM (.mjs + .d.mts) and CommonJS
// (.js + .d.ts; the package has no "type": "module", so .js/.d.ts are CommonJS) with
// per-format declarations, plus the bundled OpenAPI document. Dependencies (openapi-fetch,
// ws, undici, busboy, openapi-backend) stay external: tsup externalizes everything in
// package.json's dependencies. `npm run build` empties dist/ first (the two formats are
// built side by side, so neither may clean).
import { copyFile, mkdir } from "node:fs/promises";
import { defineConfig, type Options } from "tsup";

const shared: Options = {
  entry: {
    index: "src/wrappers/index.ts",
    // Node's default transport, its own file: http.ts loads it at run time in Node only
    // (require in dist/index.js, import of ./node-transport.mjs in dist/index.mjs), so that
    // no browser bundle of dist/index.mjs holds it or undici.
    "node-transport": "src/wrappers/node-transport.ts",
    // `neuroio/mock`, which also holds the CLI that bin/neuroio-mock.js runs.
    mock: "src/mock/index.ts",
  },
  outDir: "dist",
  target: "es2022",
  platform: "node",
  // Declarations for the public entries only (node-transport is internal).
  dts: { entry: { index: "src/wrappers/index.ts", mock: "src/mock/index.ts" } },
  clean: false,
  sourcemap: true,
  splitting: false,
  treeshake: false,
};

const { mock, ...client } = shared.entry as Record<string, string>;

export default defineConfig([
  {
    ...shared,
    entry: client,
    dts: { entry: { index: client.index! } },
    format: "esm",
    // ES modules have no `require`. Without this, esbuild turns `typeof require` into
    // `typeof __require` (its shim, always a function) and `require("ws")` into a call that
    // throws "Dynamic require of "ws" is not supported" in Node's ESM loader, so code that
    // picks require-or-import at run time would take the wrong branch in dist/index.mjs.
    esbuildOptions(options) {
      options.define = { ...options.define, require: "undefined" };
    },
    async onSuccess() {
      await mkdir("dist", { recursive: true });
      await copyFile("src/generated/openapi.json", "dist/openapi.json");
    },
  },
  {
    // The stand-in's ESM build, without the client's `require` define: it bundles CommonJS
    // devDependencies (pngjs, jpeg-js), whose require calls must resolve, and their Node
    // built-in requires need a real `require` in an ES module.
    ...shared,
    entry: { mock: mock! },
    dts: { entry: { mock: mock! } },
    format: "esm",
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  },
  {
    ...shared,
    format: "cjs",
    // openapi-backend needs @apidevtools/json-schema-ref-parser, which is ESM-only: bundled
    // into dist/mock.js, a CommonJS require of the stand-in works even where require(esm)
    // does not (jest's module system). ESM importers get it from Node's loader.
    noExternal: ["openapi-backend", "@apidevtools/json-schema-ref-parser"],
  },
]);
