/**
 * Node's default transport: undici's own connection pool (`Agent`, keep-alive), driven
 * directly instead of through WHATWG `fetch`.
 *
 * The SDK reads every answer to the end and re-wraps it (`normalize` in http.ts), so
 * fetch's Request and Response objects and web streams are work thrown away on every call;
 * a dispatch handler that gathers the body hands over status, headers and text without
 * them (bench/: faster than global fetch, closer to raw `undici.request`).
 *
 * Node only. http.ts loads this module at run time (require, or import of its own build
 * file dist/node-transport.mjs) and uses it only when neither `fetch` nor middleware are
 * given; browsers and other runtimes keep global `fetch`, and no browser bundle holds it.
 * It imports nothing but types from the SDK, so its separate build holds no second copy
 * of the SDK's classes.
 *
 * On the wire it behaves as Node's fetch does: the same default headers (`accept`,
 * `accept-language`, `sec-fetch-mode`, `accept-encoding: gzip, deflate`) with the answer
 * decoded (gzip, deflate, br), redirects followed (at most 20, credentials dropped across
 * origins), multipart bodies encoded byte for byte as fetch encodes them (file parts
 * streamed from their Blob: a file from `fs.openAsBlob` is read in chunks, never held
 * whole) and failures shaped like fetch's (`TypeError("fetch failed", { cause })`). A
 * dispatcher the program installed with undici's `setGlobalDispatcher` (a proxy, a
 * MockAgent) is used instead of the SDK's own pool.
 */
import type { IncomingHttpHeaders } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Agent as AgentClass, Dispatcher as DispatcherClass, interceptors as Interceptors } from "undici";
import type { Answer, PendingRequest, ResponseTooLargeCode, Stop, Transport } from "./http";
// undici's modules themselves rather than its index: the index installs undici's Agent as
// the process-wide dispatcher when none is set (Node's global fetch would then go through
// it: a side effect an SDK must not have), and loads in about 3× the time. The version is
// pinned in package.json; test/keepalive.test.ts loads these paths.
import AgentModule from "undici/lib/dispatcher/agent.js";
import DispatcherModule from "undici/lib/dispatcher/dispatcher.js";
import redirectModule from "undici/lib/interceptor/redirect.js";

const Agent = AgentModule as typeof AgentClass;
const Dispatcher = DispatcherModule as typeof DispatcherClass;
const redirect = redirectModule as typeof Interceptors.redirect;

// Redirects followed as fetch follows them, on top of a pool.
const asFetch = (pool: DispatcherClass) => pool.compose(redirect({ maxRedirections: 20 }));
// undici's defaults for pooled connections (keep-alive), as global fetch has them.
const agent = asFetch(new Agent());

const FETCH_DEFAULTS: [string, string][] = [
  ["accept", "*/*"],
  ["accept-language", "*"],
  ["sec-fetch-mode", "cors"],
  ["user-agent", "node"],
  ["accept-encoding", "gzip, deflate"],
];
const decoder = new TextDecoder(); // UTF-8, drops a BOM, as Response.text() does

export const transport: Transport = async (request: PendingRequest, { signal, maxResponseBytes = Infinity }): Promise<Answer> => {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  for (const [name, value] of FETCH_DEFAULTS) headers[name] ??= value;

  let body: string | AsyncIterable<Uint8Array> | null = null;
  const raw = request.body;
  if (typeof raw === "string") body = raw;
  else if (raw instanceof FormData) {
    const form = multipart(raw);
    body = form.body;
    headers["content-type"] = form.type;
    headers["content-length"] = String(form.length);
  } else if (raw != null) throw new TypeError(`unsupported request body: ${Object.prototype.toString.call(raw)}`);

  try {
    const response = await dispatch(
      dispatcher(),
      {
        origin: url.origin,
        path: url.pathname + url.search,
        method: request.method as DispatcherClass.HttpMethod,
        headers,
        body: body as DispatcherClass.DispatchOptions["body"], // undici also sends async iterables
      },
      signal,
      maxResponseBytes,
    );
    const pairs: [string, string][] = [];
    for (const name in response.headers) {
      const value = response.headers[name];
      if (Array.isArray(value)) for (const item of value) pairs.push([name, item]);
      else if (value !== undefined) pairs.push([name, value]);
    }
    const { status, statusText } = response;
    const decoded = await decode(response.body, response.headers["content-encoding"], status, maxResponseBytes);
    const text = decoder.decode(decoded);
    return { ok: status >= 200 && status < 300, status, statusText, headers: pairs, body: null, text: async () => text };
  } catch (error) {
    if ((error as { code?: unknown }).code === RESPONSE_TOO_LARGE) throw error;
    throw new TypeError("fetch failed", { cause: error });
  }
};

const RESPONSE_TOO_LARGE: ResponseTooLargeCode = "ERR_NEUROIO_RESPONSE_TOO_LARGE";

function tooLarge(maxBytes: number): Error {
  return Object.assign(new RangeError(`answer over ${maxBytes} bytes`), { code: RESPONSE_TOO_LARGE });
}

interface Received {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One request through undici's dispatcher with a minimal handler that gathers the body:
 * no Readable stream and no per-request AsyncResource, which undici's request() adds.
 */
function dispatch(d: DispatcherClass, options: DispatcherClass.DispatchOptions, signal: Stop, maxBytes: number): Promise<Received> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    let controller: DispatcherClass.DispatchController | undefined;
    let status = 0;
    let statusText = "";
    let headers: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    let size = 0;
    signal.onabort = () => controller?.abort(signal.reason as Error);
    const settle = () => (signal.onabort = undefined);
    d.dispatch(options, {
      onRequestStart(c) {
        controller = c;
        if (signal.aborted) c.abort(signal.reason as Error);
      },
      onResponseStart(_c, statusCode, responseHeaders, statusMessage) {
        status = statusCode;
        headers = responseHeaders as IncomingHttpHeaders;
        statusText = statusMessage ?? "";
      },
      onResponseData(c, chunk) {
        // Counted as received: a coded body is no larger decoded than this, and decode() limits the rest.
        size += chunk.length;
        if (size > maxBytes) {
          chunks.length = 0;
          c.abort(tooLarge(maxBytes)); // destroys the connection; onResponseError follows
          return;
        }
        chunks.push(chunk);
      },
      onResponseEnd() {
        settle();
        const received = { status, statusText, headers, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) };
        // undici hands the connection back to its pool in a setImmediate queued right after
        // this callback; answering after it lets the caller's next request reuse the socket
        // instead of opening another one (global fetch alternates between two).
        queueMicrotask(() => setImmediate(resolve, received));
      },
      onResponseError(_c, error) {
        settle();
        reject(error);
      },
    });
  });
}

const FLUSH = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

/**
 * The body with its content codings undone, as fetch undoes them: gzip, deflate (zlib or
 * raw) and br, last applied first, tolerant of a missing end; an unknown coding leaves the
 * body as it came.
 */
async function decode(body: Buffer, encoding: string | string[] | undefined, status: number, maxBytes: number): Promise<Buffer> {
  if (!encoding || body.length === 0 || status === 204 || status === 304) return body;
  const codings = String(encoding).toLowerCase().split(",").map((c) => c.trim()).filter(Boolean);
  if (!codings.every((c) => ["gzip", "x-gzip", "deflate", "br"].includes(c))) return body;
  // zlib stops inflating past maxOutputLength (ERR_BUFFER_TOO_LARGE): a gzip bomb costs at most the limit.
  const limits = Number.isFinite(maxBytes) ? { maxOutputLength: maxBytes } : {};
  const flush = { ...FLUSH, ...limits };
  try {
    for (const coding of codings.reverse()) {
      if (coding === "br") body = await brotli(body, limits);
      else if (coding === "deflate") body = await inflate(body, flush).catch((error) => (overLimit(error) ? Promise.reject(error) : inflateRaw(body, flush)));
      else body = await gunzip(body, flush);
    }
  } catch (error) {
    throw overLimit(error) ? tooLarge(maxBytes) : error;
  }
  return body;
}

function overLimit(error: unknown): boolean {
  return (error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE";
}

// Where undici's setGlobalDispatcher() keeps the program's dispatcher. Only read here.
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");
const composed = new WeakMap<DispatcherClass, DispatcherClass>();

/**
 * The SDK's own pool, unless the program installed a dispatcher of this undici (a proxy, a
 * MockAgent) with setGlobalDispatcher. Node's built-in fetch installs its own there, an
 * instance of Node's internal copy of undici: that one is not the program's choice.
 */
function dispatcher(): DispatcherClass {
  const global = (globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER];
  if (!(global instanceof Dispatcher)) return agent;
  let wrapped = composed.get(global);
  if (!wrapped) composed.set(global, (wrapped = asFetch(global)));
  return wrapped;
}

// ---------------------------------------------------------------------------------------
// multipart/form-data, byte for byte as undici's fetch writes it (lib/web/fetch/body.js),
// with the length known up front and Blob parts streamed, not copied.
// ---------------------------------------------------------------------------------------

const encoder = new TextEncoder();
const CRLF = encoder.encode("\r\n");

function multipart(form: FormData): { body: AsyncIterable<Uint8Array>; type: string; length: number } {
  const boundary = `----formdata-undici-0${`${Math.floor(Math.random() * 1e11)}`.padStart(11, "0")}`;
  const prefix = `--${boundary}\r\nContent-Disposition: form-data`;
  const escape = (s: string) => s.replace(/\n/g, "%0A").replace(/\r/g, "%0D").replace(/"/g, "%22");
  const lines = (s: string) => s.replace(/\r?\n|\r/g, "\r\n");

  const parts: (Uint8Array | Blob)[] = [];
  let length = 0;
  for (const [name, value] of form) {
    if (typeof value === "string") {
      const chunk = encoder.encode(`${prefix}; name="${escape(lines(name))}"\r\n\r\n${lines(value)}\r\n`);
      parts.push(chunk);
      length += chunk.byteLength;
    } else {
      const file = value as Blob & { name?: string };
      const chunk = encoder.encode(
        `${prefix}; name="${escape(lines(name))}"` +
          (file.name ? `; filename="${escape(file.name)}"` : "") +
          `\r\nContent-Type: ${file.type || "application/octet-stream"}\r\n\r\n`,
      );
      parts.push(chunk, file, CRLF);
      length += chunk.byteLength + file.size + CRLF.byteLength;
    }
  }
  const end = encoder.encode(`--${boundary}--\r\n`);
  parts.push(end);
  length += end.byteLength;

  async function* body(): AsyncGenerator<Uint8Array> {
    for (const part of parts) {
      if (part instanceof Uint8Array) yield part;
      else yield* part.stream() as unknown as AsyncIterable<Uint8Array>;
    }
  }
  return { body: body(), type: `multipart/form-data; boundary=${boundary}`, length };
}
