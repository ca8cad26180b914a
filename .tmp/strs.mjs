import { build } from "esbuild";
import { gzipSync } from "node:zlib";
const root = "/work/main";
const r = await build({ stdin: { contents: `export { Client } from "./src/wrappers/index.ts";`, resolveDir: root, sourcefile: "c.js" }, bundle: true, write: false, splitting: true, outdir: "/tmp/sz/out", minify: true, format: "esm", platform: "browser", target: "es2022", legalComments: "none", define: { require: "undefined" }, logLevel: "silent", external: ["ws", "node:*"] });
const text = r.outputFiles.filter(f => !f.path.includes("dist-") && !f.path.includes("middleware-")).map(f => f.text).join("");
const gz = (s) => gzipSync(Buffer.from(s), { level: 9 }).length;
// crude: remove long english literal strings (with spaces) 
const lits = text.match(/(["'`])(?:\\.|(?!\1)[^\\])*?\1/g) ?? [];
const eng = lits.filter(s => / [a-z]+ /.test(s));
let stripped = text; for (const s of eng) stripped = stripped.split(s).join('""');
console.log("total", gz(text), "without english literals", gz(stripped), "count", eng.length, "chars", eng.join("").length);
