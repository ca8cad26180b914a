// The SDK in a real web page against the stand-in, in Debian's headless Chromium: a page
// served from one loopback port loads the SDK's browser build (`neuroio` and
// `neuroio/events`, bundled here from src/ as scripts/browser-bundle.ts bundles them),
// logs in to the stand-in on another port (CORS), creates a person from a photo chosen as
// a `File`, lists entries and receives the entry event over the WebSocket. A stand-in that
// does not allow the page's origin makes the SDK's error say it may be CORS.
//
// Needs /usr/bin/chromium (.ci/run installs it); without it the test fails, it does not skip.
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { build } from "esbuild";
import { browserBundle } from "../scripts/browser-bundle";
import { chromium, type Browser, type Page } from "playwright-core";
import { DEMO_USER, startMockServer, type MockServer } from "../src/mock";

/* eslint-disable @typescript-eslint/no-explicit-any */
jest.setTimeout(120_000);

const CHROMIUM = "/usr/bin/chromium";
const root = path.resolve(__dirname, "..");

/** The bundle's files by URL path: /index.js, /events.js and their chunks. */
const bundle = new Map<string, string>();
let browser: Browser | undefined;
let pages: http.Server | undefined;
let pageOrigin = "";
const servers: MockServer[] = [];
// Every path the pages asked the page server for, in order.
const requested: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this).`);
  const result = await build({
    ...browserBundle(root),
    entryPoints: [path.join(root, "src/wrappers/index.ts"), path.join(root, "src/wrappers/events.ts")],
    write: false,
    outdir: path.join(root, "browser-out"), // never written: names the files
    logLevel: "silent",
  });
  for (const file of result.outputFiles) bundle.set(`/${path.basename(file.path)}`, file.text);
  const face = readFileSync(path.join(root, "examples/assets/face-ada.png"));
  // The page's own server: the page, the SDK bundle and the photo, on a loopback port of its own.
  pages = http.createServer((req, res) => {
    const files: Record<string, [string, string | Buffer]> = {
      "/": ["text/html", "<!doctype html><title>neuroio in a page</title><input type=file id=photo>"],
      "/face.png": ["image/png", face],
      ...Object.fromEntries([...bundle].map(([url, text]) => [url, ["text/javascript", text]])),
    };
    requested.push(req.url ?? "/");
    const file = files[req.url ?? "/"];
    res.writeHead(file ? 200 : 404, { "content-type": file?.[0] ?? "text/plain" });
    res.end(file?.[1] ?? "not found");
  });
  await new Promise<void>((resolve) => pages!.listen(0, "127.0.0.1", resolve));
  pageOrigin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  await new Promise((resolve) => (pages ? pages.close(resolve) : resolve(undefined)));
});

/** A fresh page on the page server, failing the test on any page error. */
async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser!.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${pageOrigin}/`);
  return { page, errors };
}

test("a page logs in, creates a person from a File, lists entries and receives the entry event", async () => {
  const server = await startMockServer();
  servers.push(server);
  expect(new URL(server.apiUrl).port).not.toBe(new URL(pageOrigin).port);
  const { page, errors } = await openPage();
  // The photo is chosen in the page's file input, as a user would.
  await page.setInputFiles("#photo", path.join(root, "examples/assets/face-ada.png"));
  const outcome = await page.evaluate(
    async ({ hosts, user }) => {
      const { Client, unwrap } = await import("/index.js" as string);
      const { EventsListener } = await import("/events.js" as string);
      const client = await Client.login(user, hosts);
      const source = await unwrap(client.sources.create({ name: "browser-cam" }));
      const file: File = (document.getElementById("photo") as HTMLInputElement).files![0]!;
      const events = new EventsListener(client);
      const event = new Promise<any>((resolve) => events.on("entry", resolve));
      await events.connect();
      const person = await unwrap(client.persons.create({ image: file, source: source.name, identify_asm: true }));
      const entries = await unwrap(client.entries.list({ pid: [person.pid] }));
      const received = await event;
      await events.close();
      return { fileName: file.name, fileType: file.type, person, entries, received: { id: received.id, data: received.data } };
    },
    { hosts: { iamUrl: server.iamUrl, apiUrl: server.apiUrl, eventsUrl: server.eventsUrl }, user: { ...DEMO_USER } },
  );
  expect(outcome.fileName).toBe("face-ada.png");
  expect(outcome.fileType).toBe("image/png");
  expect(outcome.person).toMatchObject({ result: "new", confidence: 100, age: expect.any(Number) });
  expect(outcome.entries.count).toBe(1);
  const [entry] = outcome.entries.results;
  expect(entry).toMatchObject({ result: "new", pid: outcome.person.pid, source: { name: "browser-cam" } });
  expect(outcome.received).toEqual({ id: entry.id, data: entry });
  expect(errors).toEqual([]);
  await page.close();
});

test("a page changes its password (the override, loaded on its first call) and logs in with the new one only", async () => {
  const server = await startMockServer();
  servers.push(server);
  const { page, errors } = await openPage();
  const hosts = { iamUrl: server.iamUrl, apiUrl: server.apiUrl };
  const overrideChunks = () => requested.filter((url) => /^\/overrides-\w+\.js$/.test(url));
  await page.evaluate(
    async ({ hosts, user }) => {
      const { Client } = await import("/index.js" as string);
      (globalThis as { client?: unknown }).client = await Client.login(user, hosts);
    },
    { hosts, user: { ...DEMO_USER } },
  );
  expect(overrideChunks()).toEqual([]);
  const outcome = await page.evaluate(
    async ({ hosts, user }) => {
      const { Client } = await import("/index.js" as string);
      const { client } = globalThis as { client?: any };
      const newPassword = "a new passphrase";
      const changed = await client.auth.passwordChange({ old_password: user.password, new_password: newPassword });
      const withNew = await new Client(hosts).auth.login({ username: user.username, password: newPassword });
      const withOld = await new Client({ ...hosts, maxRetries: 0 }).auth.login(user);
      return { changed: changed.response.status, withNew: typeof withNew.data?.token.key, withOld: withOld.error?.error_codes };
    },
    { hosts, user: { ...DEMO_USER } },
  );
  expect(outcome).toEqual({ changed: 204, withNew: "string", withOld: [602] });
  expect(overrideChunks()).toHaveLength(1);
  expect(errors).toEqual([]);
  await page.close();
});

test("when the stand-in does not allow the page's origin, the SDK's error says it may be CORS", async () => {
  const server = await startMockServer({ cors: ["https://some-other-app.example"] });
  servers.push(server);
  const { page } = await openPage();
  const error = await page.evaluate(
    async ({ hosts, user }) => {
      const { Client } = await import("/index.js" as string);
      try {
        await new Client({ ...hosts, maxRetries: 0 }).auth.login(user);
        return "no error";
      } catch (e: any) {
        return `${e.name}: ${e.message}`;
      }
    },
    { hosts: { iamUrl: server.iamUrl, apiUrl: server.apiUrl }, user: { ...DEMO_USER } },
  );
  expect(error).toMatch(/^ConnectionError: .*could not reach 127\.0\.0\.1:\d+/);
  expect(error).toContain(`may be CORS: the server must allow the origin ${pageOrigin}`);
  expect(error).not.toContain(DEMO_USER.password);
  await page.close();
});

test("a request with a body follows no redirect in a page either: the answer is an error value, and the body goes nowhere else", async () => {
  const received: string[] = [];
  const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "*", "access-control-allow-methods": "POST" };
  const other = http.createServer((req, res) => (received.push(`${req.method} ${req.url}`), res.writeHead(200, cors).end("{}")));
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  const redirecting = http.createServer((req, res) => res.writeHead(req.method === "OPTIONS" ? 204 : 307, { ...cors, location: `${otherUrl}/v1/auth/token/` }).end());
  await new Promise<void>((resolve) => redirecting.listen(0, "127.0.0.1", resolve));
  const iamUrl = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`;
  try {
    const { page, errors } = await openPage();
    const outcome = await page.evaluate(async ({ iamUrl, user }) => {
      const { Client } = await import("/index.js" as string);
      const { data, error, response } = await new Client({ iamUrl, maxRetries: 0 }).auth.login(user);
      return { data, error, status: response.status };
    }, { iamUrl, user: { ...DEMO_USER } });
    expect(outcome).toEqual({
      status: 502,
      error: { error_codes: [], message: "NeuroIO answered a redirect the SDK does not follow for a request with a body", fields: [] },
    });
    expect(received).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  } finally {
    await Promise.all([other, redirecting].map((s) => new Promise((resolve) => (s.closeAllConnections(), s.close(resolve)))));
  }
});
