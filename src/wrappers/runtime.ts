/**
 * What the SDK does differently by runtime: the User-Agent, the transport of a client
 * without a `fetch` option, what it can say of a body that did not decode, and the events
 * feed's WebSocket. This file serves Node, Bun, Deno and any other runtime; the package's
 * browser build (the "browser" export condition) puts runtime.browser.ts in its place, so
 * that a web page holds none of it (tsup.config.ts, scripts/browser-bundle.ts).
 */
import { SDK_VERSION } from "../version";
import type { WebSocketConstructor } from "./events";
import type { Transport } from "./http";

const VERSIONS = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process?.versions;
// Node, and the runtimes that pass for it (Bun, Deno).
const NODE_LIKE = typeof VERSIONS?.node === "string";

/** Browsers refuse to let scripts set User-Agent; Node (and other server runtimes) allow it. */
export const USER_AGENT = NODE_LIKE ? `neuroio-js/${SDK_VERSION}` : undefined;

// Node's transport (node-transport.ts: the pool behind fetch, without fetch's Request and
// Response objects). Not in Bun or Deno, which have process.versions.node too.
const NODE = NODE_LIKE && !VERSIONS!.bun && !("Deno" in globalThis);
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

/**
 * What to say of a failed request whose answer's body did not decode as its
 * content-encoding says (zlib's Z_DATA_ERROR, a broken brotli stream), for its
 * ConnectionError's message; undefined for any other failure. Such a body did reach us: it
 * stays a ConnectionError, since the body was lost on the way as with a connection cut
 * mid-body (and a GET is retried), but the message says so. An unknown coding
 * (`content-encoding: bogus`) is no error at all: both transports, as fetch does, hand the
 * body over as it came. A browser's fetch names no cause, so its build has none of this.
 */
export function decodingFailure(error: unknown, host: string): string | undefined {
  const cause = (error as { cause?: { code?: unknown; message?: string } })?.cause;
  if (typeof cause?.code !== "string" || !/^Z_|BROTLI|_ERROR_FORMAT_/.test(cause.code)) return undefined;
  return `the answer from ${host} has a body that does not decode as its content-encoding says: ${cause.message ?? "corrupt data"} (${cause.code})`;
}

/**
 * The events feed's WebSocket class. In Node, the `ws` package, loaded on the first
 * connection: it can refuse an oversized frame before reading it (Node's global WebSocket
 * cannot), and Node 20 has no global one. Elsewhere the global WebSocket (`ws` where there
 * is none). CommonJS (the CJS build, jest) requires `ws`: jest's module sandbox rejects
 * import() without --experimental-vm-modules.
 */
export async function webSocketClass(maxFrameBytes: number): Promise<WebSocketConstructor> {
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (!NODE_LIKE && global) return global;
  const ws: typeof import("ws") = typeof require === "function" ? require("ws") : await import("ws");
  // ws reads at most maxPayload bytes of a frame, then closes the connection with 1009.
  return class extends ws.WebSocket {
    constructor(url: string) {
      super(url, { maxPayload: maxFrameBytes });
    }
  } as unknown as WebSocketConstructor;
}
