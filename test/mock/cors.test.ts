/** CORS: web pages on loopback origins may call the stand-in; others get no CORS headers. */
import WebSocket from "ws";
import { startMockServer, type MockServer } from "../../src/mock";
import { useStandIn } from "./helpers";

const standIn = useStandIn();

async function preflight(url: string, origin: string) {
  return fetch(url, {
    method: "OPTIONS",
    headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type" },
  });
}

describe("CORS (default: loopback origins)", () => {
  test("a preflight from a loopback page is answered with what the browser needs", async () => {
    for (const origin of ["http://127.0.0.1:5173", "http://localhost:3000", "http://[::1]:8000"]) {
      const answer = await preflight(`${standIn.server.iamUrl}/v1/auth/token/`, origin);
      expect(answer.status).toBe(204);
      expect(answer.headers.get("access-control-allow-origin")).toBe(origin);
      expect(answer.headers.get("access-control-allow-methods")).toContain("PATCH");
      expect(answer.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
    }
  });

  test("every answer to a loopback page carries the CORS headers, errors included", async () => {
    const origin = "http://localhost:5173";
    const login = await fetch(`${standIn.server.iamUrl}/v1/auth/token/`, {
      method: "POST",
      headers: { Origin: origin, "Content-Type": "application/json" },
      body: JSON.stringify({ username: "demo", password: "wrong" }),
    });
    expect(login.status).toBe(400);
    expect(login.headers.get("access-control-allow-origin")).toBe(origin);
    const missing = await fetch(`${standIn.server.apiUrl}/v1/nothing/`, { headers: { Origin: origin } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("access-control-allow-origin")).toBe(origin);
  });

  test("another site's page gets no CORS headers and its preflight is refused", async () => {
    const answer = await preflight(`${standIn.server.apiUrl}/v1/sources/`, "https://evil.example");
    expect(answer.status).toBe(403);
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    const get = await fetch(`${standIn.server.apiUrl}/v1/sources/`, { headers: { Origin: "https://evil.example" } });
    expect(get.status).toBe(401);
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("what a page may read, and the events feed", () => {
  test("a page may read a 405's Allow and which answers came from the document's examples", async () => {
    const origin = "http://localhost:5173";
    const answer = await fetch(`${standIn.server.apiUrl}/v1/version/`, { method: "DELETE", headers: { Origin: origin } });
    expect(answer.headers.get("access-control-expose-headers")).toBe("Retry-After, Content-Length, Allow, X-NeuroIO-Mock");
  });

  test("the events socket takes pages of the origins CORS allows, and refuses others (browsers apply no CORS to WebSockets)", async () => {
    const open = (origin: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(standIn.server.eventsUrl, { headers: { Origin: origin } });
        ws.on("open", () => (ws.close(), resolve("open")));
        ws.on("unexpected-response", (_req, res) => (res.resume(), resolve(String(res.statusCode))));
        ws.on("error", () => undefined);
      });
    expect(await open("http://localhost:5173")).toBe("open");
    expect(await open("https://evil.example")).toBe("403");
  });
});

describe("startMockServer({ cors })", () => {
  let server: MockServer | undefined;
  afterEach(() => server?.close());

  test("a list of origins allows exactly those", async () => {
    server = await startMockServer({ cors: ["https://app.example"] });
    expect((await preflight(`${server.apiUrl}/v1/sources/`, "https://app.example")).headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect((await preflight(`${server.apiUrl}/v1/sources/`, "http://localhost:3000")).status).toBe(403);
  });

  test("false turns CORS off: no headers, OPTIONS is an ordinary request (204 with Allow, nothing a browser accepts)", async () => {
    server = await startMockServer({ cors: false });
    const answer = await preflight(`${server.apiUrl}/v1/sources/`, "http://localhost:3000");
    expect(answer.status).toBe(204);
    expect(answer.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    expect(answer.headers.get("access-control-allow-methods")).toBeNull();
  });
});

test("startMockServer refuses a cors origin no browser sends (a path, a trailing slash, not http/https), naming the option", async () => {
  const refused: Array<[cors: unknown, message: RegExp]> = [
    [["http://localhost:5173/"], /^cors: http:\/\/localhost:5173\/ is not an origin .*did you mean http:\/\/localhost:5173\?$/],
    [["https://app.example", "garbage"], /^cors: garbage is not an origin/],
    [["file:///index.html"], /^cors: file:\/\/\/index\.html is not an origin/],
    // A lone string is none of the choices (a list would be matched by substring otherwise).
    ["http://localhost:5173", /^cors: /],
  ];
  for (const [cors, message] of refused) {
    const started = startMockServer({ cors: cors as never });
    try {
      await expect(started).rejects.toThrow(message);
    } finally {
      await started.then((s) => s.close(), () => undefined);
    }
  }
  for (const cors of ["loopback", "*", false, ["https://app.example", "http://[::1]:8000"], () => true] as const) {
    await (await startMockServer({ cors })).close();
  }
});

describe("Allow: every answer of a path names its methods (RFC 9110, as DRF does)", () => {
  test("a 405 carries Allow; OPTIONS without a preflight is answered 204 with it; HEAD is GET without the body", async () => {
    const { key } = await (await fetch(`${standIn.server.iamUrl}/v1/auth/token/`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "demo", password: "demo-password" }),
    }).then((r) => r.json() as Promise<{ token: { key: string } }>)).token;
    const auth = { Authorization: `Token ${key}` };
    const list = `${standIn.server.apiUrl}/v1/sources/`;

    const refused = await fetch(list, { method: "DELETE", headers: auth });
    expect(refused.status).toBe(405);
    expect(refused.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect(await refused.json()).toEqual({ error_codes: [405], message: 'Method "DELETE" not allowed.', fields: [] });

    const options = await fetch(list, { method: "OPTIONS", headers: auth });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");

    const get = await fetch(list, { headers: auth });
    const head = await fetch(list, { method: "HEAD", headers: auth });
    expect(head.status).toBe(200);
    expect(head.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect(head.headers.get("content-length")).toBe(get.headers.get("content-length"));
    expect(await head.text()).toBe("");

    // PUT is the documented alias of the PATCH update.
    const source = await fetch(list, { method: "POST", headers: { ...auth, "Content-Type": "application/json" }, body: JSON.stringify({ name: "allowed" }) });
    const item = await fetch(`${list}${((await source.json()) as { id: number }).id}/`, { method: "POST", headers: auth });
    expect(item.status).toBe(405);
    expect(item.headers.get("allow")).toBe("GET, PUT, PATCH, DELETE, HEAD, OPTIONS");
  });

  test("a CORS preflight is still the CORS answer", async () => {
    const answer = await preflight(`${standIn.server.apiUrl}/v1/sources/`, "http://localhost:5173");
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-methods")).toContain("PATCH");
  });
});
