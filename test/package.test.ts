/**
 * Consume as a package: build, `npm pack` once, install the tarball the way users do — with
 * npm, `npm --engine-strict`, yarn 1 and pnpm, each into a fresh directory with a fresh HOME —
 * and use it as a user would: `require` and `import` of the client and of the stand-in
 * (`neuroio/mock`, started from the installed package), the `neuroio-mock` command, the
 * bundled OpenAPI document, strict TypeScript consumers; attw and publint on the tarball.
 *
 * Nothing touches the network: the tarball's dependencies come from a registry on 127.0.0.1
 * serving what `npm ci` installed in this repository (scripts/tarball.ts).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { copyRepository } from "./helpers";
import { cleanEnv, install, INSTALLERS, installSize, NPM, pack, sh, startRegistry, type Installed, type Installer, type LocalRegistry, type Packed } from "../scripts/tarball";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");
const BIN = (tool: string) => path.join(ROOT, "node_modules", ".bin", tool);
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
const SAMPLE_FACE = path.join(ROOT, "examples", "assets", "sample-face.png");
const MINUTES = 60_000;

/** Runs a program; resolves with its exit code and whole output (tsc reports type errors on stdout). */
async function attempt(cmd: string, args: string[], cwd: string, env = cleanEnv()): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 5 * MINUTES });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string; message: string };
    return { code: typeof e.code === "number" ? e.code : 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` || e.message };
  }
}

const pkg = JSON.parse(require("node:fs").readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  version: string;
  dependencies: Record<string, string>;
};

let tmp: string;
let packed: Packed;
let registry: LocalRegistry;
const installs = new Map<Installer, Installed | Error>();

/** The install made with `installer`; its failure, if it failed, fails the test asking for it. */
function installed(installer: Installer): Installed {
  const result = installs.get(installer);
  if (!result) throw new Error(`no install with ${installer}`);
  if (result instanceof Error) throw result;
  return result;
}
/** The project installed with plain npm, where the single-install checks run. */
const app = () => installed("npm").dir;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "neuroio-pack-"));
  // Built and packed in a copy: the tree the other tests run from (bin/neuroio-mock.js
  // prefers dist/) is never rebuilt under them.
  const project = copyRepository(path.join(tmp, "repo"));
  await sh(NPM, ["run", "build"], project);
  packed = await pack(tmp, project);
  registry = await startRegistry(tmp);
  for (const installer of INSTALLERS) {
    installs.set(installer, await install(installer, packed.tarball, registry, tmp).catch((error: Error) => error));
  }
}, 10 * MINUTES);

afterAll(async () => {
  await registry?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("the tarball", () => {
  const files = () => packed.files.map((f) => f.path);

  test("holds the client (ESM, CommonJS, declarations), one stand-in, the OpenAPI document, and no sources", () => {
    for (const f of ["package.json", "README.md", "openapi.json", "bin/neuroio-mock.js", "dist/index.js", "dist/index.mjs", "dist/index.d.mts"]) {
      expect(files()).toContain(f);
    }
    for (const f of ["dist/events.js", "dist/events.mjs", "dist/events.d.mts", "dist/types/wrappers/events.d.ts"]) expect(files()).toContain(f);
    for (const f of ["dist/node-transport.js", "dist/node-transport.mjs", "dist/types/wrappers/index.d.ts", "dist/mock.js", "dist/types/mock/index.d.ts"]) {
      expect(files()).toContain(f);
    }
    // One copy of the stand-in (CommonJS; ESM importers load the same file) with the license
    // notices of the code bundled into it, no second copy of the document; the package's own license.
    expect(files().filter((f) => /^dist\/mock\b/.test(f))).toEqual(["dist/mock.js", "dist/mock.js.LICENSES.txt"]);
    expect(files()).toContain("LICENSE");
    expect(files().filter((f) => f.endsWith("openapi.json"))).toEqual(["openapi.json"]);
    expect(files().filter((f) => /^(src|test|openapi|scripts|bench)\//.test(f))).toEqual([]);
  });

  test("has source maps for the SDK's own code only: the client's files, mapping to its sources", async () => {
    const maps = files().filter((f) => f.endsWith(".map"));
    // Chunks have hashed names: what the entries share, and the middleware, upload, login and override paths (loaded on first use).
    expect(maps.map((f) => f.replace(/-[A-Z0-9]{8}\.(m?js)\.map$/, "-HASH.$1.map")).sort()).toEqual([
      // The browser build: the ESM build less the Node transport.
      ...Array(5).fill("dist/browser/chunk-HASH.mjs.map"),
      "dist/browser/events.mjs.map",
      "dist/browser/index.mjs.map",
      "dist/browser/login-HASH.mjs.map",
      "dist/browser/middleware-HASH.mjs.map",
      "dist/browser/overrides-HASH.mjs.map",
      "dist/browser/uploads-HASH.mjs.map",
      ...Array(8).fill("dist/chunk-HASH.js.map"),
      ...Array(5).fill("dist/chunk-HASH.mjs.map"),
      "dist/events.js.map",
      "dist/events.mjs.map",
      "dist/index.js.map",
      "dist/index.mjs.map",
      "dist/login-HASH.js.map",
      "dist/login-HASH.mjs.map",
      "dist/middleware-HASH.js.map",
      "dist/middleware-HASH.mjs.map",
      "dist/node-transport.js.map",
      "dist/node-transport.mjs.map",
      "dist/overrides-HASH.js.map",
      "dist/overrides-HASH.mjs.map",
      "dist/uploads-HASH.js.map",
      "dist/uploads-HASH.mjs.map",
    ]);
    for (const map of maps) {
      const { sources } = JSON.parse(await readFile(path.join(app(), "node_modules", "neuroio", map), "utf8")) as { sources: string[] };
      // Besides the sources, a CommonJS map names its own file: the lines tsup's CommonJS step adds.
      const src = map.startsWith("dist/browser/") ? "../../src/" : "../src/";
      expect(sources.filter((s) => !s.startsWith(src) && s !== path.basename(map, ".map"))).toEqual([]);
    }
  });

  test("ships the license notice of every package bundled into the stand-in", async () => {
    const notices = await readFile(path.join(app(), "node_modules", "neuroio", "dist", "mock.js.LICENSES.txt"), "utf8");
    // The stand-in's own imports (the bundled tree has more), each with its license text.
    for (const name of ["openapi-backend", "ajv", "busboy", "pngjs", "jpeg-js", "qs"]) expect(notices).toMatch(new RegExp(`^${name} \\d+\\.\\d+\\.\\d+ \\(`, "m"));
    expect(notices).toContain("Permission is hereby granted");
    expect(notices).toContain("Redistributions of source code must retain the above copyright notice"); // the BSD ones
  });

  test("is small: about 1.6 MB for the client (its Node and browser builds, with source maps), half a megabyte for the stand-in", () => {
    const bytes = (re: RegExp) => packed.files.filter((f) => re.test(f.path)).reduce((sum, f) => sum + f.size, 0);
    const standIn = bytes(/^dist\/(mock\b|types\/mock\/)/);
    expect(standIn).toBeLessThan(1_000_000);
    expect(packed.unpackedSize - standIn).toBeLessThan(1_800_000);
  });

  test("declares the entry points it ships, and depends only on what the client needs", async () => {
    const shipped = JSON.parse(await readFile(path.join(app(), "node_modules", "neuroio", "package.json"), "utf8")) as {
      exports: Record<string, unknown>;
      dependencies: Record<string, string>;
    };
    expect(Object.keys(shipped.exports)).toEqual([".", "./events", "./mock", "./openapi.json", "./package.json"]);
    expect(Object.keys(shipped.dependencies).sort()).toEqual(["openapi-fetch", "ws"]);
  });

  test(
    "arethetypeswrong finds no problem in any entry point, for node10, node16 (CJS and ESM) and bundlers",
    async () => {
      const { output } = await attempt(BIN("attw"), [packed.tarball, "--format", "json"], tmp);
      const report = JSON.parse(output) as { analysis: { problems: unknown[]; entrypoints: Record<string, { resolutions: Record<string, unknown> }> } };
      expect(report.analysis.problems).toEqual([]);
      expect(Object.keys(report.analysis.entrypoints)).toEqual([".", "./events", "./mock", "./openapi.json", "./package.json"]);
      for (const entry of Object.values(report.analysis.entrypoints)) {
        expect(Object.keys(entry.resolutions).sort()).toEqual(["bundler", "node10", "node16-cjs", "node16-esm"]);
      }
    },
    5 * MINUTES,
  );

  test(
    "publint has nothing to say, suggestions included",
    async () => {
      const { code, output } = await attempt(BIN("publint"), ["run", packed.tarball, "--level", "suggestion", "--strict"], tmp);
      expect(output).not.toMatch(/Suggestions?:|Warnings?:|Errors?:/);
      expect(output).toMatch(/All good/);
      expect(code).toBe(0);
    },
    5 * MINUTES,
  );
});

// Uses the client against the stand-in, both from the installed package: log in, create a
// source and a person from a PNG (multipart: the stand-in's bundled parser and validator).
const standInProgram = (load: string) => `${load}
const server = await startMockServer({ port: 0 });
try {
  const client = await Client.login(DEMO_USER, { iamUrl: server.iamUrl, apiUrl: server.apiUrl, eventsUrl: server.eventsUrl });
  const me = unwrap(await client.whoami.me());
  const source = unwrap(await client.sources.create({ name: "door" }));
  const image = new Blob([readFileSync(${JSON.stringify(SAMPLE_FACE)})], { type: "image/png" });
  const person = unwrap(await client.persons.create({ image, source: source.name }));
  console.log(JSON.stringify({ user: me.username, source: source.name, person: typeof person.pid, standIn: resolved }));
} finally {
  await server.close();
}`;

describe.each(INSTALLERS)("installed with %s", (installer) => {
  test("installs the client's dependencies and nothing else, without an engine warning", async () => {
    const { dir, output } = installed(installer);
    expect(output).not.toMatch(/EBADENGINE|Unsupported engine|engine "node" is incompatible|incompatible module/i);
    const { packages } = await installSize(dir);
    expect(packages).toEqual([`neuroio@${pkg.version}`, ...registry.packages].sort());
    expect(packages.map((p) => p.replace(/(.)@.*/, "$1")).filter((name) => !/^(neuroio|openapi-fetch|openapi-typescript-helpers|ws)$/.test(name))).toEqual([]);
  });

  test(
    "an ES module and a CommonJS program run the client against the stand-in started from the installed package",
    async () => {
      const { dir, env } = installed(installer);
      await writeFile(
        path.join(dir, "stand-in.mjs"),
        standInProgram(`import { readFileSync } from "node:fs";
import { Client, unwrap } from "neuroio";
import { startMockServer, DEMO_USER } from "neuroio/mock";
const resolved = import.meta.resolve("neuroio/mock");`),
      );
      await writeFile(
        path.join(dir, "stand-in.cjs"),
        `(async () => {
${standInProgram(`const { readFileSync } = require("node:fs");
const { Client, unwrap } = require("neuroio");
const { startMockServer, DEMO_USER } = require("neuroio/mock");
const resolved = require.resolve("neuroio/mock");`)}
})().catch((error) => { console.error(error); process.exit(1); });`,
      );
      for (const program of ["stand-in.mjs", "stand-in.cjs"]) {
        const { stdout } = await sh(process.execPath, [program], dir, env);
        const out = JSON.parse(stdout) as { user: string; source: string; person: string; standIn: string };
        expect(out).toMatchObject({ user: "demo", source: "door", person: "string" });
        expect(out.standIn).toMatch(/node_modules[\\/]neuroio[\\/]dist[\\/]mock\.js$/);
      }
    },
    3 * MINUTES,
  );

  test("the neuroio-mock command runs", async () => {
    const { dir, env } = installed(installer);
    const { stdout } = await sh(path.join(dir, "node_modules", ".bin", "neuroio-mock"), ["--help"], dir, env);
    expect(stdout).toMatch(/^Usage: neuroio-mock/m);
  });
});

describe("installed with npm, used as a user would", () => {
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
    const out = JSON.parse((await sh(process.execPath, ["-e", script], app())).stdout);
    expect(out).toMatchObject({ client: "function", list: "function", unwrap: "function", error: "function", version: pkg.version, deps: ["string", "string"] });
    expect(out.entry).toMatch(/node_modules[\\/]neuroio[\\/]dist[\\/]index\.js$/);
    expect(out.openapi).toMatch(/^3\.1\./);
    expect(out.operations).toBeGreaterThanOrEqual(66);
  });

  test("import { Client, unwrap, NeuroIOError } from 'neuroio' gives the ESM build; the OpenAPI document imports as JSON", async () => {
    await writeFile(
      path.join(app(), "check.mjs"),
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
    const out = JSON.parse((await sh(process.execPath, ["check.mjs"], app())).stdout);
    expect(out).toMatchObject({ client: "function", list: "function", unwrap: "function", isError: true });
    expect(out.entry).toMatch(/node_modules\/neuroio\/dist\/index\.mjs$/);
    expect(out.openapi).toMatch(/^3\.1\./);
  });

  test("a web bundler of `import { Client }` gets the browser build: no events code, no Node transport, and the middleware, upload, login and override paths only as chunks on demand", async () => {
    const result = await build({
      stdin: { contents: `export { Client } from "neuroio";`, resolveDir: app() },
      bundle: true,
      write: false,
      splitting: true,
      outdir: path.join(app(), "web-out"), // never written: names the chunks
      metafile: true,
      format: "esm",
      platform: "browser",
      external: ["ws", "undici", "node:*"],
      logLevel: "silent",
    });
    const outputs = result.metafile!.outputs;
    const upFront = new Set<string>();
    const visit = (file: string) => {
      if (upFront.has(file)) return;
      upFront.add(file);
      for (const i of outputs[file]!.imports) if (i.kind === "import-statement" && outputs[i.path]) visit(i.path);
    };
    visit(Object.keys(outputs).find((file) => outputs[file]!.entryPoint)!);
    const inputs = (file: string) => Object.keys(outputs[file]!.inputs);
    const all = Object.keys(outputs).flatMap(inputs);
    expect(all.filter((input) => /neuroio\/dist\//.test(input) && !/neuroio\/dist\/browser\//.test(input))).toEqual([]);
    expect(all.filter((input) => /neuroio\/dist\/browser\/events\.mjs$/.test(input))).toEqual([]);
    expect(all.filter((input) => /EventsListener/.test(input))).toEqual([]);
    for (const onDemand of [/middleware-\w+\.mjs$/, /uploads-\w+\.mjs$/, /login-\w+\.mjs$/, /overrides-\w+\.mjs$/]) {
      const lazy = Object.keys(outputs).filter((file) => inputs(file).some((input) => onDemand.test(input)));
      expect(lazy).toHaveLength(1);
      expect([...upFront].filter((file) => lazy.includes(file))).toEqual([]);
    }
    const bundled = result.outputFiles.map((f) => f.text).join("\n");
    expect(bundled).not.toMatch(/class EventsListener|"PING"/);
    // Nothing a web bundler cannot follow: the Node transport's computed import is not there.
    expect(bundled).not.toMatch(/node-transport|import\([^()]*`/);
    // Nor anything Node-only in the whole browser build, the events feed's included: its WebSocket is the browser's.
    const dir = path.join(app(), "node_modules/neuroio/dist/browser");
    const browserBuild = await Promise.all((await readdir(dir)).filter((f) => f.endsWith(".mjs")).map((f) => readFile(path.join(dir, f), "utf8")));
    expect(browserBuild.join("\n")).not.toMatch(/["'](ws|node:[a-z_/]+)["']|node-transport/);
  });

  test("a bundler without the browser condition (server-side rendering) is told to leave the Node transport's import alone", async () => {
    // The one import a bundler cannot follow is marked for webpack and for Vite, which would warn on every build.
    const esm = (await readdir(path.join(app(), "node_modules/neuroio/dist"))).filter((f) => f.endsWith(".mjs"));
    const texts = await Promise.all(esm.map((f) => readFile(path.join(app(), "node_modules/neuroio/dist", f), "utf8")));
    const computed = texts.flatMap((text) => [...text.matchAll(/import\(([^()]*`[^`]*`)\s*\)/g)].map((m) => m[1]!));
    expect(computed).toHaveLength(1);
    expect(computed[0]).toMatch(/\/\* webpackIgnore: true \*\/[\s\S]*\/\* @vite-ignore \*\//);
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
let sockets = 0;
wss.on("connection", () => sockets++);
const client = new Client({ apiToken: "x", eventsUrl: "ws://127.0.0.1:" + wss.address().port });
const events = new EventsListener(client);
try {
  // Closed while ws is still loading: nothing is opened, then or once it has loaded (given
  // half a second to do so).
  const states = [];
  events.on("state", (state) => states.push(state));
  const early = events.connect().catch((e) => e.name);
  await events.close();
  await new Promise((resolve) => setTimeout(resolve, 500));
  console.log(await early, sockets, states.at(-1));
  await events.connect();
  console.log(events.state);
} finally {
  await events.close();
  await new Promise((resolve) => wss.close(resolve));
  clearTimeout(timer);
}`;

  test("the CommonJS build loads openapi-fetch only for a client with middleware", async () => {
    const script = `const { Client } = require("neuroio");
const loaded = () => Object.keys(require.cache).some((file) => file.includes("openapi-fetch"));
const before = loaded();
const call = (middleware) => new Client({ apiToken: "x", apiUrl: "http://127.0.0.1:9", maxRetries: 0, middleware }).sources.list().catch((e) => e.name);
(async () => {
  const plain = await call([]);
  const afterPlain = loaded();
  const withHooks = await call([{ onRequest() {} }]);
  console.log(JSON.stringify({ before, plain, afterPlain, withHooks, afterHooks: loaded() }));
})();`;
    expect(JSON.parse((await sh(process.execPath, ["-e", script], app())).stdout)).toEqual({
      before: false,
      plain: "ConnectionError",
      afterPlain: false,
      withHooks: "ConnectionError",
      afterHooks: true,
    });
  });

  test("the events feed connects with `ws` from the CommonJS build", async () => {
    const script = `(async () => { ${eventsCheck(`const { Client } = require("neuroio"); const { EventsListener } = require("neuroio/events"); const { WebSocketServer } = require("ws");`)} })().catch((e) => { console.error(e); process.exit(1); });`;
    expect((await sh(process.execPath, ["-e", script], app())).stdout.trim()).toBe("EventsError 0 closed\nopen");
  });

  test("the events feed connects with `ws` from the ESM build", async () => {
    await writeFile(path.join(app(), "events.mjs"), eventsCheck(`import { Client } from "neuroio"; import { EventsListener } from "neuroio/events"; import { WebSocketServer } from "ws";`));
    expect((await sh(process.execPath, ["events.mjs"], app())).stdout.trim()).toBe("EventsError 0 closed\nopen");
  });
});

describe("TypeScript consumers, checking the shipped declarations too (skipLibCheck: false)", () => {
  const tsc = (project: string) => attempt(process.execPath, [TSC, "-p", project, "--pretty", "false"], app());
  const tsconfig = (compilerOptions: Record<string, unknown>, files: string[]) =>
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, ...compilerOptions }, files }, null, 2);
  /** Browser code: DOM library, no @types/node. */
  const BROWSER = { types: [] };
  /** Node code (the stand-in): @types/node from this repository, as a Node project has it. */
  const NODE = { typeRoots: [path.join(ROOT, "node_modules", "@types")], types: ["node"] };

  // Every call here must type-check; the `@ts-expect-error` lines must not (tsc reports an
  // unused directive otherwise). Written as .ts (CommonJS: require condition) and .mts (ESM:
  // import condition, index.d.mts).
  const good = `import { Client, unwrap, NeuroIOError, type components } from "neuroio";
import { EventsListener, type EntryEvent } from "neuroio/events";

export async function main(): Promise<number> {
  const client = new Client({ apiToken: "x" });
  const events = new EventsListener(client, { pingIntervalMs: 10_000 });
  events.on("entry", (event: EntryEvent) => void event.data.result);
  // @ts-expect-error - the token comes from the client, not the options
  void new EventsListener(client, { token: () => "x" });
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
    "module node16, browser code: calls with the right arguments type-check against the CommonJS and ESM declarations",
    async () => {
      await writeFile(path.join(app(), "good.ts"), good);
      await writeFile(path.join(app(), "good.mts"), good);
      await writeFile(
        path.join(app(), "tsconfig.good.json"),
        tsconfig({ target: "ES2022", module: "node16", moduleResolution: "node16", lib: ["ES2022", "DOM", "DOM.Iterable"], ...BROWSER }, ["good.ts", "good.mts"]),
      );
      const { code, output } = await tsc("tsconfig.good.json");
      expect(output).toBe("");
      expect(code).toBe(0);
    },
    2 * MINUTES,
  );

  test(
    "tsc's defaults (target, module, resolution node10, library), browser code: the declarations type-check",
    async () => {
      // Code an ES5 target accepts (no async functions: ES5 has no Promise constructor).
      await writeFile(
        path.join(app(), "defaults.ts"),
        `import { Client, unwrap, paginate, NeuroIOError, type components } from "neuroio";
import { EventsListener, type EntryEvent } from "neuroio/events";
const client = new Client({ apiToken: "x" });
export const count: Promise<number> = client.sources.list({ limit: 5 }).then((result) => {
  const page = unwrap(result);
  const first: components["schemas"]["Source"] | undefined = page.results[0];
  return page.count + (first ? first.id : 0);
});
export const failed = client.sources.get({ id: 1 }).catch((e: unknown) => (e instanceof NeuroIOError ? e.status : 0));
export const sources: AsyncIterable<components["schemas"]["Source"]> = paginate((page) => client.sources.list(page));
export const events: AsyncIterable<EntryEvent> = new EventsListener(client).listen();
// @ts-expect-error - id is a number
void client.sources.get({ id: "nope" });
`,
      );
      await writeFile(path.join(app(), "tsconfig.defaults.json"), tsconfig(BROWSER, ["defaults.ts"]));
      const { code, output } = await tsc("tsconfig.defaults.json");
      expect(output).toBe("");
      expect(code).toBe(0);
    },
    2 * MINUTES,
  );

  test(
    "the stand-in's declarations type-check in a Node project, with node16 (ESM and CommonJS), without the DOM library, and with tsc's defaults (node10)",
    async () => {
      const standIn = `import { startMockServer, DEMO_USER, type MockServer } from "neuroio/mock";
import { Client } from "neuroio";
export function run(): Promise<string> {
  return startMockServer({ port: 0 }).then((server: MockServer) =>
    Client.login(DEMO_USER, { iamUrl: server.iamUrl, apiUrl: server.apiUrl }).then(() => server.close()).then(() => server.iamUrl),
  );
}
// @ts-expect-error - port is a number
void startMockServer({ port: "8080" });
`;
      await writeFile(path.join(app(), "stand-in.ts"), standIn);
      await writeFile(path.join(app(), "stand-in-esm.mts"), standIn);
      await writeFile(path.join(app(), "tsconfig.stand-in.json"), tsconfig({ module: "node16", moduleResolution: "node16", target: "ES2022", ...NODE }, ["stand-in.ts", "stand-in-esm.mts"]));
      await writeFile(path.join(app(), "tsconfig.stand-in-defaults.json"), tsconfig(NODE, ["stand-in.ts"]));
      // A Node-only project (@tsconfig/node20's kind): no DOM types, Node's globals only.
      await writeFile(path.join(app(), "tsconfig.stand-in-nodelib.json"), tsconfig({ module: "node16", moduleResolution: "node16", target: "ES2022", lib: ["ES2022"], ...NODE }, ["stand-in.ts", "stand-in-esm.mts"]));
      for (const project of ["tsconfig.stand-in.json", "tsconfig.stand-in-nodelib.json", "tsconfig.stand-in-defaults.json"]) {
        const { code, output } = await tsc(project);
        expect(`${project}: ${output}`).toBe(`${project}: `);
        expect(code).toBe(0);
      }
    },
    2 * MINUTES,
  );

  test(
    "a wrong call fails to type-check, at the wrong call",
    async () => {
      await writeFile(
        path.join(app(), "bad.ts"),
        `import { Client } from "neuroio";
const client = new Client({ apiToken: "x" });
export const a = client.sources.get({ id: "nope" });
export const b = client.sources.list({ limit: 5, bogus: true });
`,
      );
      await writeFile(path.join(app(), "tsconfig.bad.json"), tsconfig({ target: "ES2022", module: "node16", moduleResolution: "node16", ...BROWSER }, ["bad.ts"]));
      const { code, output } = await tsc("tsconfig.bad.json");
      expect(code).not.toBe(0);
      const errorLines = [...output.matchAll(/^bad\.ts\((\d+),\d+\): error TS\d+/gm)].map((m) => Number(m[1]));
      expect([...new Set(errorLines)].sort()).toEqual([3, 4]);
    },
    2 * MINUTES,
  );
});
