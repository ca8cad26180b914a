/**
 * The ranges of the client's numeric and URL options, and their checks: one place, used
 * by the Client constructor (client options) and by every call (per-call options). A bad
 * value is an InputError naming the option, before anything is sent.
 */
import { InputError } from "./errors";
import { describeValue } from "./input";

/** Largest delay a timer takes (2^31 − 1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

// Named once: an object that reads `Number.MAX_SAFE_INTEGER` is kept by bundlers even where unused.
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Default upload limit: the official JS SDK's guard, 6 MiB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 6 * 1024 * 1024;

/** [min, max] of each numeric option (integers). The README's option table repeats these. */
export const LIMITS = {
  timeoutMs: [1, MAX_TIMER_MS],
  deadlineMs: [1, MAX_TIMER_MS],
  maxRetries: [0, 10],
  maxRetryDelayMs: [0, MAX_TIMER_MS],
  maxUploadBytes: [1, MAX_SAFE],
  // A body is decoded into one string; V8's longest is just under 2^29 characters.
  maxResponseBytes: [1, 256 * 1024 * 1024],
} as const satisfies Record<string, readonly [number, number]>;

/**
 * [min, max] of the numeric options of `listen()` (neuroio/events) and `paginate()`: apart
 * from LIMITS, so that a bundle of the client alone leaves them out.
 */
export const ITERATOR_LIMITS = {
  maxBufferedEvents: [1, MAX_TIMER_MS],
  maxBufferedBytes: [1, MAX_SAFE],
  pageSize: [1, MAX_SAFE],
} as const satisfies Record<string, readonly [number, number]>;

export type NumericOption = keyof typeof LIMITS;

/**
 * `value` when it is an integer within the option's range, else an InputError: a client or
 * call option's (LIMITS), or one of `listen()` or `paginate()` (ITERATOR_LIMITS).
 */
export function checkNumber<Limits extends Record<string, readonly [number, number]> = typeof LIMITS>(
  name: keyof Limits & string,
  value: unknown,
  limits: Limits = LIMITS as unknown as Limits,
): number {
  const [min, max] = limits[name]!;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(name, `must be an integer from ${min} to ${max}, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * Checks the numeric options (those of LIMITS) present in `options` (undefined means "the
 * default"), after checkNames has refused any name that is not an option there.
 */
export function checkNumbers(options: object): void {
  for (const name of Object.keys(LIMITS) as NumericOption[]) {
    const value = (options as Record<string, unknown>)[name];
    if (value !== undefined) checkNumber(name, value);
  }
}

/**
 * `value` when it is an absolute URL with one of `protocols`, else an InputError (which
 * does not quote a string given). An http(s) URL is a host that operation paths are appended
 * to: no query or fragment (they would take the paths in) and no `user:password@` (fetch
 * refuses it; the token authenticates).
 */
export function checkUrl(name: string, value: unknown, protocols: readonly string[]): string {
  const url = typeof value === "string" && URL.canParse(value) ? new URL(value) : undefined;
  const hostBase = protocols.includes("http:"); // an IAM or API host, which operation paths are appended to
  if (!url || !protocols.includes(url.protocol) || (hostBase && (url.username || url.password || /[?#]/.test(url.href)))) {
    const kind = `an absolute ${protocols.map((p) => p.slice(0, -1)).join(" or ")} URL${hostBase ? " without user:password@, query or fragment" : ""}`;
    // A string is not quoted: a token may ride in its userinfo, query or fragment.
    throw new InputError(name, `must be ${kind}${typeof value === "string" ? "" : `, got ${describeValue(value)}`}`);
  }
  return value as string;
}

/** Checks that `value` is undefined or of the JavaScript type `type`. */
export function checkType(name: string, value: unknown, type: "function" | "object"): void {
  if (value !== undefined && (typeof value !== type || value === null)) throw new InputError(name, `must be a ${type}, got ${describeValue(value)}`);
}

/** Checks that `value` is undefined or an AbortSignal (anything with its `aborted` and listener methods, from any realm). */
export function checkSignal(name: string, value: unknown): void {
  const signal = value as Partial<AbortSignal> | null | undefined;
  if (value !== undefined && (typeof signal?.aborted !== "boolean" || typeof signal.addEventListener !== "function" || typeof signal.removeEventListener !== "function")) {
    throw new InputError(name, `must be an AbortSignal, got ${describeValue(value)}`);
  }
}

/**
 * Checks that `middleware`, when given, is an array. Its items are checked when the
 * middleware path loads, on the client's first call, before anything is sent (middleware.ts):
 * the code stays out of bundles that never use middleware.
 */
export function checkMiddleware(middleware: unknown): void {
  if (middleware !== undefined && !Array.isArray(middleware)) throw new InputError("middleware", "must be an array of openapi-fetch middleware");
}
