// Jest transformer for ESM-only packages under node_modules: compiles them to CommonJS with
// esbuild, so jest (CommonJS, Node < 24.9) can require them. Needed for
// @apidevtools/json-schema-ref-parser (ESM since v15), which openapi-backend — the
// stand-in's routing and validation — requires.
"use strict";
const { transformSync } = require("esbuild");
const { createHash } = require("node:crypto");

module.exports = {
  getCacheKey(source, path) {
    return createHash("sha256").update("esm-transform-1").update(path).update(source).digest("hex");
  },
  process(source, path) {
    const { code, map } = transformSync(source, { loader: "js", format: "cjs", target: "node20", sourcemap: true, sourcefile: path });
    return { code, map };
  },
};
