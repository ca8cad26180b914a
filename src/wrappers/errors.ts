import type { components } from "../generated/schema";

/** NeuroIO's one error body: application codes, a message and per-field errors. */
export type ErrorBody = components["schemas"]["ErrorBody"];
export type ErrorField = components["schemas"]["ErrorField"];

/** An error answer from NeuroIO (any non-2xx status), with the body's fields lifted up. */
export class NeuroIOError extends Error {
  override name = "NeuroIOError";
  readonly status: number;
  readonly error_codes: number[];
  readonly fields: ErrorField[];

  constructor(status: number, body: ErrorBody) {
    super(body.message || `NeuroIO answered HTTP ${status}`);
    this.status = status;
    this.error_codes = body.error_codes;
    this.fields = body.fields;
  }

  toJSON() {
    return { name: this.name, status: this.status, error_codes: this.error_codes, message: this.message, fields: this.fields };
  }
}

/**
 * Bad input, refused before anything was sent. `field` is the wire name of the culprit
 * (`pids[3]` inside a list), `operation` the operationId of the call it was given to.
 */
export class InputError extends TypeError {
  override name = "InputError";
  constructor(
    readonly field: string,
    readonly problem: string,
    readonly operation?: string,
  ) {
    super(`${operation ? `${operation}: ` : ""}${field}: ${problem}`);
  }
}

/** The request never got an answer: DNS, refused or reset connection, aborted body. */
export class ConnectionError extends Error {
  override name = "ConnectionError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The call took longer than its time limit: one attempt its `timeoutMs`, or the whole call
 * (attempts, waits between retries, re-login) its `deadlineMs`. The connection has been
 * released. `timeoutMs` is the limit that ran out; `limit` says which one it was.
 */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
  constructor(
    readonly operation: string,
    readonly timeoutMs: number,
    readonly limit: "timeoutMs" | "deadlineMs" = "timeoutMs",
  ) {
    super(limit === "timeoutMs" ? `${operation} timed out after ${timeoutMs} ms` : `${operation} ran past its deadline of ${timeoutMs} ms (deadlineMs)`);
  }
}

/**
 * The answer's body was larger than `maxResponseBytes` (counted decoded, as it arrives);
 * reading stopped there and the connection has been released. Never retried.
 */
export class ResponseTooLargeError extends Error {
  override name = "ResponseTooLargeError";
  constructor(
    readonly operation: string,
    readonly maxResponseBytes: number,
  ) {
    super(`${operation}: the answer is larger than maxResponseBytes (${maxResponseBytes} bytes); reading stopped`);
  }
}

/**
 * Why a caller's signal stopped the call: its `reason`, or an AbortError where a polyfilled
 * AbortSignal has none (a call must never reject with undefined). An Error named so, not a
 * DOMException: runtimes that need the polyfill (React Native) may have no DOMException.
 */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? Object.assign(new Error("The operation was aborted"), { name: "AbortError" });
}

// ---------------------------------------------------------------------------------------
// Secrets: nothing the SDK produces (messages, excerpts, causes, stacks) may carry them.
// ---------------------------------------------------------------------------------------

/** What stands where a secret was. */
export const REDACTED = "[redacted]";

/**
 * `text` with every secret replaced, as written and in any spelling JSON has for it (a
 * server may echo a request inside a JSON string, escaping any character: `\u00e4` as
 * Python writes non-ASCII, `\/`, `\u0074`). Run it before cutting any excerpt, so that no
 * part of a secret survives the cut.
 */
export function redact(text: string, secrets: readonly string[]): string {
  for (const secret of secrets) {
    if (!secret) continue;
    if (text.includes(secret)) text = text.split(secret).join(REDACTED);
    // An escaped spelling has a backslash: without one in the text there is none to find
    // (the common case: header values, reason phrases, messages).
    if (text.includes("\\")) text = text.replace(jsonSpellings(secret), REDACTED);
  }
  return text;
}

/**
 * Matches `secret` however JSON may spell each of its UTF-16 units: as itself, escaped
 * (`\/`, `\"`) or as `\u00e4` (hex in either case; the `i` flag also matches the
 * secret's letters in the other case, which only redacts more).
 */
function jsonSpellings(secret: string): RegExp {
  const unit = (c: string) => `(?:\\\\?${c.replace(/\W/, "\\$&")}|\\\\u${c.charCodeAt(0).toString(16).padStart(4, "0")})`;
  return new RegExp(secret.split("").map(unit).join(""), "gi");
}

/**
 * A copy of `value` with the secrets redacted from every string value in it, at any depth:
 * a parsed body whose JSON spelled a secret with escapes (`\u0026`, `\/`) that the raw text
 * did not show. Keys are left as they are: redact the text before parsing it, as normalize
 * does, for a secret echoed as a key. Plain data only (parsed JSON).
 */
export function redactValue<T>(value: T, secrets: readonly string[], depth = 0): T {
  if (typeof value === "string") return redact(value, secrets) as T;
  if (typeof value !== "object" || value === null || depth > 32) return value;
  const clean = (item: unknown) => redactValue(item, secrets, depth + 1);
  return (Array.isArray(value) ? value.map(clean) : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clean(item)]))) as T;
}

/**
 * Redacts the secrets from `error` in place, at any depth: its message and stack, every
 * other own property (a fetch's error may keep the request's `input` or `data`), its
 * causes and an AggregateError's errors. The error is the SDK's to throw, and keeps its class.
 */
export function scrub<T>(error: T, secrets: readonly string[]): T {
  if (secrets.some(Boolean)) scrubObject(error, secrets, new Set(), 0);
  return error;
}

function scrubObject(target: unknown, secrets: readonly string[], seen: Set<object>, depth: number): void {
  if (!isData(target) || seen.has(target) || depth > 8) return;
  seen.add(target);
  // Own properties, non-enumerable ones too (`message`, `stack`, `cause`); and `errors` of an AggregateError.
  for (const key of Reflect.ownKeys(target)) {
    let value: unknown;
    try {
      value = (target as Record<PropertyKey, unknown>)[key];
    } catch {
      continue; // a throwing getter: nothing the SDK can read or write
    }
    if (typeof value === "string") {
      const clean = redact(value, secrets);
      if (clean !== value) replace(target, key, clean);
    } else if (isData(value)) scrubObject(value, secrets, seen, depth + 1);
    // Anything else (a Request, Headers, a Blob, a socket) may hold a secret the SDK cannot
    // read: named, not kept.
    else if (typeof value === "object" && value !== null) replace(target, key, Object.prototype.toString.call(value));
  }
}

// Errors, plain objects and arrays: what an error's fields hold, which can be redacted.
function isData(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return value instanceof Error || Array.isArray(value) || proto === Object.prototype || proto === null;
}

function replace(target: object, key: PropertyKey, value: unknown): void {
  try {
    (target as Record<PropertyKey, unknown>)[key] = value;
    if ((target as Record<PropertyKey, unknown>)[key] === value) return;
  } catch {
    // read-only: define it anew below
  }
  try {
    Object.defineProperty(target, key, { value });
  } catch {
    // A frozen object cannot be changed; none of the SDK's or its transports' errors are.
  }
}

/**
 * Refuses a token that is not a plain header value (visible ASCII): a CR, LF or NUL in it
 * would make the request fail with an error quoting the token. The message never does.
 */
export function checkToken(field: string, token: unknown): void {
  if (!isHeaderSafe(token)) {
    throw new InputError(field, "must be a non-empty string of visible ASCII characters (no spaces or control characters such as CR, LF, NUL)");
  }
}

/** True for a non-empty string of visible ASCII: safe in `Authorization: Token <token>`. */
export function isHeaderSafe(token: unknown): token is string {
  return typeof token === "string" && /^[\x21-\x7e]+$/.test(token);
}

/** Any openapi-fetch result: `{ data, error, response }`. */
export interface AnyResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The success data type of an openapi-fetch result. */
export type DataOf<R> = R extends { data: infer D } ? D : never;

/**
 * The data of a successful result, or a thrown NeuroIOError, for callers who prefer
 * exceptions to checking `error`. Takes the result or its promise.
 */
export function unwrap<R extends AnyResult>(result: Promise<R>): Promise<DataOf<R>>;
export function unwrap<R extends AnyResult>(result: R): DataOf<R>;
export function unwrap(result: AnyResult | Promise<AnyResult>): unknown {
  return result instanceof Promise ? result.then(dataOrThrow) : dataOrThrow(result);
}

// `error` is set exactly when the status is not 2xx; `response` is only read for a failure
// (the SDK makes a result's Response when it is first read).
function dataOrThrow(result: AnyResult): unknown {
  if (result.error === undefined) return result.data;
  throw new NeuroIOError(result.response.status, result.error as ErrorBody);
}
