/**
 * `startMockServer()`: the embedded NeuroIO stand-in. One HTTP server on loopback serves
 * both namespaces under path prefixes, each with only its own operations:
 *
 *     http://127.0.0.1:PORT/iam/v1/...   IAM (login, tokens, spaces, licenses, billing, …)
 *     http://127.0.0.1:PORT/api/v1/...   API (sources, persons, entries, groups, …)
 *     ws://127.0.0.1:PORT/events         the entry events feed
 *     http://127.0.0.1:PORT/media/...    the images entries link to (the real CDN's part)
 *
 * `iamUrl` and `apiUrl` are what `new Client({ iamUrl, apiUrl })` takes.
 */
import http, { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { finished } from "node:stream";
import busboy from "busboy";
import { simulateCamera, type CameraInput } from "./camera";
import { handleControl } from "./control";
import { applyCors, checkCorsOption, originRefusal, type CorsOption } from "./cors";
import { attachEventsServer, type EventsServer } from "./events-server";
import { imageType } from "./faces";
import type { components } from "../generated/schema";
import type { Host } from "./document";
import { failure, HttpError, type Reply } from "./handlers/common";
import { HostApi, type ResponseViolation } from "./openapi";
import { StateFile } from "./persistence";
import { Store, type MockUser, type Upload } from "./state";
import { Webhooks, type WebhookOptions } from "./webhooks";
import { ClientGone, readAll, tooLarge, whenGone } from "./body";
import { httpAnswer } from "./raw-http";
// One upload limit for the SDK and its stand-in.
import { DEFAULT_MAX_UPLOAD_BYTES } from "../wrappers/options";

interface BodyLimits {
  maxUploadBytes: number;
  maxBodyBytes: number;
}

export interface MockServerOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`: the stand-in is for this machine only. */
  host?: string;
  /** More users besides the seeded demo user (a user named `demo` replaces it). `manager: true` users get manager tokens. */
  users?: MockUser[];
  /** The current time in ms since the epoch; inject one to expire tokens in tests. Default `Date.now`. */
  clock?: () => number;
  /**
   * Check every answer against the OpenAPI document (status declared, body matching its
   * schema). A mismatch is answered with 500 and recorded in `violations`. Default false;
   * the stand-in's own tests turn it on.
   */
  validateResponses?: boolean;
  /** Largest file part of a multipart upload, in bytes (larger ones get 413). Default 6 MiB, the SDK's own upload limit. */
  maxUploadBytes?: number;
  /** Largest JSON or urlencoded body, and largest total of the text parts of a multipart upload, in bytes (larger ones get 413). Default 1 MiB. */
  maxBodyBytes?: number;
  /** How long an events socket may stay open without a successful AUTH before it is closed (1008). Default 10 000 ms. */
  eventsAuthTimeoutMs?: number;
  /**
   * Which web pages may call the stand-in (CORS): `"loopback"` (default: any page served
   * from this machine), `"*"`, a list of origins, a predicate, or `false` for no CORS.
   */
  cors?: CorsOption;
  /** Webhook delivery (notifications): which hosts may be contacted (default: loopback only), retries, time limits. */
  webhooks?: WebhookOptions;
  /**
   * Keep the state in this JSON file across restarts: loaded at start when it exists,
   * written (atomically) after changes and on close. Default: in memory only.
   */
  stateFile?: string;
}

export interface MockServer {
  /** IAM base URL, e.g. `http://127.0.0.1:8080/iam`. */
  iamUrl: string;
  /** API base URL, e.g. `http://127.0.0.1:8080/api`. */
  apiUrl: string;
  /** Events feed, e.g. `ws://127.0.0.1:8080/events`. */
  eventsUrl: string;
  /** The port listened on. */
  port: number;
  /** Everything the stand-in knows, for tests that need to look inside or arrange state. */
  state: Store;
  /** The events feed (test hooks: `clients()`, `dropAll()`, `setAnswerPings()`). */
  events: EventsServer;
  /** Answers that did not match the document (only with `validateResponses`). */
  violations: ResponseViolation[];
  /** Webhooks sent for notifications: `log(notificationId)`, `idle()`. */
  webhooks: Webhooks;
  /**
   * A source's camera sees the face in a photo: records the entry (`exact`/`ha`/`junk`/`nm`,
   * `new` with `auto_create_*`, or `det`; `as` picks one on purpose), publishes it on the
   * events feed and to webhooks, and returns it. Also `POST /_mock/camera`.
   */
  simulateCamera(input: CameraInput): components["schemas"]["Entry"];
  /** Stops listening, closes every connection and the events feed. */
  close(): Promise<void>;
}

export { DEFAULT_MAX_UPLOAD_BYTES };
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Starts the stand-in and resolves once it listens. A `cors` option that is none of its
 * choices, or lists an origin no page has, is refused with an Error naming `cors`.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  // An origin no page has (`http://localhost:5173/`) would refuse every request of the page it was meant for.
  if (options.cors !== undefined) checkCorsOption(options.cors, "cors");
  const store = new Store({ users: options.users, clock: options.clock });
  const stateFile = options.stateFile ? await StateFile.open(store, options.stateFile, options.users) : undefined;
  const violations: ResponseViolation[] = [];
  const limits: BodyLimits = {
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  };
  const hosts: Record<Host, HostApi> = {
    iam: new HostApi("iam", store, options.validateResponses ? violations : undefined),
    api: new HostApi("api", store, options.validateResponses ? violations : undefined),
  };
  await Promise.all(Object.values(hosts).map((h) => h.init()));

  const cors = options.cors ?? "loopback";
  const server = http.createServer((req, res) => {
    // Reads and refusals change nothing: only a write that succeeded is worth writing the file for.
    if (stateFile && !READS.has(req.method ?? "GET")) res.once("finish", () => res.statusCode < 400 && stateFile.changed());
    const misdirected = hostRefusal(req, listenHost);
    if (misdirected) return send(res, misdirected);
    if (applyCors(cors, req, res)) return;
    route(req, res).catch((error: unknown) => {
      // A client that hung up is not an error of the stand-in's.
      if (error instanceof ClientGone || res.destroyed) return;
      console.error("neuroio stand-in: unexpected error", error);
      send(res, { status: 500, body: { error_codes: [500], message: `Stand-in error: ${String(error)}`, fields: [] } });
    });
  });

  server.on("clientError", answerClientError);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = requestUrl(req, origin);
    } catch (error) {
      if (error instanceof HttpError) return send(res, error);
      throw error;
    }
    const [, prefix = "", ...rest] = url.pathname.split("/");
    if (prefix === "media" && req.method === "GET") return sendMedia(res, rest[0]);
    if (prefix === "_mock") return send(res, await handleControl(store, webhooks, req, rest));
    if (prefix !== "iam" && prefix !== "api") {
      return send(res, failure(404, `Not found: ${url.pathname}. The IAM host is under /iam, the API host under /api.`));
    }
    const api = hosts[prefix];
    const path = url.pathname.slice(prefix.length + 1) || "/";
    const method = api.routedMethod((req.method ?? "GET").toLowerCase(), path);
    // As DRF does: every answer of a path names its methods (RFC 9110 wants them on a 405),
    // and OPTIONS (a preflight was answered by CORS) is answered with them alone.
    const allow = api.allowedMethods(path);
    if (allow.length > 0) res.setHeader("Allow", allow.join(", "));
    if (method === "options" && allow.length > 0) return send(res, { status: 204 });
    let body: unknown;
    let files: Record<string, Upload> = {};
    // Unknown operations and callers are answered before a byte of the body is read.
    if (api.matches(method, path)) {
      try {
        api.authenticateEarly(method, path, req.headers);
        ({ body, files } = await readBody(req, api, method, path, limits));
      } catch (error) {
        if (error instanceof HttpError) return send(res, error);
        throw error;
      }
    }
    const reply = await api.handle({ method, path, query: url.search.slice(1), headers: req.headers, body, files, url });
    // A change of tokens or spaces may revoke the token of an open events socket.
    if (prefix === "iam" && method !== "get") events.recheck();
    send(res, reply);
  }

  function sendMedia(res: ServerResponse, faceId: string | undefined): void {
    const upload = faceId ? store.media.get(faceId) : undefined;
    if (!upload) return send(res, failure(404, "Not found."));
    // The decoded format's type, whatever the upload claimed, and no sniffing: a PNG with
    // HTML in it, uploaded as text/html, would otherwise run as a page of the stand-in's origin.
    res.writeHead(200, { "content-type": imageType(upload.bytes), "x-content-type-options": "nosniff", "content-length": upload.bytes.length });
    res.end(upload.bytes);
  }

  const listenHost = options.host ?? "127.0.0.1";
  let origin = listenHost;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, listenHost, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  // A wildcard address is not one to connect to; loopback reaches it from this machine.
  const urlHost = listenHost === "0.0.0.0" || listenHost === "::" ? "127.0.0.1" : listenHost;
  origin = `${urlHost.includes(":") ? `[${urlHost}]` : urlHost}:${port}`;
  store.mediaBaseUrl = `http://${origin}/media`;

  const events = attachEventsServer(server, {
    path: "/events",
    authTimeoutMs: options.eventsAuthTimeoutMs,
    refuseUpgrade: (request) => hostRefusal(request, listenHost) ?? originRefusal(cors, request),
    authenticate(token) {
      const caller = store.authenticate(token);
      return caller?.space ? { scope: scopeOf(caller.space.id) } : undefined;
    },
  });
  const webhooks = new Webhooks(store, options.webhooks);
  store.onEntry = (spaceId, entry) => {
    events.publish(scopeOf(spaceId), { id: entry.id, data: entry });
    webhooks.entryRecorded(spaceId, entry);
    stateFile?.changed();
  };

  return {
    iamUrl: `http://${origin}/iam`,
    apiUrl: `http://${origin}/api`,
    eventsUrl: `ws://${origin}/events`,
    port,
    state: store,
    events,
    violations,
    webhooks,
    simulateCamera: (input) => simulateCamera(store, input),
    async close() {
      store.onEntry = undefined;
      await Promise.all([events.close(), webhooks.close()]);
      await stateFile?.flush();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

const scopeOf = (spaceId: number) => `space:${spaceId}`;

function send(res: ServerResponse, reply: Reply | HttpError): void {
  if (res.destroyed || res.headersSent) return;
  const { status, body, headers = {} } = reply instanceof HttpError ? { status: reply.status, body: reply.body } : reply;
  // A body left unread (refused, too large, or never needed) is not read whole: the connection closes instead.
  if (!res.req.complete) {
    res.setHeader("connection", "close");
    if (res.req.socket) lingerOnClose(res.req.socket);
  }
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { "content-type": "application/json", "content-length": payload.length });
  res.end(payload);
}

// What a lingering close reads and drops at most, and for how long.
const LINGER_BYTES = 16 * 1024 * 1024;
const LINGER_MS = 2_000;

/**
 * Makes Node's close after the answer a lingering close, as web servers do: the answer is
 * sent and the sending side shut, then what the client still sends is read and dropped for
 * a bounded while before the socket goes. Destroying it at once, with the client's upload
 * still arriving, resets the connection and the client never reads the answer (a 401 or
 * 413 would look like a network failure).
 */
function lingerOnClose(socket: Socket): void {
  socket.destroySoon = function lingeringClose(this: Socket) {
    this.end();
    let dropped = 0;
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    this.once("close", () => clearTimeout(timer));
    this.on("data", (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > LINGER_BYTES) this.destroy();
    });
    this.resume();
  };
}

// Node's parser errors and the status its own (bodiless) answer gives each.
const CLIENT_ERROR_STATUS: Record<string, number> = { HPE_HEADER_OVERFLOW: 431, HPE_CHUNK_EXTENSIONS_OVERFLOW: 413, ERR_HTTP_REQUEST_TIMEOUT: 408 };

/** A request Node could not parse (malformed request line, headers over the limit) gets an ErrorBody, not an empty answer. */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // Node's own checks: nothing to say to a socket that is gone, or that already carries part of an answer.
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (!socket.writable || inFlight?.headersSent || error.code === "ECONNRESET") return void socket.destroy();
  const status = CLIENT_ERROR_STATUS[error.code ?? ""] ?? 400;
  const message = status === 400 ? "Bad request: the request could not be parsed." : (STATUS_CODES[status] ?? "Bad request.");
  // Behind an earlier request (in flight or answered), Node's bodiless answer: what failed is
  // mostly the rest of a body sent without framing, and a client that sent HEAD reads no body
  // and would take one for garbage.
  const bodiless = `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n\r\n`;
  const first = !inFlight && socket.bytesWritten === 0;
  socket.write(first ? httpAnswer(status, { error_codes: [status], message, fields: [] }) : bodiless);
  // An answer still being prepared for an earlier request on this connection must not follow this one.
  if (inFlight) socket.destroy();
  else socket.end();
}

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;
const WILDCARD_HOSTS = ["0.0.0.0", "::"];

/**
 * 421 unless the Host header names loopback or the host the stand-in listens on, any port
 * (DNS rebinding: a page of another site whose name resolves to 127.0.0.1 calls with that
 * name in Host). Listening on a wildcard address opens the stand-in to the network on
 * purpose: then any Host is taken. A request without Host (HTTP/1.0) is no browser's.
 */
function hostRefusal(req: IncomingMessage, listenHost: string): HttpError | undefined {
  const host = req.headers.host;
  if (host === undefined || WILDCARD_HOSTS.includes(listenHost)) return undefined;
  const name = plainHost(host)?.hostname;
  if (name && (LOOPBACK_HOST.test(name) || name === plainHost(listenHost.includes(":") ? `[${listenHost}]` : listenHost)?.hostname)) return undefined;
  return failure(421, `Misdirected request: the stand-in answers to localhost, 127.x.x.x, [::1] and ${listenHost}, not to the Host ${JSON.stringify(host)}.`);
}

/** `host[:port]` as a URL, or undefined when it is anything else (a path, user info, a bad port). */
function plainHost(host: string): URL | undefined {
  if (!URL.canParse(`http://${host}`)) return undefined;
  const url = new URL(`http://${host}`);
  return url.username === "" && url.password === "" && url.pathname === "/" && url.search === "" && url.hash === "" ? url : undefined;
}

// Requests that change nothing (the state file is written after the others).
const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The request's URL, or 400: a path segment with a malformed percent-escape (`%`, `%zz`,
 * `%E4`) is bad input, not a crash. The Host header (checked by hostRefusal) names the
 * origin of paging links; without one, the stand-in's own.
 */
function requestUrl(req: IncomingMessage, origin: string): URL {
  const target = req.url ?? "/";
  // Appended, not resolved: `//other.host/…` is a path here, not a scheme-relative URL.
  const whole = `http://${req.headers.host ?? origin}${target}`;
  if (!target.startsWith("/") || !URL.canParse(whole)) throw failure(400, "Malformed request target.");
  const url = new URL(whole);
  for (const segment of url.pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      throw failure(400, "Malformed percent-escape in the path.");
    }
  }
  return url;
}

/**
 * Reads a request body the way the operation declares it: JSON, a urlencoded form or a
 * multipart upload (file parts as Buffers, text parts coerced to the schema's types). An
 * operation with a body that got none is given `{}`, so validation names the missing fields.
 */
async function readBody(
  req: IncomingMessage,
  api: HostApi,
  method: string,
  path: string,
  limits: BodyLimits,
): Promise<{ body: unknown; files: Record<string, Upload> }> {
  const mediaType = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  const takesBody = api.hasBody(method, path);
  if (mediaType === "multipart/form-data") {
    const { fields, files } = await readMultipart(req, limits);
    return { body: coerceFields(fields, api.bodySchema(method, path, mediaType)), files };
  }
  const raw = await readAll(req, limits.maxBodyBytes);
  if (raw.length === 0) return { body: takesBody ? {} : undefined, files: {} };
  if (mediaType === "application/x-www-form-urlencoded") {
    const fields = formFields();
    for (const [name, value] of new URLSearchParams(raw.toString("utf8"))) add(fields, name, value);
    return { body: coerceFields(fields, api.bodySchema(method, path, mediaType)), files: {} };
  }
  if (mediaType === "application/json" || mediaType === "") {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch (error) {
      throw new HttpError(400, { error_codes: [400], message: `JSON parse error - ${(error as Error).message}`, fields: [] });
    }
    // As DRF: a body is an object (a JSON string holding one is not decoded a second time).
    if (takesBody && (typeof body !== "object" || body === null || Array.isArray(body))) {
      const problem = `Invalid data. Expected a dictionary, but got ${pythonType(body)}.`;
      throw new HttpError(400, { error_codes: [400], message: "Validation error.", fields: [{ name: "non_field_errors", message: problem, error_code: 400 }] });
    }
    return { body, files: {} };
  }
  if (!takesBody) return { body: undefined, files: {} };
  // DRF's UnsupportedMediaType: 415, naming the Content-Type as sent.
  throw failure(415, `Unsupported media type "${req.headers["content-type"]}" in request.`);
}

// How many parts a multipart upload may have: the largest operation has 3 files and 9 text fields.
const MAX_FILE_PARTS = 8;
const MAX_TEXT_PARTS = 64;
// Generous room for one part's boundary and headers (a long file name included).
const PART_HEADER_ALLOWANCE = 2048;

function readMultipart(req: IncomingMessage, limits: BodyLimits): Promise<{ fields: Record<string, string | string[]>; files: Record<string, Upload> }> {
  const { maxUploadBytes, maxBodyBytes } = limits;
  return new Promise((resolve, reject) => {
    const fields = formFields();
    const files: Record<string, Upload> = {};
    let refused: HttpError | undefined;
    let bb: busboy.Busboy;
    try {
      // Bounded in every direction: part sizes, and how many parts.
      bb = busboy({ headers: req.headers, limits: { fileSize: maxUploadBytes, fieldSize: maxBodyBytes, files: MAX_FILE_PARTS, fields: MAX_TEXT_PARTS } });
    } catch (error) {
      return reject(new HttpError(400, { error_codes: [400], message: `Multipart form parse error - ${(error as Error).message}`, fields: [] }));
    }
    const refuse = (error: HttpError) => {
      refused ??= error;
      // Stop reading: the answer is decided, and the connection closes after it.
      req.unpipe(bb);
      req.pause();
      reject(refused);
    };
    // The text parts together are held to the same limit as a JSON body.
    let textBytes = 0;
    bb.on("field", (name, value, info) => {
      textBytes += Buffer.byteLength(name) + Buffer.byteLength(value);
      if (info.valueTruncated || textBytes > maxBodyBytes) refuse(tooLarge(maxBodyBytes));
      else add(fields, name, value);
    });
    const pending: Promise<void>[] = [];
    const fileStreams: { received(): number }[] = [];
    bb.on("file", (name, stream) => {
      const chunks: Buffer[] = [];
      let read = 0;
      stream.on("data", (chunk: Buffer) => {
        read += chunk.length;
        chunks.push(chunk);
      });
      // What was read, and what busboy pushed that the stream still holds.
      fileStreams.push({ received: () => read + stream.readableLength });
      stream.on("limit", () => refuse(tooLarge(maxUploadBytes, name)));
      stream.on("end", () => {
        files[name] = { bytes: Buffer.concat(chunks) };
      });
      // A body cut off inside this part errors the part's stream too (handled here, so that it
      // cannot crash the process); busboy's own error event answers the request.
      pending.push(new Promise((done) => finished(stream, () => done())));
    });
    // Parts past the count limits would be dropped silently: refuse the upload instead.
    bb.on("filesLimit", () => refuse(tooLarge(maxUploadBytes)));
    bb.on("fieldsLimit", () => refuse(tooLarge(maxBodyBytes)));
    bb.on("error", (error: Error) =>
      reject(new HttpError(400, { error_codes: [400], message: `Multipart form parse error - ${error.message}`, fields: [] })),
    );
    bb.on("close", async () => {
      await Promise.all(pending);
      if (!refused) resolve({ fields, files });
    });
    whenGone(req, reject);
    req.pipe(bb);
    // busboy judges a text part's size only at the part's end. Whatever it was fed that is not
    // file content is text, part headers or boundaries, so once that passes the text limit
    // and an allowance for headers, the text limit is passed: refuse now, not a part later.
    let fed = 0;
    req.on("data", (chunk: Buffer) => {
      fed += chunk.length;
      // Listening after pipe(): busboy has parsed this chunk, and its file bytes are in the streams.
      const fileBytes = fileStreams.reduce((sum, { received }) => sum + received(), 0);
      if (fed - fileBytes > maxBodyBytes + (MAX_FILE_PARTS + MAX_TEXT_PARTS) * PART_HEADER_ALLOWANCE) refuse(tooLarge(maxBodyBytes));
    });
  });
}

/** A map of form fields without a prototype: a field named `constructor` or `__proto__` is just a field. */
function formFields(): Record<string, string | string[]> {
  return Object.create(null) as Record<string, string | string[]>;
}

function add(fields: Record<string, string | string[]>, name: string, value: string): void {
  const existing = fields[name];
  fields[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/** Form text to the types the body schema declares (`"true"` → true, `"25000"` → 25000); anything else stays text for validation to judge. */
function coerceFields(fields: Record<string, string | string[]>, schema: any): Record<string, unknown> {
  const properties = schema?.properties ?? {};
  const out: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(fields)) {
    const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (!property) out[name] = value;
    else if (typesOf(property).includes("array")) out[name] = (Array.isArray(value) ? value : [value]).map((v) => coerce(v, property.items ?? {}));
    else out[name] = coerce(Array.isArray(value) ? value[value.length - 1]! : value, property);
  }
  return out;
}

const DECIMAL = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** The Python type name of a parsed JSON value, as DRF's messages name it. */
function pythonType(value: unknown): string {
  return value === null ? "NoneType" : Array.isArray(value) ? "list" : { string: "str", number: Number.isInteger(value) ? "int" : "float", boolean: "bool" }[typeof value as string] ?? "dict";
}

function typesOf(schema: any): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (typeof schema.type === "string") return [schema.type];
  return [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])].flatMap(typesOf);
}

function coerce(value: string, schema: any): unknown {
  const types = typesOf(schema);
  if (types.includes("null") && value === "") return null;
  // Python's SDK sends str(bool): True/False.
  if (types.includes("boolean") && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  if (types.includes("integer") && /^-?\d+$/.test(value)) return Number(value);
  // Decimal only, as Python's float() reads it (Number() would take 0x10 and 0b11).
  if (types.includes("number") && DECIMAL.test(value)) return Number(value);
  return value;
}
