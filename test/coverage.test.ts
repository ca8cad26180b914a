/**
 * Every operation of the bundled OpenAPI document is a client method that calls exactly
 * that operation: the method, the path (template filled) and the host (IAM or API, from
 * the path item's servers) the document declares. The list comes from the document; there
 * is no hand-kept list here.
 */
import { Client } from "../src/wrappers";
import { Http } from "../src/wrappers/http";
import { Session } from "../src/wrappers/session";
import {
  deref,
  example,
  jpegBytes,
  operations,
  successStatus,
  type Json,
  type RecordingServer,
  type SpecOperation,
  useRecordingServer,
} from "./helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

/** A minimal valid value for a schema. */
function sample(rawSchema: Json, name = ""): unknown {
  const schema = deref(rawSchema ?? {});
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum.find((v: unknown) => v !== null);
  for (const key of ["oneOf", "anyOf"] as const) {
    if (Array.isArray(schema[key])) {
      const option = schema[key].map((s: Json) => deref(s)).find((s: Json) => s.type !== "null");
      return sample(option, name);
    }
  }
  if (Array.isArray(schema.allOf)) {
    const merged = schema.allOf.map((s: Json) => deref(s)).reduce((a: Json, b: Json) => ({
      ...a,
      ...b,
      properties: { ...a.properties, ...b.properties },
      required: [...(a.required ?? []), ...(b.required ?? [])],
    }));
    return sample(merged, name);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      if (schema.format === "binary") return jpegBytes();
      if (schema.format === "uri") return "https://example.com/hook";
      if (schema.format === "date-time") return "2021-05-28T10:37:51+00:00";
      if (schema.format === "date") return "2021-05-28";
      if (schema.pattern === "^\\d{4}-(0[1-9]|1[0-2])$") return "2021-05";
      return `${name || "x"}-1`;
    case "integer":
    case "number":
      return Math.max(schema.minimum ?? 1, 1);
    case "boolean":
      return true;
    case "array":
      return [sample(schema.items, name)];
    case "object":
    default:
      return objectSample(schema);
  }
}

function objectSample(schema: Json): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key], key);
  return out;
}

// The SDK inputs of the overridden operations (src/wrappers/overrides.ts), which differ from the wire's.
const OVERRIDE_ARGS: Record<string, Record<string, unknown>> = {
  "auth.passwordChange": { old_password: "old-1", new_password: "new-1" },
};

/** Minimal arguments: required path and query parameters and required body fields, in one object. */
function minimalCall(op: SpecOperation): { args: Record<string, unknown>; path: string } {
  const args: Record<string, unknown> = { ...OVERRIDE_ARGS[op.operationId] };
  let path = op.path;
  for (const param of op.parameters) {
    if (param.in === "path") {
      const value = sample(param.schema, param.name);
      args[param.name] = value;
      path = path.replace(`{${param.name}}`, encodeURIComponent(String(value)));
    } else if (param.in === "query" && param.required) {
      args[param.name] = sample(param.schema, param.name);
    }
  }
  const content = op.operation.requestBody ? deref(op.operation.requestBody).content ?? {} : {};
  const media = content["application/json"] ?? content["multipart/form-data"] ?? Object.values<Json>(content)[0];
  if (media && !OVERRIDE_ARGS[op.operationId]) Object.assign(args, objectSample(deref(media.schema)));
  return { args, path };
}

/** Walks `client.<operationId>` and returns the method bound to its namespace, if there is one. */
function methodOf(root: object, operationId: string): ((...a: unknown[]) => Promise<Json>) | undefined {
  const parts = operationId.split(".");
  let owner: Json = root;
  for (const part of parts.slice(0, -1)) {
    owner = owner?.[part];
    if (owner === null || typeof owner !== "object") return undefined;
  }
  const fn = owner?.[parts[parts.length - 1]!];
  return typeof fn === "function" ? fn.bind(owner) : undefined;
}

test("the document has operations, each with a unique operationId", () => {
  expect(operations.length).toBeGreaterThan(0);
  const ids = operations.map((o) => o.operationId);
  expect(ids.every((id) => typeof id === "string" && id.length > 0)).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
});

describe.each(operations.map((op) => [op.operationId, op] as const))("client.%s", (operationId, op) => {
  test(`is a method that sends ${op.method} ${op.path} to the ${op.host.toUpperCase()} host in its encoding`, async () => {
    const method = methodOf(client, operationId);
    if (!method) throw new Error(`client.${operationId} is not a function: the document's operation ${op.method} ${op.path} has no client method`);

    const { args, path } = minimalCall(op);
    const result = await method(args);

    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect({ host: req.host, method: req.method, path: req.path }).toEqual({ host: op.host, method: op.method, path });
    expect(req.operationId).toBe(operationId);
    const content = op.requestBody?.content ?? {};
    const encoding = content["application/json"] ? "application/json" : Object.keys(content)[0];
    expect(req.contentType).toBe(encoding);

    const status = successStatus(operationId);
    expect(result.error).toBeUndefined();
    expect(result.response.status).toBe(status);
    expect(result.data).toEqual(example(operationId, status));
  });
});

test("every method under the client's namespaces is an operation of the document", () => {
  const ids = new Set(operations.map((o) => o.operationId));
  const found: string[] = [];
  const walk = (ns: object, prefix: string) => {
    let proto = Object.getPrototypeOf(ns);
    while (proto && proto !== Object.prototype) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        if (key === "constructor") continue;
        const descriptor = Object.getOwnPropertyDescriptor(proto, key)!;
        if (typeof descriptor.value === "function") found.push(`${prefix}${key}`);
      }
      proto = Object.getPrototypeOf(proto);
    }
    for (const [key, value] of Object.entries(ns)) {
      if (typeof value === "function") found.push(`${prefix}${key}`);
      else if (value && typeof value === "object" && !(value instanceof Http) && !(value instanceof Session)) walk(value, `${prefix}${key}.`);
    }
  };
  for (const [key, value] of Object.entries(client)) {
    if (value && typeof value === "object") walk(value, `${key}.`);
  }
  expect(found.length).toBeGreaterThan(0);
  expect(found.filter((id) => !ids.has(id))).toEqual([]);
  expect([...ids].filter((id) => !found.includes(id))).toEqual([]);
});
