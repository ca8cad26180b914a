/**
 * Size of the browser runtime, measured by scripts/size.mjs (the packaging check: esbuild,
 * platform browser, src/wrappers/index.ts + openapi-fetch, `ws` and Node built-ins left
 * out) and reported here in the benchmark's results.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

export interface BrowserSize {
  minifiedBytes: number;
  gzipBytes: number;
  /** Chunks loaded only on demand (openapi-fetch's client, with middleware; the events connection, on first use). */
  onDemandGzipBytes: number;
  /** Each source file's minified bytes in the up-front load, largest first. */
  modules: { file: string; bytes: number }[];
  nodeImports: { module: string; importer: string; kind: string }[];
}

export async function browserSize(): Promise<BrowserSize> {
  const out = execFileSync(process.execPath, [path.join(__dirname, "..", "scripts", "size.mjs"), "--json"], {
    encoding: "utf8",
    timeout: 60_000,
  });
  const sizes = JSON.parse(out.trim().split("\n").pop()!) as {
    min: number;
    gzip: number;
    onDemand: { gzip: number };
    modules: BrowserSize["modules"];
    nodeImports: BrowserSize["nodeImports"];
  };
  return {
    minifiedBytes: sizes.min,
    gzipBytes: sizes.gzip,
    onDemandGzipBytes: sizes.onDemand.gzip,
    modules: sizes.modules,
    nodeImports: sizes.nodeImports,
  };
}
