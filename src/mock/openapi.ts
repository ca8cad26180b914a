/**
 * The stand-in's HTTP layer for one host (IAM or API), driven by the bundled OpenAPI
 * document through openapi-backend: routing, the `TokenAuth` security scheme, request
 * validation (query, path and body; multipart text parts are coerced to the types the
 * schema declares first), dispatch to the namespace handlers, and optionally validation of
 * every answer against the document.
 */
import type { IncomingHttpHeaders } from "node:http";
import { OpenAPIBackend, ValidationContext, type Context } from "openapi-backend";
import type { default as Ajv, ErrorObject, ValidateFunction } from "ajv";
import { OPERATIONS } from "../generated/operations";
import { FILE_FIELDS } from "../generated/uploads";
import { FORMATS } from "../wrappers/input";
import type { OperationSpec } from "../wrappers/operation";
import { deref, documentFor, type Host } from "./document";
import { handlers } from "./handlers";
import { failure, forbidden, HttpError, invalid, invalidToken, notFound, type Ctx, type OperationId, type Reply } from "./handlers/common";
import type { Caller, Store, Upload } from "./state";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

export interface HostRequest {
  method: string;
  /** The path below the host prefix, e.g. `/v1/sources/`. */
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  headers: IncomingHttpHeaders;
  /** The parsed body: JSON, form or multipart text fields; undefined when there was none. */
  body: unknown;
  files: Record<string, Upload>;
  /** The absolute URL the client used (for paging links). */
  url: URL;
}

/** An answer the document does not allow, caught by `validateResponses`. */
export interface ResponseViolation {
  host: Host;
  operationId: string;
  method: string;
  path: string;
  status: number;
  body: unknown;
  errors: string[];
}

interface Extra {
  request: HostRequest;
  operation?: Json;
}

/** The file fields of a multipart operation and whether each is required, from the generated operation data. */
function fileFields(operationId: string): { name: string; required: boolean }[] {
  const spec = (OPERATIONS as Record<string, OperationSpec>)[operationId];
  return Object.keys(FILE_FIELDS[operationId as OperationId] ?? {}).map((name) => ({ name, required: spec!.input[name]?.required === true }));
}


export class HostApi {
  readonly #api: OpenAPIBackend;

  constructor(
    readonly host: Host,
    private readonly store: Store,
    private readonly violations: ResponseViolation[] | undefined,
  ) {
    this.#api = new OpenAPIBackend({
      definition: documentFor(host),
      // The document is OpenAPI 3.1; openapi-backend's definition check knows 3.0 only, and
      // quick mode skips it (routing and validation are unaffected).
      quick: true,
      strict: true,
      coerceTypes: true,
      ignoreTrailingSlashes: false,
      // Name every bad field, not only the first; no Infinity (JSON's 1e309) or NaN for a number.
      ajvOpts: { allErrors: true, strictNumbers: true },
      customizeAjv: (ajv, _options, context) => {
        // The document's string formats, checked as the client checks them (openapi-backend itself knows binary, password, int32…).
        for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, { type: "string", validate });
        if (context === ValidationContext.Params) decimalIntegerParameters(ajv);
        return ajv;
      },
      // A token kind that may not call the operation gets 403 before its body is looked at.
      validate: (c: Context) => !this.#forbidden(c),
    });
    this.#api.register({
      notFound: (c: Context) => {
        throw failure(404, `Not found: ${c.request.method.toUpperCase()} ${c.request.path} is not an operation of the ${host.toUpperCase()} host.`);
      },
      methodNotAllowed: (c: Context) => {
        throw failure(405, `Method "${c.request.method.toUpperCase()}" not allowed.`);
      },
      postRoutingHandler: (c: Context, extra: Extra) => {
        extra.operation = c.operation;
      },
      unauthorizedHandler: () => {
        throw invalidToken();
      },
      validationFail: (c: Context, extra: Extra) => {
        const errors = c.validation.errors ?? [];
        // A path that names no object in a form the operation takes (`/v1/sources/abc/`) is a
        // 404 where the document declares no 400, as a URL pattern that does not match is.
        const onlyPath = errors.length > 0 && errors.every((e) => e.instancePath.startsWith("/path"));
        if (onlyPath && !c.operation.responses?.["400"]) throw notFound();
        throw invalid(...fieldErrors(errors), ...fileErrors(c.operation.operationId ?? "", extra.request));
      },
    });
    this.#api.registerSecurityHandler("TokenAuth", (c: Context) => this.#caller(c.request.headers));
  }

  async init(): Promise<void> {
    await this.#api.init();
    for (const operation of this.#api.getOperations()) {
      const id = operation.operationId as OperationId;
      const handler = handlers[id] as ((ctx: Ctx<never>) => Reply | Promise<Reply>) | undefined;
      this.#api.register(id, (c: Context, extra: Extra) => (handler ? this.#dispatch(handler, c, extra) : this.#example(c)));
    }
  }

  /** True when the method and path name an operation of this host. */
  matches(method: string, path: string): boolean {
    return this.#api.matchOperation({ method, path, headers: {} }) !== undefined;
  }

  /**
   * Throws 401 when the operation needs a token and the request has no valid one: called
   * before the body is read, so an unauthenticated caller cannot make the stand-in read it.
   */
  authenticateEarly(method: string, path: string, headers: IncomingHttpHeaders): void {
    const operation = this.#api.matchOperation({ method, path, headers: {} });
    const security: Json[] = operation?.security ?? this.#api.definition.security ?? [];
    const open = security.length === 0 || security.some((requirement) => Object.keys(requirement).length === 0);
    if (!open && !this.#caller(headers)) throw invalidToken();
  }

  #caller(headers: Record<string, string | string[] | undefined>): Caller | undefined {
    const header = headers["authorization"];
    const match = /^Token\s+(\S+)\s*$/i.exec(Array.isArray(header) ? (header[0] ?? "") : (header ?? ""));
    return match ? this.store.authenticate(match[1]!) : undefined;
  }

  /** The operation's request body schema for this request's media type (to coerce form fields). */
  bodySchema(method: string, path: string, mediaType: string): Json {
    const operation = this.#api.matchOperation({ method, path, headers: {} });
    return operation ? ((operation.requestBody as Json)?.content?.[mediaType]?.schema ?? null) : null;
  }

  /**
   * The method to route a request by: `PUT` is the documented alias of a path's partial
   * `PATCH` update (the JS SDK sends `PUT`), so it goes to the `PATCH` operation; `HEAD` is
   * `GET` without the body, as Django answers it (Node leaves the body out).
   */
  routedMethod(method: string, path: string): string {
    if (method === "head") return "get";
    if (method !== "put" || this.#api.matchOperation({ method: "put", path, headers: {} })) return method;
    return this.#api.matchOperation({ method: "patch", path, headers: {} }) ? "patch" : method;
  }

  /** The methods a path answers, as DRF's `Allow` header lists them; empty for a path of no operation. */
  allowedMethods(path: string): string[] {
    const methods = ["get", "post", "put", "patch", "delete"].filter((method) => this.matches(this.routedMethod(method, path), path));
    if (methods.length === 0) return [];
    return [...methods, ...(methods.includes("get") ? ["head"] : []), "options"].map((method) => method.toUpperCase());
  }

  /** True when the matched operation takes a request body. */
  hasBody(method: string, path: string): boolean {
    return Boolean(this.#api.matchOperation({ method, path, headers: {} })?.requestBody);
  }

  /** Answers one request: routing, auth, validation, the handler, and (optionally) a check of the answer. */
  async handle(request: HostRequest): Promise<Reply> {
    const extra: Extra = { request };
    let reply: Reply;
    try {
      const query = this.#declaredQuery(request);
      reply = await this.#api.handleRequest(
        { method: request.method, path: request.path, query, headers: request.headers as Record<string, string>, body: request.body },
        extra,
      );
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      reply = { status: error.status, body: error.body };
    }
    if (this.violations && extra.operation) reply = this.#checkResponse(extra.operation, request, reply);
    return reply;
  }

  /** The query without parameters the operation does not declare: ignored, as the platform ignores them. */
  #declaredQuery(request: HostRequest): string {
    const operation = this.#api.matchOperation({ method: request.method, path: request.path, headers: {} });
    if (!operation) return request.query;
    const names = new Set(((operation.parameters ?? []) as Json[]).map(deref).filter((p) => p.in === "query").map((p) => p.name));
    // Raw pairs are kept as sent: only their names are read here.
    const declared = (pair: string) => names.has(lenientDecode(pair.split("=")[0]!.replace(/\+/g, " ")));
    return request.query.split("&").filter(declared).join("&");
  }

  #forbidden(c: Context): boolean {
    const caller = c.security?.["TokenAuth"] as Caller | undefined;
    return caller?.kind === "manager" && (this.host === "api" || (c.operation.operationId ?? "").startsWith("billing."));
  }

  async #dispatch(handler: (ctx: Ctx<never>) => Reply | Promise<Reply>, c: Context, extra: Extra): Promise<Reply> {
    const caller = c.security?.["TokenAuth"] as Caller | undefined;
    if (this.#forbidden(c)) throw forbidden();
    const files = fileErrors(c.operation.operationId ?? "", extra.request);
    if (files.length > 0) throw invalid(...files);
    // Billing event type 1 (API_CALLS): every authenticated API-host call, in the token's space.
    if (this.host === "api" && caller?.space) this.store.countUsage(caller.space.id, 1);
    const ctx = {
      store: this.store,
      caller,
      // openapi-backend re-parses path parameters from the URL after coercing them; keep the coerced ones.
      params: c.validation?.coerced?.params ?? c.request.params,
      query: c.request.query,
      body: c.request.requestBody,
      files: extra.request.files,
      url: extra.request.url,
    } as unknown as Ctx<never>;
    return handler(ctx);
  }

  /** The answer the document gives as an example (first 2xx response), for an operation without a handler. */
  #example(c: Context): Reply {
    const operationId = c.operation.operationId ?? "";
    const { status, mock } = this.#api.mockResponseForOperation(operationId);
    const declared = c.operation.responses?.[String(status)] as Json;
    const body = declared?.content ? mock : undefined;
    return { status, body, headers: { "x-neuroio-mock": "example" } };
  }

  #checkResponse(operation: Json, request: HostRequest, reply: Reply): Reply {
    const errors: string[] = [];
    const status = String(reply.status);
    const declared = operation.responses?.[status] ?? operation.responses?.[`${status[0]}XX`] ?? operation.responses?.default;
    // What the client will read: JSON drops undefined fields.
    const wire = reply.body === undefined ? undefined : JSON.parse(JSON.stringify(reply.body));
    if (!declared) {
      errors.push(`status ${status} is not declared (declared: ${Object.keys(operation.responses ?? {}).join(", ")})`);
    } else {
      const schema = declared.content?.["application/json"]?.schema;
      if (wire === undefined && schema) errors.push(`status ${status} must have a JSON body`);
      if (wire !== undefined && !schema) errors.push(`status ${status} declares no body, but one was sent`);
      if (wire !== undefined && schema) {
        const result = this.#api.validateResponse(wire, operation, reply.status);
        for (const e of result.errors ?? []) errors.push(`body${e.instancePath} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`);
      }
    }
    if (errors.length === 0) return reply;
    const violation: ResponseViolation = {
      host: this.host,
      operationId: operation.operationId,
      method: request.method.toUpperCase(),
      path: request.path,
      status: reply.status,
      body: wire,
      errors,
    };
    this.violations!.push(violation);
    console.error(`neuroio stand-in: answer does not match the OpenAPI document: ${JSON.stringify(violation)}`);
    return {
      status: 500,
      body: {
        error_codes: [500],
        message: `The stand-in's answer to ${violation.operationId} does not match the OpenAPI document: ${errors.join("; ")}`,
        fields: [],
      },
    };
  }
}

function lenientDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const DECIMAL_INTEGER = /^-?\d+$/;

/**
 * Path and query parameters arrive as text, and ajv's coercion takes `0x1`, `1e0`, `1.0`,
 * ` 1` and `Infinity` for numbers; Django's URL patterns and DRF's IntegerField take
 * decimal digits only. So the parameters validator first holds every integer parameter
 * (and item of an integer list) to them, as it sees them before coercion: an error of type
 * `integer` there, which the validation failure names like any other.
 */
function decimalIntegerParameters(ajv: Ajv): void {
  const compile = ajv.compile.bind(ajv);
  ajv.compile = ((schema: Json) => {
    const validate = compile(schema);
    const checked = ((data: Json) => {
      const notDecimal = nonDecimalIntegers(schema, data);
      const valid = validate(data);
      const errors = [...notDecimal, ...(validate.errors ?? [])];
      checked.errors = errors.length > 0 ? errors : null;
      return valid && notDecimal.length === 0;
    }) as ValidateFunction;
    return checked;
  }) as typeof ajv.compile;
}

/** A `type` error for each path or query parameter the schema declares an integer (or integer list) whose text is not decimal digits. */
function nonDecimalIntegers(schema: Json, data: Json): ErrorObject[] {
  const errors: ErrorObject[] = [];
  for (const location of ["path", "query"]) {
    const declared: Record<string, Json> = schema?.properties?.[location]?.properties ?? {};
    for (const [name, property] of Object.entries(declared)) {
      const value = data?.[location]?.[name];
      const integers = property?.type === "array" ? property.items : property;
      const texts = Array.isArray(value) ? value : [value];
      if (!isInteger(integers) || texts.every((text) => typeof text !== "string" || DECIMAL_INTEGER.test(text))) continue;
      errors.push({ keyword: "type", instancePath: `/${location}/${name}`, schemaPath: "#/decimal", params: { type: "integer" }, message: "must be integer" });
    }
  }
  return errors;
}

function isInteger(schema: Json): boolean {
  const type = schema?.type;
  return type === "integer" || (Array.isArray(type) && type.includes("integer"));
}

/** Field errors for ajv's request validation errors, one per field, named by wire name. */
function fieldErrors(errors: ErrorObject[]): Array<[string, string]> {
  const byField = new Map<string, string>();
  for (const error of errors) {
    const segments = error.instancePath.split("/").slice(1);
    const field =
      error.keyword === "required" && segments.length <= 1
        ? String(error.params.missingProperty)
        : (segments[1] ?? segments[0] ?? "non_field_errors");
    // One message a field; a format's ("Enter a valid URL.") says more than a pattern's.
    if (!byField.has(field) || error.keyword === "format") byField.set(field, message(error));
  }
  return [...byField];
}

/** Messages in the wording of NeuroIO's (Django REST framework) validation errors. */
function message(error: ErrorObject): string {
  const p = error.params as Record<string, any>;
  switch (error.keyword) {
    case "required":
      return "This field is required.";
    case "type": {
      const type = String(p.type);
      if (type.includes("integer")) return "A valid integer is required.";
      if (type.includes("number")) return "A valid number is required.";
      if (type.includes("boolean")) return "Must be a valid boolean.";
      if (type.includes("array")) return "Expected a list of items.";
      if (type.includes("object")) return "Expected an object.";
      return "Not a valid string.";
    }
    case "enum":
      return `Not a valid choice; expected one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}.`;
    case "minLength":
      return p.limit === 1 ? "This field may not be blank." : `Ensure this field has at least ${p.limit} characters.`;
    case "maxLength":
      return `Ensure this field has no more than ${p.limit} characters.`;
    case "minItems":
      return p.limit === 1 ? "This list may not be empty." : `Ensure this field has at least ${p.limit} elements.`;
    case "maxItems":
      return `Ensure this field has no more than ${p.limit} elements.`;
    case "minimum":
      return `Ensure this value is greater than or equal to ${p.limit}.`;
    case "maximum":
      return `Ensure this value is less than or equal to ${p.limit}.`;
    case "uniqueItems":
      return "The items must be unique.";
    case "pattern":
      return String(p.pattern).includes("(0[1-9]|1[0-2])") ? "Incorrect month format, should be YYYY-MM." : `Invalid format; expected ${p.pattern}.`;
    case "format":
      if (p.format === "uri") return "Enter a valid URL.";
      if (p.format === "date-time") return "Datetime has wrong format. Use ISO 8601, e.g. 2021-05-28T10:37:51+00:00.";
      return `Invalid ${p.format}.`;
    case "parse":
      return `JSON parse error - ${error.message}`;
    default:
      return error.message ?? "Invalid value.";
  }
}

/** Field errors for the file parts of a multipart upload: missing, or sent as text. */
function fileErrors(operationId: string, request: HostRequest): Array<[string, string]> {
  const errors: Array<[string, string]> = [];
  for (const { name, required } of fileFields(operationId)) {
    if (request.files[name]) continue;
    const sentAsText = typeof request.body === "object" && request.body !== null && name in request.body;
    if (sentAsText) errors.push([name, "The submitted data was not a file. Check the encoding type on the form."]);
    else if (required) errors.push([name, "No file was submitted."]);
  }
  return errors;
}
