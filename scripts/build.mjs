// npm run build — the published package: dist/ and openapi.json (the package's files).
// Two tools run side by side, each doing what it is fast at:
// - tsup (esbuild; tsup.config.ts): the JavaScript — the client as ESM + CommonJS with source
//   maps, the stand-in as one CommonJS file with its third-party code bundled in;
// - tsc (tsconfig.build.json): the declarations, one .d.ts per source file in dist/types/.
// Then the few files neither writes: the ESM declaration entry, the OpenAPI document.
import { spawn } from "node:child_process";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
const started = performance.now();

/** Runs a package's command-line tool from node_modules; rejects on a non-zero exit. */
function run(bin, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules", bin), ...args], { cwd: root, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${bin} ${args.join(" ")} failed (${signal ?? code})`))));
  });
}

await rm(dist, { recursive: true, force: true });
await Promise.all([run("tsup/dist/cli-default.js", ["--silent"]), run("typescript/bin/tsc", ["-p", "tsconfig.build.json"])]);

// Declarations a consumer can type-check with skipLibCheck: false and tsc's default target
// (ES5 up to TypeScript 5.x) and library:
// - tsc writes `#private;` into a class that has #-private fields, which is an error (TS18028)
//   below ES2015; a private member named "#private" keeps the class nominal the same way.
// - the API returns async iterables (paginate, events): the entry asks for those library
//   types, which an ES5 library lacks, and for nothing more.
const ES_LIBS = ["es2018.asynciterable", "es2018.asyncgenerator"];
for (const file of await readdir(path.join(dist, "types"), { recursive: true })) {
  if (!file.endsWith(".d.ts")) continue;
  const full = path.join(dist, "types", file);
  let text = (await readFile(full, "utf8")).replace(/^(\s*)#private;$/gm, '$1private "#private";');
  if (file === path.join("wrappers", "index.d.ts") || file === path.join("wrappers", "events.d.ts")) text = ES_LIBS.map((lib) => `/// <reference lib="${lib}" />\n`).join("") + text;
  await writeFile(full, text);
}

// ESM declaration entries: the ESM build (index.mjs, events.mjs) needs declarations in ESM
// format (.d.mts), or TypeScript would type `import` of it as CommonJS. The types are the
// same: re-export them.
for (const entry of ["index", "events"]) await writeFile(path.join(dist, `${entry}.d.mts`), `export * from "./types/wrappers/${entry}.js";\n`);

// `neuroio/openapi.json` (and what dist/mock.js reads). At the package root, where tools that
// ignore "exports" (TypeScript's node10 resolution, old bundlers) look for it too.
// Without the committed file's indentation: a third of its bytes.
const document = JSON.parse(await readFile(path.join(root, "src/generated/openapi.json"), "utf8"));
await writeFile(path.join(root, "openapi.json"), JSON.stringify(document));

// Source maps carry the hand-written sources only: code generated from the OpenAPI document
// (the enum value lists in src/generated/schema.ts, 200 kB of mostly types) reads the same in
// the unminified dist/*.js, and embedding it would triple each map.
// The CommonJS maps also name the converted file itself (tsup's CommonJS split step), by its
// absolute path on the build machine: named relative, like the rest.
for (const file of (await readdir(dist)).filter((f) => f.endsWith(".map"))) {
  const map = JSON.parse(await readFile(path.join(dist, file), "utf8"));
  map.sources = map.sources.map((source) => (path.isAbsolute(source) ? path.relative(dist, source) : source));
  map.sourcesContent = map.sources.map((source, i) => (source.includes("/generated/") ? null : (map.sourcesContent?.[i] ?? null)));
  await writeFile(path.join(dist, file), JSON.stringify(map));
}

console.log(`build: dist/ and openapi.json in ${((performance.now() - started) / 1000).toFixed(1)} s`);
