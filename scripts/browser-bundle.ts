// How the client is bundled for browsers, in one place: the package's browser build
// (tsup.config.ts) and every bundle made from src/ for a browser (scripts/size.mjs, the
// Chromium tests and bench) use it, so that each measures and runs what a web app gets.
import { builtinModules } from "node:module";
import path from "node:path";
import type { BuildOptions, Plugin } from "esbuild";

const WRAPPERS = path.join("src", "wrappers");

/**
 * The one difference of the browser build (the "browser" condition of the package's
 * exports): src/wrappers/runtime.browser.ts in place of src/wrappers/runtime.ts.
 */
export const browserRuntime: Plugin = {
  name: "neuroio-browser-runtime",
  setup(build) {
    build.onResolve({ filter: /^\.\/runtime$/ }, (args) =>
      args.resolveDir.endsWith(WRAPPERS) ? { path: path.join(args.resolveDir, "runtime.browser.ts") } : undefined,
    );
  },
};

const NODE_ONLY = new Set(["ws", ...builtinModules]);

/** A Node-only module a browser bundle left out, and the import that asked for it. */
export interface NodeOnlyImport {
  module: string;
  importer: string;
  kind: string;
}

/** Leaves Node-only modules (`ws`, Node's built-ins) out of a bundle, and records them in `found`. */
function nodeOnly(root: string, found: NodeOnlyImport[]): Plugin {
  return {
    name: "node-only",
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        const bare = args.path.replace(/^node:/, "");
        if (!args.path.startsWith("node:") && !NODE_ONLY.has(bare) && !NODE_ONLY.has(bare.split("/")[0]!)) return undefined;
        found.push({ module: args.path, importer: path.relative(root, args.importer), kind: args.kind });
        return { path: args.path, external: true };
      });
    },
  };
}

/**
 * esbuild options for a browser bundle of the client from src/ under `root`, as an app's
 * bundler makes one of the browser build: ESM split into chunks (as esbuild splits them),
 * ES2022.
 */
export function browserBundle(root: string, found: NodeOnlyImport[] = []): BuildOptions {
  return {
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    // As in the ESM builds (tsup.config.ts): an ES module has no `require`.
    define: { require: "undefined" },
    plugins: [browserRuntime, nodeOnly(root, found)],
  };
}
