import createClient, {
  createQuerySerializer,
  type Client as FetchClient,
  type Middleware,
} from "openapi-fetch";
import type { paths } from "../generated/schema";
import { ConnectionError, TimeoutError, type ErrorBody } from "./errors";
import type { Session } from "./session";
import { SDK_VERSION } from "../version";

/** Transport settings shared by every call of one client. */
export interface TransportConfig {
  iamUrl: string;
  apiUrl: string;
  timeoutMs: number;
  maxRetries: number;
  maxRetryDelayMs: number;
  maxUploadBytes: number;
  fetch: typeof globalThis.fetch | undefined;
  middleware: Middleware[];
}

/** Per-call overrides, the last argument of every client method. */
export interface RequestOptions {
  /** Aborts the call. */
  signal?: AbortSignal;
  /** Time limit for this call, in ms, including reading the answer. */
  timeoutMs?: number;
  /** Retries for this call (idempotent methods only); 0 disables. */
  maxRetries?: number;
}

/** Response header on every result: how many attempts the call took. */
export const ATTEMPTS_HEADER = "x-neuroio-attempts";

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
const RETRY_STATUSES = new Set([408, 429, 502, 503, 504]);
const BACKOFF_BASE_MS = 500;
const EXCERPT_CHARS = 200;

const VERSIONS = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process?.versions;
// Browsers refuse to let scripts set User-Agent; Node (and other server runtimes) allow it.
const USER_AGENT = typeof VERSIONS?.node === "string" ? `neuroio-js/${SDK_VERSION}` : undefined;

/** A request as openapi-fetch describes it, not yet made a Request: what the Node transport takes. */
export interface PendingRequest {
  url: string;
  method: string;
  headers: Headers;
  body: BodyInit | null;
}

/** The part of a Response that `normalize` reads: what the Node transport answers. */
export type Answer = Pick<Response, "ok" | "status" | "statusText" | "text"> & { headers: HeadersInit; body: null };

/** Sends one request and reads its whole answer; rejects as fetch does when that fails. */
export type Transport = (request: PendingRequest, init: { signal: AbortSignal }) => Promise<Answer>;

// Node's default transport (node-transport.ts: undici's pool, without fetch's Request and
// Response objects). Not in Bun or Deno, which have process.versions.node too.
const NODE = USER_AGENT && !VERSIONS!.bun && !("Deno" in globalThis);
// Not a literal, so that browser bundlers never follow it into undici.
const NODE_TRANSPORT = "./node-transport";
let nodeTransport: Promise<Transport> | undefined;

/** Global fetch, for pending requests where the Node transport cannot load. */
const viaFetch: Transport = (request, init) => fetch(new Request(request.url, request), init) as Promise<never>;

/** Sends through the Node transport, loaded from its own build file on the first call. */
const viaNode: Transport = async (request, init) => {
  nodeTransport ??= (async () => {
    const loaded = typeof require === "function" ? require(NODE_TRANSPORT) : await import(/* webpackIgnore: true */ `${NODE_TRANSPORT}.mjs`);
    return loaded.transport as Transport;
  })().catch(() => viaFetch);
  return (await nodeTransport)(request, init);
};

// NeuroIO takes array query parameters comma-joined: ?spaces_ids=1,2,3
const commaJoined = createQuerySerializer({ array: { style: "form", explode: false } });

/**
 * openapi-fetch's `Request` for the Node transport: the request's parts, unassembled
 * (making a Request, and fetch remaking it, is most of fetch's cost). A URL that cannot be
 * parsed gets a real Request, which throws as it always did.
 */
function Pending(url: string, init: RequestInit): PendingRequest | Request {
  return URL.canParse(url) ? ({ ...init, url, body: init.body ?? null } as PendingRequest) : new Request(url, init);
}

/**
 * The two openapi-fetch clients (IAM and API hosts) and the transport under them: auth
 * header, time limits, retries, re-login and turning every answer into a typed result.
 */
export class Http {
  readonly iam: FetchClient<paths>;
  readonly api: FetchClient<paths>;

  constructor(
    private readonly config: TransportConfig,
    private readonly session: Session,
  ) {
    const shared = {
      querySerializer: commaJoined,
      // Multipart bodies arrive as FormData already (operation.ts); JSON bodies are objects.
      bodySerializer: (body: unknown) => (body instanceof FormData ? body : JSON.stringify(body)),
      // Node, with no fetch or middleware of the caller's (those get Requests): the Node transport.
      ...(NODE && !config.fetch && !config.middleware.length && { Request: Pending as unknown as typeof Request }),
    } as const;
    this.iam = createClient<paths>({ ...shared, baseUrl: config.iamUrl });
    this.api = createClient<paths>({ ...shared, baseUrl: config.apiUrl });
    for (const m of config.middleware) {
      this.iam.use(m);
      this.api.use(m);
    }
  }

  /** openapi-fetch options for one call of `operation`: its transport and signal. */
  call(operation: string, options: RequestOptions = {}): { fetch: (request: Request) => Promise<Response> } {
    return {
      fetch: (request) => this.send(request, operation, options),
      // The data normalize parsed, not parsed again; middleware may swap the Response.
      ...(!this.config.middleware.length && { parseAs: PARSED }),
    };
  }

  private async send(request: Request | PendingRequest, operation: string, options: RequestOptions): Promise<Response> {
    const retries = IDEMPOTENT.has(request.method) ? (options.maxRetries ?? this.config.maxRetries) : 0;
    const timeoutMs = options.timeoutMs ?? this.config.timeoutMs;
    const canResend = request.body === null || IDEMPOTENT.has(request.method);
    // The re-login is shared with other calls; this call's signal only stops its own wait.
    if (this.session.expired()) await abortable(this.session.renew(this.session.token), options.signal);

    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      // Keep the original unread while another attempt may need its body (none to keep
      // without a body, nor for a pending request, whose body is no stream).
      const mayRepeat = attempt <= retries || (!renewed && this.session.renewable && canResend);
      const outgoing = mayRepeat && "clone" in request && request.body !== null ? request.clone() : request;
      const token = this.session.token;
      if (token !== undefined) outgoing.headers.set("Authorization", `Token ${token}`);
      if (USER_AGENT) outgoing.headers.set("User-Agent", USER_AGENT);

      let response: Response;
      try {
        response = await this.attempt(outgoing, operation, timeoutMs, options.signal);
      } catch (error) {
        if (!(error instanceof ConnectionError) || error instanceof TimeoutError || attempt > retries) throw error;
        await sleep(backoff(attempt, this.config.maxRetryDelayMs), options.signal);
        continue;
      }

      if (response.status === 401 && !renewed && this.session.renewable) {
        renewed = true;
        await abortable(this.session.renew(token), options.signal);
        if (canResend) continue;
      }
      if (RETRY_STATUSES.has(response.status) && attempt <= retries) {
        const delay = retryAfter(response.headers.get("Retry-After"), this.config.maxRetryDelayMs);
        await response.body?.cancel();
        await sleep(delay ?? backoff(attempt, this.config.maxRetryDelayMs), options.signal);
        continue;
      }
      return withAttempts(response, attempt);
    }
  }

  /** One request on the wire, its answer read in full and normalised, under a time limit. */
  private async attempt(request: Request | PendingRequest, operation: string, timeoutMs: number, signal?: AbortSignal): Promise<Response> {
    // One controller for the time limit and the caller's signal: cheaper per call than
    // AbortSignal.timeout + AbortSignal.any, and its timer is gone as soon as the answer is.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", forward, { once: true });
    const doFetch = (this.config.fetch ?? ("clone" in request ? globalThis.fetch : viaNode)) as Transport;
    try {
      if (signal?.aborted) throw signal.reason;
      const response = await doFetch(request as PendingRequest, { signal: controller.signal });
      return await normalize(response);
    } catch (error) {
      if (timedOut && !signal?.aborted) throw new TimeoutError(operation, timeoutMs);
      if (signal?.aborted) throw signal.reason;
      throw new ConnectionError(`${operation}: could not reach ${new URL(request.url).host} (${describe(error)})${corsHint(request.url)}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", forward);
    }
  }
}

/**
 * Reads the whole answer so that nothing later can fail on it: a success body that is
 * not JSON and any error body (HTML 502 pages, empty 500s, truncated JSON) become a
 * well-formed NeuroIO ErrorBody. The SDK acts as the gateway that got a bad answer, so a
 * 2xx with a broken body turns into a 502 naming the status it really had.
 */
async function normalize(response: Answer | Response): Promise<Response> {
  // The answer is always a new Response of ours (mutable headers, for withAttempts), and
  // its body is already decoded text.
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  const init = { status: response.status, statusText: response.statusText, headers };
  if (response.status === 204 || response.status === 202 || response.status === 304) {
    await response.body?.cancel();
    return parsed(new Response(null, init), undefined);
  }
  const text = await response.text();
  if (response.ok) {
    let data: unknown;
    try {
      data = text === "" ? undefined : JSON.parse(text);
    } catch {
      return errorResponse({ ...init, status: 502, statusText: "Bad Gateway" }, {
        error_codes: [],
        message: `NeuroIO answered HTTP ${response.status} with a body that is not valid JSON: ${excerpt(text)}`,
        fields: [],
      });
    }
    return parsed(new Response(text === "" ? null : text, init), data);
  }
  return errorResponse(init, toErrorBody(response.status, text));
}

function toErrorBody(status: number, text: string): ErrorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const what = text.trim() === "" ? "an empty body" : `a body that is not JSON: ${excerpt(text)}`;
    return { error_codes: [], message: `NeuroIO answered HTTP ${status} with ${what}`, fields: [] };
  }
  if (isErrorBody(parsed)) return parsed;
  const detail = (parsed as { detail?: unknown; message?: unknown } | null) ?? {};
  const message = typeof detail.message === "string" ? detail.message : typeof detail.detail === "string" ? detail.detail : undefined;
  return {
    error_codes: [],
    message: message ?? `NeuroIO answered HTTP ${status} with an unexpected body: ${excerpt(text)}`,
    fields: [],
  };
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

function errorResponse(init: { status: number; statusText: string; headers: Headers }, body: ErrorBody): Response {
  init.headers.set("content-type", "application/json");
  return new Response(JSON.stringify(body), init);
}

function withAttempts(response: Response, attempts: number): Response {
  response.headers.set(ATTEMPTS_HEADER, String(attempts));
  return response;
}

/**
 * openapi-fetch's `parseAs` for the SDK's calls: it then takes a success's data from
 * `response[PARSED]()` instead of reading and parsing the body again.
 */
const PARSED = Symbol("neuroio.parsed") as unknown as "json";

function parsed(response: Response, data: unknown): Response {
  return Object.assign(response, { [PARSED]: () => data });
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat);
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
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

/** `promise`, or the signal's reason as soon as it aborts (the promise itself runs on). */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {}); // left running for its other waiters; its failure is theirs
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
