/**
 * Robustness of the client against answers and inputs an outside audit found broken: odd
 * statuses, reason phrases and headers, success bodies of the wrong type, impossible
 * dates, bad options. The answers come from a raw TCP server on 127.0.0.1 (node:http
 * refuses to write most of them), through both transports.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";
import { Client, ConnectionError, InputError, NeuroIOError, type ClientOptions } from "../src/wrappers";

/** A server that reads each request's head and answers with the next scripted bytes, then closes. */
class RawServer {
  readonly requests: string[] = [];
  private readonly queue: (string | Buffer)[] = [];
  private readonly server = net.createServer((socket) => {
    let head = "";
    socket.on("error", () => {});
    socket.on("data", (chunk) => {
      head += chunk.toString("latin1");
      if (!head.includes("\r\n\r\n")) return;
      this.requests.push(head.slice(0, head.indexOf("\r\n")));
      head = "";
      socket.end(this.queue.shift() ?? answer(599, "Unscripted", "{}"));
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  script(...answers: (string | Buffer)[]): void {
    this.queue.push(...answers);
  }

  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** An HTTP/1.1 answer as bytes: any status, reason phrase (UTF-8) and header lines. */
function answer(status: number, reason: string, body: string, headers: Record<string, string> = {}): Buffer {
  const lines = [`HTTP/1.1 ${status} ${reason}`, "content-type: application/json", `content-length: ${Buffer.byteLength(body)}`, "connection: close"];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "utf8"), Buffer.from(body, "utf8")]);
}

let server: RawServer;
beforeAll(async () => {
  server = await new RawServer().start();
});
afterEach(() => server.reset());
afterAll(() => server.close());

const TRANSPORTS: [string, Partial<ClientOptions>][] = [
  ["the Node transport", {}],
  ["global fetch", { fetch: globalThis.fetch }],
];

describe.each(TRANSPORTS)("through %s", (_name, transport) => {
  const client = (options: ClientOptions = {}) =>
    new Client({ apiToken: "robustness-token-0123", iamUrl: server.url, apiUrl: server.url, maxRetries: 0, ...transport, ...options });

  describe("result.response never throws", () => {
    it.each([
      ["a DEL character", "O\x7fK"],
      ["a control character", "O\x01K"],
      ["text past Latin-1", "Готово 完了"],
    ])("a reason phrase with %s is dropped; status, headers and data stay", async (_what, reason) => {
      server.script(answer(200, reason, '{"id": 1}', { "x-request-id": "abc" }));
      const result = await client().whoami.me();
      expect(result.data).toEqual({ id: 1 });
      expect(result.response.status).toBe(200);
      expect(result.response.statusText).toBe("");
      expect(result.response.headers.get("x-request-id")).toBe("abc");
      expect(await result.response.json()).toEqual({ id: 1 });
    });

    it("a 205 with a body: no data, a Response without a body", async () => {
      server.script(answer(205, "Reset Content", '{"id": 1}'));
      const result = await client().sources.delete({ id: 1 });
      expect(result.error).toBeUndefined();
      expect(result.data).toBeUndefined();
      expect(result.response.status).toBe(205);
      expect(result.response.body).toBeNull();
    });

    it("a 205 where the operation returns JSON: a 502 error value naming it", async () => {
      server.script(answer(205, "Reset Content", '{"id": 1}'));
      const result = await client().whoami.me();
      expect(result.data).toBeUndefined();
      expect(result.response.status).toBe(502);
      expect(result.error?.message).toBe("NeuroIO answered HTTP 205 with an empty body where whoami.me returns a JSON object");
      expect(await result.response.json()).toEqual(result.error);
    });

    it("a status past 599: a 502 error value naming it, not retried", async () => {
      server.script(answer(600, "Weird", '{"detail": "odd"}'), answer(600, "Weird", "{}"));
      const result = await client({ maxRetries: 2 }).whoami.me();
      expect(result.data).toBeUndefined();
      expect(result.error).toEqual({ error_codes: [], message: expect.stringContaining("HTTP 600"), fields: [] });
      expect(result.error?.message).toContain("odd");
      expect(result.response.status).toBe(502);
      expect(await result.response.json()).toEqual(result.error);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe("content-encoding", () => {
    it("a gzip header on a body that is not gzip: a ConnectionError that says the body does not decode, not that the host was unreachable", async () => {
      server.script(answer(200, "OK", '{"id": 1}', { "content-encoding": "gzip" }));
      const thrown = await client().whoami.me().catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(ConnectionError);
      expect((thrown as Error).message).toContain("does not decode as its content-encoding says");
      expect((thrown as Error).message).toContain("Z_DATA_ERROR");
      expect((thrown as Error).message).not.toContain("could not reach");
    });

    it("an unknown coding: the body is taken as it came, as fetch takes it", async () => {
      server.script(answer(200, "OK", '{"id": 1}', { "content-encoding": "bogus" }));
      const result = await client().whoami.me();
      expect(result.data).toEqual({ id: 1 });
      expect(result.response.headers.get("content-encoding")).toBeNull();
    });
  });

  describe("a success body that is not what the document promises is a broken answer", () => {
    it.each([
      ["an empty body", "", "an empty body"],
      ["null", "null", "JSON null"],
      ["a string", '"ok"', "JSON string"],
      ["an array", "[]", "JSON array"],
    ])("whoami.me (a JSON object) answered 200 with %s: a 502 error value naming it, not retried", async (_what, body, named) => {
      server.script(answer(200, "OK", body), answer(200, "OK", body));
      const result = await client({ maxRetries: 2 }).whoami.me();
      expect(result.data).toBeUndefined();
      expect(result.error?.message).toContain("HTTP 200");
      expect(result.error?.message).toContain(named);
      expect(result.error?.message).toContain("whoami.me returns a JSON object");
      expect(result.response.status).toBe(502);
      expect(server.requests).toHaveLength(1);
    });

    it("tokens.list (a JSON array) answered 200 with an object: a 502 error value", async () => {
      server.script(answer(200, "OK", '{"results": []}'));
      const result = await client().tokens.list();
      expect(result.data).toBeUndefined();
      expect(result.error?.message).toContain("tokens.list returns a JSON array");
      expect(result.response.status).toBe(502);
    });

    it("an operation that answers without a body (tokens.delete, 204) still succeeds with nothing", async () => {
      server.script(answer(204, "No Content", ""));
      const result = await client().tokens.delete({ token_id_or_key: 1 });
      expect(result.error).toBeUndefined();
      expect(result.data).toBeUndefined();
      expect(result.response.status).toBe(204);
    });

    it.each([
      ["an empty body", ""],
      ["null", "null"],
      ["no token", '{"user": {"username": "u"}}'],
      ["a null token", '{"user": {"username": "u"}, "token": null}'],
      ["a token without a key", '{"user": {"username": "u"}, "token": {"id": 1}}'],
      ["a numeric key", '{"user": {"username": "u"}, "token": {"id": 1, "key": 42}}'],
    ])("Client.login answered 200 with %s rejects with a NeuroIOError (502)", async (_what, body) => {
      server.script(answer(200, "OK", body));
      const error = await Client.login({ username: "u", password: "p" }, { iamUrl: server.url, apiUrl: server.url, ...transport }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NeuroIOError);
      expect((error as NeuroIOError).status).toBe(502);
      expect(server.requests).toHaveLength(1);
    });
  });
});

describe("options that are not what they claim are refused before anything is sent", () => {
  const options = { apiToken: "robustness-token-0123", iamUrl: "http://127.0.0.1:9", apiUrl: "http://127.0.0.1:9" };

  it.each([
    ["an empty object", {}],
    ["an object with only `aborted`", { aborted: false }],
    ["a string", "abort"],
  ])("signal: %s is an InputError naming it", async (_what, signal) => {
    const client = new Client({ ...options, apiUrl: server.url });
    const thrown = await client.version.get({ signal: signal as never }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(InputError);
    expect(thrown).toMatchObject({ field: "signal" });
    expect(server.requests).toHaveLength(0);
  });

  it("middleware that is not an array is an InputError naming it, when the client is made", () => {
    let thrown: unknown;
    try {
      new Client({ ...options, middleware: { onRequest() {} } as never });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect(thrown).toMatchObject({ field: "middleware" });
  });

  it.each([
    ["an object without hooks", [{}], "middleware[0]"],
    ["a hook that is not a function", [{ onRequest() {} }, { onResponse: "log" }], "middleware[1]"],
    ["null", [null], "middleware[0]"],
  ])("middleware with %s is an InputError naming it, at the first call, before anything is sent", async (_what, middleware, field) => {
    const client = new Client({ ...options, apiUrl: server.url, middleware: middleware as never });
    for (let call = 0; call < 2; call++) {
      const thrown = await client.version.get().catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(InputError);
      expect(thrown).toMatchObject({ field, operation: "version.get" });
    }
    expect(server.requests).toHaveLength(0);
  });

  it("a middleware with one hook is taken, and runs", async () => {
    const seen: string[] = [];
    server.script(answer(200, "OK", '{"version": "1"}'));
    const client = new Client({ ...options, apiUrl: server.url, middleware: [{ onRequest: ({ request }) => void seen.push(request.method) }] });
    const { data } = await client.version.get();
    expect(data).toEqual({ version: "1" });
    expect(seen).toEqual(["GET"]);
  });
});
