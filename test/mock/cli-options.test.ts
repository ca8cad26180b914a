/** The CLI's development options: --token, --state, --cors, --webhook-host, and a --help naming every option. */
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { drawFace, startMockServer, type MockServerOptions } from "../../src/mock";
import { parseArgs } from "../../src/mock/cli";
import { Client, unwrap } from "../../src/wrappers";

const BIN = path.join(__dirname, "..", "..", "bin", "neuroio-mock.js");

/** The options parsed from `args` (never "help" here). */
const parsed = (args: string[]) => parseArgs(args) as MockServerOptions;

test("parseArgs: --token seeds the demo user's key; --state, --cors, --webhook-host", () => {
  expect(parseArgs(["--token", "dev-key", "--state", "state.json", "--port", "9000"])).toEqual({
    port: 9000,
    stateFile: "state.json",
    users: [{ username: "demo", password: "demo-password", apiToken: "dev-key" }],
  });
  expect(parsed(["--cors", "http://localhost:5173, https://app.example"]).cors).toEqual(["http://localhost:5173", "https://app.example"]);
  expect(parsed(["--cors=*"]).cors).toBe("*");
  expect(parsed(["--cors", "off"]).cors).toBe(false);
  expect(parsed(["--webhook-host", "hooks.internal"]).webhooks).toEqual({ allowedHosts: ["hooks.internal"] });
  expect(parsed(["--webhook-host", "*"]).webhooks).toEqual({ allowedHosts: "any" });
  expect(() => parseArgs(["--token", "has space"])).toThrow(/--token/);
  expect(() => parseArgs(["--state"])).toThrow(/--state needs a value/);
});

test("parseArgs: --cors takes only origins a browser can send (scheme://host[:port], an app scheme's, null), or loopback, * or off", () => {
  expect(parsed(["--cors", "loopback"]).cors).toBe("loopback");
  expect(parsed(["--cors", "https://app.example:8443,http://[::1]:3000"]).cors).toEqual(["https://app.example:8443", "http://[::1]:3000"]);
  // Extensions, Capacitor and Tauri apps, and pages opened from disk send these.
  const apps = ["chrome-extension://abcdefghijklmnop", "moz-extension://1b2c3d4e", "capacitor://localhost", "tauri://localhost", "null"];
  expect(parsed(["--cors", apps.join(",")]).cors).toEqual(apps);
  const refused: Array<[value: string, message: RegExp]> = [
    ["garbage", /^--cors: garbage is not an origin \(scheme:\/\/host\[:port\]/],
    ["http://localhost:5173/", /^--cors: http:\/\/localhost:5173\/ is not an origin .*; did you mean http:\/\/localhost:5173\?$/],
    ["http://localhost:5173/app", /did you mean http:\/\/localhost:5173\?/],
    ["http://localhost:5173?x=1", /did you mean http:\/\/localhost:5173\?/],
    ["http://localhost:80", /did you mean http:\/\/localhost\?/], // a browser leaves the default port out
    ["HTTP://LOCALHOST:5173", /did you mean http:\/\/localhost:5173\?/],
    ["http://localhost:5173,localhost:3000", /localhost:3000 is not an origin/],
    ["chrome-extension://abcdefghijklmnop/", /did you mean chrome-extension:\/\/abcdefghijklmnop\?/],
    ["file:///home/me/page.html", /file:\/\/\/home\/me\/page\.html is not an origin/],
    [" , ", /--cors takes/],
  ];
  for (const [value, message] of refused) {
    expect(() => parseArgs(["--cors", value])).toThrow(message);
    expect(() => parseArgs([`--cors=${value}`])).toThrow(message);
  }
});

/** Runs the CLI with `args`, returning its output so far and a stop function. */
function run(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const out = { text: "" };
  child.stdout.on("data", (chunk: Buffer) => (out.text += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (out.text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    out,
    exited,
    async apiUrl(): Promise<string> {
      const deadline = Date.now() + 30_000;
      while (!/API\s+http/.test(out.text)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no banner:\n${out.text}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return /API\s+(http:\/\/127\.0\.0\.1:\d+\/api)/.exec(out.text)![1]!;
    },
    async stop(): Promise<number | null> {
      child.kill("SIGINT");
      return exited;
    },
  };
}

test("--help documents every option the CLI takes", async () => {
  const cli = run(["--help"]);
  expect(await cli.exited).toBe(0);
  const source = await readFile(path.join(__dirname, "..", "..", "src", "mock", "cli.ts"), "utf8");
  const flags = [...source.matchAll(/case "(--[a-z-]+)"/g)].map((m) => m[1]!);
  expect(flags).toEqual(expect.arrayContaining(["--port", "--token", "--state", "--cors", "--help"]));
  for (const flag of flags) expect(cli.out.text).toContain(flag);
  expect(cli.out.text).toContain("/_mock/camera");
});

test("--state keeps the state across restarts (written atomically); --token is a fixed key", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "neuroio-state-"));
  const file = path.join(dir, "state.json");
  const headers = { Authorization: "Token my-fixed-dev-token", "Content-Type": "application/json" };
  try {
    const first = run(["--port", "0", "--state", file, "--token", "my-fixed-dev-token"]);
    const api = await first.apiUrl();
    expect(first.out.text).not.toContain("my-fixed-dev-token"); // a secret is never printed
    const created = await fetch(`${api}/v1/sources/`, { method: "POST", headers, body: JSON.stringify({ name: "kept-cam" }) });
    expect(created.status).toBe(201);
    expect(await first.stop()).toBe(0);
    expect(await readdir(dir)).toEqual(["state.json"]); // no temporary file left

    const second = run(["--port", "0", "--state", file, "--token", "my-fixed-dev-token"]);
    const api2 = await second.apiUrl();
    const listed = await (await fetch(`${api2}/v1/sources/`, { headers })).json();
    expect(listed.results.map((s: { name: string }) => s.name)).toEqual(["kept-cam"]);
    // Ids continue after the restored ones.
    const next = await (await fetch(`${api2}/v1/sources/`, { method: "POST", headers, body: JSON.stringify({ name: "new-cam" }) })).json();
    expect(next.id).toBeGreaterThan(listed.results[0].id);
    expect(await second.stop()).toBe(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("startMockServer({ stateFile }): persons (faces), entries and images survive a restart", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "neuroio-state-"));
  const stateFile = path.join(dir, "state.json");
  const users = [{ username: "demo", password: "demo-password", apiToken: "persist-key" }];
  try {
    let server = await startMockServer({ stateFile, users });
    const client = (s: typeof server) => new Client({ apiToken: "persist-key", iamUrl: s.iamUrl, apiUrl: s.apiUrl, maxRetries: 0 });
    await unwrap(client(server).sources.create({ name: "cam" }));
    const person = await unwrap(client(server).persons.create({ image: drawFace("kept"), source: "cam" }));
    await server.close();

    server = await startMockServer({ stateFile, users });
    const found = await unwrap(client(server).persons.search({ image: drawFace("kept") }));
    expect(found).toMatchObject({ result: "exact", pid: person.pid });
    const [entry] = (await unwrap(client(server).entries.list({ result: ["new"] }))).results;
    const image = await fetch(entry!.face_image!.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${server.port}`));
    expect(Buffer.from(await image.arrayBuffer()).equals(Buffer.from(drawFace("kept")))).toBe(true);
    await server.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("the state file is written after a write that succeeded, not after reads or refused requests", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "neuroio-state-"));
  const stateFile = path.join(dir, "state.json");
  const server = await startMockServer({ stateFile, users: [{ username: "demo", password: "demo-password", apiToken: "persist-key" }] });
  const client = new Client({ apiToken: "persist-key", iamUrl: server.iamUrl, apiUrl: server.apiUrl, maxRetries: 0 });
  const written = async () => (await stat(stateFile).catch(() => undefined))?.mtimeMs;
  const until = async (condition: () => Promise<boolean>) => {
    while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  try {
    // Written once at start (a path that cannot be written is refused then), then after the write.
    const started = await written();
    expect(started).toBeDefined();
    await unwrap(client.sources.create({ name: "cam" }));
    await until(async () => (await written()) !== started);
    const first = await written();
    // Reads, a refused token, an unknown path, a refused write: nothing to write.
    await unwrap(client.sources.list());
    await new Client({ apiToken: "not-a-key", apiUrl: server.apiUrl, maxRetries: 0 }).sources.list();
    await fetch(`${server.apiUrl}/v1/nothing/`);
    const refused = await fetch(`${server.apiUrl}/v1/sources/`, { method: "POST", headers: { Authorization: "Token persist-key", "Content-Type": "application/json" }, body: "{}" });
    expect(refused.status).toBe(400);
    // Long past the file's debounce (200 ms): a write would have happened by now.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await written()).toBe(first);
    // A write that succeeds is written.
    await unwrap(client.sources.create({ name: "cam 2" }));
    await until(async () => (await written()) !== first);
    expect(JSON.parse(await readFile(stateFile, "utf8")).tables).toBeDefined();
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});

