import type { FetchResponse } from "openapi-fetch";
import type { operations } from "../generated/schema";
import { OPERATIONS } from "../generated/operations";
import { querySerializer, responseOf, type Http, type PendingRequest, type Reply, type RequestOptions } from "./http";
import { checkInput } from "./input";
import { loadMiddleware, loadOverrides, loadUploads } from "./on-demand";
import type { Override, OverrideInputs } from "./overrides";
import type { Session } from "./session";
import type { WithImages } from "./uploads";

/**
 * What src/generated/operations.ts holds for each operation (see scripts/operations.mjs),
 * and the types the generated namespaces are written in.
 */
export interface OperationSpec {
  /** The IAM host; absent: the API host, as for most operations. */
  host?: "iam";
  method: string;
  /** The path template, e.g. `/v1/sources/{id}/`. */
  path: string;
  /** How the body goes out; absent when the operation takes none (file fields: src/generated/uploads.ts). */
  body?: "json" | "multipart";
  /** The JSON type of every success body, when the document promises one: an empty or other body is a broken answer. */
  returns?: "object" | "array";
  /** Every input field by wire name. */
  input: Record<string, FieldSpec>;
}

export interface FieldSpec {
  /**
   * Where the field goes: "path" for a path parameter; any other field goes in the body
   * when the operation takes one, else in the query string (no operation takes both:
   * scripts/operations.mjs refuses a document where one does).
   */
  in?: "path";
  required?: boolean;
  /** A secret (the document's `format: password`: a password, a token's key): its value shows nowhere. */
  secret?: boolean;
  schema: SchemaSpec;
}

/** The constraint keywords of a JSON Schema that the input checker reads (scripts/operations.mjs emits no other). */
export interface SchemaSpec {
  type?: string | readonly string[];
  enum?: readonly unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  anyOf?: readonly SchemaSpec[];
  items?: SchemaSpec;
}

export type OperationId = keyof typeof OPERATIONS;

type Parameters<O extends OperationId> = operations[O]["parameters"];
type Defined<T> = [T] extends [never] ? {} : [T] extends [undefined] ? {} : NonNullable<T>;
type Content<O extends OperationId> = operations[O] extends { requestBody?: { content: infer C } } ? C : never;

/** Query fields named in `Dates` (the document's `date-time` filters) also take a Date. */
type WithDates<T, Dates extends string> = { [K in keyof T]: K extends Dates ? T[K] | Date : T[K] };

export type PathOf<O extends OperationId> = Defined<Parameters<O>["path"]>;
export type QueryOf<O extends OperationId, Dates extends string = never> = WithDates<Defined<Parameters<O>["query"]>, Dates>;
export type JsonOf<O extends OperationId> = Content<O> extends { "application/json": infer B } ? B : {};
export type FormOf<O extends OperationId> = Content<O> extends { "multipart/form-data": infer B } ? WithImages<B> : {};
/** The body as the SDK sends it: JSON where the document allows it, else multipart. */
export type BodyOf<O extends OperationId> = Content<O> extends { "application/json": unknown } ? JsonOf<O> : FormOf<O>;

/**
 * A method's input: path, query and body fields in one object, under their wire names,
 * exactly as the document declares them (or as src/wrappers/overrides.ts redefines them).
 */
export type InputOf<O extends OperationId, Dates extends string = never> = O extends keyof OverrideInputs
  ? OverrideInputs[O]
  : AbsentAsUndefined<PathOf<O> & QueryOf<O, Dates> & BodyOf<O>>;

/** An optional field also takes `undefined`, which counts as absent (as under exactOptionalPropertyTypes it must be said). */
type AbsentAsUndefined<T> = { [K in keyof T]: {} extends Pick<T, K> ? T[K] | undefined : T[K] };

/** openapi-fetch's typed result: `{ data, error, response }`, both bodies typed from the document. */
export type ResultOf<O extends OperationId> = FetchResponse<operations[O], {}, `${string}/${string}`>;

/** Sends one operation: what every generated method calls. */
export type Send = <O extends OperationId>(operation: O, input: unknown, options?: RequestOptions) => Promise<ResultOf<O>>;

/** An operation's input split into openapi-fetch's parts, after checking. */
export interface SplitInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Record<string, unknown> | undefined;
}

/**
 * Sorts a checked input into path, query and body by the operation's fields. Dates in the
 * query go out as ISO 8601.
 */
export function split(spec: OperationSpec, input: Record<string, unknown> | undefined): SplitInput {
  const parts: SplitInput = { path: {}, query: {}, body: spec.body ? {} : undefined };
  for (const [name, value] of Object.entries(input ?? {})) {
    if (value === undefined) continue;
    if (spec.input[name]!.in === "path") parts.path[name] = value;
    else if (parts.body) parts.body[name] = value;
    else parts.query[name] = value instanceof Date ? value.toISOString() : value;
  }
  return parts;
}

/**
 * The `send` behind every generated method: the override where src/wrappers/overrides.ts
 * has one, else check the input against the document's constraints, split it, encode the
 * body and send it to the operation's host. Bad input rejects with InputError and nothing
 * is sent. Without middleware the request is built here from the operation's data (what
 * openapi-fetch would build, byte for byte, without its generic per-call work); with
 * middleware, openapi-fetch builds it and runs the middleware (middleware.ts).
 */
export function createSend(http: Http, session: Session, maxUploadBytes: number): Send {
  const sendWire = async (operation: OperationId, input: unknown, options?: RequestOptions) => {
    const spec: OperationSpec = OPERATIONS[operation];
    checkInput(operation, spec, input);
    const { path, query, body } = split(spec, input as Record<string, unknown> | undefined);
    const encoded = body && spec.body === "multipart" ? (await loadUploads()).toFormData(operation, body, maxUploadBytes) : body;
    const secrets = secretsOf(spec, input as Record<string, unknown> | undefined);
    if (http.middleware.length > 0) return (await loadMiddleware()).viaMiddleware(http, operation, spec, { path, query, body: encoded }, options, secrets) as never;
    return new Result(await http.send(operation, request(spec, http.hosts[spec.host ?? "api"], path, query, encoded), options, secrets)) as never;
  };
  return ((operation: OperationId, input: unknown, options?: RequestOptions) => {
    if (!Object.hasOwn(OVERRIDDEN, operation)) return sendWire(operation, input, options);
    return loadOverrides().then(({ overrides }) => {
      const override = overrides[operation as keyof OverrideInputs] as Override<never>;
      return override(input as never, (wire) => sendWire(operation, wire, options), session);
    });
  }) as Send;
}

// The operations of overrides.ts, which loads on the first call of one (the type makes this list whole).
const OVERRIDDEN: Record<keyof OverrideInputs, true> = { "auth.passwordChange": true };

const NONE: readonly string[] = [];

/** A secret field (`format: password`: a password, a token's key in a path): its value may show nowhere. */
export function isSecret(field: FieldSpec | undefined): boolean {
  return field?.secret === true;
}

/**
 * The values of the input's secret fields (login, password change, a token by its key): a
 * server may echo them, a path's as the URL spelled them too.
 */
function secretsOf(spec: OperationSpec, input: Record<string, unknown> | undefined): readonly string[] {
  let found: string[] | undefined;
  for (const name in input) {
    const value = input[name];
    const field = spec.input[name];
    if (typeof value !== "string" || !value || !isSecret(field)) continue;
    (found ??= []).push(value);
    if (field!.in === "path" && encodeURIComponent(value) !== value) found.push(encodeURIComponent(value));
  }
  return found ?? NONE;
}

/**
 * What a method returns, openapi-fetch's `{ data, error, response }`: `data` or `error`
 * is the parsed body; `response` a getter that makes the Response on first read (most
 * callers never read it, and a Response with its body stream costs more than the rest of a
 * call). A class, so that every result shares one shape and one getter: an object literal
 * with a getter makes a closure and a hidden class per call, which V8 then keeps in its
 * old generation (bench/README.md).
 */
export class Result {
  declare readonly data?: unknown;
  declare readonly error?: unknown;
  readonly #reply: Reply;
  #response: Response | undefined;

  constructor(reply: Reply) {
    if (reply.status >= 200 && reply.status < 300) (this as { data?: unknown }).data = reply.data;
    else (this as { error?: unknown }).error = reply.data;
    this.#reply = reply;
  }

  get response(): Response {
    return (this.#response ??= responseOf(this.#reply));
  }
}

// `/v1/sources/{id}/` → `["/v1/sources/", "id", "/"]`
const templates = new Map<string, string[]>();

// The request openapi-fetch would make (URL, headers, body), unassembled.
function request(spec: OperationSpec, base: string, path: Record<string, unknown>, query: Record<string, unknown>, body: FormData | Record<string, unknown> | undefined): PendingRequest {
  let pieces = templates.get(spec.path);
  if (!pieces) templates.set(spec.path, (pieces = spec.path.split(/\{([^{}]+)\}/)));
  let url = base + pieces[0];
  for (let i = 1; i < pieces.length; i += 2) url += encodeURIComponent(path[pieces[i]!] as string) + pieces[i + 1];
  const search = querySerializer(query);
  // Parses: the base URLs were checked when the client was made, and every piece added is percent-encoded.
  if (search) url += `?${search}`;
  // By the operation's encoding, not `instanceof FormData`: the global's first use loads Node's fetch.
  if (body === undefined || spec.body === "multipart") return { url, method: spec.method, headers: {}, body: (body as FormData | undefined) ?? null };
  return { url, method: spec.method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}
