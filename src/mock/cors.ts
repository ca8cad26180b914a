/**
 * CORS for the stand-in, so that a web page can use it: preflights (`OPTIONS` with
 * `Access-Control-Request-Method`) are answered, and every answer to an allowed origin
 * carries `Access-Control-Allow-Origin`. By default any loopback origin is allowed
 * (`http://localhost:5173`, `http://127.0.0.1:3000`, `http://[::1]:8000`…): pages served on
 * this machine, never another site a browser happens to have open.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Which page origins may call the stand-in: `"loopback"` (default), `"*"` (any),
 * `false` (none: no CORS headers at all), a list of exact origins, or a predicate.
 */
export type CorsOption = "loopback" | "*" | false | readonly string[] | ((origin: string) => boolean);

const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;

/** How long a browser may reuse a preflight's answer (seconds). */
const PREFLIGHT_MAX_AGE = "600";
const ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
// What a page may read besides the body: paging is in the body, Retry-After is not; a
// 405's Allow, and which answers came from the document's examples.
const EXPOSED_HEADERS = "Retry-After, Content-Length, Allow, X-NeuroIO-Mock";

/**
 * Why `value` is no origin a page can have, or undefined when it is one. A browser sends
 * its page's origin serialized: `scheme://host[:port]` (http and https: the host in lower
 * case, IDNs in punycode, the default port left out), an app scheme's the same way
 * (`chrome-extension://<id>`, `capacitor://localhost`), or `null` (a page opened from disk,
 * a sandboxed frame); nothing after it (no path, no trailing slash, no query). Any other
 * text never equals an Origin header, so every request of the page it was meant for would
 * be refused with 403. The reason ends with the origin the value probably meant, when there is one.
 */
function notAnOrigin(value: string): string | undefined {
  if (value === "null") return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // Not a URL at all: said below.
  }
  const web = url !== undefined && (url.protocol === "http:" || url.protocol === "https:");
  // An app scheme's origin is opaque to URL (`null`): its serialization is scheme://host.
  const serialized = url === undefined ? undefined : web ? url.origin : url.host ? `${url.protocol}//${url.host}` : undefined;
  if (serialized === value) return undefined;
  const meant = serialized ? `; did you mean ${serialized}?` : "";
  return `${value} is not an origin (scheme://host[:port] with nothing after it, as a browser sends it, or null)${meant}`;
}

/**
 * Checks a `cors` option (`name` is how the caller spelled it, e.g. `cors`), throwing an
 * Error that names it for a value that is none of the choices or an origin no page has.
 */
export function checkCorsOption(option: unknown, name: string): asserts option is CorsOption {
  if (option === "loopback" || option === "*" || option === false || typeof option === "function") return;
  if (!Array.isArray(option)) {
    throw new Error(`${name}: ${JSON.stringify(option)} is not "loopback", "*", false, a list of origins or a function (a single origin goes in a list)`);
  }
  for (const origin of option as unknown[]) {
    const problem = typeof origin === "string" ? notAnOrigin(origin) : `${JSON.stringify(origin)} is not an origin`;
    if (problem) throw new Error(`${name}: ${problem}`);
  }
}

export function corsAllows(option: CorsOption, origin: string): boolean {
  if (option === false) return false;
  if (option === "*") return true;
  if (option === "loopback") return LOOPBACK_ORIGIN.test(origin);
  if (typeof option === "function") return option(origin);
  return option.includes(origin);
}

/**
 * The refusal of a WebSocket upgrade from a page whose origin may not call the stand-in:
 * browsers apply no CORS to WebSockets, so the events feed checks the Origin itself, by the
 * same option (a client outside a browser sends none).
 */
export function originRefusal(option: CorsOption, req: IncomingMessage): { status: number; body: object } | undefined {
  const origin = req.headers.origin;
  if (origin === undefined || corsAllows(option, origin)) return undefined;
  return { status: 403, body: { error_codes: [403], message: `CORS: the origin ${origin} is not allowed.`, fields: [] } };
}

/**
 * Adds the CORS headers an allowed origin gets, and answers a preflight. Returns true when
 * the request was a preflight and has been answered (the caller does nothing more).
 */
export function applyCors(option: CorsOption, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
  const allowed = origin !== undefined && corsAllows(option, origin);
  if (origin !== undefined && option !== false) res.setHeader("Vary", "Origin");
  if (allowed) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
  }
  if (!preflight || option === false) return false;
  req.resume();
  if (!allowed) {
    const body = JSON.stringify({ error_codes: [403], message: `CORS: the origin ${origin ?? "(none)"} is not allowed.`, fields: [] });
    res.writeHead(403, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
    return true;
  }
  res.writeHead(204, {
    "Access-Control-Allow-Methods": ALLOWED_METHODS,
    "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "Authorization, Content-Type",
    "Access-Control-Max-Age": PREFLIGHT_MAX_AGE,
  });
  res.end();
  return true;
}
