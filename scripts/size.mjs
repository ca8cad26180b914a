// node scripts/size.mjs [--json] — size of the client as a browser would load it:
// src/wrappers/index.ts with openapi-fetch bundled in by esbuild (platform browser, ESM),
// `ws` and Node built-ins left out (and listed, with the import that asks for them).
// Prints raw (unminified), min and min+gzip bytes.
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "src/wrappers/index.ts");
const NODE_ONLY = new Set(["ws", ...builtinModules]);

/** Leaves Node-only modules out of the bundle and records who imports them, and how. */
function nodeOnly(found) {
  return {
    name: "node-only",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        const bare = args.path.replace(/^node:/, "");
        if (!args.path.startsWith("node:") && !NODE_ONLY.has(bare) && !NODE_ONLY.has(bare.split("/")[0])) return undefined;
        found.push({ module: args.path, importer: path.relative(root, args.importer), kind: args.kind });
        return { path: args.path, external: true };
      });
    },
  };
}

async function bundle(minify) {
  const found = [];
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify,
    format: "esm",
    platform: "browser",
    target: "es2022",
    legalComments: "none",
    // As in the ESM build (tsup.config.ts): an ES module has no `require`.
    define: { require: "undefined" },
    logLevel: "silent",
    plugins: [nodeOnly(found)],
  });
  return { bytes: result.outputFiles[0].contents, found };
}

const raw = await bundle(false);
const min = await bundle(true);
const sizes = { raw: raw.bytes.length, min: min.bytes.length, gzip: gzipSync(min.bytes, { level: 9 }).length };
const nodeImports = [...new Map(min.found.map((f) => [`${f.module} ${f.importer} ${f.kind}`, f])).values()];

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ ...sizes, nodeImports }));
} else {
  const kb = (n) => `${n} B (${(n / 1024).toFixed(1)} KiB)`;
  console.log("browser bundle of src/wrappers/index.ts (+ openapi-fetch), esbuild, ESM, es2022");
  console.log(`  raw   ${kb(sizes.raw)}`);
  console.log(`  min   ${kb(sizes.min)}`);
  console.log(`  gzip  ${kb(sizes.gzip)}`);
  if (nodeImports.length === 0) console.log("Node-only imports: none");
  else {
    console.log("Node-only imports (left out of the bundle):");
    for (const f of nodeImports) {
      const note = f.kind === "dynamic-import" ? " — dynamic import, only evaluated when called" : " — static import: breaks in a browser";
      console.log(`  ${f.module} <- ${f.importer} (${f.kind})${note}`);
    }
  }
}
