import { build, transform } from "esbuild";
import { gzipSync } from "node:zlib";
const root = "/work/main";
const r = await build({ stdin: { contents: `export { Client } from "./src/wrappers/index.ts";`, resolveDir: root, sourcefile: "c.js" }, bundle: true, write: false, splitting: true, outdir: "/tmp/sz/out", metafile: true, minify: false, format: "esm", platform: "browser", target: "es2022", legalComments: "none", define: { require: "undefined" }, logLevel: "silent", external: ["ws", "node:*"] });
const outs = r.outputFiles.filter(f => !f.path.includes("dist-") && !f.path.includes("middleware-"));
const text = outs.map(f => f.text).join("\n");
const segs = text.split(/^(?=\/\/ (?:src|node_modules)\/)/m);
const mins = [];
for (const s of segs) { const name = s.startsWith("//") ? s.slice(3, s.indexOf("\n")) : "(head)"; let code; try { code = (await transform(s, { minifyWhitespace: true, minifySyntax: true, format: "esm", target: "es2022" })).code; } catch (e) { code = s; } mins.push([name, code]); }
const gz = (s) => gzipSync(Buffer.from(s), { level: 9 }).length;
const all = gz(mins.map(m => m[1]).join(""));
console.log("total (approx)", all);
for (let i = 0; i < mins.length; i++) { const without = gz(mins.filter((_, j) => j !== i).map(m => m[1]).join("")); console.log(String(all - without).padStart(6), String(mins[i][1].length).padStart(6), mins[i][0]); }
