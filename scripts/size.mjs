// node scripts/size.mjs [--json] — size of the client as a browser would load it:
// src/wrappers/index.ts with openapi-fetch bundled in by esbuild as the package's browser
// build has it (scripts/browser-bundle.ts: platform browser, ESM, split into chunks as
// esbuild splits them: what the on-demand parts share with the rest gets chunks of its own,
// where Rollup and Rolldown put everything loaded up front into one), `ws` and Node
// built-ins left out (and listed, with the import that asks for them). Prints raw
// (unminified), min and min+gzip bytes of what importing "neuroio" loads (the entry, every
// export kept, and the chunks it imports; also with `import { Client }` alone, for a
// bundler that drops unused exports), apart each chunk loaded only on demand (see
// ON_DEMAND), and what `import { EventsListener } from "neuroio/events"` adds to
// `import { Client }`.
//
// node scripts/size.mjs --package [--project DIR] [--json] — size of the package as a user
// installs it: builds and packs DIR (default: this repository; another checkout with its
// node_modules measures an older version), installs the tarball with npm into a fresh
// directory (dependencies from a registry on 127.0.0.1, see scripts/tarball.ts) and prints
// the tarball's size, what the stand-in takes of it, and the packages and bytes installed.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { tsImport } from "tsx/esm/api";

const { browserBundle } = await tsImport("./browser-bundle.ts", import.meta.url);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "src/wrappers/index.ts");
const eventsEntry = path.join(root, "src/wrappers/events.ts");
// The chunks a page loads only when it needs them, by the module that starts each one.
const ON_DEMAND = [
  ["src/wrappers/middleware.ts", "the middleware path (middleware.ts), on the first call of a client with middleware"],
  ["node_modules/openapi-fetch/", "openapi-fetch's client, loaded by the middleware path"],
  ["src/wrappers/uploads.ts", "the upload path (uploads.ts: images into a multipart body), on the first call with a multipart body"],
  ["src/wrappers/login.ts", "the login path (login.ts: the login and the session that renews it), on the first Client.login()"],
  ["src/wrappers/overrides.ts", "the overridden operations (overrides.ts: auth.passwordChange), on the first call of one"],
];

// `import { Client } from "neuroio"` in an app whose bundler drops unused exports (the
// package has "sideEffects": false): the Client and what it needs, without the other exports.
const CLIENT_ONLY = { contents: `export { Client } from ${JSON.stringify(entry)};`, resolveDir: root, sourcefile: "client-only.js" };
// An app that listens to events too.
const WITH_EVENTS = {
  contents: `export { Client } from ${JSON.stringify(entry)}; export { EventsListener } from ${JSON.stringify(eventsEntry)};`,
  resolveDir: root,
  sourcefile: "with-events.js",
};

async function bundle(minify, stdin) {
  const found = [];
  const result = await build({
    ...browserBundle(root, found),
    ...(stdin ? { stdin } : { entryPoints: [entry] }),
    write: false,
    outdir: path.join(root, "size-out"), // never written: names the chunks
    metafile: true,
    minify,
    legalComments: "none",
    logLevel: "silent",
  });
  // What the entry loads: itself and its static imports, transitively; the rest is on demand.
  const outputs = result.metafile.outputs;
  const initial = new Set();
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const i of outputs[file].imports) if (i.kind === "import-statement" && outputs[i.path]) visit(i.path);
  };
  visit(Object.keys(outputs).find((file) => outputs[file].entryPoint));
  const contents = (files) => Buffer.concat(result.outputFiles.filter((f) => files.has(path.relative(root, f.path))).map((f) => f.contents));
  const lazy = Object.keys(outputs).filter((file) => !initial.has(file));
  // Each on-demand chunk under what loads it (a chunk nothing names is listed by its file).
  const onDemand = lazy.map((file) => {
    const inputs = Object.keys(outputs[file].inputs);
    const label = ON_DEMAND.find(([start]) => inputs.some((input) => input.startsWith(start)))?.[1] ?? file;
    return { label, bytes: contents(new Set([file])) };
  });
  // Each source file's share of the up-front load, minified (esbuild's metafile), largest first.
  const parts = new Map();
  for (const file of initial) for (const [input, { bytesInOutput }] of Object.entries(outputs[file].inputs)) parts.set(input, (parts.get(input) ?? 0) + bytesInOutput);
  const modules = [...parts].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]).map(([file, bytes]) => ({ file, bytes }));
  return { bytes: contents(initial), lazy: contents(new Set(lazy)), onDemand, modules, found };
}

if (process.argv.includes("--package")) {
  await packageSize();
  process.exit(0);
}

async function packageSize() {
  const { NPM, pack, startRegistry, install, installSize, sh } = await tsImport("./tarball.ts", import.meta.url);
  const at = process.argv.indexOf("--project");
  const project = at > 0 ? path.resolve(process.argv[at + 1]) : root;
  const work = await mkdtemp(path.join(os.tmpdir(), "neuroio-size-"));
  try {
    await sh(NPM, ["run", "build", "--silent"], project);
    const packed = await pack(work, project);
    const standIn = packed.files.filter((f) => /^dist\/(mock\b|types\/mock\/)/.test(f.path));
    const registry = await startRegistry(work, project);
    try {
      const installed = await installSize((await install("npm", packed.tarball, registry, work)).dir);
      const result = {
        tarballBytes: packed.size,
        unpackedBytes: packed.unpackedSize,
        files: packed.files.length,
        standInBytes: standIn.reduce((sum, f) => sum + f.size, 0),
        installedPackages: installed.packages.length,
        installedBytes: installed.bytes,
        installedDiskBytes: installed.diskBytes,
        packages: installed.packages,
      };
      if (process.argv.includes("--json")) console.log(JSON.stringify(result));
      else {
        const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
        console.log(`package in ${project} (npm pack, npm install; node ${process.version})`);
        console.log(`  tarball            ${mb(result.tarballBytes)} (.tgz), ${mb(result.unpackedBytes)} unpacked, ${result.files} files`);
        console.log(`  of which stand-in  ${mb(result.standInBytes)} unpacked (dist/mock*, dist/types/mock/)`);
        console.log(`  npm i neuroio      ${result.installedPackages} packages, ${mb(result.installedBytes)} in node_modules (${mb(result.installedDiskBytes)} on disk)`);
        console.log(`  packages           ${result.packages.join(" ")}`);
      }
    } finally {
      await registry.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const raw = await bundle(false);
const min = await bundle(true);
const clientOnly = await bundle(true, CLIENT_ONLY);
const withEvents = await bundle(true, WITH_EVENTS);
const gzip = (bytes) => (bytes.length ? gzipSync(bytes, { level: 9 }).length : 0);
const sizes = {
  raw: raw.bytes.length,
  min: min.bytes.length,
  gzip: gzip(min.bytes),
  clientOnly: { min: clientOnly.bytes.length, gzip: gzip(clientOnly.bytes) },
  // What `neuroio/events` adds to `import { Client }`.
  events: { min: withEvents.bytes.length - clientOnly.bytes.length, gzip: gzip(withEvents.bytes) - gzip(clientOnly.bytes) },
  // In all, and chunk by chunk.
  onDemand: {
    min: min.lazy.length,
    gzip: gzip(min.lazy),
    chunks: min.onDemand.map(({ label, bytes }) => ({ chunk: label, min: bytes.length, gzip: gzip(bytes) })),
  },
  modules: min.modules,
};
const nodeImports = [...new Map([...min.found, ...withEvents.found].map((f) => [`${f.module} ${f.importer} ${f.kind}`, f])).values()];

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ ...sizes, nodeImports }));
} else {
  const kb = (n) => `${n} B (${(n / 1024).toFixed(1)} KiB)`;
  console.log("browser bundle of src/wrappers/index.ts (+ openapi-fetch), esbuild, ESM, es2022");
  console.log(`  raw   ${kb(sizes.raw)}`);
  console.log(`  min   ${kb(sizes.min)}`);
  console.log(`  gzip  ${kb(sizes.gzip)}`);
  console.log(`of which \`import { Client }\` alone, unused exports dropped: min ${kb(sizes.clientOnly.min)}, gzip ${kb(sizes.clientOnly.gzip)}`);
  console.log(`\`import { EventsListener } from "neuroio/events"\` adds: min ${kb(sizes.events.min)}, gzip ${kb(sizes.events.gzip)}`);
  console.log("loaded on demand, each chunk apart:");
  for (const c of sizes.onDemand.chunks) console.log(`  ${c.chunk}: min ${kb(c.min)}, gzip ${kb(c.gzip)}`);
  console.log("up-front load by source file (minified bytes):");
  for (const m of sizes.modules) console.log(`  ${String(m.bytes).padStart(6)}  ${m.file}`);
  if (nodeImports.length === 0) console.log("Node-only imports: none");
  else {
    console.log("Node-only imports (left out of the bundle):");
    for (const f of nodeImports) {
      const note = f.kind === "dynamic-import" ? " — dynamic import, only evaluated when called" : " — static import: breaks in a browser";
      console.log(`  ${f.module} <- ${f.importer} (${f.kind})${note}`);
    }
  }
}
