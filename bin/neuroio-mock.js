#!/usr/bin/env node
// Launcher of the NeuroIO stand-in (src/mock/cli.ts). A built package runs the compiled
// CLI (dist/mock-cli.js, when the build emits it); a clone after `npm ci` runs the
// TypeScript source through tsx (a dev dependency).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const compiled = path.join(__dirname, "..", "dist", "mock-cli.js");
let cli;
if (fs.existsSync(compiled)) {
  cli = require(compiled);
} else {
  require("tsx/cjs");
  cli = require(path.join(__dirname, "..", "src", "mock", "cli.ts"));
}
cli.main(process.argv.slice(2)).catch((error) => {
  console.error(`neuroio-mock: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
});
