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

/** The call took longer than its time limit; the connection has been released. */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
  constructor(
    readonly operation: string,
    readonly timeoutMs: number,
  ) {
    super(`${operation} timed out after ${timeoutMs} ms`);
  }
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

function dataOrThrow({ data, error, response }: AnyResult): unknown {
  if (error === undefined && response.ok) return data;
  throw new NeuroIOError(response.status, error as ErrorBody);
}
