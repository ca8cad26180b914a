import { build } from "esbuild";
import { gzipSync } from "node:zlib";
const root = "/work/main";
const r = await build({ stdin: { contents: `export { Client } from "./src/wrappers/index.ts";`, resolveDir: root, sourcefile: "c.js" }, bundle: true, write: false, splitting: true, outdir: "/tmp/sz/out", metafile: true, minify: true, format: "esm", platform: "browser", target: "es2022", legalComments: "none", define: { require: "undefined" }, logLevel: "silent", external: ["ws", "node:*"] });
let total = 0;
for (const f of r.outputFiles) { const gz = gzipSync(f.contents, { level: 9 }).length; console.log(f.path, f.contents.length, gz); }
const entry = r.outputFiles.find(f => f.path.endsWith("c.js") || f.path.includes("stdin"));
// per input module: bytesInOutput
for (const [o, v] of Object.entries(r.metafile.outputs)) { console.log(o, v.imports.map(i => i.path + ":" + i.kind).join(" ")); }
