// Tests for the OpenAPI document itself (openapi/), bundled in memory so they never read a
// stale src/generated/openapi.json.
//
// The operation table below is hand-kept on purpose: it is reference §6 (the 66 HTTP
// operations), the outside fact the document is checked against. Everything else is read
// from the document.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { HTTP_METHODS } from "../src/document";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const root = path.resolve(__dirname, "..");
const IAM = "https://iam.neuroio.com";
const API = "https://api.neuroio.com";
type Host = typeof IAM | typeof API;
type Method = "GET" | "POST" | "PATCH" | "DELETE";

// Reference §6: method, exact path (trailing slash), host, operationId. All updates are PATCH.
const OPERATIONS: ReadonlyArray<readonly [Method, string, Host, string]> = [
  // §6.1 IAM (23)
  ["POST", "/v1/auth/token/", IAM, "auth.login"],
  ["POST", "/v1/auth/password/change/", IAM, "auth.passwordChange"],
  ["GET", "/v1/whoami/", IAM, "whoami.me"],
  ["POST", "/v1/tokens/", IAM, "tokens.create"],
  ["GET", "/v1/tokens/", IAM, "tokens.list"],
  ["GET", "/v1/tokens/{token_id_or_key}/", IAM, "tokens.get"],
  ["PATCH", "/v1/tokens/{token_id_or_key}/", IAM, "tokens.update"],
  ["DELETE", "/v1/tokens/{token_id_or_key}/", IAM, "tokens.delete"],
  ["DELETE", "/v1/tokens/", IAM, "tokens.deleteList"],
  ["POST", "/v1/spaces/", IAM, "spaces.create"],
  ["GET", "/v1/spaces/", IAM, "spaces.list"],
  ["GET", "/v1/spaces/{id}/", IAM, "spaces.get"],
  ["PATCH", "/v1/spaces/{id}/", IAM, "spaces.update"],
  ["DELETE", "/v1/spaces/{id}/", IAM, "spaces.delete"],
  ["POST", "/v1/spaces/{id}/tokens/", IAM, "spaces.token"],
  ["GET", "/v1/lists/spaces/", IAM, "lists.spaces.all"],
  ["POST", "/v1/licenses/sources/", IAM, "licenses.sources.create"],
  ["GET", "/v1/licenses/sources/", IAM, "licenses.sources.list"],
  ["GET", "/v1/licenses/sources/{id}/", IAM, "licenses.sources.get"],
  ["PATCH", "/v1/licenses/sources/{id}/", IAM, "licenses.sources.update"],
  ["DELETE", "/v1/licenses/sources/{id}/", IAM, "licenses.sources.delete"],
  ["GET", "/v1/billing/usage/", IAM, "billing.usage"],
  ["GET", "/v1/billing/usage/total/", IAM, "billing.usageTotal"],
  // §6.2 API (43)
  ["POST", "/v1/sources/", API, "sources.create"],
  ["GET", "/v1/sources/", API, "sources.list"],
  ["GET", "/v1/sources/{id}/", API, "sources.get"],
  ["PATCH", "/v1/sources/{id}/", API, "sources.update"],
  ["DELETE", "/v1/sources/{id}/", API, "sources.delete"],
  ["GET", "/v1/entries/", API, "entries.list"],
  ["GET", "/v1/entries/stats/pid/{pid}/", API, "entries.get"],
  ["DELETE", "/v1/entries/{id}/", API, "entries.delete"],
  ["POST", "/v1/persons/", API, "persons.create"],
  ["POST", "/v1/persons/entry/", API, "persons.createByEntry"],
  ["POST", "/v1/persons/reinit/", API, "persons.reinit"],
  ["POST", "/v1/persons/reinit/{pid}/", API, "persons.reinitByPhoto"],
  ["POST", "/v1/persons/search/", API, "persons.search"],
  ["DELETE", "/v1/persons/{pid}/", API, "persons.delete"],
  ["POST", "/v1/groups/persons/", API, "groups.create"],
  ["GET", "/v1/groups/persons/", API, "groups.list"],
  ["GET", "/v1/groups/persons/{id}/", API, "groups.get"],
  ["PATCH", "/v1/groups/persons/{id}/", API, "groups.update"],
  ["DELETE", "/v1/groups/persons/{id}/", API, "groups.delete"],
  ["GET", "/v1/groups/persons/{id}/pids/", API, "groups.persons"],
  ["POST", "/v1/groups/persons/pids/", API, "groups.add"],
  ["DELETE", "/v1/groups/persons/pids/", API, "groups.remove"],
  ["POST", "/v1/notifications/", API, "notifications.create"],
  ["GET", "/v1/notifications/", API, "notifications.list"],
  ["GET", "/v1/notifications/{id}/", API, "notifications.get"],
  ["PATCH", "/v1/notifications/{id}/", API, "notifications.update"],
  ["DELETE", "/v1/notifications/{id}/", API, "notifications.delete"],
  ["GET", "/v1/settings/thresholds/", API, "settings.get"],
  ["PATCH", "/v1/settings/thresholds/", API, "settings.update"],
  ["POST", "/v1/settings/thresholds/reset/", API, "settings.reset"],
  ["POST", "/v1/streams/tokens/", API, "streams.tokens.create"],
  ["GET", "/v1/streams/tokens/", API, "streams.tokens.list"],
  ["GET", "/v1/streams/tokens/{token_id_or_key}/", API, "streams.tokens.get"],
  ["PATCH", "/v1/streams/tokens/{token_id_or_key}/", API, "streams.tokens.update"],
  ["DELETE", "/v1/streams/tokens/{token_id_or_key}/", API, "streams.tokens.delete"],
  ["DELETE", "/v1/streams/tokens/", API, "streams.tokens.deleteList"],
  ["POST", "/v1/utility/compare/", API, "utility.compare"],
  ["POST", "/v1/utility/asm/", API, "utility.asm"],
  ["GET", "/v1/utility/customer/", API, "utility.customer"],
  ["POST", "/v1/faceid/compare/", API, "faceid.compare"],
  ["POST", "/v1/faceid/verification/", API, "faceid.verification"],
  ["GET", "/v1/faceid/id-codes/", API, "faceid.idCodes"],
  ["GET", "/v1/version/", API, "version.get"],
];

const TAG_GROUPS: Record<"IAM" | "API", string[]> = {
  IAM: ["auth", "whoami", "tokens", "spaces", "lists", "licenses", "billing"],
  API: ["sources", "entries", "persons", "groups", "notifications", "settings", "streams", "utility", "faceid", "version"],
};
const GROUP_OF_HOST: Record<Host, "IAM" | "API"> = { [IAM]: "IAM", [API]: "API" };
const OPERATION_ID = /^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/;

// ---------------------------------------------------------------------------------------
// Loading. scripts/spec.mjs is ESM and ts-jest runs CommonJS (no dynamic import() without
// --experimental-vm-modules), so a child node process bundles and prints the document.
// While path files are still being written, bundleSpec() fails on their $refs; the
// document is then bundled without those path items (scripts/docs.mjs bundleAvailable)
// so every other test still runs, and only "declares all 66 operations" fails.

interface Loaded {
  document: Json;
  missing: { path: string; file: string }[];
}

function loadDocument(): Loaded {
  const url = (file: string) => JSON.stringify(pathToFileURL(path.join(root, file)).href);
  const script = `
    const { bundleSpec } = await import(${url("scripts/spec.mjs")});
    let result;
    try {
      result = { document: await bundleSpec(), missing: [] };
    } catch (error) {
      const { bundleAvailable } = await import(${url("scripts/docs.mjs")});
      const partial = await bundleAvailable();
      if (partial.missing.length === 0) throw error;
      result = partial;
    }
    process.stdout.write(JSON.stringify(result));
  `;
  try {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 512 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    });
    return JSON.parse(out) as Loaded;
  } catch (error: any) {
    throw new Error(`could not bundle openapi/openapi.yaml:\n${error.stderr ?? error.message}`);
  }
}

const { document: doc, missing } = loadDocument();

// ---------------------------------------------------------------------------------------
// Helpers: JSON pointers, local $refs, operations.

const escapeToken = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");
const unescapeToken = (s: string) => s.replace(/~1/g, "/").replace(/~0/g, "~");
const pointer = (...parts: Array<string | number>) => parts.map((p) => `/${escapeToken(String(p))}`).join("");

function at(ptr: string): Json {
  let node: Json = doc;
  for (const part of ptr.split("/").slice(1)) {
    if (node === undefined || node === null) return undefined;
    node = node[unescapeToken(part)];
  }
  return node;
}

/** Follows local $refs (#/components/...) to the node and its pointer. */
function deref(node: Json, ptr: string): { node: Json; ptr: string } {
  const seen = new Set<string>();
  while (node && typeof node === "object" && typeof node.$ref === "string") {
    if (!node.$ref.startsWith("#/")) throw new Error(`${ptr}: non-local $ref ${node.$ref} in the bundled document`);
    if (seen.has(node.$ref)) throw new Error(`${ptr}: circular $ref ${node.$ref}`);
    seen.add(node.$ref);
    ptr = decodeURIComponent(node.$ref.slice(1));
    node = at(ptr);
    if (node === undefined) throw new Error(`unresolved $ref ${ptr}`);
  }
  return { node, ptr };
}

interface Operation {
  method: string; // upper case
  path: string;
  ptr: string;
  op: Json;
  item: Json;
  label: string; // "POST /v1/auth/token/ (auth.login)"
}

const operations: Operation[] = Object.entries<Json>(doc.paths ?? {}).flatMap(([urlPath, rawItem]) => {
  const { node: item, ptr: itemPtr } = deref(rawItem, pointer("paths", urlPath));
  return Object.keys(item)
    .filter((key) => (HTTP_METHODS as readonly string[]).includes(key))
    .map((key) => ({
      method: key.toUpperCase(),
      path: urlPath,
      ptr: `${itemPtr}${pointer(key)}`,
      op: item[key],
      item,
      label: `${key.toUpperCase()} ${urlPath} (${item[key].operationId ?? "no operationId"})`,
    }));
});
const byOperationId = new Map(operations.map((o) => [o.op.operationId as string, o]));

function parametersOf(o: Operation): { node: Json; ptr: string }[] {
  const itemPtr = o.ptr.slice(0, o.ptr.lastIndexOf("/"));
  const fromItem = (o.item.parameters ?? []).map((p: Json, i: number) => deref(p, `${itemPtr}/parameters/${i}`));
  const fromOp = (o.op.parameters ?? []).map((p: Json, i: number) => deref(p, `${o.ptr}/parameters/${i}`));
  return [...fromItem, ...fromOp];
}

function responsesOf(o: Operation): { status: string; node: Json; ptr: string }[] {
  return Object.entries<Json>(o.op.responses ?? {}).map(([status, r]) => ({
    status,
    ...deref(r, `${o.ptr}${pointer("responses", status)}`),
  }));
}

const isSecured = (o: Operation) => o.op.operationId !== "auth.login";
const isError = (status: string) => /^[45]/.test(status) || status === "default";
const is2xx = (status: string) => /^2(\d\d|XX)$/i.test(status);

/** Example values of a media type, header or parameter object: `example` and `examples`. */
function examplesOf(holder: Json, holderPtr: string): { value: Json; where: string }[] {
  const found: { value: Json; where: string }[] = [];
  if (holder.example !== undefined) found.push({ value: holder.example, where: `${holderPtr}/example` });
  for (const [name, ex] of Object.entries<Json>(holder.examples ?? {})) {
    const { node, ptr } = deref(ex, `${holderPtr}${pointer("examples", name)}`);
    if (node.value !== undefined) found.push({ value: node.value, where: ptr === `${holderPtr}${pointer("examples", name)}` ? ptr : `${holderPtr}${pointer("examples", name)} -> ${ptr}` });
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// The operation index.

describe("operation index (reference §6)", () => {
  const key = (method: string, urlPath: string) => `${method} ${urlPath}`;
  const expected = new Map(OPERATIONS.map(([m, p, h, id]) => [key(m, p), { host: h, operationId: id }]));
  const actual = new Map(operations.map((o) => [key(o.method, o.path), o]));

  test("the hand-kept table has 66 operations (23 IAM, 43 API), unique keys and operationIds", () => {
    expect(OPERATIONS).toHaveLength(66);
    expect(OPERATIONS.filter(([, , h]) => h === IAM)).toHaveLength(23);
    expect(OPERATIONS.filter(([, , h]) => h === API)).toHaveLength(43);
    expect(expected.size).toBe(66);
    expect(new Set(OPERATIONS.map(([, , , id]) => id)).size).toBe(66);
  });

  test("declares all 66 operations", () => {
    const absent = [...expected.keys()].filter((k) => !actual.has(k)).map((k) => `${k} (${expected.get(k)!.operationId})`);
    const note =
      missing.length > 0
        ? `\nThe document is incomplete: ${missing.length} path file(s) do not exist yet: ${missing.map((m) => m.file).join(", ")}`
        : "";
    expect({ absent, note }).toEqual({ absent: [], note: "" });
  });

  test("declares no operation outside the table", () => {
    const extra = operations.filter((o) => !expected.has(key(o.method, o.path))).map((o) => o.label);
    expect(extra).toEqual([]);
  });

  test("each declared operation has the table's operationId", () => {
    const wrong = operations
      .filter((o) => expected.has(key(o.method, o.path)))
      .filter((o) => o.op.operationId !== expected.get(key(o.method, o.path))!.operationId)
      .map((o) => `${o.label}: expected ${expected.get(key(o.method, o.path))!.operationId}`);
    expect(wrong).toEqual([]);
  });

  test("each path item's servers[0].url is its host (IAM or API)", () => {
    const wrong: string[] = [];
    for (const [urlPath, raw] of Object.entries<Json>(doc.paths ?? {})) {
      const host = OPERATIONS.find(([, p]) => p === urlPath)?.[2];
      if (!host) continue; // reported by "no operation outside the table"
      const url = deref(raw, pointer("paths", urlPath)).node.servers?.[0]?.url;
      if (url !== host) wrong.push(`${urlPath}: servers[0].url is ${JSON.stringify(url)}, expected ${host}`);
    }
    expect(wrong).toEqual([]);
  });

  test("operationIds are dotted camelCase SDK call paths, unique", () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(operations.filter((o) => typeof o.op.operationId !== "string" || !OPERATION_ID.test(o.op.operationId)).map((o) => o.label)).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// Tags and tag groups.

describe("tags", () => {
  test("x-tagGroups are IAM and API with exactly the expected tags, each declared and described", () => {
    const groups = (doc["x-tagGroups"] ?? []).map((g: Json) => ({ name: g.name, tags: [...g.tags].sort() }));
    expect(groups).toEqual([
      { name: "IAM", tags: [...TAG_GROUPS.IAM].sort() },
      { name: "API", tags: [...TAG_GROUPS.API].sort() },
    ]);
    const declared = new Map<string, Json>((doc.tags ?? []).map((t: Json) => [t.name, t]));
    const all = [...TAG_GROUPS.IAM, ...TAG_GROUPS.API];
    expect([...declared.keys()].sort()).toEqual([...all].sort());
    expect(all.filter((t) => !declared.get(t)?.description)).toEqual([]);
  });

  test("each operation has exactly one tag, the operationId's first segment", () => {
    const wrong = operations
      .filter((o) => !(Array.isArray(o.op.tags) && o.op.tags.length === 1 && o.op.tags[0] === String(o.op.operationId).split(".")[0]))
      .map((o) => `${o.label}: tags ${JSON.stringify(o.op.tags)}`);
    expect(wrong).toEqual([]);
  });

  test("each operation's tag is in the tag group of its host", () => {
    const wrong: string[] = [];
    for (const o of operations) {
      const host = OPERATIONS.find(([m, p]) => m === o.method && p === o.path)?.[2];
      const tag = o.op.tags?.[0];
      if (!host || !tag) continue; // reported above
      const group = GROUP_OF_HOST[host];
      if (!TAG_GROUPS[group].includes(tag)) wrong.push(`${o.label}: tag ${tag} is not in the ${group} group`);
    }
    expect(wrong).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// Security.

describe("security", () => {
  test("the root requires TokenAuth, an apiKey in the Authorization header", () => {
    expect(doc.security).toEqual([{ TokenAuth: [] }]);
    const scheme = deref(doc.components?.securitySchemes?.TokenAuth, "/components/securitySchemes/TokenAuth").node;
    expect(scheme).toMatchObject({ type: "apiKey", in: "header", name: "Authorization" });
  });

  test("auth.login needs no token (security: [])", () => {
    expect(byOperationId.get("auth.login")?.op.security).toEqual([]);
  });

  test("every other operation inherits the root TokenAuth (no security of its own)", () => {
    const overriding = operations.filter((o) => isSecured(o) && o.op.security !== undefined).map((o) => `${o.label}: ${JSON.stringify(o.op.security)}`);
    expect(overriding).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// Examples: every example validates against its schema (Ajv, JSON Schema 2020-12). The
// whole bundled document is registered as one schema, so each check compiles the schema
// at a JSON pointer inside it and its #/components/schemas/... $refs resolve.

describe("examples", () => {
  const ID = "https://neuroio.invalid/openapi.json";
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(doc, ID);
  const fragment = (ptr: string) => `${ID}#${ptr.split("/").map(encodeURIComponent).join("/")}`;

  interface Case {
    where: string;
    schemaPtr: string;
    value: Json;
  }
  const cases: Case[] = [];
  const seenSchemas = new Set<string>();
  const SUBSCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
  const SUBSCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
  const SUBSCHEMAS = ["items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties"];

  /** Schema-level `examples` (and the 3.0-style `example`) anywhere inside a schema. */
  function walkSchema(schema: Json, ptr: string) {
    if (!schema || typeof schema !== "object" || seenSchemas.has(ptr)) return;
    seenSchemas.add(ptr);
    if (Array.isArray(schema.examples)) schema.examples.forEach((value: Json, i: number) => cases.push({ where: `${ptr}/examples/${i}`, schemaPtr: ptr, value }));
    if (schema.example !== undefined) cases.push({ where: `${ptr}/example`, schemaPtr: ptr, value: schema.example });
    for (const k of SUBSCHEMA_MAPS) for (const name of Object.keys(schema[k] ?? {})) walkSchema(schema[k][name], `${ptr}${pointer(k, name)}`);
    for (const k of SUBSCHEMA_LISTS) (schema[k] ?? []).forEach((s: Json, i: number) => walkSchema(s, `${ptr}${pointer(k, i)}`));
    for (const k of SUBSCHEMAS) if (schema[k] && typeof schema[k] === "object") walkSchema(schema[k], `${ptr}${pointer(k)}`);
  }

  /** A media type, parameter or header: its examples against its schema, then the schema's own. */
  function walkHolder(holder: Json, ptr: string) {
    if (holder.schema) {
      for (const ex of examplesOf(holder, ptr)) cases.push({ where: ex.where, schemaPtr: `${ptr}/schema`, value: ex.value });
      walkSchema(holder.schema, `${ptr}/schema`);
    }
    for (const [mt, media] of Object.entries<Json>(holder.content ?? {})) walkHolder(media, `${ptr}${pointer("content", mt)}`);
    for (const [name, header] of Object.entries<Json>(holder.headers ?? {})) {
      const d = deref(header, `${ptr}${pointer("headers", name)}`);
      walkHolder(d.node, d.ptr);
    }
  }

  const seenHolders = new Set<string>();
  const visit = (raw: Json, ptr: string) => {
    const d = deref(raw, ptr);
    if (seenHolders.has(d.ptr)) return;
    seenHolders.add(d.ptr);
    walkHolder(d.node, d.ptr);
  };
  for (const o of operations) {
    for (const p of parametersOf(o)) visit(p.node, p.ptr);
    if (o.op.requestBody) visit(o.op.requestBody, `${o.ptr}/requestBody`);
    for (const r of responsesOf(o)) visit(r.node, r.ptr);
  }
  const components = doc.components ?? {};
  for (const kind of ["parameters", "requestBodies", "responses", "headers"]) {
    for (const name of Object.keys(components[kind] ?? {})) visit(components[kind][name], pointer("components", kind, name));
  }
  for (const name of Object.keys(components.schemas ?? {})) walkSchema(components.schemas[name], pointer("components", "schemas", name));

  test("finds media-type, $ref'd component and schema examples to check", () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.some((c) => c.where.includes("-> /components/examples/"))).toBe(true);
    expect(cases.some((c) => c.where.startsWith("/components/schemas/"))).toBe(true);
    expect(cases.some((c) => c.where.startsWith("/paths/"))).toBe(true);
  });

  test("every example validates against its schema", () => {
    const failures: string[] = [];
    for (const c of cases) {
      let validate;
      try {
        validate = ajv.getSchema(fragment(c.schemaPtr));
      } catch (error: any) {
        failures.push(`${c.where}: schema ${c.schemaPtr} does not compile: ${error.message}`);
        continue;
      }
      if (!validate) {
        failures.push(`${c.where}: no schema at ${c.schemaPtr}`);
        continue;
      }
      if (!validate(c.value)) {
        const errors = (validate.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`);
        failures.push(`${c.where} (schema ${c.schemaPtr}): ${errors.join("; ")}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// Responses and parameters.

describe("responses and parameters", () => {
  test("every operation has a 2xx response", () => {
    expect(operations.filter((o) => !responsesOf(o).some((r) => is2xx(r.status))).map((o) => o.label)).toEqual([]);
  });

  test("every 2xx other than 202/204 has a body schema with at least one example", () => {
    const wrong: string[] = [];
    for (const o of operations) {
      for (const r of responsesOf(o).filter((r) => is2xx(r.status) && r.status !== "204" && r.status !== "202")) {
        const content = Object.entries<Json>(r.node.content ?? {});
        if (content.length === 0) wrong.push(`${o.label} ${r.status}: no content`);
        for (const [mt, media] of content) {
          if (!media.schema) {
            wrong.push(`${o.label} ${r.status} ${mt}: no schema`);
            continue;
          }
          const schema = deref(media.schema, `${r.ptr}${pointer("content", mt, "schema")}`).node;
          const hasExample =
            examplesOf(media, r.ptr).length > 0 || (Array.isArray(schema.examples) && schema.examples.length > 0) || schema.example !== undefined;
          if (!hasExample) wrong.push(`${o.label} ${r.status} ${mt}: no example`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test("204 responses have no body", () => {
    const wrong = operations.flatMap((o) =>
      responsesOf(o)
        .filter((r) => r.status === "204" && Object.keys(r.node.content ?? {}).length > 0)
        .map(() => o.label),
    );
    expect(wrong).toEqual([]);
  });

  test("every secured operation declares 401", () => {
    expect(operations.filter((o) => isSecured(o) && !o.op.responses?.["401"]).map((o) => o.label)).toEqual([]);
  });

  test("every error response's body is ErrorBody", () => {
    const wrong: string[] = [];
    for (const o of operations) {
      for (const r of responsesOf(o).filter((r) => isError(r.status))) {
        const content = Object.entries<Json>(r.node.content ?? {});
        if (content.length === 0) wrong.push(`${o.label} ${r.status}: no body`);
        for (const [mt, media] of content) {
          if (media.schema?.$ref !== "#/components/schemas/ErrorBody") wrong.push(`${o.label} ${r.status} ${mt}: schema ${JSON.stringify(media.schema)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test("every array query parameter has style: form, explode: false", () => {
    const wrong: string[] = [];
    const seen = new Set<string>();
    const check = (p: Json, ptr: string, where: string) => {
      if (seen.has(ptr) || p.in !== "query" || !p.schema) return;
      seen.add(ptr);
      const schema = deref(p.schema, `${where}/schema`).node;
      const isArray = schema.type === "array" || (Array.isArray(schema.type) && schema.type.includes("array"));
      if (isArray && !(p.style === "form" && p.explode === false)) {
        wrong.push(`${where} (${p.name}): style ${JSON.stringify(p.style)}, explode ${JSON.stringify(p.explode)}`);
      }
    };
    for (const [name, p] of Object.entries<Json>(doc.components?.parameters ?? {})) {
      const ptr = pointer("components", "parameters", name);
      check(p, ptr, ptr);
    }
    for (const o of operations) for (const p of parametersOf(o)) check(p.node, p.ptr, `${o.label} ${p.ptr}`);
    expect(wrong).toEqual([]);
  });

  function errorExamples(operationId: string, status: string): Json[] {
    const o = byOperationId.get(operationId);
    if (!o) throw new Error(`${operationId} is not in the document`);
    const r = responsesOf(o).find((x) => x.status === status);
    if (!r) throw new Error(`${operationId} has no ${status} response`);
    const media = r.node.content?.["application/json"];
    if (!media) throw new Error(`${operationId} ${status} has no application/json body`);
    return examplesOf(media, r.ptr).map((e) => e.value);
  }

  test("auth.login 400 shows the 602 example (Username and password do not match.)", () => {
    expect(errorExamples("auth.login", "400")).toContainEqual({
      error_codes: [602],
      message: "Username and password do not match.",
      fields: [],
    });
  });

  test("auth.passwordChange 400 shows the old_password example (Incorrect password.)", () => {
    expect(errorExamples("auth.passwordChange", "400")).toContainEqual(
      expect.objectContaining({
        error_codes: expect.arrayContaining([400]),
        fields: expect.arrayContaining([{ name: "old_password", message: "Incorrect password.", error_code: 400 }]),
      }),
    );
  });
});
