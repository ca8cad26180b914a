#!/usr/bin/env node
// Launcher of the NeuroIO stand-in (src/mock/cli.ts). A built package runs the compiled
// CLI from dist/mock.js; a clone after `npm ci` runs the TypeScript source through tsx
// (a dev dependency).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const compiled = path.join(__dirname, "..", "dist", "mock.js");
let mock;
if (fs.existsSync(compiled)) {
  mock = require(compiled);
} else {
  require("tsx/cjs");
  mock = require(path.join(__dirname, "..", "src", "mock", "index.ts"));
}
mock.runMockCli(process.argv.slice(2)).catch((error) => {
  console.error(`neuroio-mock: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
});
