/**
 * Consume as a package: build, `npm pack`, install the tarball into a throwaway project
 * outside the repo, and use it the way a user would — `require`, `import`, the bundled
 * OpenAPI document, and a strict TypeScript consumer (which must also reject a wrong call).
 *
 * Nothing touches the network: the tarball's dependencies come from the npm cache
 * (populated by `npm ci`), with `--prefer-offline`.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const MINUTES = 60_000;

// npm passes its own settings down to child processes (npm_config_local_prefix=/work/main,
// npm_package_*, …); an `npm install` in the temporary project must not inherit them, or it
// may act on this repository. Keep only settings about where packages come from.
const KEEP_NPM = /^npm_config_(cache|userconfig|globalconfig|registry|cafile|proxy|https_proxy|noproxy|strict_ssl|offline|prefer_offline)$/i;
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !(/^npm_/i.test(key) || key === "INIT_CWD") || KEEP_NPM.test(key)),
);

async function sh(cmd: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) failed: ${e.message}\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  }
}

/** Runs tsc and returns its exit code and output (tsc reports type errors on stdout). */
async function tsc(project: string, cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [TSC, "-p", project, "--pretty", "false"], { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

const pkg = JSON.parse(require("node:fs").readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string };
const hasMock = existsSync(path.join(ROOT, "src", "mock", "index.ts"));

let tmp: string;
let app: string; // the consumer project
let packed: string[]; // files in the tarball

beforeAll(async () => {
  await sh(NPM, ["run", "build"], ROOT);
  tmp = await mkdtemp(path.join(os.tmpdir(), "neuroio-pack-"));
  // --ignore-scripts: the build above already ran; `prepack` would run it again.
  const [info] = JSON.parse(await sh(NPM, ["pack", "--json", "--ignore-scripts", "--pack-destination", tmp], ROOT)) as [
    { filename: string; files: { path: string }[] },
  ];
  packed = info.files.map((f) => f.path);
  const tarball = path.join(tmp, path.basename(info.filename));

  app = path.join(tmp, "app");
  await mkdir(app);
  await writeFile(path.join(app, "package.json"), JSON.stringify({ name: "neuroio-consumer", version: "1.0.0", private: true }, null, 2));
  await sh(NPM, ["install", tarball, "--prefer-offline", "--no-audit", "--no-fund", "--no-update-notifier", "--loglevel=error"], app);
}, 5 * MINUTES);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test("the tarball holds dist (ESM, CommonJS, both declarations, the OpenAPI document) and no sources", () => {
  for (const f of ["package.json", "dist/index.js", "dist/index.mjs", "dist/index.d.ts", "dist/index.d.mts", "dist/openapi.json"]) {
    expect(packed).toContain(f);
  }
  if (hasMock) for (const f of ["dist/mock.js", "dist/mock.mjs", "dist/mock.d.ts", "dist/mock.d.mts"]) expect(packed).toContain(f);
  expect(packed.filter((f) => f.startsWith("src/") || f.startsWith("test/") || f.startsWith("openapi/"))).toEqual([]);
});

test("require('neuroio') gives the CommonJS build with a Client constructor", async () => {
  const script = `
    const n = require("neuroio");
    const client = new n.Client({ apiToken: "x" });
    const spec = require("neuroio/openapi.json");
    const { createRequire } = require("node:module");
    const inner = createRequire(require.resolve("neuroio"));
    console.log(JSON.stringify({
      client: typeof n.Client,
      list: typeof client.sources.list,
      unwrap: typeof n.unwrap,
      error: typeof n.NeuroIOError,
      entry: require.resolve("neuroio"),
      openapi: spec.openapi,
      operations: Object.values(spec.paths).flatMap((item) => Object.values(item)).filter((op) => op && op.operationId).length,
      version: require("neuroio/package.json").version,
      deps: ["openapi-fetch", "ws"].map((d) => typeof inner.resolve(d)),
    }));`;
  const out = JSON.parse(await sh(process.execPath, ["-e", script], app));
  expect(out).toMatchObject({ client: "function", list: "function", unwrap: "function", error: "function", version: pkg.version, deps: ["string", "string"] });
  expect(out.entry).toMatch(/node_modules[\\/]neuroio[\\/]dist[\\/]index\.js$/);
  expect(out.openapi).toMatch(/^3\.1\./);
  expect(out.operations).toBeGreaterThanOrEqual(66);
});

test("import { Client, unwrap, NeuroIOError } from 'neuroio' gives the ESM build; the OpenAPI document imports as JSON", async () => {
  await writeFile(
    path.join(app, "check.mjs"),
    `import { Client, unwrap, NeuroIOError } from "neuroio";
import spec from "neuroio/openapi.json" with { type: "json" };
const client = new Client({ apiToken: "x" });
const err = new NeuroIOError(500, { error_codes: [], message: "boom", fields: [] });
console.log(JSON.stringify({
  client: typeof Client,
  list: typeof client.sources.list,
  unwrap: typeof unwrap,
  isError: err instanceof Error,
  entry: import.meta.resolve("neuroio"),
  openapi: spec.openapi,
}));
`,
  );
  const out = JSON.parse(await sh(process.execPath, ["check.mjs"], app));
  expect(out).toMatchObject({ client: "function", list: "function", unwrap: "function", isError: true });
  expect(out.entry).toMatch(/node_modules\/neuroio\/dist\/index\.mjs$/);
  expect(out.openapi).toMatch(/^3\.1\./);
});

// The events feed loads `ws` lazily (no global WebSocket on Node 20): make each build do it,
// against a WebSocket server on 127.0.0.1 that accepts the token.
const eventsCheck = (load: string) => `${load}
delete globalThis.WebSocket;
const timer = setTimeout(() => { console.error("timed out"); process.exit(2); }, 15000);
const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
wss.on("connection", (socket) => socket.on("message", (raw) => {
  const frame = JSON.parse(String(raw));
  if (frame.action === "AUTH") socket.send(JSON.stringify({ auth: "ok" }));
  if (frame.action === "PING") socket.send(JSON.stringify({ PING: "PONG" }));
}));
await new Promise((resolve) => wss.on("listening", resolve));
const client = new Client({ apiToken: "x", eventsUrl: "ws://127.0.0.1:" + wss.address().port });
try {
  await client.events.connect();
  console.log(client.events.state);
} finally {
  await client.close();
  await new Promise((resolve) => wss.close(resolve));
  clearTimeout(timer);
}`;

test("the events feed connects with `ws` from the CommonJS build", async () => {
  const script = `(async () => { ${eventsCheck(`const { Client } = require("neuroio"); const { WebSocketServer } = require("ws");`)} })().catch((e) => { console.error(e); process.exit(1); });`;
  expect((await sh(process.execPath, ["-e", script], app)).trim()).toBe("open");
});

test("the events feed connects with `ws` from the ESM build", async () => {
  await writeFile(path.join(app, "events.mjs"), eventsCheck(`import { Client } from "neuroio"; import { WebSocketServer } from "ws";`));
  expect((await sh(process.execPath, ["events.mjs"], app)).trim()).toBe("open");
});

(hasMock ? test : test.skip)("neuroio/mock loads from both module systems", async () => {
  const cjs = await sh(process.execPath, ["-e", `console.log(Object.keys(require("neuroio/mock")).length)`], app);
  expect(Number(cjs)).toBeGreaterThan(0);
  const esm = await sh(process.execPath, ["--input-type=module", "-e", `console.log(Object.keys(await import("neuroio/mock")).length)`], app);
  expect(Number(esm)).toBeGreaterThan(0);
});

describe("a strict TypeScript consumer (module node16)", () => {
  const tsconfig = (files: string[]) =>
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "node16",
          moduleResolution: "node16",
          lib: ["ES2022", "DOM", "DOM.Iterable"],
          types: [],
          strict: true,
          noEmit: true,
          // Check the shipped declarations too, not only the consumer's code.
          skipLibCheck: false,
          resolveJsonModule: true,
        },
        files,
      },
      null,
      2,
    );

  // Every call here must type-check; the `@ts-expect-error` lines must not (tsc reports an
  // unused directive otherwise). Written as .ts (CommonJS: require condition, index.d.ts)
  // and .mts (ESM: import condition, index.d.mts).
  const good = `import { Client, unwrap, NeuroIOError, type components } from "neuroio";

export async function main(): Promise<number> {
  const client = new Client({ apiToken: "x" });
  const result = await client.sources.list({ limit: 5 });
  if (result.error) {
    const codes: number[] = result.error.error_codes;
    return codes.length;
  }
  const page = unwrap(await client.sources.list({ limit: 5, offset: 10, q: "cam" }));
  const first: components["schemas"]["Source"] | undefined = page.results[0];
  const count: number = page.count;
  const other = client.withToken("y");
  try {
    unwrap(await other.sources.get({ id: 1 }));
  } catch (e) {
    if (e instanceof NeuroIOError) return e.status;
  }
  // @ts-expect-error - id is a number
  void client.sources.get({ id: "nope" });
  // @ts-expect-error - no such query parameter
  void client.sources.list({ limitt: 5 });
  // @ts-expect-error - id is required
  void client.sources.get({});
  return count + (first?.id ?? 0);
}
`;

  test(
    "calls with the right arguments type-check against index.d.ts and index.d.mts",
    async () => {
      await writeFile(path.join(app, "good.ts"), good);
      await writeFile(path.join(app, "good.mts"), good);
      await writeFile(path.join(app, "tsconfig.good.json"), tsconfig(["good.ts", "good.mts"]));
      const { code, output } = await tsc("tsconfig.good.json", app);
      expect(output).toBe("");
      expect(code).toBe(0);
    },
    2 * MINUTES,
  );

  test(
    "a wrong call fails to type-check, at the wrong call",
    async () => {
      await writeFile(
        path.join(app, "bad.ts"),
        `import { Client } from "neuroio";
const client = new Client({ apiToken: "x" });
export const a = client.sources.get({ id: "nope" });
export const b = client.sources.list({ limit: 5, bogus: true });
`,
      );
      await writeFile(path.join(app, "tsconfig.bad.json"), tsconfig(["bad.ts"]));
      const { code, output } = await tsc("tsconfig.bad.json", app);
      expect(code).not.toBe(0);
      const errorLines = [...output.matchAll(/^bad\.ts\((\d+),\d+\): error TS\d+/gm)].map((m) => Number(m[1]));
      expect([...new Set(errorLines)].sort()).toEqual([3, 4]);
    },
    2 * MINUTES,
  );
});

test("the packed package.json declares the entry points it ships", async () => {
  const shipped = JSON.parse(await readFile(path.join(app, "node_modules", "neuroio", "package.json"), "utf8")) as {
    exports: Record<string, unknown>;
  };
  expect(Object.keys(shipped.exports)).toEqual([".", "./mock", "./openapi.json", "./package.json"]);
});
