import createClient, { type Client as FetchClient, type Middleware } from "openapi-fetch";
import type { paths } from "../generated/schema";
import { ConnectionError, TimeoutError, type ErrorBody } from "./errors";
import type { Session } from "./session";
import { SDK_VERSION } from "../version";
import { multipart } from "./uploads";

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

// Browsers refuse to let scripts set User-Agent; Node (and other server runtimes) allow it.
const USER_AGENT =
  typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === "string"
    ? `neuroio-js/${SDK_VERSION}`
    : undefined;

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
      // NeuroIO takes array query parameters comma-joined: ?spaces_ids=1,2,3
      querySerializer: { array: { style: "form", explode: false } },
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
    return { fetch: (request) => this.send(request, operation, options) };
  }

  /** bodySerializer for a multipart upload whose binary parts are `fileFields`. */
  multipart(fileFields: readonly string[]): (body: Record<string, unknown>) => FormData {
    return multipart(fileFields, this.config.maxUploadBytes);
  }

  private async send(request: Request, operation: string, options: RequestOptions): Promise<Response> {
    const retries = IDEMPOTENT.has(request.method) ? (options.maxRetries ?? this.config.maxRetries) : 0;
    const timeoutMs = options.timeoutMs ?? this.config.timeoutMs;
    const canResend = request.body === null || IDEMPOTENT.has(request.method);
    if (this.session.expired()) await this.session.renew(this.session.token);

    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      // Keep the original unread while another attempt may need its body.
      const mayRepeat = attempt <= retries || (!renewed && this.session.renewable && canResend);
      const outgoing = mayRepeat ? request.clone() : request;
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
        await this.session.renew(token);
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
  private async attempt(request: Request, operation: string, timeoutMs: number, signal?: AbortSignal): Promise<Response> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const doFetch = this.config.fetch ?? globalThis.fetch;
    try {
      const response = await doFetch(request, { signal: combined });
      return await normalize(response);
    } catch (error) {
      if (timeout.aborted && !signal?.aborted) throw new TimeoutError(operation, timeoutMs);
      if (signal?.aborted) throw signal.reason;
      throw new ConnectionError(`${operation}: could not reach ${new URL(request.url).host} (${describe(error)})`, {
        cause: error,
      });
    }
  }
}

/**
 * Reads the whole answer so that nothing later can fail on it: a success body that is
 * not JSON and any error body (HTML 502 pages, empty 500s, truncated JSON) become a
 * well-formed NeuroIO ErrorBody. The SDK acts as the gateway that got a bad answer, so a
 * 2xx with a broken body turns into a 502 naming the status it really had.
 */
async function normalize(response: Response): Promise<Response> {
  if (response.status === 204 || response.status === 202 || response.status === 304) {
    await response.body?.cancel();
    return response;
  }
  const text = await response.text();
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  const init = { status: response.status, statusText: response.statusText, headers };
  if (response.ok) {
    if (text === "" || parses(text)) return new Response(text === "" ? null : text, init);
    return errorResponse({ ...init, status: 502, statusText: "Bad Gateway" }, {
      error_codes: [],
      message: `NeuroIO answered HTTP ${response.status} with a body that is not valid JSON: ${excerpt(text)}`,
      fields: [],
    });
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
  // Headers of a fetched Response are immutable; the normalised ones are ours.
  try {
    response.headers.set(ATTEMPTS_HEADER, String(attempts));
    return response;
  } catch {
    const headers = new Headers(response.headers);
    headers.set(ATTEMPTS_HEADER, String(attempts));
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat);
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base·2^(n-1))]. */
function backoff(attempt: number, capMs: number): number {
  return Math.random() * Math.min(capMs, BACKOFF_BASE_MS * 2 ** (attempt - 1));
}

/** Retry-After in seconds or as an HTTP date, capped; undefined when absent or unreadable. */
export function retryAfter(header: string | null, capMs: number): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  if (Number.isNaN(ms)) return undefined;
  return Math.min(Math.max(ms, 0), capMs);
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
