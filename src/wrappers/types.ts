import type { components, operations } from "../generated/schema";

/**
 * Method argument types, derived from the generated operations so that every method's
 * input is exactly what the spec declares: path, query and body fields in one object,
 * under their wire names.
 */
type OperationId = keyof operations;
type Parameters<O extends OperationId> = operations[O]["parameters"];
type Defined<T> = [T] extends [never] ? {} : [T] extends [undefined] ? {} : NonNullable<T>;
type Content<O extends OperationId> = operations[O] extends { requestBody?: { content: infer C } } ? C : never;

/** Date filters (`date_from`, `date_to`) also take a Date; it goes out as ISO 8601. */
type WithDates<T> = { [K in keyof T]: K extends `date_${string}` ? T[K] | Date : T[K] };

export type PathOf<O extends OperationId> = Defined<Parameters<O>["path"]>;
export type QueryOf<O extends OperationId> = WithDates<WireQueryOf<O>>;
/** The query exactly as the spec types it (dates as strings): what openapi-fetch is given. */
export type WireQueryOf<O extends OperationId> = Defined<Parameters<O>["query"]>;
export type JsonOf<O extends OperationId> = Content<O> extends { "application/json": infer B } ? B : {};
export type FormOf<O extends OperationId> = Content<O> extends { "multipart/form-data": infer B } ? B : {};

export type Schemas = components["schemas"];
