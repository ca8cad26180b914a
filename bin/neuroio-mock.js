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
// The CLI answers what a user can fix (arguments, the port, the state file) in one line;
// anything that gets here is a bug of the stand-in's, so its stack is kept.
mock.runMockCli(process.argv.slice(2)).catch((error) => {
  console.error(`neuroio-mock: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
});
