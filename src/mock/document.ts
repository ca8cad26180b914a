/**
 * The bundled OpenAPI document as the stand-in reads it: which host serves each path, the
 * defaults the document declares, and a fresh copy for openapi-backend (which dereferences
 * the document it is given in place).
 */
import bundled from "../generated/openapi.json";

import { DocumentReader, type Host, type Json } from "../document";

export type { Host };

export const document: Json = bundled;

/** The one document reader (src/document.ts), shared with the generator and the tests. */
export const reader = new DocumentReader(document);
export const deref = (node: Json): Json => reader.deref(node);
export const hostOf = (pathItem: Json): Host => reader.hostOf(pathItem);

/** A copy of the document with only the paths one host serves (openapi-backend mutates it). */
export function documentFor(host: Host): Json {
  const copy = structuredClone(document);
  copy.paths = Object.fromEntries(Object.entries<Json>(copy.paths).filter(([, item]) => hostOf(deref(item)) === host));
  return copy;
}

/** The `default:` of every property of a component schema that declares one. */
export function schemaDefaults(schemaName: string): Record<string, unknown> {
  const schema = deref(document.components.schemas[schemaName]);
  const defaults: Record<string, unknown> = {};
  for (const [name, property] of Object.entries<Json>(schema.properties ?? {})) {
    if ("default" in property) defaults[name] = structuredClone(property.default);
  }
  return defaults;
}

/** The value of the first example of an operation's answer with this status (JSON). */
export function exampleAnswer(operationId: string, status = "200"): unknown {
  return reader.responseExample(operationId, Number(status));
}

/** The API version the document describes (`info.version`). */
export const API_VERSION: string = document.info.version;
