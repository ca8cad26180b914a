import type { Middleware } from "openapi-fetch";
import { ConnectionError, ResponseTooLargeError, TimeoutError, abortReason, redact, redactValue, scrub, type ErrorBody } from "./errors";
import { OPERATIONS, type OperationId } from "../generated/operations";
import { checkNames } from "./input";
import { MAX_TIMER_MS, checkNumbers, checkSignal, checkType } from "./options";
import type { Session } from "./session";
import { USER_AGENT, decodingFailure, defaultTransport } from "./runtime";

/** Transport settings shared by every call of one client. */
export interface TransportConfig {
  iamUrl: string;
  apiUrl: string;
  timeoutMs: number;
  maxRetries: number;
  maxRetryDelayMs: number;
  maxResponseBytes: number;
  /** Undefined: twice the call's timeoutMs. */
  deadlineMs: number | undefined;
  fetch: typeof globalThis.fetch | undefined;
  middleware: Middleware[];
}

/**
 * Per-call overrides of the client's options, the last argument of every client method.
 * Checked when the call is made: a value out of range rejects the call with an InputError
 * naming it, before anything is sent.
 */
export interface RequestOptions {
  /** Aborts the call. */
  signal?: AbortSignal | undefined;
  /** Time limit of each attempt, in ms, including reading the answer: an integer from 1 to 2^31 − 1. */
  timeoutMs?: number | undefined;
  /** Retries for this call (idempotent methods only): an integer from 0 (none) to 10. */
  maxRetries?: number | undefined;
  /**
   * Time limit of the whole call, in ms, over every attempt, the waits between them
   * (`Retry-After` included) and a re-login: an integer from 1 to 2^31 − 1. Default: the
   * client's `deadlineMs`, else twice this call's `timeoutMs`.
   */
  deadlineMs?: number | undefined;
  /** Largest answer body read, in bytes after decoding: an integer from 1 to 256 MiB. Default: the client's (64 MiB). */
  maxResponseBytes?: number | undefined;
}

// Every per-call option (the type makes the list whole).
const CALL_OPTIONS: Record<keyof RequestOptions, true> = { signal: true, timeoutMs: true, maxRetries: true, deadlineMs: true, maxResponseBytes: true };

/** A call's options with every default filled in. */
interface CallSettings {
  signal: AbortSignal | undefined;
  timeoutMs: number;
  maxRetries: number;
  deadlineMs: number;
  maxResponseBytes: number;
}

/** Response header on every result: how many attempts the call took. */
export const ATTEMPTS_HEADER = "x-neuroio-attempts";

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
const RETRY_STATUSES = new Set([408, 429, 502, 503, 504]);
const BACKOFF_BASE_MS = 500;
const EXCERPT_CHARS = 200;

/**
 * A request as operation.ts builds it (or middleware.ts takes it from the Request the
 * hooks let through), not yet made a Request: what every transport takes. Header names in
 * lower case; no `Headers` object, whose first use loads Node's internal fetch (tens of ms
 * of a process's first call). The body can be sent again (a retry, a redirect).
 */
export interface PendingRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  // Not BodyInit: a Node project without the DOM library (types: ["node"]) has no such global.
  body: string | Blob | FormData | null;
}

/** What the Node transport answers: the part of a Response that `normalize` reads, the body already read and decoded. */
export type Answer = Pick<Response, "ok" | "status" | "statusText"> & { headers: Iterable<[string, string]>; body: null; text: string };

/**
 * An answer as a call hands it over: read whole and parsed. It becomes a `Response` only
 * when someone asks for one (`result.response`, middleware): a Response per call costs
 * more than the rest of it, and its first one loads Node's internal fetch.
 */
export interface Reply {
  operation: string;
  status: number;
  statusText: string;
  /**
   * As received (names in lower case, as Headers and the Node transport give them), secrets
   * and all: read them only through `responseOf` and `headerOf`,
   * which redact `secrets` from each value as they read it (most answers' headers are
   * never read, and going through a Headers object on every answer costs, in browsers
   * above all). The Response drops content-length and content-encoding (its body is the
   * decoded text).
   */
  headers: Iterable<[string, string]>;
  /** What the headers must not show: the call's secrets (it adds the new token after a re-login). */
  secrets: readonly string[];
  /** The body: the text received for a success, the ErrorBody's JSON for a failure, null for none. */
  text: string | null;
  /** A success's parsed data, or the ErrorBody. */
  data: unknown;
  attempts: number;
  /** A 502 made from a 2xx whose body was broken (the server did act) or from a status outside 200–599: never retried. */
  fromSuccess: boolean;
}

/**
 * Sends one request and reads its whole answer; rejects as fetch does when that fails. An
 * answer body over `maxResponseBytes` (decoded) stops the reading, releases the connection
 * and rejects with an error whose `code` (or its cause's) is RESPONSE_TOO_LARGE.
 */
export type Transport = (request: PendingRequest, init: { signal: Stop; maxResponseBytes?: number }) => Promise<Answer>;

// Stops a request (time limit, caller's signal): an AbortSignal without its costly EventTarget.
export interface Stop {
  aborted: boolean;
  reason: unknown;
  onabort: (() => void) | undefined;
}

/** The `code` of a transport's error for an answer over the size limit (a type, so the Node transport shares it without importing). */
export type ResponseTooLargeCode = "ERR_NEUROIO_RESPONSE_TOO_LARGE";
const RESPONSE_TOO_LARGE: ResponseTooLargeCode = "ERR_NEUROIO_RESPONSE_TOO_LARGE";

/**
 * fetch with a signal that follows `stop`: a caller's fetch gets a Request, global fetch the
 * parts (one Request, not two). A request with a body follows no redirect (see normalize).
 */
function viaFetch(fetch: typeof globalThis.fetch, request: PendingRequest, stop: Stop): Promise<Response> {
  const controller = new AbortController();
  stop.onabort = () => controller.abort(stop.reason);
  const signal = controller.signal;
  const { url, method, headers, body } = request;
  const redirect = body === null ? undefined : "manual";
  return fetch === globalThis.fetch ? fetch(url, { method, headers, body, signal, redirect }) : fetch(new Request(url, { method, headers, body, redirect }), { signal });
}

/** The transport of a client without a `fetch` option (runtime.ts): Node's in Node, else global fetch. */
const runtimeTransport = defaultTransport((request, { signal }) => viaFetch(globalThis.fetch, request, signal) as Promise<never>);

// NeuroIO's query string (arrays comma-joined), byte for byte openapi-fetch's for the
// document's parameters (whose arrays are never empty: scripts/operations.mjs).
export function querySerializer(query: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    const encoded = Array.isArray(value) ? value.map(encodeURIComponent).join(",") : encodeURIComponent(value as string);
    pairs.push(`${name}=${encoded}`);
  }
  return pairs.join("&");
}

/** The transport under every call: auth header, time limits, retries, re-login, normalised answers. */
export class Http {
  /** Base URLs without a trailing slash. */
  readonly hosts: { readonly iam: string; readonly api: string };

  constructor(
    private readonly config: TransportConfig,
    private readonly session: Session,
  ) {
    const bare = (url: string) => url.replace(/\/$/, "");
    this.hosts = { iam: bare(config.iamUrl), api: bare(config.apiUrl) };
  }

  /** The caller's openapi-fetch middleware; with any, calls go through middleware.ts. */
  get middleware(): readonly Middleware[] {
    return this.config.middleware;
  }

  /**
   * One call of `operation` with a request operation.ts built: its attempts, the waits
   * between them and a re-login, within its deadline. Options out of range reject with an
   * InputError, before anything is sent. `inputSecrets`: the secrets the request carries
   * (its `format: password` fields: passwords, a token's key); nothing the call returns or
   * throws carries a secret.
   */
  async send(operation: string, request: PendingRequest, options: RequestOptions = {}, inputSecrets: readonly string[] = []): Promise<Reply> {
    const settings = this.settings(operation, options);
    // Grows as the call goes: a re-login brings a new token, and the old one may still be echoed.
    const secrets = [...inputSecrets];
    try {
      return await this.attempts(request, operation, settings, secrets);
    } catch (error) {
      throw scrub(error, this.remember(secrets));
    }
  }

  private settings(operation: string, options: RequestOptions): CallSettings {
    checkType("options", options, "object");
    // Also a field given to an operation without input, whose one argument is the options.
    checkNames(options, CALL_OPTIONS, "an option of a call", operation);
    checkNumbers(options);
    checkSignal("signal", options.signal);
    const timeoutMs = options.timeoutMs ?? this.config.timeoutMs;
    return {
      signal: options.signal,
      timeoutMs,
      maxRetries: options.maxRetries ?? this.config.maxRetries,
      deadlineMs: options.deadlineMs ?? this.config.deadlineMs ?? 2 * timeoutMs,
      maxResponseBytes: options.maxResponseBytes ?? this.config.maxResponseBytes,
    };
  }

  /** `secrets` with the session's current ones added. */
  private remember(secrets: string[]): string[] {
    for (const secret of this.session.secrets) if (!secrets.includes(secret)) secrets.push(secret);
    return secrets;
  }

  private async attempts(request: PendingRequest, operation: string, settings: CallSettings, secrets: string[]): Promise<Reply> {
    const { signal, timeoutMs, maxRetries, deadlineMs } = settings;
    const retries = IDEMPOTENT.has(request.method) ? maxRetries : 0;
    const canResend = request.body === null || IDEMPOTENT.has(request.method);
    const deadlineAt = performance.now() + deadlineMs;
    const left = () => deadlineAt - performance.now();
    const pastDeadline = () => new TimeoutError(operation, deadlineMs, "deadlineMs");
    // The re-login is shared with other calls; this call's signal and deadline only stop its own
    // wait (a default deadline, twice timeoutMs, can be longer than a timer takes).
    const renew = (token: string | undefined) => this.session.renew(token, { signal, ms: Math.min(left(), MAX_TIMER_MS), timeout: pastDeadline });
    if (this.session.expired()) await renew(this.session.token);

    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      const token = this.session.token;
      const outgoing = withHeaders(request, token);
      const remaining = left();
      if (remaining <= 0) throw pastDeadline();
      const cutByDeadline = remaining < timeoutMs;

      let reply: Reply;
      try {
        reply = await this.attempt(outgoing, operation, cutByDeadline ? remaining : timeoutMs, settings, this.remember(secrets));
      } catch (error) {
        if (error instanceof TimeoutError && cutByDeadline) throw pastDeadline();
        if (!(error instanceof ConnectionError) || error instanceof TimeoutError || attempt > retries) throw error;
        const wait = backoff(attempt, this.config.maxRetryDelayMs);
        if (wait >= left()) throw error; // no time left for another attempt
        await sleep(wait, signal);
        continue;
      }

      if (reply.status === 401 && !renewed && this.session.renewable) {
        renewed = true;
        await renew(token);
        if (canResend) continue;
      }
      if (RETRY_STATUSES.has(reply.status) && attempt <= retries && !reply.fromSuccess) {
        const delay = retryAfter(headerOf(reply, "retry-after"), this.config.maxRetryDelayMs) ?? backoff(attempt, this.config.maxRetryDelayMs);
        // A wait past the deadline would only end in a timeout: this answer is more useful.
        if (delay < left()) {
          await sleep(delay, signal);
          continue;
        }
      }
      reply.attempts = attempt;
      return reply;
    }
  }

  /** One request on the wire, its answer read (up to the size limit) and normalised, under a time limit. */
  private async attempt(
    request: PendingRequest,
    operation: string,
    timeoutMs: number,
    { signal, maxResponseBytes }: CallSettings,
    secrets: string[],
  ): Promise<Reply> {
    // One timer; an AbortController only where fetch needs one.
    const stop: Stop = { aborted: false, reason: undefined, onabort: undefined };
    const abort = (reason?: unknown) => {
      if (stop.aborted) return;
      stop.aborted = true;
      stop.reason = reason;
      stop.onabort?.();
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort();
    }, timeoutMs);
    const forward = () => abort(signal?.reason);
    signal?.addEventListener("abort", forward, { once: true });
    try {
      if (signal?.aborted) throw abortReason(signal);
      const response = this.config.fetch
        ? await viaFetch(this.config.fetch, request, stop)
        : await runtimeTransport(request, { signal: stop, maxResponseBytes });
      return await normalize(operation, response, maxResponseBytes, secrets);
    } catch (error) {
      // Whatever is left of the answer (a body cut short by the size limit): release its connection.
      abort();
      if (timedOut && !signal?.aborted) throw new TimeoutError(operation, timeoutMs);
      if (signal?.aborted) throw abortReason(signal);
      if (tooLarge(error)) throw new ResponseTooLargeError(operation, maxResponseBytes);
      throw new ConnectionError(`${operation}: ${redact(describe(error, new URL(request.url).host), secrets)}${corsHint(request.url)}`, {
        cause: scrub(error, secrets),
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", forward);
    }
  }
}

/** The request as sent: this attempt's own headers, with the token and User-Agent. */
function withHeaders(request: PendingRequest, token: string | undefined): PendingRequest {
  // In the order a Headers object lists them (sorted), as they went out before; the
  // client's token over any Authorization a middleware hook set.
  const headers: Record<string, string> = token !== undefined ? { authorization: "" } : {};
  Object.assign(headers, request.headers);
  if (token !== undefined) headers.authorization = `Token ${token}`;
  if (USER_AGENT) headers["user-agent"] = USER_AGENT;
  return { ...request, headers };
}

function tooLarge(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  return e?.code === RESPONSE_TOO_LARGE || e?.cause?.code === RESPONSE_TOO_LARGE;
}

/**
 * Reads the whole answer so that nothing later can fail on it: a success body that is
 * not JSON and any error body (HTML 502 pages, empty 500s, truncated JSON) become a
 * well-formed NeuroIO ErrorBody. The SDK acts as the gateway that got a bad answer, so a
 * 2xx with a broken body, or a status outside 200–599, turns into a 502 naming the status
 * it really had.
 */
async function normalize(operation: string, response: Answer | Response, maxBytes: number, secrets: readonly string[]): Promise<Reply> {
  const { status } = response;
  // A server or proxy may echo the request (and its token) in the reason phrase or a header.
  const statusText = redact(response.statusText, secrets);
  const headers = response.headers as Iterable<[string, string]>;
  const reply = (text: string | null, data: unknown): Reply => ({ operation, status, statusText, headers, secrets, text, data, attempts: 1, fromSuccess: false });
  const broken = (message: string): Reply => {
    const body = errorBody(message);
    return { ...reply(JSON.stringify(body), body), status: 502, statusText: "Bad Gateway", fromSuccess: true };
  };
  const returns = OPERATIONS[operation as OperationId]?.returns;
  // No content: 204, 205 and 304 (a Response cannot carry one), and a 202 where the operation
  // promises no body (NeuroIO's deletes). Where it promises JSON, that is a broken answer
  // below; a 304 is an error like any other status outside 2xx.
  const empty = NULL_BODY_STATUSES.has(status) || (status === 202 && returns === undefined);
  if (empty) await response.body?.cancel();
  const text = empty ? "" : "clone" in response ? await readText(response, maxBytes) : response.text;
  // A request with a body follows no redirect (viaFetch, the Node transport): a 301–303
  // would make it a GET without its body, a 307 or 308 send the body (a password, a face)
  // again to wherever Location points. So a redirect arrives here, which a browser shows as
  // status 0: a 502 in both, naming it (its Location stays in the headers).
  if (status === 0 || (status > 300 && status < 400 && status !== 304)) {
    return broken(`NeuroIO answered ${status ? `HTTP ${status}, ` : ""}a redirect the SDK does not follow for a request with a body`);
  }
  // A status HTTP has no class for (600 and up; a 1xx as the final answer) says nothing
  // about what the server did and cannot be held by a Response: a 502 naming it, like a
  // broken 2xx, and never retried.
  if (status < 200 || status > 599) {
    return broken(`NeuroIO answered HTTP ${status}, a status outside HTTP's 200–599${text.trim() === "" ? "" : `, with ${excerpt(text, secrets)}`}`);
  }
  if (response.ok) {
    let data: unknown;
    try {
      data = text === "" ? undefined : JSON.parse(text);
    } catch {
      return broken(`NeuroIO answered HTTP ${status} with a body that is not valid JSON: ${excerpt(text, secrets)}`);
    }
    // Where the document promises a JSON object or array, anything else (nothing, null, a
    // string) would only fail later in the caller's code, as a TypeError far from here.
    if (returns !== undefined && jsonType(data) !== returns) {
      const got = text.trim() === "" ? "an empty body" : `JSON ${jsonType(data)} ${excerpt(text, secrets)}`;
      return broken(`NeuroIO answered HTTP ${status} with ${got} where ${operation} returns a JSON ${returns}`);
    }
    return reply(text === "" ? null : text, data);
  }
  // Redacted before anything is parsed (a secret echoed as a key goes too), and after,
  // since parsing undoes any escape (`\u0026`) that hid one from the first pass.
  const body = redactValue(toErrorBody(status, redact(text, secrets)), secrets);
  return reply(JSON.stringify(body), body);
}

/** The JSON type of a parsed body: object, array, null, string, number or boolean. */
function jsonType(data: unknown): string {
  return data === null ? "null" : Array.isArray(data) ? "array" : typeof data;
}

/** The first value of header `name` (lower case, as the reply's) in a reply, or null. */
function headerOf(reply: Reply, name: string): string | null {
  for (const [key, value] of reply.headers) if (key === name) return redact(value, reply.secrets);
  return null;
}

const OPERATION = Symbol("neuroio.operation");

/**
 * A reply as a Response: the headers as received, secrets redacted (less content-length
 * and content-encoding: the body is the decoded text; a failure's body is the ErrorBody's
 * JSON) and the call's attempts.
 */
export function responseOf(reply: Reply): Response {
  // Never throws: what a Response refuses is left out, not raised from a getter.
  const headers = new Headers();
  for (const [name, value] of reply.headers) {
    if (name === "content-length" || name === "content-encoding") continue;
    try {
      headers.append(name, redact(value, reply.secrets));
    } catch {
      // A header line Headers refuses (a name that is not a token, a NUL or CR in the value): dropped.
    }
  }
  if (reply.status < 200 || reply.status >= 300) headers.set("content-type", "application/json");
  headers.set(ATTEMPTS_HEADER, String(reply.attempts));
  // normalize() lets no other status through (see there); a Reply made elsewhere gets the same 502.
  const status = reply.status >= 200 && reply.status <= 599 ? reply.status : 502;
  // The reason phrase is informative only (RFC 9112 §4); one a Response refuses (control
  // characters, or text past Latin-1, which undici reads as UTF-8) is dropped whole.
  const statusText = REASON_PHRASE.test(reply.statusText) ? reply.statusText : "";
  const body = NULL_BODY_STATUSES.has(status) ? null : reply.text;
  const response = new Response(body, { status, statusText, headers });
  return Object.assign(response, { [OPERATION]: reply.operation });
}

// What the Response constructor accepts (Fetch standard: reason-phrase, null body status).
const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/;
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** The operation (`sources.list`) whose call answered `response`, if the SDK made it. */
export function operationOf(response: Response): string | undefined {
  return (response as { [OPERATION]?: string })[OPERATION];
}

const utf8 = new TextDecoder(); // UTF-8, drops a BOM, as Response.text() does

/**
 * The answer's text, read chunk by chunk up to `maxBytes` (decoded, as fetch hands them
 * over); past that the stream is cancelled, which releases the connection. The Node
 * transport's answer is already read, under the same limit.
 */
async function readText(response: Response, maxBytes: number): Promise<string> {
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw Object.assign(new RangeError(`answer over ${maxBytes} bytes`), { code: RESPONSE_TOO_LARGE });
    }
    chunks.push(value);
  }
  // One decode of the whole: Node's streaming decode ({ stream: true }) leaves its fast
  // UTF-8 path (137 k more instructions per list call of the bench, under callgrind).
  if (chunks.length === 1) return utf8.decode(chunks[0]);
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return utf8.decode(whole);
}

/** The error body of an answer's text, redacted already (so its excerpts have no secrets left to redact). */
function toErrorBody(status: number, text: string): ErrorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const what = text.trim() === "" ? "an empty body" : `a body that is not JSON: ${excerpt(text, [])}`;
    return errorBody(`NeuroIO answered HTTP ${status} with ${what}`);
  }
  if (isErrorBody(parsed)) return parsed;
  const detail = (parsed as { detail?: unknown; message?: unknown } | null) ?? {};
  const message = typeof detail.message === "string" ? detail.message : typeof detail.detail === "string" ? detail.detail : undefined;
  return errorBody(message ?? `NeuroIO answered HTTP ${status} with an unexpected body: ${excerpt(text, [])}`);
}

/** A NeuroIO ErrorBody the SDK writes itself: a message, no codes or fields. */
function errorBody(message: string): ErrorBody {
  return { error_codes: [], message, fields: [] };
}

function isErrorBody(value: unknown): value is ErrorBody {
  const body = value as Partial<ErrorBody> | null;
  return (
    typeof body === "object" &&
    body !== null &&
    Array.isArray(body.error_codes) &&
    typeof body.message === "string" &&
    Array.isArray(body.fields)
  );
}

/** The start of `text` on one line, quoted, its secrets redacted before it is cut (no part of one survives the cut). */
function excerpt(text: string, secrets: readonly string[]): string {
  const flat = redact(text, secrets).replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat);
}

/**
 * Why a request got no usable answer from `host`, for a ConnectionError's message: a body
 * that did not decode (where the runtime names that, see `decodingFailure`), else the
 * cause's code or the error's message.
 */
function describe(error: unknown, host: string): string {
  const undecodable = decodingFailure(error, host);
  if (undecodable !== undefined) return undecodable;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return `could not reach ${host} (${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))})`;
}

/**
 * A browser does not tell a page why a fetch failed: a cross-origin call its CORS check
 * refused looks exactly like an unreachable host, so say that it may be CORS.
 */
function corsHint(url: string): string {
  const page = (globalThis as { location?: { origin?: string } }).location?.origin;
  if (!page || page === "null" || new URL(url).origin === page) return "";
  return `; from a web page this may be CORS: the server must allow the origin ${page}`;
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base·2^(n-1))]. */
function backoff(attempt: number, capMs: number): number {
  return Math.random() * Math.min(capMs, BACKOFF_BASE_MS * 2 ** (attempt - 1));
}

/** Retry-After in seconds or as an HTTP date, capped; undefined when absent or unreadable. */
function retryAfter(header: string | null, capMs: number): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  if (Number.isNaN(ms)) return undefined;
  return Math.min(Math.max(ms, 0), capMs);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}
