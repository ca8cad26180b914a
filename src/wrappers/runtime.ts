/**
 * What a client does differently by runtime: its User-Agent and the transport of a client
 * without a `fetch` option. This file serves Node, Bun, Deno and any other runtime; the
 * package's browser build (the "browser" export condition) puts runtime.browser.ts in its
 * place, so that a web page holds none of it (tsup.config.ts, scripts/browser-runtime.mjs).
 */
import { SDK_VERSION } from "../version";
import type { Transport } from "./http";

const VERSIONS = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process?.versions;

/** Browsers refuse to let scripts set User-Agent; Node (and other server runtimes) allow it. */
export const USER_AGENT = typeof VERSIONS?.node === "string" ? `neuroio-js/${SDK_VERSION}` : undefined;

// Node's transport (node-transport.ts: the pool behind fetch, without fetch's Request and
// Response objects). Not in Bun or Deno, which have process.versions.node too.
const NODE = USER_AGENT !== undefined && !VERSIONS!.bun && !("Deno" in globalThis);
// Not a literal, so that a bundler never follows it into Node-only code.
const NODE_TRANSPORT = "./node-transport";

/**
 * The transport of a client without a `fetch` option: in Node, node-transport.ts, loaded
 * from its own build file on the first call (`fetchTransport` where it cannot load);
 * elsewhere `fetchTransport`.
 */
export function defaultTransport(fetchTransport: Transport): Transport {
  if (!NODE) return fetchTransport;
  let loaded: Transport | undefined;
  let loading: Promise<Transport> | undefined;
  return (request, init) => {
    if (loaded) return loaded(request, init);
    loading ??= (async (): Promise<Transport> => {
      // Both comments tell a bundler to leave this import alone: webpack's and Vite's (which otherwise warns on every build).
      const module = typeof require === "function" ? require(NODE_TRANSPORT) : await import(/* webpackIgnore: true */ /* @vite-ignore */ `${NODE_TRANSPORT}.mjs`);
      return module.transport as Transport;
    })()
      .catch(() => fetchTransport)
      .then((transport) => (loaded = transport));
    return loading.then((transport) => transport(request, init));
  };
}
