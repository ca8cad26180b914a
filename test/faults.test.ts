/**
 * Fault-injection tests: a real Client against a hostile HTTP server on 127.0.0.1 (see
 * faults-server.ts) that answers each request with a scripted fault. No mocked fetch: every
 * call goes over a real socket through Node's fetch.
 *
 * Timing assertions only ever use lower bounds; the upper bound is jest's test timeout.
 * Time limits that the request must outlast on its way to the server are seconds, not
 * milliseconds: on a busy two-core machine connecting alone can take a few hundred.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import util from "node:util";
import zlib from "node:zlib";
import v8 from "node:v8";
import vm from "node:vm";
import type { Middleware } from "openapi-fetch";
import { thrownBy } from "./helpers";
import {
  ATTEMPTS_HEADER,
  Client,
  ConnectionError,
  InputError,
  NeuroIOError,
  ResponseTooLargeError,
  TimeoutError,
  paginate,
  unwrap,
  type ClientOptions,
} from "../src/wrappers";
import {
  HostileServer,
  delayed,
  errorBody,
  hang,
  json,
  midBody,
  raw,
  reset,
  send,
  type Behaviour,
} from "./faults-server";

// Secrets: distinctive strings that must never show up in anything the SDK produces.
const TOKEN = "tok-S3CRET-7f3a9c1e5b2d4a60";
const TOKEN_A = "tokA-S3CRET-0a1b2c3d4e5f6071";
const TOKEN_B = "tokB-S3CRET-8899aabbccddeeff";
const USERNAME = "faults-user";
const PASSWORD = "pw-S3CRET-hunter2-9e8d7c6b";
const SECRETS = [TOKEN, TOKEN_A, TOKEN_B, PASSWORD, "S3CRET"];

let iam: HostileServer;
let api: HostileServer;

beforeAll(async () => {
  iam = await new HostileServer("iam").start();
  api = await new HostileServer("api").start();
});

afterEach(() => {
  // Nothing reached a server that the test had not scripted, and no loop hit the cap.
  const leftovers = { iamUnscripted: iam.unscripted, apiUnscripted: api.unscripted, iamOver: iam.overLimit, apiOver: api.overLimit };
  iam.reset();
  api.reset();
  expect(leftovers).toEqual({ iamUnscripted: 0, apiUnscripted: 0, iamOver: 0, apiOver: 0 });
});

afterAll(async () => {
  await Promise.all([iam?.close(), api?.close()]);
});

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

const TRANSPORTS: [string, Partial<ClientOptions>][] = [
  ["the Node transport", {}],
  ["global fetch", { fetch: globalThis.fetch }],
];
/** Options selecting the transport of the describe block running. */
let transport: Partial<ClientOptions> = {};

function tokenClient(options: Omit<ClientOptions, "iamUrl" | "apiUrl"> = {}): Client {
  return new Client({ iamUrl: iam.url, apiUrl: api.url, apiToken: TOKEN, maxRetryDelayMs: 100, ...transport, ...options });
}

function source(id: number) {
  return { id, name: `source-${id}`, sex: 0 };
}

function sourcePage(ids: number[], count = ids.length, next: string | null = null) {
  return { count, next, previous: null, results: ids.map(source) };
}

const okPage = (...ids: number[]): Behaviour => json(200, sourcePage(ids));

/** IAM login: the right credentials get `tokens[i]` on the i-th good login; anything else 602. */
function iamLogin(issue: () => { key: string; expires: string | null } | "wrong"): Behaviour {
  return ({ res, seen }) => {
    let body: { username?: string; password?: string } = {};
    try {
      body = JSON.parse(seen.body.toString("utf8"));
    } catch {
      /* a 602 below */
    }
    const issued = body.username === USERNAME && body.password === PASSWORD ? issue() : "wrong";
    if (issued === "wrong") {
      send(res, 400, { error_codes: [602], message: "Unable to log in with provided credentials.", fields: [] });
      return;
    }
    send(res, 200, {
      user: { username: USERNAME },
      token: { id: 1, key: issued.key, is_active: true, created: new Date().toISOString(), expires: issued.expires },
    });
  };
}

const inADay = () => new Date(Date.now() + 24 * 3600_000).toISOString();

/** The API acting on tokens: TOKEN_A has expired (401), TOKEN_B works. */
function apiByToken(onB: Behaviour = okPage(1)): Behaviour {
  return (exchange) => {
    const auth = exchange.seen.headers.authorization;
    if (auth === `Token ${TOKEN_B}`) return onB(exchange);
    send(exchange.res, 401, { error_codes: [401], message: "Invalid token.", fields: [] });
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject, it resolved");
}


/** Every kind of error checked for secrets, to prove the secrets check saw them all. */
const checkedKinds = new Set<string>();

/**
 * The secrets appear nowhere in the error: message, stack, `cause` chain (util.inspect
 * with unlimited depth and hidden properties), String() and JSON form.
 */
function expectNoSecrets(error: unknown): void {
  const err = error as Error & { cause?: unknown };
  const views: Record<string, string> = {
    message: String(err?.message),
    stack: String(err?.stack),
    string: String(err),
    inspect: util.inspect(err, { depth: Infinity, showHidden: true, getters: true }),
    json: JSON.stringify(err) ?? "",
  };
  for (let cause = err?.cause, depth = 0; cause !== undefined && depth < 20; depth++) {
    views[`cause${depth}`] = util.inspect(cause, { depth: Infinity, showHidden: true }) + String((cause as Error)?.stack);
    cause = (cause as { cause?: unknown })?.cause;
  }
  for (const [view, text] of Object.entries(views)) {
    for (const secret of SECRETS) {
      if (text.includes(secret)) throw new Error(`secret ${JSON.stringify(secret)} leaked in the ${view} of ${err?.name}: ${text}`);
    }
  }
  checkedKinds.add(err?.name ?? typeof error);
}

function attempts(response: Response): string | null {
  return response.headers.get(ATTEMPTS_HEADER);
}

function at(server: HostileServer, what: string): number {
  const event = server.events.find((e) => e.what === what);
  if (!event) throw new Error(`no event ${what} in ${server.events.map((e) => e.what).join(", ")}`);
  return event.at;
}

// Most faults are run twice: through the Node transport (the default in Node, undici's
// pool called directly) and through global fetch (what the SDK uses when given `fetch`, and
// in other runtimes).
describe.each(TRANSPORTS)("through %s", (_name, options) => {
  beforeAll(() => {
    transport = options;
  });
  afterAll(() => {
    transport = {};
  });

  // ---------------------------------------------------------------------------------------
  // Retries
  // ---------------------------------------------------------------------------------------

  describe("retries", () => {
    it("GET: 503, 503, then 200 → success on the third attempt", async () => {
      api.script(errorBody(503, "busy"), errorBody(503, "busy"), okPage(1, 2));
      const client = tokenClient();

      const { data, error, response } = await client.sources.list();

      expect(error).toBeUndefined();
      expect(data?.results.map((s) => s.id)).toEqual([1, 2]);
      expect(response.status).toBe(200);
      expect(attempts(response)).toBe("3");
      expect(api.requests).toHaveLength(3);
      for (const r of api.requests) {
        expect(`${r.method} ${r.path}`).toBe("GET /v1/sources/");
        expect(r.headers.authorization).toBe(`Token ${TOKEN}`);
      }
      expect(api.pending).toBe(0);
    });

    it("POST: 503 → exactly one request reaches the server, the 503 comes back as a typed ErrorBody", async () => {
      api.script(errorBody(503, "busy"), errorBody(503, "busy"), json(201, source(1)));
      const client = tokenClient({ maxRetries: 5 });

      const { data, error, response } = await client.sources.create({ name: "cam" });

      expect(data).toBeUndefined();
      expect(error).toEqual({ error_codes: [], message: "busy", fields: [] });
      expect(response.status).toBe(503);
      expect(attempts(response)).toBe("1");
      expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/sources/"]);
      expect(api.pending).toBe(2);
    });

    it("PATCH: 502 → never retried either", async () => {
      api.script(errorBody(502, "bad gateway"), json(200, source(7)));
      const client = tokenClient({ maxRetries: 5 });

      const { error, response } = await client.sources.update({ id: 7, name: "renamed" });

      expect(response.status).toBe(502);
      expect(error?.message).toBe("bad gateway");
      expect(api.requests.map((r) => r.method)).toEqual(["PATCH"]);
    });

    it("DELETE (idempotent) is retried like GET", async () => {
      api.script(errorBody(503, "busy"), raw(204, ""));
      const { error, response } = await tokenClient().persons.delete({ pid: "p1" });

      expect(error).toBeUndefined();
      expect(response.status).toBe(204);
      expect(attempts(response)).toBe("2");
      expect(api.requests.map((r) => r.method)).toEqual(["DELETE", "DELETE"]);
    });

    it("maxRetries: 0 disables retries, client-wide and per call", async () => {
      api.script(errorBody(503, "busy"), errorBody(503, "busy"), okPage(1));
      const noRetries = tokenClient({ maxRetries: 0 });
      const first = await noRetries.sources.list();
      expect(first.response.status).toBe(503);
      expect(attempts(first.response)).toBe("1");
      expect(api.requests).toHaveLength(1);

      const perCall = await tokenClient().sources.list({}, { maxRetries: 0 });
      expect(perCall.response.status).toBe(503);
      expect(attempts(perCall.response)).toBe("1");
      expect(api.requests).toHaveLength(2);
    });

    it("retries are bounded: a server that is always 503 gets maxRetries + 1 requests, then the error", async () => {
      api.fallback = errorBody(503, "still busy");
      const { error, response } = await tokenClient({ maxRetries: 3 }).sources.list();

      expect(response.status).toBe(503);
      expect(error?.message).toBe("still busy");
      expect(attempts(response)).toBe("4");
      expect(api.requests).toHaveLength(4);
    });

    it("429 with Retry-After: 1 → waits about a second, then succeeds", async () => {
      api.script(errorBody(429, "slow down", [], { "retry-after": "1" }), okPage(1));
      const client = tokenClient({ maxRetryDelayMs: 30_000 });

      const started = performance.now();
      const { data, response } = await client.sources.list();
      api.event("call resolved");

      expect(data?.results).toHaveLength(1);
      expect(attempts(response)).toBe("2");
      expect(api.events.map((e) => e.what)).toEqual([
        "req 1 GET /v1/sources/",
        "res 1 429",
        "req 2 GET /v1/sources/",
        "res 2 200",
        "call resolved",
      ]);
      expect(at(api, "req 2 GET /v1/sources/") - at(api, "res 1 429")).toBeGreaterThanOrEqual(900);
      expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    });

    it("Retry-After as an HTTP date is honoured", async () => {
      api.script(({ res }) => {
        // Two seconds ahead, truncated to the second by the date format: at least ~1 s of wait.
        const when = new Date(Date.now() + 2_000).toUTCString();
        send(res, 503, { error_codes: [], message: "maintenance", fields: [] }, { "retry-after": when });
      }, okPage(1));
      const client = tokenClient({ maxRetryDelayMs: 30_000 });

      const { data, response } = await client.sources.list();

      expect(data?.results).toHaveLength(1);
      expect(attempts(response)).toBe("2");
      expect(at(api, "req 2 GET /v1/sources/") - at(api, "res 1 503")).toBeGreaterThanOrEqual(900);
    });

    it("Retry-After is capped by maxRetryDelayMs (an hour becomes a short wait)", async () => {
      api.script(errorBody(429, "slow down", [], { "retry-after": "3600" }), okPage(1));
      const client = tokenClient({ maxRetryDelayMs: 200 });

      const { response } = await client.sources.list();

      expect(response.status).toBe(200);
      expect(at(api, "req 2 GET /v1/sources/") - at(api, "res 1 429")).toBeGreaterThanOrEqual(150);
    }, 10_000);

    it("connection reset before answering (GET) → retried on a new connection, then success", async () => {
      api.script(reset(), okPage(1));
      const { data, response } = await tokenClient().sources.list();

      expect(data?.results).toHaveLength(1);
      expect(attempts(response)).toBe("2");
      expect(api.requests).toHaveLength(2);
      expect(api.requests[1]!.connection).not.toBe(api.requests[0]!.connection);
    });

    it("connection reset before answering (POST) → one request, ConnectionError", async () => {
      api.script(reset(), json(201, source(1)));
      const error = await rejection(tokenClient({ maxRetries: 5 }).sources.create({ name: "cam" }));

      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).not.toBeInstanceOf(TimeoutError);
      expect((error as Error).message).toContain("sources.create");
      expect(api.requests).toHaveLength(1);
      expectNoSecrets(error);
    });

    it("a GET reset on every attempt → ConnectionError after maxRetries + 1 requests", async () => {
      api.fallback = reset();
      const error = await rejection(tokenClient({ maxRetries: 2 }).sources.list());

      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).name).toBe("ConnectionError");
      expect((error as Error).message).toContain("sources.list");
      expect((error as Error).message).toContain(new URL(api.url).host);
      expect(api.requests).toHaveLength(3);
      expectNoSecrets(error);
    });
  });

  // ---------------------------------------------------------------------------------------
  // Timeouts, aborts, broken connections
  // ---------------------------------------------------------------------------------------

  describe("timeouts and aborts", () => {
    it("a server that never answers → TimeoutError naming the operation and limit; the connection is released", async () => {
      api.script(hang());
      const client = tokenClient({ timeoutMs: 2_000 });

      const started = performance.now();
      const error = await rejection(client.sources.list());
      const elapsed = performance.now() - started;

      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toBeInstanceOf(ConnectionError);
      const timeout = error as TimeoutError;
      expect(timeout.name).toBe("TimeoutError");
      expect(timeout.operation).toBe("sources.list");
      expect(timeout.timeoutMs).toBe(2_000);
      expect(timeout.message).toContain("sources.list");
      expect(timeout.message).toContain("2000 ms");
      expect(elapsed).toBeGreaterThanOrEqual(1_900);
      // The time limit is for the call: a timed-out attempt is not retried.
      expect(api.requests).toHaveLength(1);
      // The client closed the socket it was waiting on.
      await api.socketClosed(api.requests[0]!.socket);
      expectNoSecrets(error);
    });

    it("a server that answers the headers and then stalls mid-body → TimeoutError, connection released", async () => {
      api.script(({ res }) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": 1000 });
        res.write('{"count": 1, "next": null, "results": [');
      });
      const error = await rejection(tokenClient({ timeoutMs: 2_000 }).sources.list());

      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).operation).toBe("sources.list");
      await api.socketClosed(api.requests[0]!.socket);
      expectNoSecrets(error);
    });

    it("a per-call timeoutMs overrides the client's, both ways", async () => {
      api.script(hang());
      const error = await rejection(tokenClient().sources.list({}, { timeoutMs: 2_000 }));
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).timeoutMs).toBe(2_000);
      expect((error as Error).message).toContain("2000 ms");
      await api.socketClosed(api.requests[0]!.socket);

      api.script(delayed(400, okPage(1)));
      const { data } = await tokenClient({ timeoutMs: 100 }).sources.list({}, { timeoutMs: 10_000 });
      expect(data?.results).toHaveLength(1);
    });

    it("a timeout on a POST is not retried and names the operation", async () => {
      api.script(hang());
      const error = await rejection(tokenClient({ timeoutMs: 2_000 }).sources.create({ name: "cam" }));
      expect((error as TimeoutError).operation).toBe("sources.create");
      expect(api.requests).toHaveLength(1);
      await api.socketClosed(api.requests[0]!.socket);
    });

    it("an AbortSignal aborts a call in flight; the connection is released", async () => {
      api.script(hang());
      const controller = new AbortController();
      const call = tokenClient().sources.list({}, { signal: controller.signal });
      // Abort once the request is on the server, not before.
      await waitUntil(() => api.requests.length === 1);
      controller.abort();

      const error = await rejection(call);
      expect((error as Error).name).toBe("AbortError");
      expect(error).not.toBeInstanceOf(TimeoutError);
      await api.socketClosed(api.requests[0]!.socket);
      expectNoSecrets(error);
    });

    it("an AbortSignal aborts the wait between retries", async () => {
      api.script(errorBody(503, "busy", [], { "retry-after": "30" }), okPage(1));
      const controller = new AbortController();
      const call = tokenClient({ maxRetryDelayMs: 60_000 }).sources.list({}, { signal: controller.signal });
      await waitUntil(() => api.events.some((e) => e.what === "res 1 503"));
      controller.abort();

      const error = await rejection(call);
      expect((error as Error).name).toBe("AbortError");
      expect(api.requests).toHaveLength(1);
      expect(api.pending).toBe(1);
    }, 10_000);

    it("an already aborted signal sends nothing", async () => {
      const error = await rejection(tokenClient().sources.list({}, { signal: AbortSignal.abort() }));
      expect((error as Error).name).toBe("AbortError");
      expect(api.requests).toHaveLength(0);
    });

    it("reset mid-body (content-length announced) on a GET → ConnectionError after the retries, no hang", async () => {
      api.fallback = midBody(200, sourcePage([1, 2, 3, 4, 5]));
      const error = await rejection(tokenClient({ maxRetries: 1 }).sources.list());

      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).not.toBeInstanceOf(TimeoutError);
      expect((error as Error).message).toContain("sources.list");
      expect(api.requests).toHaveLength(2);
      expectNoSecrets(error);
    });

    it("reset mid-body (chunked) on a POST → one request, ConnectionError", async () => {
      api.script(midBody(201, { ...source(1), padding: "x".repeat(4000) }, { chunked: true }));
      const error = await rejection(tokenClient({ maxRetries: 5 }).sources.create({ name: "cam" }));

      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).message).toContain("sources.create");
      expect(api.requests).toHaveLength(1);
      expectNoSecrets(error);
    });

    it("reset mid-body once, then a good answer → the GET recovers", async () => {
      api.script(midBody(200, sourcePage([1, 2, 3])), okPage(1, 2, 3));
      const { data, response } = await tokenClient().sources.list();
      expect(data?.results.map((s) => s.id)).toEqual([1, 2, 3]);
      expect(attempts(response)).toBe("2");
    });
  });

  // ---------------------------------------------------------------------------------------
  // Malformed answers
  // ---------------------------------------------------------------------------------------

  const HTML_502 = `<!DOCTYPE html>
  <html><head><title>502 Bad Gateway</title></head>
  <body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.25.3</center></body></html>`;

  function expectErrorBody(error: unknown): asserts error is { error_codes: number[]; message: string; fields: unknown[] } {
    expect(error).toEqual({ error_codes: expect.any(Array), message: expect.any(String), fields: expect.any(Array) });
  }

  describe("malformed answers become well-formed error values", () => {
    it("HTML 502 page", async () => {
      api.script(raw(502, HTML_502, { "content-type": "text/html" }));
      const result = await tokenClient({ maxRetries: 0 }).sources.list();

      expect(result.data).toBeUndefined();
      expect(result.response.status).toBe(502);
      expectErrorBody(result.error);
      expect(result.error.error_codes).toEqual([]);
      expect(result.error.fields).toEqual([]);
      expect(result.error.message).toContain("502");
      expect(result.error.message).toContain("<title>502 Bad Gateway</title>");

      const thrown = await rejection(Promise.resolve().then(() => unwrap(result)));
      expect(thrown).toBeInstanceOf(NeuroIOError);
      expect((thrown as NeuroIOError).status).toBe(502);
      expect((thrown as NeuroIOError).error_codes).toEqual([]);
      expect((thrown as NeuroIOError).message).toContain("502");
      expectNoSecrets(thrown);
    });

    it("HTML 502 on every attempt of a GET → retried, then the same well-formed error", async () => {
      api.fallback = raw(502, HTML_502, { "content-type": "text/html" });
      const error = await rejection(unwrap(tokenClient({ maxRetries: 2 }).sources.list()));

      expect(error).toBeInstanceOf(NeuroIOError);
      expect((error as NeuroIOError).status).toBe(502);
      expect(api.requests).toHaveLength(3);
    });

    it("empty 500 body", async () => {
      api.script(raw(500, ""));
      const result = await tokenClient().sources.list();

      expect(result.response.status).toBe(500);
      expectErrorBody(result.error);
      expect(result.error.message).toBe("NeuroIO answered HTTP 500 with an empty body");
      const thrown = await rejection(Promise.resolve().then(() => unwrap(result)));
      expect((thrown as NeuroIOError).status).toBe(500);
      expect((thrown as NeuroIOError).fields).toEqual([]);
    });

    it("truncated JSON with 200 → an error value (HTTP 502) naming the real status and an excerpt", async () => {
      const truncated = '{"count": 3, "next": null, "previous": null, "results": [{"id": 1, "na';
      api.script(raw(200, truncated, { "content-type": "application/json" }));
      const result = await tokenClient({ maxRetries: 0 }).sources.list();

      expect(result.data).toBeUndefined();
      expect(result.response.status).toBe(502);
      expectErrorBody(result.error);
      expect(result.error.message).toContain("HTTP 200");
      expect(result.error.message).toContain('\\"count\\": 3');
      const thrown = await rejection(unwrap(Promise.resolve(result)));
      expect(thrown).toBeInstanceOf(NeuroIOError);
      expect((thrown as NeuroIOError).status).toBe(502);
    });

    it("truncated JSON on a POST: one request, the same error value (no exception)", async () => {
      api.script(raw(201, '{"id": 1, "name": "ca', { "content-type": "application/json" }));
      const result = await tokenClient().sources.create({ name: "cam" });
      expect(result.response.status).toBe(502);
      expectErrorBody(result.error);
      expect(result.error.message).toContain("HTTP 201");
      expect(api.requests).toHaveLength(1);
    });

    it("a huge HTML error page is cut to a short excerpt", async () => {
      api.script(raw(500, `<html>${"<p>stack frame</p>".repeat(50_000)}</html>`, { "content-type": "text/html" }));
      const { error } = await tokenClient().sources.list();
      expectErrorBody(error);
      expect(error.message).toContain("HTTP 500");
      expect(error.message.length).toBeLessThan(400);
    });

    it("JSON that is not an ErrorBody ({ detail }) keeps its message", async () => {
      api.script(json(404, { detail: "Not found." }));
      const { error, response } = await tokenClient().sources.get({ id: 9 });
      expect(response.status).toBe(404);
      expect(error).toEqual({ error_codes: [], message: "Not found.", fields: [] });
    });

    it("no body (204, 205, a 202) where the operation returns JSON → an error value (HTTP 502) naming the status", async () => {
      for (const status of [204, 205, 202]) {
        api.script(raw(status, ""));
        const result = await tokenClient({ maxRetries: 0 }).sources.get({ id: 1 });
        expect(result.data).toBeUndefined();
        expect(result.response.status).toBe(502);
        expect(result.error?.message).toBe(`NeuroIO answered HTTP ${status} with an empty body where sources.get returns a JSON object`);
      }
    });

    it("a 304 is no success: an error value with its status, not data", async () => {
      api.script(raw(304, ""));
      const result = await tokenClient({ maxRetries: 0 }).sources.get({ id: 1 });
      expect(result.data).toBeUndefined();
      expect(result.response.status).toBe(304);
      expect(result.error).toEqual({ error_codes: [], message: "NeuroIO answered HTTP 304 with an empty body", fields: [] });
      const thrown = await rejection(Promise.resolve().then(() => unwrap(result)));
      expect((thrown as NeuroIOError).status).toBe(304);
    });

    it("a 202 that carries an unexpected body does not throw", async () => {
      api.script(json(202, { detail: "deletion scheduled" }));
      const { error, response } = await tokenClient().sources.delete({ id: 3 });
      expect(response.status).toBe(202);
      expect(error).toBeUndefined();
    });
  });

  // ---------------------------------------------------------------------------------------
  // Token lifecycle
  // ---------------------------------------------------------------------------------------

  describe("token lifecycle", () => {
    function loginClient(options: Omit<ClientOptions, "iamUrl" | "apiUrl" | "apiToken"> = {}) {
      return Client.login({ username: USERNAME, password: PASSWORD }, {
        iamUrl: iam.url,
        apiUrl: api.url,
        maxRetryDelayMs: 100,
        ...transport,
        ...options,
      });
    }

    it("a 401 on a credentials client → exactly one re-login, then the request repeated with the new token", async () => {
      const keys = [TOKEN_A, TOKEN_B];
      iam.fallback = iamLogin(() => ({ key: keys.shift() ?? "none", expires: inADay() }));
      api.fallback = apiByToken(okPage(1, 2));

      const client = await loginClient();
      expect(iam.requests).toHaveLength(1);

      const { data, error, response } = await client.sources.list();

      expect(error).toBeUndefined();
      expect(data?.results.map((s) => s.id)).toEqual([1, 2]);
      expect(attempts(response)).toBe("2");
      expect(iam.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/auth/token/", "POST /v1/auth/token/"]);
      expect(iam.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
      expect(api.requests.map((r) => r.headers.authorization)).toEqual([`Token ${TOKEN_A}`, `Token ${TOKEN_B}`]);

      // The new token sticks, also for clients derived with withOptions().
      await client.sources.list();
      await client.withOptions({ timeoutMs: 5_000 }).sources.list();
      expect(api.requests.slice(2).map((r) => r.headers.authorization)).toEqual([`Token ${TOKEN_B}`, `Token ${TOKEN_B}`]);
      expect(iam.requests).toHaveLength(2);
    });

    it("a token whose expiry date has passed → logged in again before sending; the old token is never sent", async () => {
      const issued = [
        { key: TOKEN_A, expires: new Date(Date.now() - 60_000).toISOString() },
        { key: TOKEN_B, expires: inADay() },
      ];
      iam.fallback = iamLogin(() => issued.shift() ?? { key: "none", expires: null });
      api.fallback = apiByToken();

      const client = await loginClient();
      const { response } = await client.sources.list();

      expect(response.status).toBe(200);
      expect(attempts(response)).toBe("1");
      expect(iam.requests).toHaveLength(2);
      expect(api.requests.map((r) => r.headers.authorization)).toEqual([`Token ${TOKEN_B}`]);
    });

    it("concurrent calls that all get 401 share one re-login", async () => {
      const keys = [TOKEN_A, TOKEN_B];
      let logins = 0;
      iam.fallback = (exchange) => {
        logins++;
        const answer = iamLogin(() => ({ key: keys.shift() ?? "none", expires: inADay() }));
        // The re-login is slow, so every 401 arrives while it is in flight.
        return logins === 1 ? answer(exchange) : delayed(200, answer)(exchange);
      };
      const CALLS = 5;
      const held: Array<() => void> = [];
      const releaseAll = () => {
        for (const release of held.splice(0)) release();
      };
      let fuse: NodeJS.Timeout | undefined;
      api.fallback = (exchange) => {
        if (exchange.seen.headers.authorization === `Token ${TOKEN_B}`) return okPage(1)(exchange);
        // Hold every 401 until all the calls have arrived with the old token (or a fuse
        // blows, so that a broken client fails the assertions below instead of hanging).
        held.push(() => send(exchange.res, 401, { error_codes: [401], message: "Invalid token.", fields: [] }));
        fuse ??= setTimeout(releaseAll, 2_000);
        if (held.length >= CALLS) releaseAll();
      };

      const client = await loginClient();
      const results = await Promise.all(Array.from({ length: CALLS }, (_, i) => client.sources.get({ id: i })));

      clearTimeout(fuse);
      expect(results.map((r) => r.response.status)).toEqual(Array(CALLS).fill(200));
      expect(iam.requests).toHaveLength(2);
      const auths = api.requests.map((r) => r.headers.authorization);
      expect(auths.filter((a) => a === `Token ${TOKEN_A}`)).toHaveLength(CALLS);
      expect(auths.filter((a) => a === `Token ${TOKEN_B}`)).toHaveLength(CALLS);
      expect(api.requests).toHaveLength(2 * CALLS);
    });

    it("a token the API keeps refusing after the re-login → the 401 comes back, no second re-login", async () => {
      const keys = [TOKEN_A, TOKEN_B];
      iam.fallback = iamLogin(() => ({ key: keys.shift() ?? "none", expires: inADay() }));
      api.fallback = errorBody(401, "Invalid token.", [401]);

      const client = await loginClient({ maxRetries: 5 });
      const { error, response } = await client.sources.list();

      expect(response.status).toBe(401);
      expect(error?.message).toBe("Invalid token.");
      expect(attempts(response)).toBe("2");
      expect(iam.requests).toHaveLength(2);
      expect(api.requests.map((r) => r.headers.authorization)).toEqual([`Token ${TOKEN_A}`, `Token ${TOKEN_B}`]);
    });

    it("an AbortSignal stops a call waiting for a slow re-login; a call sharing that re-login still gets it", async () => {
      const keys = [TOKEN_A, TOKEN_B];
      const answer = iamLogin(() => ({ key: keys.shift() ?? "none", expires: inADay() }));
      iam.fallback = (exchange) => (exchange.seen.n === 1 ? answer(exchange) : delayed(1_500, answer)(exchange));
      api.fallback = apiByToken();

      const client = await loginClient();
      const controller = new AbortController();
      const aborted = client.sources.list({}, { signal: controller.signal });
      const patient = client.sources.get({ id: 1 });
      // Abort while the re-login is on the IAM server.
      await waitUntil(() => iam.requests.length === 2);
      controller.abort();

      const error = await rejection(aborted);
      iam.event("aborted call rejected");
      expect((error as Error).name).toBe("AbortError");
      // It did not wait for the login answer…
      expect(iam.events.map((e) => e.what)).toEqual([
        "req 1 POST /v1/auth/token/",
        "res 1 200",
        "req 2 POST /v1/auth/token/",
        "aborted call rejected",
      ]);
      // …which still arrives for the other call, repeated once with the new token.
      const { response } = await patient;
      expect(response.status).toBe(200);
      expect(iam.requests).toHaveLength(2);
      expect(api.requests.map((r) => r.headers.authorization)).toEqual([`Token ${TOKEN_A}`, `Token ${TOKEN_A}`, `Token ${TOKEN_B}`]);
      expectNoSecrets(error);
    }, 10_000);

    it("wrong credentials on the re-login → the 602 error, no loop", async () => {
      let good = 1;
      iam.fallback = iamLogin(() => (good-- > 0 ? { key: TOKEN_A, expires: inADay() } : "wrong"));
      api.fallback = apiByToken();

      const client = await loginClient();
      const error = await rejection(client.sources.list());

      expect(error).toBeInstanceOf(NeuroIOError);
      expect((error as NeuroIOError).status).toBe(400);
      expect((error as NeuroIOError).error_codes).toEqual([602]);
      expect(iam.requests).toHaveLength(2);
      expect(api.requests).toHaveLength(1);
      expectNoSecrets(error);

      // The next call tries once more (one login per call), and still does not loop.
      const again = await rejection(client.sources.list());
      expect((again as NeuroIOError).error_codes).toEqual([602]);
      expect(iam.requests).toHaveLength(3);
      expect(api.requests).toHaveLength(2);
    });

    it("wrong credentials on the first login → Client.login throws the 602 error", async () => {
      iam.fallback = iamLogin(() => "wrong");
      const error = await rejection(
        Client.login({ username: USERNAME, password: `${PASSWORD}-typo` }, { iamUrl: iam.url, apiUrl: api.url, ...transport }),
      );
      expect(error).toBeInstanceOf(NeuroIOError);
      expect((error as NeuroIOError).error_codes).toEqual([602]);
      expect(iam.requests).toHaveLength(1);
      expectNoSecrets(error);
    });

    it("a 401 on a POST → re-login, but the POST is not sent twice", async () => {
      const keys = [TOKEN_A, TOKEN_B];
      iam.fallback = iamLogin(() => ({ key: keys.shift() ?? "none", expires: inADay() }));
      api.fallback = apiByToken(json(201, source(1)));

      const client = await loginClient();
      const first = await client.sources.create({ name: "cam" });
      expect(first.response.status).toBe(401);
      expect(api.requests).toHaveLength(1);
      expect(iam.requests).toHaveLength(2);

      const second = await client.sources.create({ name: "cam" });
      expect(second.response.status).toBe(201);
      expect(api.requests.map((r) => r.headers.authorization)).toEqual([`Token ${TOKEN_A}`, `Token ${TOKEN_B}`]);
    });

    it("a client created from a bare token never logs in again: the 401 is the answer", async () => {
      api.fallback = apiByToken();
      const client = new Client({ iamUrl: iam.url, apiUrl: api.url, apiToken: TOKEN_A, ...transport });

      const { error, response } = await client.sources.list();
      expect(response.status).toBe(401);
      expect(error).toEqual({ error_codes: [401], message: "Invalid token.", fields: [] });
      expect(attempts(response)).toBe("1");
      expect(iam.requests).toHaveLength(0);
      expect(api.requests).toHaveLength(1);

      const thrown = await rejection(unwrap(client.withToken(TOKEN_A).sources.list()));
      expect((thrown as NeuroIOError).status).toBe(401);
      expect(iam.requests).toHaveLength(0);
      expectNoSecrets(thrown);
    });
  });

  // ---------------------------------------------------------------------------------------
  // Pagination
  // ---------------------------------------------------------------------------------------

  /** A server-side list of `total` fat items, each page generated on demand (nothing stored). */
  function pagedSources(total: number, padding: number): Behaviour {
    return ({ res, seen }) => {
      const limit = Number(seen.query.get("limit") ?? 100);
      const offset = Number(seen.query.get("offset") ?? 0);
      const results = [];
      for (let id = offset; id < Math.min(offset + limit, total); id++) results.push({ ...source(id), padding: `${id}:`.padEnd(padding, "x") });
      const next = offset + limit < total ? `${api.url}/v1/sources/?limit=${limit}&offset=${offset + limit}` : null;
      send(res, 200, { count: total, next, previous: null, results });
    };
  }

  /** A full garbage collection, for heap measurements. */
  function collector(): () => void {
    const existing = (globalThis as { gc?: () => void }).gc;
    if (typeof existing === "function") return existing;
    v8.setFlagsFromString("--expose-gc");
    return vm.runInNewContext("gc") as () => void;
  }

  describe("pagination", () => {
    it("10,000 items across pages: every item exactly once, in order, with bounded memory", async () => {
      const TOTAL = 10_000;
      const PAGE = 250;
      const PADDING = 2_000; // ~20 MB of item text in all: holding every page would show
      api.maxRequests = 100;
      api.fallback = pagedSources(TOTAL, PADDING);
      const client = tokenClient();
      const gc = collector();

      gc();
      const baseline = process.memoryUsage().heapUsed;
      let peak = 0;
      let expected = 0;
      for await (const item of paginate((page) => client.sources.list({ ...page }), { pageSize: PAGE })) {
        if (item.id !== expected) throw new Error(`item ${item.id} came where ${expected} was expected`);
        expected++;
        if (expected % 1_000 === 0) {
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
        }
      }

      expect(expected).toBe(TOTAL);
      expect(api.requests).toHaveLength(Math.ceil(TOTAL / PAGE));
      expect(api.requests.map((r) => [r.query.get("limit"), r.query.get("offset")])).toEqual(
        Array.from({ length: TOTAL / PAGE }, (_, i) => [String(PAGE), String(i * PAGE)]),
      );
      // All pages held would be ≥ 20 MB; a page at a time is well under a tenth of that.
      expect(peak).toBeLessThan(8 * 1024 * 1024);
    });

    it("an AbortSignal stops the iteration (and no further page is requested)", async () => {
      api.maxRequests = 20;
      api.fallback = pagedSources(1_000, 10);
      const client = tokenClient();
      const controller = new AbortController();

      let seen = 0;
      const error = await rejection(
        (async () => {
          for await (const _item of paginate((page) => client.sources.list({ ...page }, { signal: controller.signal }), {
            pageSize: 100,
            signal: controller.signal,
          })) {
            seen++;
            if (seen === 150) controller.abort();
          }
        })(),
      );

      expect((error as Error).name).toBe("AbortError");
      expect(seen).toBe(150);
      expect(api.requests).toHaveLength(2);
    });

    it("a failing page stops the iteration with NeuroIOError", async () => {
      api.script(pagedSources(300, 10), errorBody(500, "boom"));
      let seen = 0;
      const error = await rejection(
        (async () => {
          for await (const _item of paginate((page) => tokenClient().sources.list({ ...page }), { pageSize: 100 })) seen++;
        })(),
      );
      expect(error).toBeInstanceOf(NeuroIOError);
      expect((error as NeuroIOError).status).toBe(500);
      expect(seen).toBe(100);
      expect(api.requests).toHaveLength(2);
    });
  });

  // ---------------------------------------------------------------------------------------
  // Payload guard
  // ---------------------------------------------------------------------------------------

  describe("payload guard", () => {
    it("an upload over maxUploadBytes is refused before anything is sent, naming the field and the size", async () => {
      const client = tokenClient({ maxUploadBytes: 1024 });
      const image = new Uint8Array(1025);
      image.set([0xff, 0xd8, 0xff]);

      const error = await rejection(client.persons.create({ image, source: "cam" }));

      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe("image");
      expect((error as Error).message).toMatch(/^persons.create: image: /);
      expect((error as Error).message).toMatch(/\b10\d\d bytes\b/);
      expect((error as Error).message).toContain("1024");
      expect(api.requests).toHaveLength(0);
      expect(api.connections).toHaveLength(0);
      expectNoSecrets(error);
    });

    it("the default limit is 6 MiB", async () => {
      const image = new Uint8Array(6 * 1024 * 1024 + 1);
      const error = await rejection(tokenClient().persons.search({ image }));
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toContain(String(6 * 1024 * 1024));
      expect(api.connections).toHaveLength(0);

      api.script(json(200, { persons: [] }));
      const small = new Uint8Array(1024);
      small.set([0xff, 0xd8, 0xff]);
      const { response } = await tokenClient().persons.search({ image: small });
      expect(response.status).toBe(200);
      expect(api.requests).toHaveLength(1);
      expect(api.requests[0]!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    });
  });


  // ---------------------------------------------------------------------------------------
  // Answers too large to hold
  // ---------------------------------------------------------------------------------------

  describe("maxResponseBytes", () => {
    it("an endless body stops at the limit: ResponseTooLargeError naming the operation and the limit, not retried, connection released", async () => {
      api.script(endless());
      const error = await rejection(tokenClient({ maxResponseBytes: 1024 * 1024 }).sources.list());

      expect(error).toBeInstanceOf(ResponseTooLargeError);
      const tooLarge = error as ResponseTooLargeError;
      expect(tooLarge.operation).toBe("sources.list");
      expect(tooLarge.maxResponseBytes).toBe(1024 * 1024);
      expect(tooLarge.message).toContain("sources.list");
      expect(tooLarge.message).toContain("maxResponseBytes (1048576 bytes)");
      expect(api.requests).toHaveLength(1); // the same answer would come again
      await api.socketClosed(api.requests[0]!.socket);
      expectNoSecrets(error);
    });

    it("a gzip bomb is stopped at the decoded size, and an error body too", async () => {
      api.script(gzipBomb(200), gzipBomb(500));
      const client = tokenClient({ maxResponseBytes: 4 * 1024 * 1024 });
      const error = await rejection(client.sources.list());
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect((error as Error).message).toContain("4194304 bytes");
      await api.socketClosed(api.requests[0]!.socket);

      const errorPage = await rejection(client.sources.create({ name: "cam" }));
      expect(errorPage).toBeInstanceOf(ResponseTooLargeError);
      expect((errorPage as ResponseTooLargeError).operation).toBe("sources.create");
    });

    it("the per-call limit overrides the client's, both ways; a body at the limit is read", async () => {
      const body = JSON.stringify(sourcePage([1, 2, 3]));
      const size = Buffer.byteLength(body);
      api.script(raw(200, body, { "content-type": "application/json" }), raw(200, body, { "content-type": "application/json" }));

      const { data } = await tokenClient({ maxResponseBytes: 10 }).sources.list({}, { maxResponseBytes: size });
      expect(data?.results).toHaveLength(3);
      const error = await rejection(tokenClient().sources.list({}, { maxResponseBytes: size - 1 }));
      expect(error).toBeInstanceOf(ResponseTooLargeError);
      expect((error as ResponseTooLargeError).maxResponseBytes).toBe(size - 1);
    });

    // Each in a child process: its peak RSS is the call's alone. Without the limit, these
    // grew the process past 2 GB.
    it.each([
      ["a gzip bomb (about 1 MB on the wire, 1 GiB decoded)", () => gzipBomb(200)],
      ["an endless fast body", () => endless()],
    ])("%s with the default limit (64 MiB) keeps the peak RSS well under 300 MB", async (_what, behaviour) => {
      api.script(behaviour());
      const child = await runChild(api.url, "fetch" in transport ? "fetch" : "node");

      expect(child.name).toBe("ResponseTooLargeError");
      expect(child.message).toContain(`maxResponseBytes (${64 * 1024 * 1024} bytes)`);
      expect(child.maxRssBytes).toBeLessThan(300 * 1024 * 1024);
      await api.socketClosed(api.requests[0]!.socket, 60_000);
    }, 300_000);
  });

  // ---------------------------------------------------------------------------------------
  // The deadline of a whole call
  // ---------------------------------------------------------------------------------------

  describe("deadlineMs", () => {
    it("a server that never answers: the deadline ends the call even when timeoutMs is long", async () => {
      api.script(hang());
      const error = await rejection(tokenClient({ timeoutMs: 60_000 }).sources.list({}, { deadlineMs: 2_000 }));

      expect(error).toBeInstanceOf(TimeoutError);
      const timeout = error as TimeoutError;
      expect(timeout.limit).toBe("deadlineMs");
      expect(timeout.timeoutMs).toBe(2_000);
      expect(timeout.operation).toBe("sources.list");
      expect(timeout.message).toContain("deadline of 2000 ms");
      await api.socketClosed(api.requests[0]!.socket);
    });

    it("retries and Retry-After stop at the deadline: the last answer comes back", async () => {
      api.maxRequests = 20;
      api.fallback = errorBody(503, "busy", [], { "retry-after": "1" });
      const started = performance.now();
      const { error, response } = await tokenClient({ maxRetries: 10, maxRetryDelayMs: 60_000, deadlineMs: 1_500 }).sources.list();

      expect(response.status).toBe(503);
      expect(error).toEqual({ error_codes: [], message: "busy", fields: [] });
      // At most one wait of a second fits in 1.5 s; without the deadline: 11 requests, 10 s.
      expect(api.requests.length).toBeGreaterThanOrEqual(1);
      expect(api.requests.length).toBeLessThanOrEqual(2);
      expect(performance.now() - started).toBeGreaterThanOrEqual(api.requests.length === 2 ? 900 : 0);
    });

    it("the default deadline is twice the call's timeoutMs", async () => {
      api.maxRequests = 20;
      api.fallback = errorBody(503, "busy", [], { "retry-after": "20" });
      // 2 × 5 s leaves no room for a 20-second wait: one request, and the 503 at once.
      const { response } = await tokenClient({ maxRetries: 10, maxRetryDelayMs: 60_000, timeoutMs: 5_000 }).sources.list();
      expect(response.status).toBe(503);
      expect(api.requests).toHaveLength(1);

      // A client-wide deadlineMs wins over the default.
      api.reset();
      api.script(errorBody(503, "busy", [], { "retry-after": "1" }), okPage(1));
      api.maxRequests = 20;
      const { data } = await tokenClient({ maxRetries: 10, timeoutMs: 5_000, deadlineMs: 30_000, maxRetryDelayMs: 60_000 }).sources.list();
      expect(data?.results).toHaveLength(1);
      expect(api.requests).toHaveLength(2);
    }, 20_000);

    it("a re-login that hangs is bounded by the deadline", async () => {
      const keys = [TOKEN_A];
      iam.script(iamLogin(() => ({ key: keys.shift()!, expires: inADay() })), hang());
      const client = await Client.login({ username: USERNAME, password: PASSWORD }, { iamUrl: iam.url, apiUrl: api.url, ...transport });
      api.script(apiByToken());

      const error = await rejection(client.sources.list({}, { deadlineMs: 2_000 }));
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).limit).toBe("deadlineMs");
      expect(iam.requests.length).toBeLessThanOrEqual(2); // the login, and the re-login cut short
      expectNoSecrets(error);
    });
  });

  // ---------------------------------------------------------------------------------------
  // Answers that must not be retried, pages that are not pages
  // ---------------------------------------------------------------------------------------

  describe("a 2xx with a broken body, a page without results", () => {
    it("a GET answered 200 with a body that is not JSON is not retried: the server acted", async () => {
      api.maxRequests = 10;
      api.fallback = raw(200, "<html>maintenance</html>", { "content-type": "text/html" });
      const { error, response } = await tokenClient({ maxRetries: 3 }).sources.list();

      expect(response.status).toBe(502);
      expect(error?.message).toContain("HTTP 200");
      expect(attempts(response)).toBe("1");
      expect(api.requests).toHaveLength(1);
    });

    it("paginate() over a page without `results` throws NeuroIOError naming the operation", async () => {
      api.script(json(200, { count: 3, next: null, items: [source(1)] }));
      const error = await rejection(
        (async () => {
          for await (const _item of paginate((page) => tokenClient().sources.list({ ...page }))) void _item;
        })(),
      );
      expect(error).toBeInstanceOf(NeuroIOError);
      expect((error as Error).message).toContain("sources.list");
      expect((error as Error).message).toContain("results");
    });

    it("paginate() over pages without a `count` stops at the first: a server that ignores the offset would be paged forever", async () => {
      api.maxRequests = 10;
      api.fallback = json(200, { next: "more", previous: null, results: [source(1)] });
      const seen: number[] = [];
      const error = await rejection(
        (async () => {
          for await (const item of paginate((page) => tokenClient().sources.list({ ...page }))) seen.push(item.id);
        })(),
      );
      expect(error).toBeInstanceOf(NeuroIOError);
      expect((error as Error).message).toBe("sources.list: NeuroIO answered a page without a results list and a count (offset 0)");
      expect(seen).toEqual([]);
      expect(api.requests).toHaveLength(1);
    });
  });

  // ---------------------------------------------------------------------------------------
  // Secrets echoed by a server, or put into errors by a fetch
  // ---------------------------------------------------------------------------------------

  describe("secrets echoed back", () => {
    // The token straddles the 200-character excerpt cut.
    const echo = (secret: string) => `${"x".repeat(180)} Token ${secret} ${"y".repeat(300)}`;

    it("an error body that echoes the token: no trace of it in the error value or the NeuroIOError", async () => {
      api.script(
        json(400, { error_codes: [400], message: echo(TOKEN), fields: [{ name: "x", message: `token ${TOKEN}`, error_code: 400 }] }),
        raw(500, echo(TOKEN), { "content-type": "text/plain" }),
        raw(200, echo(TOKEN), { "content-type": "text/plain" }),
        json(400, { error_codes: [400], message: JSON.stringify({ sent: `Token ${TOKEN}` }), fields: [] }),
      );
      const client = tokenClient({ maxRetries: 0 });
      for (let i = 0; i < 4; i++) {
        const result = await client.sources.list();
        expect(result.response.ok).toBe(false);
        const text = JSON.stringify(result.error);
        for (const part of [TOKEN, TOKEN.slice(0, 10), TOKEN.slice(-10)]) expect(text).not.toContain(part);
        expect(text).toContain("[redacted]");
        expectNoSecrets(await rejection(unwrap(Promise.resolve(result))));
      }
    });

    it("Client.login against a server that echoes the password: not in the NeuroIOError", async () => {
      iam.script(json(400, { error_codes: [602], message: `Wrong password ${PASSWORD} for ${USERNAME}`, fields: [] }));
      const error = await rejection(Client.login({ username: USERNAME, password: PASSWORD }, { iamUrl: iam.url, apiUrl: api.url, ...transport }));
      expect(error).toBeInstanceOf(NeuroIOError);
      expect((error as NeuroIOError).error_codes).toEqual([602]);
      expect((error as Error).message).toContain(USERNAME);
      expectNoSecrets(error);
    });

    it("auth.passwordChange against a server that echoes both passwords: neither in the error", async () => {
      const NEW = "pw-S3CRET-new-55aa";
      iam.script(json(400, { error_codes: [400], message: `old ${PASSWORD} new ${NEW}`, fields: [] }));
      const { error } = await tokenClient().auth.passwordChange({ old_password: PASSWORD, new_password: NEW });
      expect(JSON.stringify(error)).not.toContain(PASSWORD);
      expect(JSON.stringify(error)).not.toContain(NEW);
      expect(error?.message).toBe("old [redacted] new [redacted]");
    });

    it("a token the server echoes JSON-escaped (\\u0026, \\/) is redacted after parsing too", async () => {
      const escaped = (text: string) => [...text].map((c) => (c === "/" ? "\\/" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)).join("");
      const body = `{"error_codes":[400],"message":"sent Token ${escaped(TOKEN)}","fields":[{"name":"x","message":"${escaped(TOKEN)}","error_code":400}]}`;
      expect(body).not.toContain(TOKEN);
      api.script(raw(400, body, { "content-type": "application/json" }));
      const result = await tokenClient({ maxRetries: 0 }).sources.list();
      expect(result.error?.message).toBe("sent Token [redacted]");
      expect(result.error?.fields[0]?.message).toBe("[redacted]");
      expect(await result.response.text()).not.toContain(TOKEN);
      expectNoSecrets(await rejection(unwrap(Promise.resolve(result))));
    });

    it("a token the server echoes as a key of the error body, or of a field, is redacted there too", async () => {
      const body = { error_codes: [400], message: "Invalid.", fields: [{ name: "x", message: "bad", error_code: 400, [TOKEN]: 1 }], [`Token ${TOKEN}`]: ["is not valid"] };
      api.script(json(400, body));
      const result = await tokenClient({ maxRetries: 0 }).sources.list();
      expect(result.error).toMatchObject({ "Token [redacted]": ["is not valid"], fields: [{ name: "x", "[redacted]": 1 }] });
      expect(JSON.stringify(result.error)).not.toContain(TOKEN);
      expect(await result.response.text()).not.toContain(TOKEN);
    });

    it("a token so short it occurs in the error body's own keys: the error is still a well-formed ErrorBody, without it", async () => {
      api.script(json(400, { error_codes: [400], message: "Invalid value.", fields: [{ name: "name", message: "This field is required.", error_code: 400 }] }));
      const client = new Client({ apiToken: "ode", iamUrl: iam.url, apiUrl: api.url, maxRetries: 0, ...transport });
      const { error } = await client.sources.list();
      // Its keys (error_codes) cannot be told from an echo: the body reads as an unexpected one, its message kept.
      expect(error).toEqual({ error_codes: [], message: "Invalid value.", fields: [] });
    });

    it("secrets echoed in other JSON spellings outside an ErrorBody (Python's \\u00e4, an escaped letter) are not in the excerpt", async () => {
      const ACCENTED = "pässwörd-S3CRET-ü";
      const python = (text: string) => text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
      const body = `{"non_field_errors":["bad ${python(ACCENTED)}"],"auth":"Token \\u${TOKEN.charCodeAt(0).toString(16).padStart(4, "0")}${TOKEN.slice(1)}"}`;
      expect(body).not.toContain(TOKEN);
      expect(body).not.toContain(ACCENTED);
      iam.script(raw(400, body, { "content-type": "application/json" }));
      const { error } = await tokenClient({ maxRetries: 0 }).auth.login({ username: USERNAME, password: ACCENTED });
      expect(error?.message).toMatch(/^NeuroIO answered HTTP 400 with an unexpected body: /);
      // The excerpt, decoded as a reader would decode it.
      const decoded = JSON.parse(JSON.parse(error!.message.slice(error!.message.indexOf(": ") + 2)));
      expect(decoded).toEqual({ non_field_errors: ["bad [redacted]"], auth: "Token [redacted]" });
    });

    it("a token's key given in the path is redacted from an echo in the URL's spelling too (percent-encoded)", async () => {
      const KEY = "key/S3CRET+tail=";
      iam.script(({ res, seen }) => send(res, 404, { error_codes: [404], message: `No token at ${seen.url}.`, fields: [] }));
      const { error } = await tokenClient({ maxRetries: 0 }).tokens.get({ token_id_or_key: KEY });
      expect(iam.requests.map((r) => r.url)).toEqual([`/v1/tokens/${encodeURIComponent(KEY)}/`]);
      expect(error?.message).toBe("No token at /v1/tokens/[redacted]/.");
    });

    it("a token echoed in the reason phrase or a header does not reach result.response", async () => {
      api.script(({ res }) => {
        res.writeHead(400, `Bad Token ${TOKEN}`, { "content-type": "application/json", "x-echo": `Token ${TOKEN}` });
        res.end(JSON.stringify({ error_codes: [400], message: "Bad.", fields: [] }));
      });
      const { response } = await tokenClient({ maxRetries: 0 }).sources.list();
      expect(response.status).toBe(400);
      expect(response.statusText).toBe("Bad Token [redacted]");
      expect(response.headers.get("x-echo")).toBe("Token [redacted]");
    });

    it("after a Client.login client logged in again, an echo of the new token (or the old one) is redacted", async () => {
      const keys = [TOKEN_A, TOKEN_B];
      iam.fallback = iamLogin(() => ({ key: keys.shift() ?? "none", expires: inADay() }));
      const client = await Client.login({ username: USERNAME, password: PASSWORD }, { iamUrl: iam.url, apiUrl: api.url, maxRetries: 0, ...transport });
      api.script(apiByToken(), apiByToken(json(400, { error_codes: [400], message: `was ${TOKEN_A}, now ${TOKEN_B}`, fields: [] })));
      const { error } = await client.sources.list();
      expect(error?.message).toBe("was [redacted], now [redacted]");
      expect(api.requests.map((r) => r.headers.authorization)).toEqual([`Token ${TOKEN_A}`, `Token ${TOKEN_B}`]);
    });

    it("a login that issues a token with control characters is refused as a broken answer, without quoting it", async () => {
      iam.script(iamLogin(() => ({ key: `${TOKEN}\r\nX-Injected: 1`, expires: inADay() })));
      const error = await rejection(Client.login({ username: USERNAME, password: PASSWORD }, { iamUrl: iam.url, apiUrl: api.url, ...transport }));
      expect(error).toBeInstanceOf(NeuroIOError);
      expect((error as NeuroIOError).status).toBe(502);
      expect((error as Error).message).toContain("token.key");
      expectNoSecrets(error);
      expect(api.requests).toHaveLength(0);
    });
  });

  describe("middleware hooks", () => {
    it("onRequest, onResponse and onError never see the token, on any attempt", async () => {
      const seen: string[] = [];
      const record = (hook: string, request: Request) => seen.push(`${hook} ${request.headers.get("authorization")}`);
      const middleware: Middleware = {
        onRequest: ({ request }) => void record("onRequest", request),
        onResponse: ({ request }) => void record("onResponse", request),
        onError: ({ request }) => void record("onError", request),
      };
      api.script(errorBody(503, "busy"), okPage(1), reset());
      const client = tokenClient({ middleware: [middleware] });
      await client.sources.list();
      await rejection(client.sources.create({ name: "cam" }));

      expect(seen).toEqual(["onRequest null", "onResponse null", "onRequest null", "onError null"]);
      expect(api.requests.map((r) => r.headers.authorization)).toEqual([`Token ${TOKEN}`, `Token ${TOKEN}`, `Token ${TOKEN}`]);
    });

    it("passwords reach the hooks as [redacted] and the server as sent; a new token's key reaches the hooks redacted and the caller whole", async () => {
      const NEW = "pw-S3CRET-new-77bb";
      const seen: string[] = [];
      const middleware: Middleware = {
        onRequest: async ({ request }) => void seen.push(await request.clone().text()),
        onResponse: async ({ response }) => void seen.push(await response.clone().text()),
        onError: ({ error }) => void seen.push(util.inspect(error, { depth: Infinity, showHidden: true })),
      };
      const urls = { iamUrl: iam.url, apiUrl: api.url, maxRetries: 0, middleware: [middleware], ...transport };
      const permanent = { id: 2, key: TOKEN_B, is_active: true, created: "2021-05-28T10:37:51Z", expires: null };
      iam.script(iamLogin(() => ({ key: TOKEN_A, expires: inADay() })), raw(204, ""), json(201, permanent), reset());
      const client = await Client.login({ username: USERNAME, password: PASSWORD }, urls);
      await client.auth.passwordChange({ old_password: PASSWORD, new_password: NEW });
      const created = await unwrap(client.tokens.create({ permanent: true }));
      expect(created.key).toBe(TOKEN_B);
      await rejection(client.auth.passwordChange({ old_password: NEW, new_password: PASSWORD }));

      expect(iam.requests.map((r) => JSON.parse(r.body.toString() || "null"))).toEqual([
        { username: USERNAME, password: PASSWORD },
        { old_password: PASSWORD, password: NEW, password2: NEW },
        { permanent: true },
        { old_password: NEW, password: PASSWORD, password2: PASSWORD },
      ]);
      expect(seen[0]).toBe(JSON.stringify({ username: USERNAME, password: "[redacted]" }));
      expect(JSON.parse(seen[1]!).token.key).toBe("[redacted]");
      expect(seen[2]).toBe(JSON.stringify({ old_password: "[redacted]", password: "[redacted]", password2: "[redacted]" }));
      expect(JSON.parse(seen.at(-2)!)).toEqual({ old_password: "[redacted]", password: "[redacted]", password2: "[redacted]" });
      for (const secret of [PASSWORD, NEW, TOKEN_A, TOKEN_B]) expect(seen.join("\n")).not.toContain(secret);
      expect(seen).toHaveLength(8);
    });

    it("a token's key given as a path parameter: in the URL the hooks see [redacted], on the wire the key, in an echo [redacted]", async () => {
      const urls: string[] = [];
      const middleware: Middleware = { onRequest: ({ request }) => void urls.push(request.url), onResponse: ({ request }) => void urls.push(request.url) };
      iam.script(json(404, { error_codes: [404], message: `No token ${TOKEN_B}.`, fields: [] }));
      const { error } = await tokenClient({ maxRetries: 0, middleware: [middleware] }).tokens.get({ token_id_or_key: TOKEN_B });
      expect(error?.message).toBe("No token [redacted].");
      expect(iam.requests.map((r) => r.url)).toEqual([`/v1/tokens/${TOKEN_B}/`]);
      expect(urls).toEqual([`${iam.url}/v1/tokens/%5Bredacted%5D/`, `${iam.url}/v1/tokens/%5Bredacted%5D/`]);
    });

    it("onResponse sees no secret a success echoes (the token, a password), and the caller's result.response stays readable", async () => {
      const seen: string[] = [];
      const middleware: Middleware = {
        onResponse: async ({ response }) => void seen.push(`${JSON.stringify([...response.headers])} ${await response.clone().text()}`),
      };
      iam.script(({ res, seen: request }) =>
        send(res, 200, { user: { username: USERNAME }, token: { key: TOKEN_A, expires: null }, echo: request.body.toString() }, { "x-echo": `${request.headers.authorization}` }),
      );
      api.script(({ res, seen: request }) => send(res, 200, sourcePage([1]), { "x-echo": `${request.headers.authorization}` }));
      const client = tokenClient({ maxRetries: 0, middleware: [middleware] });
      const login = await client.auth.login({ username: USERNAME, password: PASSWORD });
      const list = await client.sources.list();

      expect(seen).toHaveLength(2);
      for (const secret of [TOKEN, TOKEN_A, PASSWORD]) expect(seen.join("\n")).not.toContain(secret);
      expect(seen[0]).toContain('\\"password\\":\\"[redacted]\\"');
      expect(seen[1]).toContain('"x-echo","Token [redacted]"');
      // The data is the caller's, whole; the Response is a fresh one, as without middleware.
      expect(login.data?.token.key).toBe(TOKEN_A);
      expect(JSON.parse(await list.response.text())).toEqual(sourcePage([1]));
    });

    it("an error a fetch throws with the request in its fields is clean, in the rejection and in onError", async () => {
      const seen: unknown[] = [];
      const quoting = (async (input: Request) => {
        throw Object.assign(new TypeError("proxy refused"), { input: { headers: Object.fromEntries(input.headers) }, data: [`Token ${TOKEN}`] });
      }) as unknown as typeof fetch;
      const client = tokenClient({ maxRetries: 0, fetch: quoting, middleware: [{ onError: ({ error }) => void seen.push(error) }] });
      const error = await rejection(client.sources.list());
      expect(error).toBeInstanceOf(ConnectionError);
      expectNoSecrets(error);
      expect(util.inspect(error, { depth: Infinity, showHidden: true })).toContain("[redacted]");
      expect(seen).toHaveLength(1);
      expectNoSecrets(seen[0]);
    });
  });
});

// ---------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------

describe("options are checked before anything is sent", () => {
  const NUMBERS = ["timeoutMs", "deadlineMs", "maxRetries", "maxRetryDelayMs", "maxUploadBytes", "maxResponseBytes"] as const;
  const BAD = [Number.NaN, -1, 1.5, "abc", Infinity, 2 ** 31, null, {}];

  it.each(NUMBERS)("client option %s: NaN, -1, 1.5, a string, Infinity, 2^31, null, an object → InputError naming it", (name) => {
    for (const value of BAD) {
      if (name === "maxUploadBytes" && value === 2 ** 31) continue; // uploads may be large
      expect(() => new Client({ apiUrl: api.url, [name]: value } as ClientOptions)).toThrow(InputError);
      try {
        new Client({ apiUrl: api.url, [name]: value } as ClientOptions);
      } catch (error) {
        expect((error as InputError).field).toBe(name);
      }
    }
    const zero = () => new Client({ apiUrl: api.url, [name]: 0 });
    if (name === "maxRetries" || name === "maxRetryDelayMs") expect(zero).not.toThrow();
    else expect(zero).toThrow(InputError);
  });

  it("the edges of each range are accepted; withOptions checks too", () => {
    const edges: ClientOptions = { timeoutMs: 2 ** 31 - 1, deadlineMs: 1, maxRetries: 10, maxRetryDelayMs: 0, maxUploadBytes: 1, maxResponseBytes: 256 * 1024 * 1024 };
    const client = new Client({ apiUrl: api.url, ...edges });
    expect(() => new Client({ apiUrl: api.url, maxRetries: 11 })).toThrow(/^maxRetries: must be an integer from 0 to 10, got 11$/);
    expect(() => new Client({ apiUrl: api.url, maxResponseBytes: 256 * 1024 * 1024 + 1 })).toThrow(InputError);
    expect(() => client.withOptions({ timeoutMs: -1 })).toThrow(/timeoutMs/);
  });

  it("URLs and the other options", () => {
    for (const [options, field] of [
      [{ apiUrl: "not a url" }, "apiUrl"],
      [{ iamUrl: "ftp://127.0.0.1/" }, "iamUrl"],
      [{ eventsUrl: "http://127.0.0.1/" }, "eventsUrl"],
      [{ fetch: "fetch" }, "fetch"],
      [{ middleware: {} }, "middleware"],
      // Operation paths would land in the query or fragment.
      [{ apiUrl: "http://127.0.0.1/?region=eu" }, "apiUrl"],
      [{ iamUrl: "http://127.0.0.1/#x" }, "iamUrl"],
      [{ apiUrl: "http://127.0.0.1/?" }, "apiUrl"],
      // A misspelt option would leave the default in force.
      [{ apikey: TOKEN }, "apikey"],
      [{ timeout: 5 }, "timeout"],
    ] as [ClientOptions, string][]) {
      const error = thrownBy(() => new Client(options));
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe(field);
      expectNoSecrets(error);
    }
  });

  it("a host URL with credentials (userinfo, query, fragment) is refused without quoting them", () => {
    for (const url of [`http://user:${PASSWORD}@127.0.0.1/`, `http://${TOKEN}@127.0.0.1/`, `http://127.0.0.1/?token=${TOKEN}`, `http://127.0.0.1/#${TOKEN}`]) {
      for (const name of ["apiUrl", "iamUrl"] as const) {
        const error = thrownBy(() => new Client({ [name]: url }));
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).field).toBe(name);
        expect((error as InputError).problem).toContain("without user:password@");
        expectNoSecrets(error);
      }
    }
    // Nor when the URL does not parse at all, nor an events URL (whose query may carry a token).
    for (const [name, url] of [["apiUrl", `http://user:${PASSWORD}@127.0 .0.1/`], ["eventsUrl", `https://127.0.0.1/feed?token=${TOKEN}`]]) {
      const error = thrownBy(() => new Client({ [name!]: url }));
      expect(error).toMatchObject({ field: name, problem: expect.stringMatching(/^must be an absolute [a-z ]+ URL/) });
      expectNoSecrets(error);
    }
  });

  it("per-call options: a bad value rejects the call with InputError and nothing is sent", async () => {
    const client = new Client({ apiUrl: api.url, apiToken: TOKEN });
    for (const [options, field] of [
      [{ timeoutMs: Number.NaN }, "timeoutMs"],
      [{ timeoutMs: 0 }, "timeoutMs"],
      [{ maxRetries: Infinity }, "maxRetries"],
      [{ deadlineMs: -5 }, "deadlineMs"],
      [{ maxResponseBytes: "1" }, "maxResponseBytes"],
      [{ signal: "stop" }, "signal"],
    ] as [Record<string, unknown>, string][]) {
      const error = await rejection(client.sources.list({}, options));
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe(field);
    }
    expect(api.connections).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------
// Middleware
// ---------------------------------------------------------------------------------------

describe("middleware", () => {
  it("onRequest/onResponse see every call and never the Authorization header", async () => {
    const log: string[] = [];
    const headerNames: string[] = [];
    const headerValues: string[] = [];
    const middleware: Middleware = {
      onRequest({ request }) {
        request.headers.forEach((value, name) => {
          headerNames.push(name);
          headerValues.push(value);
        });
        log.push(`→ ${request.method} ${new URL(request.url).pathname}`);
      },
      onResponse({ request, response }) {
        response.headers.forEach((value) => headerValues.push(value));
        log.push(`← ${request.method} ${new URL(request.url).pathname} ${response.status} ${response.headers.get(ATTEMPTS_HEADER)}`);
      },
    };
    const keys = [TOKEN_A, TOKEN_B];
    iam.fallback = iamLogin(() => ({ key: keys.shift() ?? "none", expires: inADay() }));

    const client = await Client.login(
      { username: USERNAME, password: PASSWORD },
      { iamUrl: iam.url, apiUrl: api.url, maxRetryDelayMs: 50, middleware: [middleware] },
    );
    // TOKEN_A works at first here; then it expires.
    api.script(
      errorBody(503, "busy"),
      okPage(1),
      errorBody(404, "Not found."),
      apiByToken(),
      apiByToken(),
    );
    await client.sources.list();
    await client.sources.get({ id: 4 });
    await client.sources.list();
    // The same for a bare-token client.
    api.script(okPage(1));
    await tokenClient({ middleware: [middleware] }).sources.list();

    expect(log).toEqual([
      "→ POST /v1/auth/token/",
      "← POST /v1/auth/token/ 200 1",
      "→ GET /v1/sources/",
      "← GET /v1/sources/ 200 2",
      "→ GET /v1/sources/4/",
      "← GET /v1/sources/4/ 404 1",
      "→ GET /v1/sources/",
      "→ POST /v1/auth/token/",
      "← POST /v1/auth/token/ 200 1",
      "← GET /v1/sources/ 200 2",
      "→ GET /v1/sources/",
      "← GET /v1/sources/ 200 1",
    ]);
    expect(headerNames).not.toContain("authorization");
    for (const secret of [TOKEN, TOKEN_A, TOKEN_B]) expect(headerValues.join("\n")).not.toContain(secret);
    // The server did get the tokens: the middleware's view is redacted, not the wire.
    expect(api.requests.map((r) => r.headers.authorization)).toEqual([
      `Token ${TOKEN_A}`,
      `Token ${TOKEN_A}`,
      `Token ${TOKEN_A}`,
      `Token ${TOKEN_A}`,
      `Token ${TOKEN_B}`,
      `Token ${TOKEN}`,
    ]);
  });
});

describe("middleware: what the hooks let through is what goes out", () => {
  it("a JSON body is sent again on a retry, a multipart upload arrives whole, a hook's header is kept and its Authorization is the client's token", async () => {
    const middleware: Middleware = {
      onRequest({ request }) {
        request.headers.set("x-trace", "t-1");
        request.headers.set("authorization", "Token not-the-client-s");
        return request;
      },
    };
    const client = tokenClient({ middleware: [middleware] });
    api.script(errorBody(503, "busy"), json(200, {}), json(201, { result: "new", pid: "p-1" }));

    await client.groups.remove({ pids: ["p-1", "p-2"], groups_ids: [7] });
    const image = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]);
    const created = await client.persons.create({ image, source: "door" });

    expect(created.data).toEqual({ result: "new", pid: "p-1" });
    const [first, again, upload] = api.requests;
    expect([first!.method, again!.method, upload!.method]).toEqual(["DELETE", "DELETE", "POST"]);
    for (const request of [first!, again!]) {
      expect(JSON.parse(request.body.toString())).toEqual({ pids: ["p-1", "p-2"], groups_ids: [7] });
      expect(request.headers["content-type"]).toBe("application/json");
    }
    for (const request of api.requests) {
      expect(request.headers["x-trace"]).toBe("t-1");
      expect(request.headers.authorization).toBe(`Token ${TOKEN}`);
    }
    const boundary = /boundary=(.+)$/.exec(String(upload!.headers["content-type"]))![1]!;
    const body = upload!.body.toString("latin1");
    expect(body).toContain(`--${boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\ndoor\r\n`);
    expect(body).toContain(`\r\nContent-Type: image/png\r\n\r\n${Buffer.from(image).toString("latin1")}\r\n`);
    expect(body.endsWith(`--${boundary}--\r\n`)).toBe(true);
    expect(Number(upload!.headers["content-length"])).toBe(upload!.body.length);
  });
});

// ---------------------------------------------------------------------------------------
// Secrets
// ---------------------------------------------------------------------------------------

describe("secrets", () => {
  it.each(TRANSPORTS)("a ConnectionError from an unreachable host carries no secret (%s)", async (_name, options) => {
    // A port that was just closed: connection refused.
    const gone = await new HostileServer("gone").start();
    const url = gone.url;
    await gone.close();
    const error = await rejection(new Client({ apiUrl: url, apiToken: TOKEN, maxRetries: 0, ...options }).sources.list());
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain("sources.list");
    expectNoSecrets(error);

    const loginError = await rejection(
      Client.login({ username: USERNAME, password: PASSWORD }, { iamUrl: url, apiUrl: url, maxRetries: 0, ...options }),
    );
    expect(loginError).toBeInstanceOf(ConnectionError);
    expect((loginError as Error).message).toContain("auth.login");
    expectNoSecrets(loginError);
  });

  it.each(TRANSPORTS)("an error thrown by the fetch that quotes the request carries no secret, not even in its cause (%s)", async (_name, options) => {
    // A fetch (a proxy library, a logging wrapper) whose error quotes the request headers,
    // and keeps the Request and its Headers (as ky's and ofetch's errors do).
    const quoting = (async (input: Request) => {
      const error = new TypeError(`proxy refused ${input.url} with authorization ${input.headers.get("authorization")}`, {
        cause: Object.assign(new Error(`headers: ${JSON.stringify(Object.fromEntries(input.headers))}`), { headers: input.headers }),
      });
      throw Object.assign(error, { request: input, options: { headers: new Headers(input.headers), body: new Blob([TOKEN]) } });
    }) as unknown as typeof fetch;
    const error = await rejection(new Client({ apiUrl: api.url, apiToken: TOKEN, maxRetries: 0, ...options, fetch: quoting }).sources.list());
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain("[redacted]");
    expectNoSecrets(error);
    // What the SDK cannot read through (a Request, Headers, a Blob) is named, not kept.
    const cause = (error as { cause: { request: unknown; options: object; cause: { headers: unknown } } }).cause;
    expect([cause.request, cause.options, cause.cause.headers]).toEqual(["[object Request]", { headers: "[object Headers]", body: "[object Blob]" }, "[object Headers]"]);
  });

  it("a token with a CR, LF, NUL or other control character is refused at construction, without quoting it", () => {
    const client = new Client({ apiUrl: api.url, apiToken: TOKEN });
    for (const bad of [`${TOKEN}\r\nX-Injected: 1`, `${TOKEN}\n`, `${TOKEN}\0`, `${TOKEN}\x7f`, `${TOKEN}\t`, `tok ${TOKEN}`, "", `${TOKEN}é`]) {
      for (const make of [() => new Client({ apiToken: bad }), () => client.withToken(bad)]) {
        const error = thrownBy(make);
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).field).toBe("apiToken");
        expectNoSecrets(error);
      }
    }
    expect(api.connections).toHaveLength(0);
  });
  it("every kind of error produced in this suite was checked for secrets", () => {
    expect([...checkedKinds].sort()).toEqual([
      "AbortError",
      "ConnectionError",
      "InputError",
      "NeuroIOError",
      "ResponseTooLargeError",
      "TimeoutError",
    ]);
  });
});

/** Answers 200 and then writes JSON-ish bytes as fast as the client reads, until it goes away. */
function endless(): Behaviour {
  return ({ res }) => {
    const chunk = Buffer.alloc(64 * 1024, "x");
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"count": 1, "next": null, "results": [{"name": "');
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
    };
    res.on("drain", pump);
    res.on("error", () => {});
    pump();
  };
}

/** 1 GiB of JSON-ish bytes in about 1 MB of gzip: one compressed 16 MiB member, sent 64 times (gzip allows members in a row). */
let bomb: Buffer | undefined;
function gzipBomb(status: number): Behaviour {
  bomb ??= Buffer.concat(Array<Buffer>(64).fill(zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024, " "), { level: 9 })));
  const body = bomb;
  return ({ res }) => {
    res.writeHead(status, { "content-type": "application/json", "content-encoding": "gzip", "content-length": body.length });
    res.on("error", () => {});
    res.end(body);
  };
}

/** Runs test/faults-rss.ts (tsx) against `url`; generous limit: it is an external process on a busy machine. */
async function runChild(url: string, transport: "node" | "fetch"): Promise<{ name: string; message: string; maxRssBytes: number }> {
  const tsx = require.resolve("tsx/cli");
  const { stdout } = await util.promisify(execFile)(process.execPath, [tsx, path.join(__dirname, "faults-rss.ts"), url, transport], {
    timeout: 240_000,
  });
  return JSON.parse(stdout);
}

async function waitUntil(condition: () => boolean, withinMs = 5_000): Promise<void> {
  const until = performance.now() + withinMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
