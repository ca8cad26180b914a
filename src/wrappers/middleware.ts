/**
 * Calls of a client with middleware: openapi-fetch builds each request and runs the
 * caller's hooks (`onRequest`, `onResponse`, `onError`) around the SDK's transport, which
 * sends the Request the hooks let through like any other call (token, time limits,
 * retries, re-login). Its own module, loaded with openapi-fetch on the first call of a
 * client with middleware: other clients, and browser bundles until then, load neither.
 */
import type createClient from "openapi-fetch";
import type { Client as FetchClient } from "openapi-fetch";
import { ANSWER_SECRETS } from "../generated/answer-secrets";
import type { paths } from "../generated/schema";
import { InputError, REDACTED, redact } from "./errors";
import { describeValue } from "./input";
import { querySerializer, responseOf, type Http, type PendingRequest, type Reply, type RequestOptions } from "./http";
import { isSecret, type OperationId, type OperationSpec, type SplitInput } from "./operation";

const HOOKS = ["onRequest", "onResponse", "onError"] as const;

/** Checks that every item of the client's middleware is an object with at least one hook, each a function (the array itself: options.ts). */
function checkHooks(middleware: readonly unknown[], operation: string): void {
  middleware.forEach((item, i) => {
    const hooks = (item ?? {}) as Record<string, unknown>;
    const given = HOOKS.filter((hook) => hooks[hook] !== undefined);
    if (typeof item !== "object" || item === null || given.length === 0 || given.some((hook) => typeof hooks[hook] !== "function")) {
      throw new InputError(`middleware[${i}]`, `must be an object with an onRequest, onResponse or onError function, got ${describeValue(item)}`, operation);
    }
  });
}

/** The parts of a checked input, the body encoded (FormData for multipart). */
type Parts = Omit<SplitInput, "body"> & { body: FormData | SplitInput["body"] };

// The generic call: openapi-fetch's per-path types are what ResultOf<operation> names.
type AnyClient = FetchClient<Record<string, Record<"get", {}>>>;

const clients = new WeakMap<Http, AnyClient>();

/**
 * One call of `operation` through openapi-fetch and the client's middleware; resolves to
 * openapi-fetch's `{ data, error, response }`. The hooks never see a secret: the request's
 * (`secrets`: passwords, a token's key in the path) go to them as [redacted] and back in
 * before sending, the answer's (ANSWER_SECRETS: a new token's key) redacted; the caller's
 * `data` has them.
 */
export async function viaMiddleware(http: Http, operation: string, spec: OperationSpec, input: Parts, options: RequestOptions | undefined, secrets: readonly string[]) {
  let client = clients.get(http);
  if (!client) {
    checkHooks(http.middleware, operation);
    // Required or imported here, not at the top: the CommonJS build holds this module in a
    // chunk every client loads, and a top-level import would load openapi-fetch with it.
    const loaded: { default: unknown } = typeof require === "function" ? require("openapi-fetch") : await import("openapi-fetch");
    client = (loaded.default as typeof createClient)<paths>({
      querySerializer,
      // Multipart bodies arrive as FormData already (operation.ts); JSON bodies are objects.
      bodySerializer: (body: unknown) => (body instanceof FormData ? body : JSON.stringify(body)),
    }) as unknown as AnyClient;
    client.use(...http.middleware);
    clients.set(http, client);
  }
  let reply: Reply | undefined;
  let shown: Reply | undefined;
  let response: Response | undefined;
  const result = await client.request(spec.method.toLowerCase() as "get", spec.path as never, {
    baseUrl: http.hosts[spec.host ?? "api"],
    params: { path: secrets.length > 0 ? hideSecrets(spec, input.path) : input.path, query: input.query },
    body: secrets.length > 0 ? hideSecrets(spec, input.body) : input.body,
    fetch: async (request: Request) => {
      const pending = await pendingOf(request);
      if (secrets.length > 0) Object.assign(pending, { url: restoreUrl(spec, pending.url, input.path), body: restoreBody(spec, pending.body, input.body) });
      reply = await http.send(operation, pending, options, secrets);
      // The hooks see no secret in any answer: the call's (a success may echo them too) and a new token's key.
      const issued = ANSWER_SECRETS[operation as OperationId]?.flatMap((path) => valuesAt(reply!.data, path)) ?? [];
      const hidden = [...reply.secrets, ...issued];
      shown = { ...reply, secrets: hidden, text: reply.text === null ? null : redact(reply.text, hidden) };
      return (response = responseOf(shown));
    },
  } as never);
  // The answer as a hook left it, if it returned another Response.
  if (result.response !== response) return result;
  // Ours, whose body openapi-fetch has read: the caller gets a readable one, and the data with the secrets the hooks did not see.
  return { ...result, ...("data" in result ? { data: reply!.data } : {}), response: responseOf(shown!) };
}

/** Path parameters or a JSON body as the hooks see them: the secret fields [redacted]. */
function hideSecrets<T extends Parts["body"]>(spec: OperationSpec, fields: T): T {
  if (!fields || fields instanceof FormData) return fields;
  const copy: Record<string, unknown> = { ...fields };
  for (const name in copy) if (typeof copy[name] === "string" && isSecret(spec.input[name])) copy[name] = REDACTED;
  return copy as T;
}

const REDACTED_SEGMENT = `/${encodeURIComponent(REDACTED)}/`;

/** The URL the hooks let through, with the secret path parameters back where they left [redacted]. */
function restoreUrl(spec: OperationSpec, url: string, path: Parts["path"]): string {
  for (const name in path) {
    const value = path[name];
    if (typeof value === "string" && isSecret(spec.input[name])) url = url.replace(REDACTED_SEGMENT, () => `/${encodeURIComponent(value)}/`);
  }
  return url;
}

/** The JSON text the hooks let through, with the real secrets where they left [redacted]. */
function restoreBody(spec: OperationSpec, sent: PendingRequest["body"], body: Parts["body"]): PendingRequest["body"] {
  if (typeof sent !== "string" || !body || body instanceof FormData) return sent;
  try {
    const parsed = JSON.parse(sent) as Record<string, unknown>;
    for (const name in parsed) if (parsed[name] === REDACTED && isSecret(spec.input[name])) parsed[name] = body[name];
    return JSON.stringify(parsed);
  } catch {
    return sent; // a hook made it something else: it goes out as the hook left it
  }
}

/** The strings at `path` in `value`: `token.key`, `[].key` in every item of a list. */
function valuesAt(value: unknown, path: string): string[] {
  let values = [value];
  for (const step of path.split(".")) {
    const list = step.endsWith("[]");
    const name = list ? step.slice(0, -2) : step;
    values = values.flatMap((v) => {
      const inner = name ? (v as Record<string, unknown> | null | undefined)?.[name] : v;
      return list ? (Array.isArray(inner) ? inner : []) : [inner];
    });
  }
  return values.filter((v): v is string => typeof v === "string" && v !== "");
}

/**
 * The Request a hook let through, as the transport takes requests: its headers (names in
 * lower case, as Headers gives them) and its body read once, so that a retry can send it
 * again (JSON as text, which the transport also reads for passwords to redact; anything
 * else as a Blob, which holds the bytes without copying them into JavaScript).
 */
async function pendingOf(request: Request): Promise<PendingRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  const json = request.headers.get("content-type")?.startsWith("application/json");
  const body = request.body === null ? null : json ? await request.text() : await request.blob();
  return { url: request.url, method: request.method, headers, body };
}
