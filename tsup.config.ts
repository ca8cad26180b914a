// The JavaScript half of `npm run build` (scripts/build.mjs runs this and, alongside it, tsc
// for the declarations):
// - the client (`neuroio`) and the events feed (`neuroio/events`), ESM (.mjs) and CommonJS
//   (.js; the package is "type": "commonjs"), with source maps. Both formats split the code
//   the two entries share into chunks, so that each class exists once: an InputError from
//   `neuroio/events` is the InputError `neuroio` exports. Their runtime dependencies
//   (package.json "dependencies": openapi-fetch, ws) stay external, so `npm i neuroio`
//   installs them and nothing else.
// - the same two entries for browsers (dist/browser/, ESM only): the "browser" condition of
//   the package's ESM exports, which web bundlers pick. It differs by one module,
//   runtime.browser.ts in place of runtime.ts (scripts/browser-bundle.ts): no Node transport
//   to load, no User-Agent, no text for Node's decoding errors, the browser's WebSocket.
// - `neuroio/mock`, one CommonJS file (ESM importers get its named exports from Node's
//   CommonJS loader), with every package it imports that is not a runtime dependency of the
//   package (openapi-backend and its tree, busboy, ajv, …) bundled in and minified. Those are
//   devDependencies, so a stand-in-only dependency added later is bundled without touching
//   this file. No source map: it would mostly map third-party code. Their license notices
//   go beside it, in dist/mock.js.LICENSES.txt (scripts/notices.ts).
import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";
import { browserRuntime } from "./scripts/browser-bundle";
import { bundledNotices } from "./scripts/notices";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
const runtime = Object.keys(pkg.dependencies).join("|");
/** A bare import of one of the package's runtime dependencies (or a subpath of one). */
const RUNTIME_DEPENDENCY = new RegExp(`^(${runtime})(/|$)`);
/** Any other bare import, Node's built-ins aside (esbuild leaves those out on platform node). */
const BUNDLED = new RegExp(`^(?!node:|(${runtime})(/|$))[^./]`);

const common: Options = {
  outDir: "dist",
  target: "es2022",
  platform: "node",
  clean: false, // scripts/build.mjs empties dist/ once; the builds write side by side
  dts: false, // scripts/build.mjs: tsc emits the declarations
  splitting: false,
  treeshake: false,
};

const client: Options = {
  ...common,
  entry: {
    index: "src/wrappers/index.ts",
    events: "src/wrappers/events.ts",
    // Node's default transport, its own file: runtime.ts loads it at run time in Node only
    // (require in dist/index.js, import of ./node-transport.mjs in dist/index.mjs), so that
    // no bundle of dist/index.mjs holds it; the browser build does not name it at all.
    "node-transport": "src/wrappers/node-transport.ts",
  },
  external: [RUNTIME_DEPENDENCY],
  sourcemap: true,
  splitting: true,
};

const esm: Options = {
  ...client,
  format: "esm",
  // ES modules have no `require`. Without this, esbuild turns `typeof require` into
  // `typeof __require` (its shim, always a function) and `require("ws")` into a call that
  // throws "Dynamic require of "ws" is not supported" in Node's ESM loader, so code that
  // picks require-or-import at run time would take the wrong branch in dist/index.mjs.
  esbuildOptions(options) {
    options.define = { ...options.define, require: "undefined" };
  },
};

export default defineConfig([
  esm,
  // tsup splits CommonJS by building ES modules and converting them (its cjs-splitting step).
  { ...client, format: "cjs" },
  {
    ...esm,
    entry: { index: "src/wrappers/index.ts", events: "src/wrappers/events.ts" },
    outDir: "dist/browser",
    platform: "browser",
    esbuildPlugins: [browserRuntime],
  },
  {
    ...common,
    entry: { mock: "src/mock/index.ts" },
    format: "cjs",
    external: [RUNTIME_DEPENDENCY],
    noExternal: [BUNDLED],
    minify: true,
    keepNames: true, // readable function and class names in the stand-in's stack traces
    sourcemap: false,
    esbuildPlugins: [
      // The bundled packages' license notices, in dist/mock.js.LICENSES.txt.
      bundledNotices("dist/mock.js.LICENSES.txt"),
      {
        // The stand-in reads the OpenAPI document the package already ships (openapi.json at
        // the package root, `neuroio/openapi.json`) instead of holding a second copy.
        name: "shipped-openapi-document",
        setup(build) {
          build.onResolve({ filter: /\/generated\/openapi\.json$/ }, () => ({ path: "../openapi.json", external: true }));
        },
      },
    ],
  },
]);
