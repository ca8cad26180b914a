/**
 * The one reader of a bundled OpenAPI document (internal `$ref`s only), shared by the
 * generator (scripts/), the stand-in (src/mock/) and the tests: `$ref` resolution and the
 * list of operations with their host, method, path, parameters and request body.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Json = any;

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

/** The two NeuroIO hosts, named by the first label of a path item's server URL. */
export type Host = "iam" | "api";

export interface DocumentOperation {
  operationId: string;
  /** Upper case, as on the wire. */
  method: string;
  /** The path template, e.g. `/v1/sources/{id}/`. */
  path: string;
  host: Host;
  serverUrl: string;
  pathItem: Json;
  operation: Json;
  /** Path-item and operation parameters, dereferenced (operation ones win). */
  parameters: Json[];
  /** The request body, dereferenced; undefined when the operation takes none. */
  requestBody: Json | undefined;
}

export class DocumentReader {
  #operations: DocumentOperation[] | undefined;

  constructor(readonly document: Json) {}

  /** Follows local `$ref`s (`#/components/...`) to the object they name. */
  deref<T = Json>(node: Json): T {
    let current = node;
    const seen = new Set<string>();
    while (current && typeof current === "object" && typeof current.$ref === "string") {
      const ref: string = current.$ref;
      if (!ref.startsWith("#/") || seen.has(ref)) throw new Error(`cannot follow $ref ${ref}`);
      seen.add(ref);
      current = ref
        .slice(2)
        .split("/")
        .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce((obj: Json, key) => obj?.[key], this.document);
      if (current === undefined) throw new Error(`dangling $ref ${ref}`);
    }
    return current as T;
  }

  /** The host a path item is served from (its `servers[0].url`): `iam` for `https://iam.neuroio.com`. */
  hostOf(pathItem: Json): Host {
    const url: string = (pathItem.servers ?? this.document.servers)[0].url;
    const name = new URL(url).hostname.split(".")[0];
    if (name !== "iam" && name !== "api") throw new Error(`unknown NeuroIO host ${url}`);
    return name;
  }

  /** Every operation, in document order. */
  get operations(): DocumentOperation[] {
    this.#operations ??= Object.entries<Json>(this.document.paths).flatMap(([path, rawItem]) => {
      const pathItem = this.deref(rawItem);
      return HTTP_METHODS.filter((method) => pathItem[method]).map((method) => {
        const operation = pathItem[method];
        // The host is a path's (the stand-in serves each host's paths): one operation cannot move.
        if (operation.servers) throw new Error(`${operation.operationId}: servers on an operation; a NeuroIO host is per path, so give the path item its servers`);
        const byKey = new Map<string, Json>();
        for (const p of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
          const param = this.deref(p);
          byKey.set(`${param.in}:${param.name}`, param);
        }
        return {
          operationId: operation.operationId,
          method: method.toUpperCase(),
          path,
          host: this.hostOf(pathItem),
          serverUrl: (pathItem.servers ?? this.document.servers)[0].url,
          pathItem,
          operation,
          parameters: [...byKey.values()],
          requestBody: operation.requestBody ? this.deref(operation.requestBody) : undefined,
        };
      });
    });
    return this.#operations;
  }

  operation(operationId: string): DocumentOperation {
    const found = this.operations.find((o) => o.operationId === operationId);
    if (!found) throw new Error(`no operation ${operationId} in the document`);
    return found;
  }

  /** The lowest declared 2xx status of an operation. */
  successStatus(operationId: string): number {
    const codes = Object.keys(this.operation(operationId).operation.responses)
      .filter((code) => /^2\d\d$/.test(code))
      .map(Number)
      .sort((a, b) => a - b);
    if (codes.length === 0) throw new Error(`${operationId} declares no 2xx response`);
    return codes[0]!;
  }

  /**
   * The first example of an operation's response (default: the lowest 2xx), or undefined
   * when that response has no body.
   */
  responseExample(operationId: string, status: number = this.successStatus(operationId)): Json {
    const response = this.deref(this.operation(operationId).operation.responses[String(status)]);
    if (!response) throw new Error(`${operationId} declares no ${status} response`);
    const content = response.content as Record<string, Json> | undefined;
    if (!content || Object.keys(content).length === 0) return undefined;
    return this.mediaExample(content["application/json"] ?? Object.values(content)[0], `${operationId} ${status}`);
  }

  /** The first request body example of an operation, or undefined when it has no body. */
  requestExample(operationId: string): Json {
    const content = this.operation(operationId).requestBody?.content as Record<string, Json> | undefined;
    if (!content) return undefined;
    const media = content["application/json"] ?? content["multipart/form-data"] ?? Object.values(content)[0];
    return this.mediaExample(media, `${operationId} request`, false);
  }

  private mediaExample(media: Json, what: string, required = true): Json {
    if (media.example !== undefined) return structuredClone(media.example);
    const first = media.examples ? Object.values<Json>(media.examples)[0] : undefined;
    if (first !== undefined) return structuredClone(this.deref(first).value);
    const schema = this.deref(media.schema ?? {});
    if (Array.isArray(schema.examples) && schema.examples.length > 0) return structuredClone(schema.examples[0]);
    if (required) throw new Error(`${what} has no example`);
    return undefined;
  }
}
