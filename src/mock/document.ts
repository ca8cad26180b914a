/**
 * The bundled OpenAPI document as the stand-in reads it: which host serves each path, the
 * defaults the document declares, and a fresh copy for openapi-backend (which dereferences
 * the document it is given in place).
 */
import bundled from "../generated/openapi.json";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

export type Host = "iam" | "api";

export const document: Json = bundled;

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

/** Follows local `$ref`s (`#/components/...`) to the object they name. */
export function deref(node: Json): Json {
  let current = node;
  for (let hops = 0; current && typeof current === "object" && typeof current.$ref === "string"; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    current = (current.$ref as string)
      .replace(/^#\//, "")
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((obj: Json, key) => obj?.[key], document);
  }
  return current;
}

/** The host a path item is served from (its `servers[0].url`), e.g. `iam` for `https://iam.neuroio.com`. */
export function hostOf(pathItem: Json): Host {
  const url: string = (pathItem.servers ?? document.servers)[0].url;
  const name = new URL(url).hostname.split(".")[0];
  if (name !== "iam" && name !== "api") throw new Error(`unknown NeuroIO host ${url}`);
  return name;
}

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

/** An operation of the document by operationId, with its path-level `$ref` followed. */
export function operationById(operationId: string): Json {
  for (const item of Object.values<Json>(document.paths)) {
    const pathItem = deref(item);
    for (const method of HTTP_METHODS) if (pathItem[method]?.operationId === operationId) return pathItem[method];
  }
  throw new Error(`no operation ${operationId} in the document`);
}

/** The value of the first example of an operation's answer with this status (JSON). */
export function exampleAnswer(operationId: string, status = "200"): unknown {
  const content = deref(deref(operationById(operationId).responses[status]).content["application/json"]);
  const example = content.example ?? deref(Object.values<Json>(content.examples ?? {})[0])?.value;
  if (example === undefined) throw new Error(`${operationId} has no example answer for ${status}`);
  return structuredClone(example);
}

/** The API version the document describes (`info.version`). */
export const API_VERSION: string = document.info.version;
