/**
 * Node's default transport: the connection pool behind Node's own `fetch` (undici's
 * dispatcher, which Node keeps process-wide), driven directly instead of through WHATWG
 * `fetch`.
 *
 * The SDK reads every answer to the end and parses it itself (`normalize` in http.ts), so
 * fetch's Request and Response objects and web streams are work thrown away on every call;
 * a dispatch handler that gathers the body hands over status, headers and text without
 * them (bench/: about twice global fetch's rate, as fast as raw `undici.request`). And it
 * is the pool Node's fetch already loads: no second HTTP client in the process (a first
 * call costs what fetch's first call costs), no dependency.
 *
 * Node only. runtime.ts loads this module at run time (require, or import of its own build
 * file dist/node-transport.mjs) and http.ts uses it unless a `fetch` is given, middleware
 * or not; other runtimes keep global `fetch`, and the browser build does not name it.
 * It imports nothing but types from the SDK, so its separate build holds no second copy
 * of the SDK's classes.
 *
 * On the wire it behaves as Node's fetch does: through the same dispatcher (a proxy agent
 * or MockAgent the program installed with undici's `setGlobalDispatcher` included), with
 * the same default headers (`accept`, `accept-language`, `sec-fetch-mode`,
 * `accept-encoding: gzip, deflate`) and the answer decoded (gzip, deflate, br), redirects
 * of a request without a body followed as fetch follows them (at most 20; POST becomes GET
 * on 301/302/303; the Authorization header dropped across origins; a request with a body
 * follows none, as viaFetch in http.ts), multipart bodies encoded byte for byte as
 * fetch encodes them (file parts streamed from their Blob: a file from `fs.openAsBlob` is
 * read in chunks, never held whole) and failures shaped like fetch's
 * (`TypeError("fetch failed", { cause })`).
 */
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Answer, PendingRequest, ResponseTooLargeCode, Stop, Transport } from "./http";

/**
 * The part of undici's Dispatcher this uses, in the handler form every undici of Node
 * 20.19 and later drives natively (undici 6 has only this one; undici 7 turns its newer
 * form into this one).
 */
interface Dispatcher {
  dispatch(options: DispatchOptions, handler: DispatchHandler): boolean;
}
interface DispatchOptions {
  origin: string;
  path: string;
  method: string;
  headers: Record<string, string>;
  body: string | AsyncIterable<Uint8Array> | null;
}
interface DispatchHandler {
  onConnect(abort: (reason?: Error) => void): void;
  onHeaders(status: number, rawHeaders: (Buffer | string)[], resume: () => void, statusText: string): boolean;
  onData(chunk: Buffer): boolean;
  onComplete(trailers: unknown): void;
  onError(error: Error): void;
}

// Where undici keeps the process-wide dispatcher: Node's fetch installs its pool there when
// it loads, and undici's setGlobalDispatcher() replaces it. Every undici version reads and
// writes this key, for a dispatcher that takes the handler form above (undici 7 also
// writes a `.2` key for its newer form).
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");

/** The dispatcher Node's fetch uses now; the first use of `Headers` loads Node's fetch, which installs its pool. */
function dispatcher(): Dispatcher {
  const global = globalThis as unknown as Record<symbol, Dispatcher | undefined>;
  if (global[GLOBAL_DISPATCHER] === undefined) void globalThis.Headers;
  const found = global[GLOBAL_DISPATCHER];
  if (typeof found?.dispatch !== "function") throw new TypeError("Node's fetch has no dispatcher");
  return found;
}
dispatcher(); // fails the loading (http.ts then keeps global fetch) where there is none

const FETCH_DEFAULTS: [string, string][] = [
  ["accept", "*/*"],
  ["accept-language", "*"],
  ["sec-fetch-mode", "cors"],
  ["user-agent", "node"],
  ["accept-encoding", "gzip, deflate"],
];
/** The body as text, as Response.text() reads it: UTF-8, a leading BOM dropped. */
function utf8(body: Buffer): string {
  const bom = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
  return body.toString("utf8", bom ? 3 : 0);
}

const MAX_REDIRECTS = 20; // fetch's limit
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Dropped with the body when a redirect turns the request into a GET (fetch's request-body-header names).
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "content-language", "content-location"];

export const transport: Transport = async (request: PendingRequest, { signal, maxResponseBytes = Infinity }): Promise<Answer> => {
  let url = new URL(request.url);
  let method = request.method;
  const headers = request.headers; // this attempt's own (http.ts makes them per attempt)
  for (const [name, value] of FETCH_DEFAULTS) headers[name] ??= value;

  // Text and FormData (operation.ts), text and Blob (middleware.ts: what the hooks let through).
  const raw = request.body;
  let body: () => DispatchOptions["body"] = () => (typeof raw === "string" ? raw : null);
  if (raw instanceof Blob) {
    if (raw.type) headers["content-type"] ??= raw.type;
    headers["content-length"] = String(raw.size);
    body = () => raw.stream() as unknown as AsyncIterable<Uint8Array>; // a fresh stream each time it is sent
  } else if (raw != null && typeof raw !== "string") {
    // Not before: the first use of the global FormData loads Node's fetch.
    if (!(raw instanceof FormData)) throw new TypeError(`unsupported request body: ${Object.prototype.toString.call(raw)}`);
    const form = multipart(raw);
    headers["content-type"] = form.type;
    headers["content-length"] = String(form.length);
    body = form.body; // a fresh stream each time it is sent (a redirect may send it again)
  }

  try {
    for (let redirects = 0; ; redirects++) {
      const response = await dispatch(dispatcher(), { origin: url.origin, path: url.pathname + url.search, method, headers, body: body() }, signal, maxResponseBytes);
      // A request with a body follows no redirect (http.ts, normalize).
      const location = raw === null && REDIRECT_STATUSES.has(response.status) ? response.headers.find(([name]) => name === "location")?.[1] : undefined;
      if (location === undefined) {
        const { status, statusText } = response;
        const encoding = response.headers.filter(([name]) => name === "content-encoding").map(([, value]) => value);
        const decoded = encoding.length === 0 ? response.body : await decode(response.body, encoding.join(", "), status, maxResponseBytes);
        return { ok: status >= 200 && status < 300, status, statusText, headers: response.headers, body: null, text: utf8(decoded) };
      }
      // As fetch follows a redirect (the Fetch standard's "HTTP-redirect fetch").
      if (redirects === MAX_REDIRECTS) throw new TypeError("redirect count exceeded");
      const next = new URL(location, url);
      if (next.protocol !== "http:" && next.protocol !== "https:") throw new TypeError("URL scheme must be a HTTP(S) scheme");
      if ((response.status === 303 && method !== "HEAD") || ((response.status === 301 || response.status === 302) && method === "POST")) {
        method = "GET";
        body = () => null;
        for (const name of BODY_HEADERS) delete headers[name];
      }
      if (next.origin !== url.origin) delete headers.authorization;
      url = next;
    }
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
  /** Names in lower case, as fetch's Headers give them. */
  headers: [string, string][];
  body: Buffer;
}

/**
 * One request through the dispatcher with a minimal handler that gathers the body: no
 * Readable stream and no per-request AsyncResource, which undici's request() adds.
 */
function dispatch(d: Dispatcher, options: DispatchOptions, signal: Stop, maxBytes: number): Promise<Received> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    let abort: ((reason?: Error) => void) | undefined;
    let status = 0;
    let statusText = "";
    const headers: [string, string][] = [];
    const chunks: Buffer[] = [];
    let size = 0;
    signal.onabort = () => abort?.(signal.reason as Error);
    const settle = () => (signal.onabort = undefined);
    d.dispatch(options, {
      onConnect(abortRequest) {
        abort = abortRequest;
        if (signal.aborted) abortRequest(signal.reason as Error);
      },
      onHeaders(statusCode, rawHeaders, _resume, statusMessage) {
        status = statusCode;
        statusText = statusMessage ?? "";
        for (let i = 0; i < rawHeaders.length; i += 2) headers.push([rawHeaders[i]!.toString("latin1").toLowerCase(), rawHeaders[i + 1]!.toString("latin1")]);
        return true;
      },
      onData(chunk) {
        // Counted as received: a coded body is no larger decoded than this, and decode() limits the rest.
        size += chunk.length;
        if (size > maxBytes) {
          chunks.length = 0;
          abort!(tooLarge(maxBytes)); // destroys the connection; onError follows
          return false;
        }
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        settle();
        const received = { status, statusText, headers, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) };
        // undici hands the connection back to its pool in a setImmediate queued right after
        // this callback; answering after it lets the caller's next request reuse the socket
        // instead of opening another one (global fetch alternates between two).
        queueMicrotask(() => setImmediate(resolve, received));
      },
      onError(error) {
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
async function decode(body: Buffer, encoding: string, status: number, maxBytes: number): Promise<Buffer> {
  if (!encoding || body.length === 0 || status === 204 || status === 304) return body;
  const codings = encoding.toLowerCase().split(",").map((c) => c.trim()).filter(Boolean);
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


// ---------------------------------------------------------------------------------------
// multipart/form-data, byte for byte as undici's fetch writes it (lib/web/fetch/body.js),
// with the length known up front and Blob parts streamed, not copied.
// ---------------------------------------------------------------------------------------

const encoder = new TextEncoder();
const CRLF = encoder.encode("\r\n");

function multipart(form: FormData): { body: () => AsyncIterable<Uint8Array>; type: string; length: number } {
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
      // Node reads a file's stream 64 KiB at a time, each chunk garbage once written (freed at the next GC);
      // slice(a, b).arrayBuffer() in steps copies every slice once more, twice the memory (bench/ rss).
      else yield* part.stream() as unknown as AsyncIterable<Uint8Array>;
    }
  }
  return { body, type: `multipart/form-data; boundary=${boundary}`, length };
}
