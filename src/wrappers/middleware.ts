/**
 * Calls of a client with middleware: openapi-fetch builds each request and runs the
 * caller's hooks (`onRequest`, `onResponse`, `onError`) around the SDK's transport, which
 * sends the Request the hooks let through like any other call (token, time limits,
 * retries, re-login). Its own module, loaded with openapi-fetch on the first call of a
 * client with middleware: other clients, and browser bundles until then, load neither.
 */
import type createClient from "openapi-fetch";
import type { Client as FetchClient } from "openapi-fetch";
import type { paths } from "../generated/schema";
import { REDACTED, redact } from "./errors";
import { querySerializer, responseOf, type Http, type PendingRequest, type Reply, type RequestOptions } from "./http";
import type { OperationSpec, SplitInput } from "./operation";

/** The parts of a checked input, the body encoded (FormData for multipart). */
type Parts = Omit<SplitInput, "body"> & { body: FormData | SplitInput["body"] };

// The generic call: openapi-fetch's per-path types are what ResultOf<operation> names.
type AnyClient = FetchClient<Record<string, Record<"get", {}>>>;

const clients = new WeakMap<Http, AnyClient>();

/**
 * One call of `operation` through openapi-fetch and the client's middleware; resolves to
 * openapi-fetch's `{ data, error, response }`. The hooks never see a secret: the request's
 * `passwords` go to them as [redacted] (and back in before sending), the answer's secrets
 * (`spec.secrets`, a new token's key) redacted; the caller's `data` has them.
 */
export async function viaMiddleware(http: Http, operation: string, spec: OperationSpec, input: Parts, options: RequestOptions | undefined, passwords: readonly string[]) {
  let client = clients.get(http);
  if (!client) {
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
  let shown: Response | undefined;
  const result = await client.request(spec.method.toLowerCase() as "get", spec.path as never, {
    baseUrl: http.hosts[spec.host],
    params: { path: input.path, query: input.query },
    body: passwords.length > 0 ? hidePasswords(spec, input.body) : input.body,
    fetch: async (request: Request) => {
      const pending = await pendingOf(request);
      if (passwords.length > 0) pending.body = restorePasswords(spec, pending.body, input.body);
      reply = await http.send(operation, pending, options, passwords);
      const secrets = spec.secrets?.flatMap((path) => valuesAt(reply!.data, path)) ?? [];
      return (shown = responseOf(secrets.length > 0 && reply.text !== null ? { ...reply, text: redact(reply.text, secrets) } : reply));
    },
  } as never);
  // The answer as the hooks left it (a hook may return another Response), with the secrets they did not see.
  return result.response === shown && "data" in result ? { ...result, data: reply!.data } : result;
}

/** The JSON body as the hooks see it: its `format: password` fields [redacted]. */
function hidePasswords(spec: OperationSpec, body: Parts["body"]): Parts["body"] {
  if (!body || body instanceof FormData) return body;
  const copy: Record<string, unknown> = { ...body };
  for (const name in copy) if (isPassword(spec, name)) copy[name] = REDACTED;
  return copy;
}

/** The JSON text the hooks let through, with the real passwords where they left [redacted]. */
function restorePasswords(spec: OperationSpec, sent: PendingRequest["body"], body: Parts["body"]): PendingRequest["body"] {
  if (typeof sent !== "string" || !body || body instanceof FormData) return sent;
  try {
    const parsed = JSON.parse(sent) as Record<string, unknown>;
    for (const name in parsed) if (parsed[name] === REDACTED && isPassword(spec, name)) parsed[name] = body[name];
    return JSON.stringify(parsed);
  } catch {
    return sent; // a hook made it something else: it goes out as the hook left it
  }
}

function isPassword(spec: OperationSpec, name: string): boolean {
  return spec.input[name]?.schema.format === "password";
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
