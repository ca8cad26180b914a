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
import { querySerializer, responseOf, type Http, type PendingRequest, type RequestOptions } from "./http";
import type { OperationSpec, SplitInput } from "./operation";

/** The parts of a checked input, the body encoded (FormData for multipart). */
type Parts = Omit<SplitInput, "body"> & { body: FormData | SplitInput["body"] };

// The generic call: openapi-fetch's per-path types are what ResultOf<operation> names.
type AnyClient = FetchClient<Record<string, Record<"get", {}>>>;

const clients = new WeakMap<Http, AnyClient>();

/** One call of `operation` through openapi-fetch and the client's middleware; resolves to openapi-fetch's `{ data, error, response }`. */
export async function viaMiddleware(http: Http, operation: string, spec: OperationSpec, input: Parts, options: RequestOptions | undefined) {
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
  return client.request(spec.method.toLowerCase() as "get", spec.path as never, {
    baseUrl: http.hosts[spec.host],
    params: { path: input.path, query: input.query },
    body: input.body,
    fetch: async (request: Request) => responseOf(await http.send(operation, await pendingOf(request), options)),
  } as never);
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
