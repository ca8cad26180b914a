/**
 * The Node default transport drives the pool behind Node's own fetch, follows redirects
 * (of requests without a body: the SDK's rule) and reads bodies as fetch does. Each case runs through the Node transport and through global
 * fetch (`fetch` given) against the same servers on 127.0.0.1, and both must agree.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { MockAgent, getGlobalDispatcher, setGlobalDispatcher } from "undici";
import { Client, ConnectionError, type ClientOptions } from "../src/wrappers";

const TOKEN = "redirect-token";
const PAGE = JSON.stringify({ count: 0, next: null, previous: null, results: [] });
const PERSON = JSON.stringify({ result: "new", pid: "749c9583-5ae9-4b72-a8f9-e1018d99af7e", confidence: 100 });

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  bytes: number;
}

/** A server whose `routes` answer by path: a redirect `[status, location]`, or JSON. */
async function server(routes: Record<string, [number, string]>): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const s = http.createServer((req, res) => {
    let bytes = 0;
    req.on("data", (chunk: Buffer) => (bytes += chunk.length));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, contentType: req.headers["content-type"], bytes });
      const [status, target] = routes[req.url!.replace(/\?.*/, "")] ?? [404, ""];
      if (status >= 300 && status < 400) res.writeHead(status, { location: target }).end();
      else res.writeHead(status, { "content-type": "application/json" }).end(status === 404 ? '{"error_codes":[],"message":"Not found.","fields":[]}' : target);
    });
  });
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve()))),
  };
}

const TRANSPORTS: [string, Partial<ClientOptions>][] = [
  ["the Node transport", {}],
  ["global fetch", { fetch: (...args: Parameters<typeof fetch>) => fetch(...args) }],
];

describe.each(TRANSPORTS)("as fetch does, through %s", (_name, options) => {
  const servers: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const start = async (routes: Record<string, [number, string]>) => {
    const s = await server(routes);
    servers.push(s);
    return s;
  };

  test("a GET follows 301, 302, 307 and 308 on the same origin, with the token", async () => {
    const api = await start({
      "/v1/sources/": [301, "/a"],
      "/a": [302, "/b"],
      "/b": [307, "/c"],
      "/c": [308, "/final"],
      "/final": [200, PAGE],
    });
    const { data, response } = await new Client({ apiUrl: api.url, apiToken: TOKEN, ...options }).sources.list();
    expect(data).toEqual(JSON.parse(PAGE));
    expect(response.status).toBe(200);
    expect(api.seen.map((r) => r.url)).toEqual(["/v1/sources/", "/a", "/b", "/c", "/final"]);
    expect(api.seen.every((r) => r.authorization === `Token ${TOKEN}`)).toBe(true);
  });

  test("the token is not sent to another origin", async () => {
    const other = await start({ "/elsewhere": [200, PAGE] });
    const api = await start({ "/v1/sources/": [302, `${other.url}/elsewhere`] });
    const { data } = await new Client({ apiUrl: api.url, apiToken: TOKEN, ...options }).sources.list();
    expect(data).toEqual(JSON.parse(PAGE));
    expect(api.seen[0]!.authorization).toBe(`Token ${TOKEN}`);
    expect(other.seen).toEqual([expect.objectContaining({ url: "/elsewhere", authorization: undefined })]);
  });

  test.each([301, 302, 303, 307, 308])("a request with a body follows no redirect: a %i comes back as a 502 error value naming it, its Location kept", async (status) => {
    const other = await start({ "/m/": [201, PERSON] });
    const api = await start({ "/v1/persons/": [status, `${other.url}/m/`], "/v1/auth/token/": [status, `${other.url}/m/`] });
    const c = new Client({ apiUrl: api.url, iamUrl: api.url, apiToken: TOKEN, ...options });
    const image = new Blob([new Uint8Array(2048).fill(7)], { type: "image/jpeg" });
    const created = await c.persons.create({ image, source: "Entrance" });
    const login = await c.auth.login({ username: "usr", password: "hunter2-password" });
    for (const { error, response } of [created, login]) {
      expect(response.status).toBe(502);
      expect(error?.message).toBe(`NeuroIO answered HTTP ${status}, a redirect the SDK does not follow for a request with a body`);
      expect(response.headers.get("location")).toBe(`${other.url}/m/`);
    }
    expect(api.seen.map((r) => r.method)).toEqual(["POST", "POST"]);
    expect(other.seen).toEqual([]); // neither the face nor the password went on
  });

  test("a GET still follows a redirect to another origin (without the token); the request without a body is sent as fetch sends it", async () => {
    const other = await start({ "/m/": [200, PAGE] });
    const api = await start({ "/v1/sources/": [308, `${other.url}/m/`] });
    const { data } = await new Client({ apiUrl: api.url, apiToken: TOKEN, ...options }).sources.list();
    expect(data).toEqual(JSON.parse(PAGE));
    expect(other.seen).toEqual([expect.objectContaining({ method: "GET", url: "/m/", authorization: undefined })]);
  });

  test("a body that starts with a UTF-8 byte order mark is read as fetch reads it (the mark dropped)", async () => {
    const api = await start({ "/v1/sources/": [200, `\ufeff${PAGE}`] });
    const { data, error, response } = await new Client({ apiUrl: api.url, apiToken: TOKEN, ...options }).sources.list();
    expect(error).toBeUndefined();
    expect(data).toEqual(JSON.parse(PAGE));
    expect(await response.text()).toBe(PAGE);
  });

  test("more than 20 redirects fail the call with a ConnectionError", async () => {
    const routes: Record<string, [number, string]> = { "/v1/sources/": [302, "/r1"] };
    for (let i = 1; i <= 25; i++) routes[`/r${i}`] = [302, `/r${i + 1}`];
    const api = await start(routes);
    const failed = new Client({ apiUrl: api.url, apiToken: TOKEN, maxRetries: 0, ...options }).sources.list();
    await expect(failed).rejects.toBeInstanceOf(ConnectionError);
    expect(api.seen).toHaveLength(21);
  });
});

describe("the Node transport's pool", () => {
  test("is the dispatcher Node's fetch uses: one installed with undici's setGlobalDispatcher answers the SDK's calls", async () => {
    const previous = getGlobalDispatcher();
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent
      .get("http://127.0.0.1:9")
      .intercept({ path: "/v1/sources/", method: "GET", headers: { authorization: `Token ${TOKEN}` } })
      .reply(200, PAGE, { headers: { "content-type": "application/json" } });
    setGlobalDispatcher(agent);
    try {
      const { data, response } = await new Client({ apiUrl: "http://127.0.0.1:9", apiToken: TOKEN }).sources.list();
      expect(data).toEqual(JSON.parse(PAGE));
      expect(response.headers.get("content-type")).toBe("application/json");
      agent.assertNoPendingInterceptors();
    } finally {
      setGlobalDispatcher(previous);
      await agent.close();
    }
  });
});

describe("with middleware", () => {
  test("the Node transport sends what the hooks let through as global fetch sends it: headers in order and body, JSON and multipart", async () => {
    const wires: string[][] = [];
    const s = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const boundary = /boundary=(.+)$/.exec(req.headers["content-type"] ?? "")?.[1];
        const unbound = (text: string) => (boundary ? text.split(boundary).join("BOUNDARY") : text);
        wires.push([`${req.method} ${req.url}`, ...req.rawHeaders.map(unbound), unbound(Buffer.concat(chunks).toString("latin1"))]);
        res.writeHead(req.method === "POST" ? 201 : 200, { "content-type": "application/json" }).end(req.method === "POST" ? PERSON : "{}");
      });
    });
    await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
    const apiUrl = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    const middleware = [{ onRequest: ({ request }: { request: Request }) => (request.headers.set("x-trace", "t-1"), request) }];
    const image = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]);
    try {
      for (const options of [{}, { fetch: (...args: Parameters<typeof fetch>) => fetch(...args) }]) {
        const client = new Client({ apiUrl, apiToken: TOKEN, middleware, ...options });
        expect((await client.groups.remove({ pids: ["p-1"], groups_ids: [7] })).error).toBeUndefined();
        expect((await client.persons.create({ image, source: "door" })).data?.result).toBe("new");
      }
    } finally {
      s.closeAllConnections();
      await new Promise((resolve) => s.close(resolve));
    }
    const [json, upload, fetchJson, fetchUpload] = wires;
    expect(json).toEqual(fetchJson);
    expect(upload).toEqual(fetchUpload);
    expect(upload).toContain("x-trace");
    expect(upload!.at(-1)).toContain(`Content-Type: image/png\r\n\r\n${Buffer.from(image).toString("latin1")}\r\n--BOUNDARY\r\n`);
    expect(upload!.at(-1)!.endsWith('name="source"\r\n\r\ndoor\r\n--BOUNDARY--\r\n')).toBe(true);
  });
});
