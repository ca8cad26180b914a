import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Writable } from "node:stream";
import { Console } from "node:console";
import util from "node:util";
import { Client, ConnectionError, InputError, NeuroIOError, unwrap, ATTEMPTS_HEADER } from "../src/wrappers";
import { SDK_VERSION } from "../src/version";
import { example, jpegBytes, startRecordingServer, testClient, type RecordingServer } from "./helpers";

// The bodies of ../shared/seeds/authentication.txt, as NeuroIO answers them.
const SEED_LOGIN_OK = {
  user: { username: "usr" },
  token: {
    id: 1,
    key: "abcd",
    is_active: true,
    created: "2021-05-28T10:37:51.433760+00:00",
    expires: "2021-05-29T10:37:51.433563+00:00",
  },
};
// The same answer with a token that has not expired yet (Client.login() renews expired ones).
const FRESH_LOGIN_OK = {
  ...SEED_LOGIN_OK,
  token: { ...SEED_LOGIN_OK.token, created: new Date().toISOString(), expires: new Date(Date.now() + 86_400_000).toISOString() },
};
const SEED_LOGIN_FAILED = { error_codes: [602], message: "Username and password do not match.", fields: [] };
const SEED_PASSWORD_CHANGE_FAILED = {
  error_codes: [400],
  message: "Validation error.",
  fields: [{ name: "old_password", message: "Incorrect password.", error_code: 400 }],
};

let server: RecordingServer;
let urls: { iamUrl: string; apiUrl: string };

beforeAll(async () => {
  server = await startRecordingServer();
  urls = { iamUrl: server.iamUrl, apiUrl: server.apiUrl };
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("seed: authentication", () => {
  test("new Client() has no token", () => {
    const c = new Client();
    expect(c.authenticated).toBe(false);
    expect(JSON.parse(JSON.stringify(c))).toEqual({
      iamUrl: "https://iam.neuroio.com",
      apiUrl: "https://api.neuroio.com",
      authenticated: false,
    });
  });

  test("a client without a token sends no Authorization header", async () => {
    const c = new Client(urls);
    await c.auth.login({ username: "usr", password: "pwd" });
    await c.version.get();
    expect(server.requests).toHaveLength(2);
    for (const req of server.requests) expect(req.headers).not.toHaveProperty("authorization");
  });

  test("login success: response.status 200, data.token.key / expires, data.user.username", async () => {
    server.respondNext({ status: 200, body: SEED_LOGIN_OK });
    const c = new Client(urls);
    const { data, error, response } = await c.auth.login({ username: "usr", password: "pwd" });

    expect(server.only()).toMatchObject({ host: "iam", method: "POST", path: "/v1/auth/token/", json: { username: "usr", password: "pwd" } });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    expect(data).toEqual(SEED_LOGIN_OK);
    expect(data?.token.key).toBe("abcd");
    expect(data?.token.expires).toBe("2021-05-29T10:37:51.433563+00:00");
    expect(data?.user.username).toBe("usr");
  });

  test("login failure: error.error_codes contains 602, with its message and empty fields", async () => {
    server.respondNext({ status: 400, body: SEED_LOGIN_FAILED });
    const c = new Client(urls);
    const { data, error, response } = await c.auth.login({ username: "usr", password: "wrong" });
    expect(response.status).not.toBe(200);
    expect(data).toBeUndefined();
    expect(error?.error_codes).toContain(602);
    expect(error?.message).toBe("Username and password do not match.");
    expect(error?.fields).toEqual([]);
  });

  test("a result holds data or error as its own field, and one Response, made when first read", async () => {
    server.respondNext({ status: 200, body: SEED_LOGIN_OK });
    const ok = await new Client(urls).auth.login({ username: "usr", password: "pwd" });
    expect(Object.keys(ok)).toEqual(["data"]);
    expect(ok.response).toBeInstanceOf(Response);
    expect(ok.response).toBe(ok.response);
    expect(ok.response.headers.get(ATTEMPTS_HEADER)).toBe("1");
    expect(await ok.response.json()).toEqual(SEED_LOGIN_OK);

    server.respondNext({ status: 400, body: SEED_LOGIN_FAILED });
    const failed = await new Client(urls).auth.login({ username: "usr", password: "wrong" });
    expect(Object.keys(failed)).toEqual(["error"]);
    expect(failed.response.status).toBe(400);
    expect(failed.response.headers.get("content-type")).toBe("application/json");
    expect(await failed.response.json()).toEqual(failed.error);
  });

  test("new Client({ apiToken: data.token.key }) sends Authorization: Token <key> on IAM and API calls", async () => {
    server.respondNext({ status: 200, body: SEED_LOGIN_OK });
    const { data } = await new Client(urls).auth.login({ username: "usr", password: "pwd" });
    server.reset();

    const c = new Client({ ...urls, apiToken: data!.token.key });
    expect(c.authenticated).toBe(true);
    await c.whoami.me();
    await c.sources.list();
    expect(server.requests.map((r) => [r.host, r.headers.authorization])).toEqual([
      ["iam", "Token abcd"],
      ["api", "Token abcd"],
    ]);
  });

  test("password change: sends password/password2, succeeds with 204", async () => {
    const c = new Client({ ...urls, apiToken: "abcd" });
    const { data, error, response } = await c.auth.passwordChange({ old_password: "pwd", new_password: "newpwd", reset_tokens: false });
    expect(server.only().json).toEqual({ old_password: "pwd", password: "newpwd", password2: "newpwd", reset_tokens: false });
    expect(server.only().headers.authorization).toBe("Token abcd");
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  test("password change with a wrong old password: the typed validation error on old_password", async () => {
    server.respondNext({ status: 400, body: SEED_PASSWORD_CHANGE_FAILED });
    const c = new Client({ ...urls, apiToken: "abcd" });
    const { data, error, response } = await c.auth.passwordChange({ old_password: "bad", new_password: "newpwd", reset_tokens: false });
    expect(response.status).not.toBe(204);
    expect(data).toBeUndefined();
    expect(error).toEqual(SEED_PASSWORD_CHANGE_FAILED);
    expect(error?.fields[0]?.name).toBe("old_password");
  });
});

describe("deriving clients", () => {
  test("withToken() keeps the options and changes only the token", async () => {
    const base = new Client({ ...urls, maxRetries: 0 });
    const derived = base.withToken("k2");
    expect(base.authenticated).toBe(false);
    expect(derived.authenticated).toBe(true);
    await derived.sources.get({ id: 1 });
    await base.sources.get({ id: 1 });
    expect(server.requests.map((r) => [r.host, r.headers.authorization])).toEqual([
      ["api", "Token k2"],
      ["api", undefined],
    ]);
  });

  test("withOptions() changes options and keeps the token", async () => {
    const other = await startRecordingServer();
    try {
      const base = new Client({ ...urls, apiToken: "k3" });
      const moved = base.withOptions({ apiUrl: other.apiUrl });
      await moved.version.get();
      await moved.whoami.me();
      expect(server.requests.map((r) => r.host)).toEqual(["iam"]);
      expect(server.only().headers.authorization).toBe("Token k3");
      expect(other.only()).toMatchObject({ host: "api", path: "/v1/version/" });
      expect(other.only().headers.authorization).toBe("Token k3");
      expect(JSON.parse(JSON.stringify(moved))).toMatchObject({ apiUrl: other.apiUrl, iamUrl: server.iamUrl, authenticated: true });
    } finally {
      await other.close();
    }
  });

  test("Client.login() logs in and returns a client that sends the new token", async () => {
    server.respondNext({ status: 200, body: FRESH_LOGIN_OK });
    const c = await Client.login({ username: "usr", password: "pwd" }, urls);
    expect(c).toBeInstanceOf(Client);
    expect(c.authenticated).toBe(true);
    expect(server.only()).toMatchObject({ host: "iam", path: "/v1/auth/token/", json: { username: "usr", password: "pwd" } });
    expect(server.only().headers).not.toHaveProperty("authorization");

    server.reset();
    await c.sources.list();
    expect(server.only().headers.authorization).toBe("Token abcd");
  });

  test("Client.login() with wrong credentials rejects with NeuroIOError 602", async () => {
    server.respondNext({ status: 400, body: SEED_LOGIN_FAILED });
    const thrown = await Client.login({ username: "usr", password: "wrong" }, urls).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NeuroIOError);
    expect(thrown).toMatchObject({ status: 400, error_codes: [602], message: "Username and password do not match.", fields: [] });
  });

  test("a Client.login() client logs in again when its token is rejected (401) and repeats the call", async () => {
    server.respondNext({ status: 200, body: FRESH_LOGIN_OK });
    const c = await Client.login({ username: "usr", password: "pwd" }, { ...urls, maxRetries: 0 });
    server.reset();
    const renewed = { ...FRESH_LOGIN_OK, token: { ...FRESH_LOGIN_OK.token, id: 2, key: "efgh" } };
    server.respondNext(
      { status: 401, body: { error_codes: [401], message: "Invalid token.", fields: [] }, host: "api" },
      { status: 200, body: renewed, host: "iam" },
    );
    const { data, response } = await c.version.get();
    expect(response.status).toBe(200);
    expect(data).toEqual(example("version.get"));
    expect(server.requests.map((r) => [r.host, r.path, r.headers.authorization ?? null])).toEqual([
      ["api", "/v1/version/", "Token abcd"],
      ["iam", "/v1/auth/token/", null],
      ["api", "/v1/version/", "Token efgh"],
    ]);
  });
});

test("User-Agent is neuroio-js/<version>, the version of package.json", async () => {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));
  expect(SDK_VERSION).toBe(pkg.version);
  const c = testClient(server);
  await c.whoami.me();
  await c.persons.search({ image: jpegBytes() });
  expect(server.requests).toHaveLength(2);
  for (const req of server.requests) expect(req.headers["user-agent"]).toBe(`neuroio-js/${pkg.version}`);
});

describe("error mapping: every answer becomes a result, never an unhandled exception", () => {
  let c: Client;
  beforeAll(() => {
    c = testClient(server, { maxRetries: 0 });
  });

  test("an HTML 502 page gives a well-formed ErrorBody with the status and a short excerpt", async () => {
    const html = `<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>${"<p>nginx</p>".repeat(200)}</body></html>`;
    server.respondNext({ status: 502, body: html, contentType: "text/html" }, { status: 502, body: html, contentType: "text/html" });
    const { data, error, response } = await c.sources.list();
    expect(data).toBeUndefined();
    expect(response.status).toBe(502);
    expect(error).toEqual({ error_codes: [], message: expect.any(String), fields: [] });
    expect(error?.message).toContain("502");
    expect(error?.message).toContain("502 Bad Gateway");
    expect(error!.message.length).toBeLessThan(400);

    const thrown = await unwrap(c.sources.list()).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NeuroIOError);
    expect(thrown).toMatchObject({ status: 502, error_codes: [], fields: [] });
    expect((thrown as Error).message).toContain("502 Bad Gateway");
  });

  test("an empty 500 gives an ErrorBody naming the status", async () => {
    server.respondNext({ status: 500 });
    const { data, error, response } = await c.sources.create({ name: "x" });
    expect(data).toBeUndefined();
    expect(response.status).toBe(500);
    expect(error).toEqual({ error_codes: [], message: expect.stringContaining("500"), fields: [] });
    expect(error?.message).toMatch(/empty/);
  });

  test("truncated JSON on a 200 gives an error result (status 502) naming the real status and an excerpt", async () => {
    server.respondNext({ status: 200, body: '{"count": 3, "next": null, "results": [{"id": 1, "na', contentType: "application/json" });
    const { data, error, response } = await c.sources.list();
    expect(data).toBeUndefined();
    expect(response.ok).toBe(false);
    expect(response.status).toBe(502);
    expect(error).toEqual({ error_codes: [], message: expect.any(String), fields: [] });
    expect(error?.message).toContain("200");
    expect(error?.message).toContain('{\\"count\\": 3');
  });

  test("truncated JSON on a 400 gives an ErrorBody with the excerpt", async () => {
    server.respondNext({ status: 400, body: '{"error_codes": [400], "mess', contentType: "application/json" });
    const { error, response } = await c.sources.create({ name: "x" });
    expect(response.status).toBe(400);
    expect(error).toEqual({ error_codes: [], message: expect.stringContaining("400"), fields: [] });
    expect(error?.message).toContain("error_codes");
  });

  test("JSON without the ErrorBody shape ({detail}) gives an ErrorBody carrying the detail", async () => {
    server.respondNext({ status: 404, body: { detail: "Not found." } });
    const { error, response } = await c.sources.get({ id: 1 });
    expect(response.status).toBe(404);
    expect(error).toEqual({ error_codes: [], message: "Not found.", fields: [] });
  });

  test("JSON of another shape (an array) gives an ErrorBody with the status and an excerpt", async () => {
    server.respondNext({ status: 503, body: ["maintenance", 1] });
    const { error, response } = await c.sources.create({ name: "x" });
    expect(response.status).toBe(503);
    expect(error?.error_codes).toEqual([]);
    expect(error?.fields).toEqual([]);
    expect(error?.message).toContain("503");
    expect(error?.message).toContain("maintenance");
  });

  test("a partial ErrorBody (fields missing) is made well-formed", async () => {
    server.respondNext({ status: 400, body: { error_codes: [400], message: "Validation error." } });
    const { error, response } = await c.sources.create({ name: "x" });
    expect(response.status).toBe(400);
    expect(Array.isArray(error?.error_codes)).toBe(true);
    expect(typeof error?.message).toBe("string");
    expect(Array.isArray(error?.fields)).toBe(true);
  });

  test("a real ErrorBody passes through unchanged", async () => {
    const body = { error_codes: [400, 17], message: "Validation error.", fields: [{ name: "name", message: "Too long.", error_code: 17 }] };
    server.respondNext({ status: 400, body });
    const { error } = await c.sources.create({ name: "x" });
    expect(error).toEqual(body);
  });
});

describe("network failures", () => {
  async function deadPort(): Promise<string> {
    const s = http.createServer();
    await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
    const { port } = s.address() as AddressInfo;
    await new Promise<void>((resolve) => s.close(() => resolve()));
    return `http://127.0.0.1:${port}`;
  }

  test("connection refused rejects with ConnectionError naming the host", async () => {
    const url = await deadPort();
    const c = new Client({ iamUrl: url, apiUrl: url, apiToken: "tok-secret-1", maxRetries: 0 });
    const thrown = await c.version.get().catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ConnectionError);
    expect((thrown as Error).name).toBe("ConnectionError");
    expect((thrown as Error).message).toContain(new URL(url).host);
    expect((thrown as Error).message).toContain("version.get");
    await expect(unwrap(c.whoami.me())).rejects.toBeInstanceOf(ConnectionError);
  });

  test("a GET is retried on 503 and the result carries the attempt count; a POST is not", async () => {
    const c = testClient(server, { maxRetries: 2, maxRetryDelayMs: 10 });
    const busy = { status: 503, body: { error_codes: [503], message: "Busy.", fields: [] }, headers: { "retry-after": "0" } };
    server.respondNext(busy);
    const { data, response } = await c.sources.list();
    expect(response.status).toBe(200);
    expect(data).toEqual(example("sources.list"));
    expect(response.headers.get(ATTEMPTS_HEADER)).toBe("2");
    expect(server.requests).toHaveLength(2);

    server.reset();
    server.respondNext(busy);
    const post = await c.sources.create({ name: "x" });
    expect(post.response.status).toBe(503);
    expect(post.error?.message).toBe("Busy.");
    expect(server.requests).toHaveLength(1);
  });
});

describe("secrets never show", () => {
  const TOKEN = "tok-SECRET-9f8e7d6c5b4a";
  const PASSWORD = "pw-SECRET-hunter2";

  function everyRendering(value: unknown): string {
    let logged = "";
    const sink = new Writable({
      write(chunk, _enc, done) {
        logged += String(chunk);
        done();
      },
    });
    new Console({ stdout: sink, stderr: sink }).log(value);
    const parts = [
      logged,
      String(value),
      JSON.stringify(value),
      util.inspect(value),
      util.inspect(value, { showHidden: true, depth: Infinity }),
      util.format("%o %O %j", value, value, value),
    ];
    if (value instanceof Error) parts.push(value.message, value.stack ?? "", util.inspect(value.cause, { depth: Infinity }));
    return parts.join("\n");
  }

  function expectClean(value: unknown) {
    const text = everyRendering(value);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(PASSWORD);
    return text;
  }

  test("a client with a token: console.log, util.inspect, JSON.stringify", () => {
    const c = new Client({ ...urls, apiToken: TOKEN });
    const text = expectClean(c);
    expect(text).toContain(server.apiUrl);
    expect(JSON.parse(JSON.stringify(c))).toEqual({ iamUrl: server.iamUrl, apiUrl: server.apiUrl, authenticated: true });
    expectClean(c.withToken(TOKEN).withOptions({ timeoutMs: 1000 }));
  });

  test("a client from Client.login() holds the password but never shows it", async () => {
    server.respondNext({ status: 200, body: { ...FRESH_LOGIN_OK, token: { ...FRESH_LOGIN_OK.token, key: TOKEN } } });
    const c = await Client.login({ username: "usr", password: PASSWORD }, urls);
    expect(c.authenticated).toBe(true);
    expectClean(c);
  });

  test("errors: a failed login, a refused connection, a rejected input", async () => {
    server.respondNext({ status: 400, body: SEED_LOGIN_FAILED });
    const login = await Client.login({ username: "usr", password: PASSWORD }, urls).catch((e: unknown) => e);
    expect(login).toBeInstanceOf(NeuroIOError);
    expectClean(login);

    const s = http.createServer();
    await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => s.close(() => resolve()));
    const c = new Client({ iamUrl: url, apiUrl: url, apiToken: TOKEN, maxRetries: 0 });
    const refused = await c.auth.passwordChange({ old_password: PASSWORD, new_password: PASSWORD }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConnectionError);
    expectClean(refused);

    const input = await c.persons.create({ source: "cam" } as never).catch((e: unknown) => e);
    expect(input).toBeInstanceOf(InputError);
    expectClean(input);

    server.respondNext({ status: 400, body: SEED_PASSWORD_CHANGE_FAILED });
    const failed = await unwrap(new Client({ ...urls, apiToken: TOKEN }).auth.passwordChange({ old_password: PASSWORD, new_password: PASSWORD })).catch(
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(NeuroIOError);
    expectClean(failed);
  });
});

test("a Client.login() client whose token has expired logs in again before the next call", async () => {
  const soon = { ...FRESH_LOGIN_OK, token: { ...FRESH_LOGIN_OK.token, key: "old1", expires: new Date(Date.now() + 1000).toISOString() } };
  server.respondNext({ status: 200, body: soon });
  const c = await Client.login({ username: "usr", password: "pwd" }, urls);
  server.reset();
  server.respondNext({ status: 200, body: { ...FRESH_LOGIN_OK, token: { ...FRESH_LOGIN_OK.token, key: "new2" } }, host: "iam" });
  await c.version.get();
  expect(server.requests.map((r) => [r.host, r.path, r.headers.authorization ?? null])).toEqual([
    ["iam", "/v1/auth/token/", null],
    ["api", "/v1/version/", "Token new2"],
  ]);
  expect(server.requests[0]!.json).toEqual({ username: "usr", password: "pwd" });
});

test("after auth.passwordChange() a Client.login() client logs in again with the new password", async () => {
  server.respondNext({ status: 200, body: FRESH_LOGIN_OK });
  const c = await Client.login({ username: "usr", password: "pwd" }, { ...urls, maxRetries: 0 });
  const { response } = await c.auth.passwordChange({ old_password: "pwd", new_password: "newpwd" });
  expect(response.status).toBe(204);
  server.reset();
  server.respondNext(
    { status: 401, body: { error_codes: [401], message: "Invalid token.", fields: [] }, host: "api" },
    { status: 200, body: FRESH_LOGIN_OK, host: "iam" },
  );
  await c.version.get();
  expect(server.requests.map((r) => r.path)).toEqual(["/v1/version/", "/v1/auth/token/", "/v1/version/"]);
  expect(server.requests[1]!.json).toEqual({ username: "usr", password: "newpwd" });
});

describe("hosts from the environment", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of ["NEUROIO_IAM_URL", "NEUROIO_API_URL", "NEUROIO_EVENTS_URL"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  test("a Client without host options uses NEUROIO_IAM_URL and NEUROIO_API_URL", async () => {
    process.env.NEUROIO_IAM_URL = urls.iamUrl;
    process.env.NEUROIO_API_URL = urls.apiUrl;
    const client = new Client({ apiToken: "env-token" });
    await client.whoami.me();
    await client.version.get();
    expect(server.requests.map((r) => [r.host, r.path])).toEqual([
      ["iam", "/v1/whoami/"],
      ["api", "/v1/version/"],
    ]);
    expect(JSON.parse(JSON.stringify(client))).toMatchObject({ iamUrl: urls.iamUrl, apiUrl: urls.apiUrl });
  });

  test("explicit options win over the environment", () => {
    process.env.NEUROIO_API_URL = "http://127.0.0.1:9/never";
    const client = new Client({ apiUrl: urls.apiUrl });
    expect(JSON.parse(JSON.stringify(client)).apiUrl).toBe(urls.apiUrl);
  });
});
