/**
 * What every namespace handler shares: the request context, replies, NeuroIO's error
 * bodies, and limit/offset paging with the document's envelope.
 */
import type { components, operations } from "../../generated/schema";
import { deref, document, schemaDefaults } from "../document";
import { faceOf, ImageError, type Face } from "../faces";
import type { Caller, Store, Upload } from "../state";

type S = components["schemas"];
export type OperationId = keyof operations;
type Params<O extends OperationId> = operations[O]["parameters"];
type Content<O extends OperationId> = operations[O] extends { requestBody?: { content: infer C } } ? C : never;

export type Query<O extends OperationId> = NonNullable<Params<O>["query"]>;
export type PathParams<O extends OperationId> = NonNullable<Params<O>["path"]>;
/** The request body as validated: JSON, form fields, or the text parts of a multipart upload. */
export type Body<O extends OperationId> = Content<O>[keyof Content<O>];

export interface Ctx<O extends OperationId = OperationId> {
  store: Store;
  /** The token's caller; undefined only for operations without security (login). */
  caller: Caller | undefined;
  params: PathParams<O>;
  query: Query<O>;
  body: Body<O>;
  /** The file parts of a multipart upload, by field name. */
  files: Record<string, Upload>;
  /** The absolute URL of this request, as the client addressed it (for `next`/`previous`). */
  url: URL;
}

export interface Reply<Body = unknown> {
  status: number;
  /** Sent as JSON; left out for bodiless answers (202, 204). */
  body?: Body;
  /** Extra response headers, e.g. `x-neuroio-mock: example` on an answer taken from the document. */
  headers?: Record<string, string>;
}

type Responses<O extends OperationId> = operations[O]["responses"];
/**
 * The JSON bodies the document allows an operation's 2xx answers: a handler's reply is
 * checked against them by the compiler, so an edit of a response schema shows in every
 * handler that still builds the old shape.
 */
export type SuccessBody<O extends OperationId> = {
  [S in keyof Responses<O>]: S extends 200 | 201 | 202 | 204 ? (Responses<O>[S] extends { content: { "application/json": infer B } } ? B : never) : never;
}[keyof Responses<O>];

export type Handler<O extends OperationId> = (ctx: Ctx<O>) => Reply<SuccessBody<O>> | Promise<Reply<SuccessBody<O>>>;
export type Handlers<K extends OperationId> = { [O in K]: Handler<O> };

/** An error answer; thrown by handlers, sent as NeuroIO's ErrorBody. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: S["ErrorBody"],
  ) {
    super(body.message);
  }
}

export const VALIDATION_ERROR = "Validation error.";

/** 400 naming one or more fields. */
export function invalid(...fields: Array<[name: string, message: string]>): HttpError {
  return new HttpError(400, {
    error_codes: [400],
    message: VALIDATION_ERROR,
    fields: fields.map(([name, message]) => ({ name, message, error_code: 400 })),
  });
}

/** An error without field errors, e.g. 404 Not found. */
export function failure(status: number, message: string, code = status): HttpError {
  return new HttpError(status, { error_codes: [code], message, fields: [] });
}

export const notFound = () => failure(404, "Not found.");
export const invalidToken = () => failure(401, "Invalid token.");
export const forbidden = () => failure(403, "You do not have permission to perform this action.");

/** The caller of a secured operation. */
export function me(ctx: Ctx<OperationId>): Caller {
  if (!ctx.caller) throw invalidToken();
  return ctx.caller;
}

/** The space the caller acts in (account tokens: default; space tokens: theirs). */
export function actingSpace(ctx: Ctx<OperationId>) {
  const space = me(ctx).space;
  if (!space) throw forbidden();
  return space;
}

export const ok = <Body>(body: Body, status = 200): Reply<Body> => ({ status, body });
export const created = <Body>(body: Body): Reply<Body> => ({ status: 201, body });
export const noContent = (): Reply<never> => ({ status: 204 });

export interface Window {
  limit?: number;
  offset?: number;
}

/** The `{count, next, previous, results}` envelope of one page of `items`. */
export function page<T>(ctx: Ctx<OperationId>, items: readonly T[], window: Window) {
  const limit = window.limit ?? 20;
  const offset = window.offset ?? 0;
  const link = (at: number) => {
    const url = new URL(ctx.url);
    url.searchParams.set("limit", String(limit));
    url.searchParams.set("offset", String(at));
    return url.toString();
  };
  return {
    count: items.length,
    next: offset + limit < items.length ? link(offset + limit) : null,
    previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
    results: items.slice(offset, offset + limit),
  };
}

/** One `limit`/`offset` slice of a list answered as a bare array (tokens, stream tokens). */
export function slice<T>(items: readonly T[], window: Window): T[] {
  const offset = window.offset ?? 0;
  return items.slice(offset, offset + (window.limit ?? 20));
}

/** Case-insensitive substring match of `q`; an empty or missing `q` matches everything. */
export function matchesQ(name: string, q: string | undefined): boolean {
  return !q || name.toLowerCase().includes(q.toLowerCase());
}

/** The spaces a list covers: the visible ones, narrowed by `spaces_ids` when given. */
export function listedSpaces(ctx: Ctx<OperationId>, spacesIds: number[] | undefined): Set<number> {
  const visible = me(ctx).visible;
  return spacesIds?.length ? new Set(spacesIds.filter((id) => visible.has(id))) : visible;
}

/** An uploaded file part, or 400 naming the field. */
export function upload(ctx: Ctx<OperationId>, field: string): Upload {
  const file = ctx.files[field];
  if (!file) throw invalid([field, "No file was submitted."]);
  if (file.bytes.length === 0) throw invalid([field, "The submitted file is empty."]);
  return file;
}

/** An uploaded photo and its face, or 400 naming the field (no file, not an image, no face). */
export function uploadedFace(ctx: Ctx<OperationId>, field: string): { file: Upload; face: Face } {
  const file = upload(ctx, field);
  try {
    return { file, face: faceOf(file.bytes) };
  } catch (error) {
    if (error instanceof ImageError) throw invalid([field, error.message]);
    throw error;
  }
}

type Level = "exact" | "ha" | "junk";
/** The levels a request may ask for (the document's MatchLevel: the names of a space's thresholds). */
const LEVELS: readonly string[] = deref(document.components.schemas.MatchLevel).enum;
const DEFAULT_LEVEL = schemaDefaults("CompareParams").result as Level;

/** A requested match level (one of the threshold names; the document's default when left out), or 400 naming `result`. */
export function requestedLevel(value: string | undefined): Level {
  const wanted = value ?? DEFAULT_LEVEL;
  if (!LEVELS.includes(wanted)) throw invalid(["result", `"${wanted}" is not a valid choice.`]);
  return wanted as Level;
}
