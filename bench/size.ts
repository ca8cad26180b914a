/**
 * Size of the browser runtime, measured by scripts/size.mjs (the packaging check: esbuild,
 * platform browser, src/wrappers/index.ts + openapi-fetch, `ws` and Node built-ins left
 * out) and reported here in the benchmark's results.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

export interface BrowserSize {
  /** `import { Client } from "neuroio"`, what issue 14's goal names. */
  minifiedBytes: number;
  gzipBytes: number;
  /** Every export of "neuroio" kept. */
  wholeEntryGzipBytes: number;
  /** What `import { EventsListener } from "neuroio/events"` adds to `import { Client }`. */
  eventsGzipBytes: number;
  /** Chunks loaded only on demand: the middleware path with openapi-fetch's client (with middleware only), the upload path (at the first upload), the login path (at the first Client.login()), the overridden operations (at the first call of one). */
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
    gzip: number;
    clientOnly: { min: number; gzip: number };
    events: { gzip: number };
    onDemand: { gzip: number };
    modules: BrowserSize["modules"];
    nodeImports: BrowserSize["nodeImports"];
  };
  return {
    minifiedBytes: sizes.clientOnly.min,
    gzipBytes: sizes.clientOnly.gzip,
    wholeEntryGzipBytes: sizes.gzip,
    eventsGzipBytes: sizes.events.gzip,
    onDemandGzipBytes: sizes.onDemand.gzip,
    modules: sizes.modules,
    nodeImports: sizes.nodeImports,
  };
}
