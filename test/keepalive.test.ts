/**
 * Connection reuse (issue 7): one Client keeps its connections alive, so a second call
 * goes over the socket of the first. A local server on 127.0.0.1 counts the connections
 * it accepts ('connection' events) and which socket served each request.
 *
 * Global fetch (undici's pool too) keeps connections alive as well, but hands a connection
 * back to its pool one event-loop turn after the answer is read: a call made right after
 * another finds it still busy and opens a second one, and sequential calls alternate
 * between the two. The SDK's Node transport answers after that turn, so its sequential
 * calls share one socket.
 *
 * Also: in Node the default transport drives the pool behind fetch without calling fetch
 * (test/node-transport.test.ts: that pool is Node's, or the program's dispatcher).
 */
import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { Client, type ClientOptions } from "../src/wrappers";

const TOKEN = "keepalive-token";
const PAGE = JSON.stringify({ count: 1, next: null, previous: null, results: [{ id: 1, name: "Entrance camera" }] });
const PERSON = JSON.stringify({ result: "new", pid: "749c9583-5ae9-4b72-a8f9-e1018d99af7e", confidence: 100 });

class CountingServer {
  readonly sockets: Socket[] = [];
  /** For each request, in order: the index of the socket that carried it. */
  readonly served: { method: string; url: string; socket: number; bytes: number }[] = [];
  private readonly server = http.createServer((req, res) => {
    let bytes = 0;
    req.on("data", (chunk: Buffer) => (bytes += chunk.length));
    req.on("end", () => {
      this.served.push({ method: req.method!, url: req.url!, socket: this.sockets.indexOf(req.socket), bytes });
      const [status, body] =
        req.url === "/v1/sources/" ? [200, PAGE] : req.url === "/v1/persons/" ? [201, PERSON] : [404, '{"error_codes":[],"message":"Not found.","fields":[]}'];
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
  });

  constructor() {
    this.server.on("connection", (socket: Socket) => this.sockets.push(socket));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let server: CountingServer;
beforeEach(async () => {
  server = await new CountingServer().start();
});
afterEach(async () => {
  jest.restoreAllMocks();
  await server.close();
});

/** [name, options, sockets that sequential calls may use] */
const TRANSPORTS: [string, Partial<ClientOptions>, number][] = [
  ["the Node transport (default)", {}, 1],
  ["global fetch", { fetch: (input, init) => globalThis.fetch(input, init) }, 2],
];

describe.each(TRANSPORTS)("one Client keeps its connections alive — %s", (_name, transport, sockets) => {
  const client = () => new Client({ apiUrl: server.url, iamUrl: server.url, apiToken: TOKEN, ...transport });

  test(`sequential calls use ${sockets === 1 ? "one socket" : `at most ${sockets} sockets`}`, async () => {
    const c = client();
    expect((await c.sources.list()).data?.results).toHaveLength(1);
    expect((await c.sources.list()).data?.results).toHaveLength(1);
    if (sockets === 1) expect(server.served.map((r) => r.socket)).toEqual([0, 0]);
    for (let i = 0; i < 8; i++) await c.sources.list();
    expect(server.served).toHaveLength(10);
    expect(server.sockets.length).toBeLessThanOrEqual(sockets);
  });

  test("an upload is read to the end and its socket serves the next call", async () => {
    const c = client();
    const image = new Uint8Array(256 * 1024);
    image.set([0xff, 0xd8, 0xff, 0xe0]);
    const { data, error } = await c.persons.create({ image, source: "Entrance camera" });
    expect(error).toBeUndefined();
    expect(data?.result).toBe("new");
    await c.sources.list();
    await c.persons.create({ image, source: "Entrance camera" });
    expect(server.served.map((r) => r.method)).toEqual(["POST", "GET", "POST"]);
    expect(server.sockets.length).toBeLessThanOrEqual(sockets);
    expect(server.served[0]!.bytes).toBeGreaterThan(image.length);
  });

  test("an error answer keeps the connection too", async () => {
    const c = client();
    const missing = await c.sources.get({ id: 404 });
    expect(missing.response.status).toBe(404);
    await c.sources.list();
    await c.sources.list();
    expect(server.sockets.length).toBeLessThanOrEqual(sockets);
  });
});

describe("the Node default transport", () => {
  test("does not call global fetch", async () => {
    const fetchSpy = jest.spyOn(globalThis, "fetch");
    const c = new Client({ apiUrl: server.url, apiToken: TOKEN });
    expect((await c.sources.list()).response.status).toBe(200);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  test("with middleware too: the hooks see Request objects, and what they let through goes out on the same transport", async () => {
    const fetchSpy = jest.spyOn(globalThis, "fetch");
    const seen: string[] = [];
    const c = new Client({ apiUrl: server.url, apiToken: TOKEN, middleware: [{ onRequest: ({ request }) => void seen.push(request.url) }] });
    await c.sources.list();
    const image = new Uint8Array(64 * 1024);
    image.set([0xff, 0xd8, 0xff, 0xe0]);
    expect((await c.persons.create({ image, source: "Entrance camera" })).data?.result).toBe("new");
    expect(seen).toEqual([`${server.url}/v1/sources/`, `${server.url}/v1/persons/`]);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(server.served.map((r) => r.method)).toEqual(["GET", "POST"]);
    expect(server.served[1]!.bytes).toBeGreaterThan(image.length);
  });

  test("a `fetch` given is what every call goes through, middleware or not", async () => {
    const urls: string[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return globalThis.fetch(input, init);
    };
    const c = new Client({ apiUrl: server.url, apiToken: TOKEN, fetch, middleware: [{ onRequest: () => undefined }] });
    expect((await c.sources.list()).response.status).toBe(200);
    expect(urls).toEqual([`${server.url}/v1/sources/`]);
  });

  test("a first call loads no HTTP client but Node's own (no undici package), as a plain Node program", async () => {
    // Outside jest, where modules load as in a user's process.
    const script = [
      'const { Client } = require("./src/wrappers");',
      `new Client({ apiUrl: ${JSON.stringify(server.url)}, apiToken: "t" }).sources.list().then(({ data }) => {`,
      '  const undici = Object.keys(require.cache).filter((file) => file.includes(`${require("path").sep}undici${require("path").sep}`));',
      "  process.stdout.write(JSON.stringify({ results: data.results.length, undici }));",
      "});",
    ].join("\n");
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "-e", script], { cwd: path.join(__dirname, ".."), timeout: 30_000 });
    expect(JSON.parse(stdout)).toEqual({ results: 1, undici: [] });
    expect(server.served).toHaveLength(1);
  });
});
