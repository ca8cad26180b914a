/**
 * The stand-in against hostile and careless requests: cross-space licenses, revoked tokens
 * on open event sockets, malformed URLs, bodies it must not read, sockets that never
 * authenticate, uploads cut off halfway. Each case failed before the stand-in was hardened.
 */
import http from "node:http";
import net from "node:net";
import WebSocket from "ws";
import { startMockServer, type MockServer } from "../../src/mock";
import { image, namingFields, raw, testClock, unwrap, useStandIn, type StandIn } from "./helpers";

const clock = testClock();
const standIn = useStandIn({ clock, eventsAuthTimeoutMs: 60_000 });

/** An account client, and a space token's client for a second space of the same account. */
async function twoSpaces(s: StandIn = standIn) {
  const account = await s.login();
  const other = await unwrap(account.spaces.create({ name: `other ${Math.random()}` }));
  const spaceKey = (await unwrap(account.spaces.token({ id: other.id, permanent: true }))).key;
  return { account, other, space: s.withToken(spaceKey), spaceKey };
}

/** A raw HTTP/1.1 request with full control over the target, headers and body; resolves with the answer. */
function request(
  server: MockServer,
  options: { method?: string; path: string; headers?: Record<string, string | number>; body?: Buffer | string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: server.port, method: options.method ?? "GET", path: options.path, headers: options.headers, agent: false });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Sends the start of a body and never the rest: resolves with the answer, which can only come if the stand-in did not wait for the end. */
function answerMidBody(server: MockServer, options: { path: string; headers: Record<string, string | number>; start: string }) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: server.port, method: "POST", path: options.path, headers: options.headers, agent: false });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()) });
        req.destroy();
      });
    });
    // The connection is closed after the answer; writing into it then is expected to fail.
    req.on("error", (error: NodeJS.ErrnoException) => (["EPIPE", "ECONNRESET"].includes(error.code ?? "") ? undefined : reject(error)));
    req.write(options.start);
  });
}

const errorBody = (status: number) => ({ error_codes: [status], message: expect.any(String), fields: expect.any(Array) });

/** Collects console.error calls for the duration of a test (the stand-in must stay quiet on bad input). */
function quietConsole() {
  const spy = jest.spyOn(console, "error").mockImplementation(() => {});
  return { calls: () => spy.mock.calls, restore: () => spy.mockRestore() };
}

/** An open events socket authenticated with `token`; `closed` resolves with the close code. */
async function openFeed(url: string, token?: string) {
  const ws = new WebSocket(url);
  const frames: unknown[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on("message", (data) => frames.push(JSON.parse(data.toString())));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  if (token !== undefined) {
    const ok = new Promise<void>((resolve) => ws.once("message", () => resolve()));
    ws.send(JSON.stringify({ action: "AUTH", data: { token } }));
    await ok;
    expect(frames).toEqual([{ auth: "ok" }]);
  }
  return { ws, frames, closed };
}

describe("licenses follow the visibility rules", () => {
  test("a space token cannot see, change or delete a license bound to another space's source", async () => {
    const { account, space } = await twoSpaces();
    const license = await unwrap(account.licenses.sources.create({ name: "default space cam" }));
    const source = await unwrap(account.sources.create({ name: `cam ${Math.random()}`, license_id: license.id }));
    const unbound = await unwrap(account.licenses.sources.create({ name: "spare" }));

    expect((await space.licenses.sources.get({ id: license.id })).response.status).toBe(404);
    expect((await space.licenses.sources.update({ id: license.id, is_active: false })).response.status).toBe(404);
    expect((await space.licenses.sources.delete({ id: license.id })).response.status).toBe(404);
    const listed = (await unwrap(space.licenses.sources.list({ limit: 100 }))).results.map((l) => l.id);
    expect(listed).not.toContain(license.id);
    expect(listed).toContain(unbound.id);
    // Binding it from the other space is refused as if it did not exist.
    const bind = await space.sources.create({ name: "thief", license_id: license.id });
    expect(bind.error).toEqual(namingFields("license_id"));

    // The owner's source keeps its license, still active.
    const after = await unwrap(account.sources.get({ id: source.id }));
    expect(after.license_id).toBe(license.id);
    expect(after.license?.is_active).toBe(true);
    // An unbound license is the account's: any of its tokens sees it.
    expect((await space.licenses.sources.get({ id: unbound.id })).response.status).toBe(200);
  });
});

test("a space token may not change the account's password, nor revoke the other spaces' tokens with it", async () => {
  const { account, space } = await twoSpaces();
  const change = await space.auth.passwordChange({ old_password: "demo-password", new_password: "taken-over", reset_tokens: true });
  expect(change.response.status).toBe(403);
  expect(change.error).toEqual({ error_codes: [403], message: "You do not have permission to perform this action.", fields: [] });
  expect((await account.whoami.me()).response.status).toBe(200);
  expect((await standIn.anonymous().auth.login({ username: "demo", password: "demo-password" })).response.status).toBe(200);
});

describe("an open events socket closes when its token stops being valid", () => {
  test.each([
    ["deleted", async (c: Awaited<ReturnType<typeof twoSpaces>>, id: number) => unwrap(c.space.tokens.delete({ token_id_or_key: id }))],
    ["deactivated", async (c: Awaited<ReturnType<typeof twoSpaces>>, id: number) => unwrap(c.space.tokens.update({ token_id_or_key: id, is_active: false }))],
    ["deleted with its space", async (c: Awaited<ReturnType<typeof twoSpaces>>) => unwrap(c.account.spaces.delete({ id: c.other.id }))],
  ])("%s: error frame, close 1008, no more events", async (_, revoke) => {
    const spaces = await twoSpaces();
    const token = (await unwrap(spaces.space.tokens.list())).find((t) => t.key === spaces.spaceKey)!;
    const feed = await openFeed(standIn.server.eventsUrl, spaces.spaceKey);
    await revoke(spaces, token.id);
    expect(await feed.closed).toEqual({ code: 1008, reason: "invalid token" });
    expect(feed.frames).toEqual([{ auth: "ok" }, { error: "Invalid token." }]);
  });

  test("expired: closed once the clock passes the token's expiry", async () => {
    const account = await standIn.login();
    const temporary = await unwrap(account.tokens.create({ permanent: false }));
    const feed = await openFeed(standIn.server.eventsUrl, temporary.key);
    // Nothing happens on the wire: the stand-in's periodic check finds the token expired.
    clock.advance(25 * 60 * 60 * 1000);
    expect(await feed.closed).toEqual({ code: 1008, reason: "invalid token" });
    expect(feed.frames).toEqual([{ auth: "ok" }, { error: "Invalid token." }]);
  });
});

describe("malformed URLs are 400s, never 500s, and print nothing", () => {
  test.each(["%", "%zz", "%E4", "%C0%AF", "a%2", "%%41"])("path parameter %s", async (bad) => {
    const console = quietConsole();
    try {
      const key = (await unwrap((await standIn.login()).tokens.create())).key;
      const auth = { Authorization: `Token ${key}` };
      for (const [method, path] of [
        ["GET", `/api/v1/entries/stats/pid/${bad}/`],
        ["DELETE", `/api/v1/persons/${bad}/`],
        ["GET", `/iam/v1/tokens/${bad}/`],
        ["PATCH", `/api/v1/streams/tokens/${bad}/`],
        ["GET", `/api/v1/sources/${bad}/`],
        ["GET", `/api/v1/${bad}/`],
      ] as const) {
        const answer = await request(standIn.server, { method, path, headers: auth });
        expect({ method, path, refused: [400, 404].includes(answer.status) }).toEqual({ method, path, refused: true });
        expect(answer.body).toEqual(errorBody(answer.status));
      }
      expect(console.calls()).toEqual([]);
    } finally {
      console.restore();
    }
  });

  test.each(["[bad host", "exa mple.com", "a/b", "@", "127.0.0.1:99999", "ünïcode"])("Host header %j is a 421 ErrorBody", async (host) => {
    const console = quietConsole();
    try {
      const key = (await unwrap((await standIn.login()).tokens.create())).key;
      const answer = await request(standIn.server, { path: "/api/v1/sources/?limit=1", headers: { Host: host, Authorization: `Token ${key}` } });
      expect(answer).toEqual({ status: 421, headers: expect.anything(), body: errorBody(421) });
      expect(console.calls()).toEqual([]);
    } finally {
      console.restore();
    }
  });
});

describe("requests Node's parser refuses get an ErrorBody, and the stand-in carries on", () => {
  /** Writes raw bytes on a new connection; resolves with the status and JSON body of what comes back before the close. */
  function rawExchange(bytes: string): Promise<{ status: number; body: unknown }> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(standIn.server.port, "127.0.0.1", () => socket.end(bytes));
      const chunks: Buffer[] = [];
      socket.on("data", (c: Buffer) => chunks.push(c));
      socket.on("error", reject);
      socket.on("close", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const [head = "", body = ""] = text.split("\r\n\r\n");
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), body: body ? JSON.parse(body) : undefined });
      });
    });
  }

  test.each([
    ["a malformed request line", 400, "GARBAGE\r\n\r\n"],
    ["a malformed header", 400, "GET /api/v1/version/ HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n"],
    ["headers over Node's limit", 431, `GET /api/v1/version/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${"b".repeat(20 * 1024)}\r\n\r\n`],
  ])("%s → %d", async (_, status, bytes) => {
    expect(await rawExchange(bytes)).toEqual({ status, body: errorBody(status) });
    const key = (await unwrap((await standIn.login()).tokens.create())).key;
    expect((await raw(`${standIn.server.apiUrl}/v1/version/`, { token: key })).status).toBe(200);
  });
});

describe("a request offering another protocol (Upgrade) that is not the feed's WebSocket is answered as plain HTTP", () => {
  /** Writes each part in turn on a new connection; resolves with the status and JSON body of every answer before the close. */
  function exchange(...parts: string[]): Promise<Array<{ status: number; body: unknown }>> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(standIn.server.port, "127.0.0.1", () => {
        for (const part of parts) socket.write(part);
        socket.end();
      });
      const chunks: Buffer[] = [];
      socket.on("data", (c: Buffer) => chunks.push(c));
      socket.on("error", reject);
      socket.on("close", () => {
        const answers = Buffer.concat(chunks).toString("utf8").split(/(?=HTTP\/1\.1 \d{3} )/);
        resolve(
          answers.map((answer) => {
            const [head = "", body = ""] = answer.split("\r\n\r\n");
            return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), body: body ? JSON.parse(body) : undefined };
          }),
        );
      });
    });
  }
  const host = () => `Host: 127.0.0.1:${standIn.server.port}`;
  const h2c = "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA";

  test("a login offering h2c (curl --http2) logs in, and the connection carries on", async () => {
    const login = JSON.stringify({ username: "demo", password: "demo-password" });
    const answers = await exchange(
      `POST /iam/v1/auth/token/ HTTP/1.1\r\n${host()}\r\nContent-Type: application/json\r\nContent-Length: ${login.length}\r\n${h2c}\r\n\r\n${login.slice(0, 10)}`,
      `${login.slice(10)}GET /nowhere/ HTTP/1.1\r\n${host()}\r\nConnection: close\r\n\r\n`,
    );
    expect(answers).toEqual([
      { status: 200, body: expect.objectContaining({ token: expect.objectContaining({ key: expect.any(String) }) }) },
      { status: 404, body: errorBody(404) },
    ]);
  });

  test("a WebSocket upgrade of another path, and an h2c one of the feed's, get the path's HTTP answer", async () => {
    const websocket = "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==";
    expect(await exchange(`GET /api/v1/version/ HTTP/1.1\r\n${host()}\r\n${websocket}\r\n\r\n`)).toEqual([{ status: 401, body: errorBody(401) }]);
    expect(await exchange(`GET /events HTTP/1.1\r\n${host()}\r\n${h2c}\r\n\r\n`)).toEqual([{ status: 404, body: errorBody(404) }]);
  });

  test("an upgrade to a target that is no URL path (`//`, `//[`) gets a 4xx, and the stand-in lives on", async () => {
    const websocket = "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==";
    for (const target of ["//", "//[", "//evil.example/events"]) {
      for (const upgrade of [websocket, h2c]) {
        const [answer] = await exchange(`GET ${target} HTTP/1.1\r\n${host()}\r\n${upgrade}\r\n\r\n`);
        expect([400, 404]).toContain(answer!.status);
      }
    }
    expect(await exchange(`GET /nowhere/ HTTP/1.1\r\n${host()}\r\nConnection: close\r\n\r\n`)).toEqual([{ status: 404, body: errorBody(404) }]);
  });
});

test("a target starting with // is a path of the stand-in's host, not another host: paging links stay on the stand-in", async () => {
  const key = (await unwrap((await standIn.login()).tokens.create())).key;
  const answer = await request(standIn.server, { path: "//evil.example/api/v1/sources/?limit=1", headers: { Authorization: `Token ${key}` } });
  expect(answer.status).toBe(404);
});

test("bytes Node cannot parse behind a HEAD get a bodiless answer after the HEAD's, which its client can read", async () => {
  // What a HEAD with an unframed body leaves: the HEAD is answered, its "body" is the next
  // request, which Node cannot parse. A body on that second answer would be read by the
  // client as the start of a third one.
  const key = (await unwrap((await standIn.login()).tokens.create())).key;
  const text = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(standIn.server.port, "127.0.0.1", () =>
      socket.end(`HEAD /api/v1/version/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token ${key}\r\n\r\n{"not": "a request"}\r\n\r\n`),
    );
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
  });
  // The HEAD's answer comes first if it was ready before the parser failed (else the
  // connection closes without it); then the parser error's.
  const answers = text.split(/(?=HTTP\/1\.1 )/);
  const statuses = answers.map((a) => /^HTTP\/1\.1 (\d{3})/.exec(a)?.[1]);
  expect([["400"], ["200", "400"]]).toContainEqual(statuses);
  // Each answer is its head alone: the HEAD's has no body, the parser error's none either.
  for (const answer of answers) expect(answer.endsWith("\r\n\r\n")).toBe(true);
});

describe("DNS rebinding: only Hosts naming loopback or the listening host are answered", () => {
  test.each(["127.0.0.1", "127.0.0.1:1", "127.8.9.10:8080", "localhost", "LOCALHOST:3000", "[::1]:8080"])("Host %j is answered, its paging links on it", async (host) => {
    const key = (await unwrap((await standIn.login()).tokens.create())).key;
    for (let i = 0; i < 2; i++) await unwrap(standIn.withToken(key).sources.create({ name: `rebind ${host} ${i} ${Math.random()}` }));
    const answer = await request(standIn.server, { path: "/api/v1/sources/?limit=1", headers: { Host: host, Authorization: `Token ${key}` } });
    expect(answer.status).toBe(200);
    expect((answer.body as { next: string }).next).toMatch(new RegExp(`^http://${host.replace(/[[\].]/g, "\\$&")}/api/`, "i"));
  });

  test.each(["evil.example", "evil.example:8080", "127.0.0.1.evil.example", "10.0.0.1"])("Host %j gets 421 over HTTP and on the events upgrade", async (host) => {
    const key = (await unwrap((await standIn.login()).tokens.create())).key;
    const answer = await request(standIn.server, { path: "/api/v1/sources/", headers: { Host: host, Authorization: `Token ${key}` } });
    expect(answer).toEqual({ status: 421, headers: expect.objectContaining({ "content-type": "application/json" }), body: errorBody(421) });
    // A CORS preflight from the rebound page is refused too, before CORS looks at its Origin.
    const preflight = await request(standIn.server, {
      method: "OPTIONS",
      path: "/api/v1/sources/",
      headers: { Host: host, Origin: `http://${host}`, "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status).toBe(421);
    const upgrade = await new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const ws = new WebSocket(standIn.server.eventsUrl, { headers: { Host: host } });
      ws.on("open", () => reject(new Error("the upgrade was taken")));
      ws.on("error", () => undefined);
      ws.on("unexpected-response", (_, res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()) }));
      });
    });
    expect(upgrade).toEqual({ status: 421, body: errorBody(421) });
  });
});

describe("bodies: the token first, then bounded reads", () => {
  test("an unauthenticated 200 MB body is refused with 401 after its first megabyte, without the rest", async () => {
    const answer = await new Promise<{ status: number; body: unknown; sentBytes: number }>((resolve, reject) => {
      const req = http.request({
        host: "127.0.0.1",
        port: standIn.server.port,
        method: "POST",
        path: "/api/v1/sources/",
        headers: { "Content-Type": "application/json", "Content-Length": 200 * 1024 * 1024, Authorization: "Token not-a-token" },
        agent: false,
      });
      let sent = 0;
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()), sentBytes: sent }));
      });
      // The connection is closed after the answer; writing into it then is expected to fail.
      req.on("error", (error: NodeJS.ErrnoException) => (["EPIPE", "ECONNRESET"].includes(error.code ?? "") ? undefined : reject(error)));
      const megabyte = Buffer.alloc(1024 * 1024, " ");
      req.write(megabyte);
      sent += megabyte.length;
      // Nothing more is written: an answer can only come if the stand-in did not wait for the body.
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error_codes: [401], message: "Invalid token.", fields: [] });
    expect(answer.sentBytes).toBe(1024 * 1024);
  });

  test("JSON bodies over 1 MiB are 413s, by Content-Length or while reading a chunked body", async () => {
    const key = (await unwrap((await standIn.login()).tokens.create())).key;
    const huge = JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) });
    const headers = { Authorization: `Token ${key}`, "Content-Type": "application/json" };
    const sized = await request(standIn.server, { method: "POST", path: "/api/v1/sources/", headers: { ...headers, "Content-Length": Buffer.byteLength(huge) }, body: huge });
    expect(sized).toMatchObject({ status: 413, body: { error_codes: [413], message: "Request payload is too large.", fields: [] } });
    const chunked = await request(standIn.server, { method: "POST", path: "/api/v1/sources/", headers: { ...headers, "Transfer-Encoding": "chunked" }, body: huge });
    expect(chunked).toMatchObject({ status: 413, body: { error_codes: [413] } });
    const form = await request(standIn.server, {
      method: "PATCH",
      path: "/api/v1/settings/thresholds/",
      headers: { Authorization: `Token ${key}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: `exact=${"9".repeat(2 * 1024 * 1024)}`,
    });
    expect(form.status).toBe(413);
    // The text parts of a multipart upload count together.
    const multipart = new FormData();
    multipart.set("image", new Blob([Buffer.from(image("text bomb"))], { type: "image/jpeg" }), "face.jpg");
    for (const name of ["source", "facesize", "identify_asm"]) multipart.set(name, "t".repeat(400 * 1024));
    const upload = await fetch(`${standIn.server.apiUrl}/v1/persons/`, { method: "POST", headers: { Authorization: `Token ${key}` }, body: multipart });
    expect(upload.status).toBe(413);
    expect(await upload.json()).toEqual({ error_codes: [413], message: "Request payload is too large.", fields: [] });
  });

  test("a control body over its 9 MiB limit is a 413 ErrorBody, by Content-Length or chunked, and the stand-in carries on", async () => {
    const key = (await unwrap((await standIn.login()).tokens.create())).key;
    const huge = JSON.stringify({ source: 1, image: "A".repeat(10 * 1024 * 1024) });
    const headers = { Authorization: `Token ${key}`, "Content-Type": "application/json" };
    const framings: Record<string, string | number>[] = [{ "Content-Length": Buffer.byteLength(huge) }, { "Transfer-Encoding": "chunked" }];
    for (const framing of framings) {
      const answer = await request(standIn.server, { method: "POST", path: "/_mock/camera", headers: { ...headers, ...framing }, body: huge });
      expect(answer).toMatchObject({ status: 413, body: { error_codes: [413], message: "Request payload is too large.", fields: [] } });
    }
    expect((await raw(`${standIn.server.apiUrl}/v1/version/`, { token: key })).status).toBe(200);
  });

  test("form fields named constructor or __proto__ are fields like any other, which the platform ignores as it ignores unknown ones", async () => {
    const client = await standIn.login();
    const key = (await unwrap(client.tokens.create())).key;
    await unwrap(client.sources.create({ name: "door" }));
    const form = new FormData();
    form.set("image", new Blob([Buffer.from(image("prototype"))], { type: "image/jpeg" }), "face.jpg");
    form.set("source", "door");
    form.append("constructor", "x");
    form.append("__proto__", "y");
    const upload = await fetch(`${standIn.server.apiUrl}/v1/persons/`, { method: "POST", headers: { Authorization: `Token ${key}` }, body: form });
    expect(upload.status).toBe(201);
    expect(await upload.json()).toMatchObject({ result: "new" });
    const urlencoded = await request(standIn.server, {
      method: "PATCH",
      path: "/api/v1/settings/thresholds/",
      headers: { Authorization: `Token ${key}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: "exact=80&constructor=1&__proto__=2",
    });
    expect(urlencoded).toMatchObject({ status: 200, body: { exact: 80 } });
    expect(Object.keys(urlencoded.body as object)).not.toContain("constructor");
  });

  test("a multipart body that ends inside a file part is a 400 ErrorBody, and the stand-in carries on", async () => {
    const key = (await unwrap((await standIn.login()).tokens.create())).key;
    const boundary = "truncated";
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n${"x".repeat(300)}`;
    const answer = await request(standIn.server, {
      method: "POST",
      path: "/api/v1/persons/search/",
      headers: { Authorization: `Token ${key}`, "Content-Type": `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(answer).toMatchObject({ status: 400, body: { error_codes: [400], message: expect.stringMatching(/^Multipart form parse error/), fields: [] } });
    expect((await raw(`${standIn.server.apiUrl}/v1/version/`, { token: key })).status).toBe(200);
  });

  test("a multipart text part is refused with 413 once it passes the text limit, not at its end", async () => {
    const key = (await unwrap((await standIn.login()).tokens.create())).key;
    const boundary = "endless";
    const answer = await answerMidBody(standIn.server, {
      path: "/api/v1/persons/",
      headers: { Authorization: `Token ${key}`, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": 200 * 1024 * 1024 },
      // 2 MiB into a text part that would go on for 200 MB.
      start: `--${boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\n${"t".repeat(2 * 1024 * 1024)}`,
    });
    expect(answer).toEqual({ status: 413, body: { error_codes: [413], message: "Request payload is too large.", fields: [] } });
  });

  test("a multipart upload with more parts than any operation takes is a 413, not cut short", async () => {
    const key = (await unwrap((await standIn.login()).tokens.create())).key;
    const photo = new Blob([Buffer.from(image("many parts"))], { type: "image/png" });
    const tooLargeBody = { status: 413, body: { error_codes: [413], message: "Request payload is too large.", fields: [] } };
    const files = new FormData();
    for (let i = 0; i < 8; i++) files.append(`extra${i}`, photo, "extra.png");
    files.append("image", photo, "image.png");
    expect(await raw(`${standIn.server.apiUrl}/v1/utility/asm/`, { method: "POST", token: key, body: files })).toEqual(tooLargeBody);
    const texts = new FormData();
    texts.append("image", photo, "image.png");
    for (let i = 0; i < 64; i++) texts.append(`t${i}`, "x");
    texts.append("identify_asm", "true");
    expect(await raw(`${standIn.server.apiUrl}/v1/persons/search/`, { method: "POST", token: key, body: texts })).toEqual(tooLargeBody);
    // At the limits, the upload is taken.
    const atLimit = new FormData();
    for (let i = 0; i < 7; i++) atLimit.append(`extra${i}`, photo, "extra.png");
    atLimit.append("image", photo, "image.png");
    for (let i = 0; i < 64; i++) atLimit.append(`t${i}`, "x");
    expect((await raw(`${standIn.server.apiUrl}/v1/utility/asm/`, { method: "POST", token: key, body: atLimit })).status).toBe(200);
  });

  test("a JSON body that is not an object (a JSON string holding one, say) is a 400, not decoded twice", async () => {
    const key = (await unwrap((await standIn.login()).tokens.create())).key;
    const smuggled = await raw(`${standIn.server.apiUrl}/v1/sources/`, { method: "POST", token: key, json: JSON.stringify({ name: "smuggled" }) });
    expect(smuggled).toEqual({ status: 400, body: { error_codes: [400], message: "Validation error.", fields: [{ name: "non_field_errors", message: "Invalid data. Expected a dictionary, but got str.", error_code: 400 }] } });
    expect((await raw(`${standIn.server.apiUrl}/v1/sources/`, { method: "POST", token: key, json: [] })).status).toBe(400);
  });

  test("an uploaded photo is served as the image it is, whatever type the upload claimed, and never sniffed", async () => {
    const client = await standIn.login();
    await unwrap(client.sources.create({ name: "media-cam" }));
    const { key } = await unwrap(client.tokens.create());
    const form = new FormData();
    form.append("image", new Blob([image("html-claim") as Uint8Array<ArrayBuffer>], { type: "text/html" }), "face.html");
    form.append("source", "media-cam");
    expect((await raw(`${standIn.server.apiUrl}/v1/persons/`, { method: "POST", token: key, body: form })).status).toBe(201);
    const [entry] = (await unwrap(client.entries.list({ sources_ids: [(await unwrap(client.sources.list({ q: "media-cam" }))).results[0]!.id] }))).results;
    const media = await fetch(entry!.face_image!);
    expect([media.status, media.headers.get("content-type"), media.headers.get("x-content-type-options")]).toEqual([200, "image/png", "nosniff"]);
  });

  test("form numbers are decimal, as Python reads them: 0x10 or 0b11 is no number", async () => {
    const key = (await unwrap((await standIn.login()).tokens.create())).key;
    const form = (body: string) =>
      raw(`${standIn.server.apiUrl}/v1/settings/thresholds/`, { method: "PATCH", token: key, headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
    expect(await form("exact=0x10")).toMatchObject({ status: 400, body: namingFields("exact") });
    expect(await form("ha=0b11")).toMatchObject({ status: 400, body: namingFields("ha") });
    expect(await form("exact=91.5&ha=8e1")).toMatchObject({ status: 200, body: expect.objectContaining({ exact: 91.5, ha: 80 }) });
  });

  test("a body of a media type no operation parses is a 415 ErrorBody, as DRF answers", async () => {
    const key = (await unwrap((await standIn.login()).tokens.create())).key;
    const answer = await request(standIn.server, {
      method: "POST",
      path: "/api/v1/sources/",
      headers: { Authorization: `Token ${key}`, "Content-Type": "text/plain; charset=utf-8" },
      body: "name=plain",
    });
    expect(answer).toMatchObject({ status: 415, body: { error_codes: [415], message: 'Unsupported media type "text/plain; charset=utf-8" in request.', fields: [] } });
  });

  test("stored strings longer than the document's maxLength are 400s naming the field", async () => {
    const { key } = await unwrap((await standIn.login()).tokens.create());
    const long = await raw(`${standIn.server.apiUrl}/v1/sources/`, { method: "POST", token: key, json: { name: "s".repeat(256) } });
    expect(long).toEqual({ status: 400, body: namingFields("name") });
    expect(long.body.fields[0].message).toBe("Ensure this field has no more than 255 characters.");
    const space = await raw(`${standIn.server.iamUrl}/v1/spaces/`, { method: "POST", token: key, json: { name: "s".repeat(100_000) } });
    expect(space).toEqual({ status: 400, body: namingFields("name") });
    const atLimit = await raw(`${standIn.server.apiUrl}/v1/sources/`, { method: "POST", token: key, json: { name: `${"s".repeat(250)}${Date.now() % 100_000}`.slice(0, 255) } });
    expect(atLimit.status).toBe(201);
    // Multipart text parts too.
    const form = new FormData();
    form.set("image", new Blob([Buffer.from(image("long source"))], { type: "image/jpeg" }), "face.jpg");
    form.set("source", "n".repeat(300));
    const person = await fetch(`${standIn.server.apiUrl}/v1/persons/`, { method: "POST", headers: { Authorization: `Token ${key}` }, body: form });
    expect(person.status).toBe(400);
    expect(await person.json()).toEqual(namingFields("source"));
  });
});

describe("sockets and uploads that misbehave", () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ eventsAuthTimeoutMs: 300 });
  });
  afterAll(() => server.close());

  test("an events socket that never sends AUTH is closed after the deadline (1008)", async () => {
    const silent = await openFeed(server.eventsUrl);
    expect(await silent.closed).toEqual({ code: 1008, reason: "authentication timeout" });
    // A socket that authenticates in time stays open past the deadline.
    const login = await raw(`${server.iamUrl}/v1/auth/token/`, { method: "POST", json: { username: "demo", password: "demo-password" } });
    const feed = await openFeed(server.eventsUrl, login.body.token.key);
    const late = await openFeed(server.eventsUrl);
    await late.closed;
    expect(feed.ws.readyState).toBe(WebSocket.OPEN);
    feed.ws.close();
    await feed.closed;
  });

  test("a frame larger than any client frame is refused before it is buffered", async () => {
    const feed = await openFeed(server.eventsUrl);
    feed.ws.send(JSON.stringify({ action: "AUTH", data: { token: "x".repeat(1024 * 1024) } }));
    expect((await feed.closed).code).toBe(1009);
  });

  test("an events client that stops reading is closed (1013) once 4 MiB wait unsent, not buffered without bound", async () => {
    const login = await raw(`${server.iamUrl}/v1/auth/token/`, { method: "POST", json: { username: "demo", password: "demo-password" } });
    const key: string = login.body.token.key;
    const feed = await openFeed(server.eventsUrl, key);
    // Stop reading: the kernel's buffers fill, then the stand-in's.
    feed.ws.pause();
    // The feed's scope for the token's space (server.ts: `space:<id>`).
    const scope = `space:${server.state.authenticate(key)!.space!.id}`;
    const published = 1024;
    for (let id = 1; id <= published; id++) server.events.publish(scope, { id, data: "e".repeat(64 * 1024) });
    feed.ws.resume();
    expect(await feed.closed).toEqual({ code: 1013, reason: "events not read: too far behind" });
    // What was already queued arrives; the rest (64 MB) was never held for the client.
    expect(feed.frames.length).toBeGreaterThan(1);
    expect(feed.frames.length).toBeLessThan(published / 2);
  });

  test("an upload aborted halfway is not an error: no log, no answer, the stand-in carries on", async () => {
    const console = quietConsole();
    try {
      const login = await raw(`${server.iamUrl}/v1/auth/token/`, { method: "POST", json: { username: "demo", password: "demo-password" } });
      const boundary = "----hostile";
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
      for (const path of ["/api/v1/persons/search/", "/api/v1/sources/"]) {
        const gone = await new Promise<string>((resolve) => {
          const req = http.request({
            host: "127.0.0.1",
            port: server.port,
            method: "POST",
            path,
            agent: false,
            headers: {
              Authorization: `Token ${login.body.token.key}`,
              "Content-Type": path.includes("persons") ? `multipart/form-data; boundary=${boundary}` : "application/json",
              "Content-Length": 5 * 1024 * 1024,
            },
          });
          req.on("response", () => resolve("answered"));
          req.on("error", () => resolve("aborted"));
          req.write(path.includes("persons") ? head + "x".repeat(64 * 1024) : '{"name": "', () => setImmediate(() => req.destroy()));
          req.on("close", () => resolve("aborted"));
        });
        expect(gone).toBe("aborted");
      }
      // The stand-in is still up and answering; its handling of the aborts is over by the time a
      // new request on a new connection is answered (give it a generous moment on a busy machine).
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await raw(`${server.apiUrl}/v1/version/`, { token: login.body.token.key })).status).toBe(200);
      expect(console.calls()).toEqual([]);
    } finally {
      console.restore();
    }
  });
});
