/**
 * The measuring process, started by bench/run.ts (bundled by esbuild to
 * bench/.out/worker.mjs and run with plain `node`, so no transpiler sits in the process
 * that is measured). The SDK is the package-like bundle bench/.out/neuroio.mjs, imported
 * at run time like a user imports `neuroio`.
 *
 *   node worker.mjs '<json Task>'
 *
 * Tasks:
 *   rate  — warm long runs: one implementation and call pattern, kept running between
 *           measurements (forked, IPC): warms up, collects its garbage once, says `{ ready }`
 *           (or `{ ready, failed }` when the implementation cannot make the call), then for
 *           every `{ measure: n }` message makes n calls at `concurrency` and answers a
 *           Result (calls/s, CPU time per call, peak RSS so far); anything else ends it.
 *           No collection between measurements: what a block leaves to collect is paid in
 *           the next one, as a long-lived process pays it.
 *   short — short runs in a fresh process, as a CLI or a serverless function lives: load the
 *           implementation, make `count` calls at `concurrency` with no warm-up; prints the
 *           rate over the whole (loading included), or `{ failed }`.
 *   rss   — one GET and one 1 KiB upload (so every code path is loaded and warm), then one
 *           upload of the file at `file` opened with fs.openAsBlob; prints peak RSS.
 *   cold  — from process start: import the implementation (nothing, for raw fetch), make
 *           the first list call; prints milliseconds.
 */
import { openAsBlob } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { jpegLike, run } from "./common";

export type Impl = "client" | "client-fetch" | "fetch" | "fetch-timeout" | "undici" | "rest-api";
export type Pattern = "list" | "upload";

export interface Task {
  kind: "rate" | "short" | "rss" | "cold";
  impl: Impl;
  base: string;
  token: string;
  pattern?: Pattern;
  count?: number;
  concurrency?: number;
  warmup?: number;
  uploadBytes?: number;
  file?: string;
  baseline?: boolean;
}

export interface Result {
  rate?: number;
  ms?: number;
  cpuMicrosPerCall?: number;
  importMs?: number;
  firstCallMs?: number;
  sinceStartMs?: number;
  maxRssBytes: number;
  /** Why the implementation could not make the call (it threw, or the answer was wrong). */
  failed?: string;
}

type Call = () => Promise<void>;
type NeuroIO = typeof import("../src/wrappers");

const SOURCE = "Entrance camera";
// Beside this worker's bundle (bench/.out/), like an installed package's entry.
const PKG = pathToFileURL(path.join(path.dirname(process.argv[1]!), "neuroio.mjs")).href;

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? "{}") as Task;
  if (task.kind === "cold") return report(await cold(task));

  const loading = performance.now();
  const calls = await implementation(task);
  if (task.kind === "rss") {
    await calls.list();
    await calls.upload(new Blob([jpegLike(1024)], { type: "image/jpeg" }));
    if (!task.baseline) await calls.upload(await openAsBlob(task.file!, { type: "image/jpeg" }));
    return report({ maxRssBytes: peakRss() });
  }

  const image = new Blob([jpegLike(task.uploadBytes ?? 1024 * 1024)], { type: "image/jpeg" });
  const call: Call = task.pattern === "upload" ? () => calls.upload(image) : calls.list;
  const concurrency = task.concurrency ?? 1;
  if (task.kind === "short") {
    // From loading the implementation to the last answer: what a short-lived process spends.
    const count = task.count ?? 0;
    const started = loading;
    try {
      await run(call, count, concurrency);
    } catch (error) {
      return report({ failed: describe(error), maxRssBytes: peakRss() });
    }
    const ms = performance.now() - started;
    return report({ rate: (count * 1000) / ms, ms, sinceStartMs: performance.now(), maxRssBytes: peakRss() });
  }
  try {
    await run(call, task.warmup ?? 0, concurrency);
  } catch (error) {
    // Reported, not thrown: a client that cannot make the call is a result of the bench.
    process.on("message", () => process.exit(0));
    process.on("disconnect", () => process.exit(0));
    return void process.send!({ ready: true, failed: describe(error) });
  }
  (globalThis as { gc?: () => void }).gc?.();
  process.on("message", async (message: { measure?: number }) => {
    const count = message?.measure;
    if (typeof count !== "number") return process.exit(0);
    const cpu = process.cpuUsage();
    const started = performance.now();
    await run(call, count, concurrency);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    process.send!({ rate: (count * 1000) / ms, ms, cpuMicrosPerCall: (used.user + used.system) / count, maxRssBytes: peakRss() } satisfies Result);
  });
  process.on("disconnect", () => process.exit(0));
  process.send!({ ready: true });
}

interface Calls {
  list: Call;
  upload: (image: Blob) => Promise<void>;
}

/** The three call patterns for one implementation; every answer is checked. */
async function implementation(task: Task): Promise<Calls> {
  const url = (path: string) => `${task.base}${path}`;
  // What the SDK sends (it adds User-Agent in Node); the baselines send the same.
  const headers = { Authorization: `Token ${task.token}`, "User-Agent": "neuroio-js/bench" };

  if (task.impl.startsWith("client")) {
    const { Client } = (await import(PKG)) as NeuroIO;
    // client: the default transport (in Node, the SDK's transport on the pool behind fetch); client-fetch:
    // global fetch, the transport of browsers and of any `fetch` option.
    const fetch = task.impl === "client-fetch" ? globalThis.fetch : undefined;
    const client = new Client({ apiUrl: task.base, iamUrl: task.base, apiToken: task.token, ...(fetch ? { fetch } : {}) });
    const upload = async (image: Blob) => {
      const { data, error } = await client.persons.create({ image, source: SOURCE });
      if (error !== undefined || data?.result !== "new") throw new Error(`upload failed: ${JSON.stringify(error)}`);
    };
    return {
      list: async () => {
        const { data, error } = await client.sources.list();
        if (error !== undefined || data?.results.length !== 20) throw new Error(`list failed: ${JSON.stringify(error)}`);
      },
      upload,
    };
  }

  if (task.impl === "rest-api") {
    // The official SDK (axios 0.19, Node's http adapter), as its README sets it up, pointed
    // at the bench server; setToken sends `Authorization: Token <key>`.
    // A CommonJS webpack bundle: Node's ESM import sees only its default export.
    const { createNeuroioRestApi } = ((await import("@neuroio/rest-api")) as { default: typeof import("@neuroio/rest-api") }).default;
    const api = createNeuroioRestApi({ version: 1 })!;
    api.setEndpoint({ base: `${task.base}/v1/`, auth: `${task.base}/v1/` });
    api.setToken(task.token);
    return {
      list: async () => {
        const data = (await api.sources.getSources({})) as unknown as { results?: unknown[] } | null;
        if (data?.results?.length !== 20) throw new Error("list failed");
      },
      upload: async (image: Blob) => {
        const data = (await api.persons.createPerson({ image: image as File, source: SOURCE })) as { result?: string };
        if (data?.result !== "new") throw new Error(`upload failed: ${JSON.stringify(data)}`);
      },
    };
  }

  if (task.impl === "fetch" || task.impl === "fetch-timeout") {
    // fetch-timeout: the same calls, each with a time limit as fetch takes one (an AbortSignal).
    const limit = task.impl === "fetch-timeout" ? () => ({ signal: AbortSignal.timeout(60_000) }) : () => ({});
    const upload = async (image: Blob) => {
      const form = new FormData();
      form.append("image", image, "image.jpg");
      form.append("source", SOURCE);
      const response = await fetch(url("/v1/persons/"), { method: "POST", headers, body: form, ...limit() });
      const data = (await response.json()) as { result?: string };
      if (response.status !== 201 || data.result !== "new") throw new Error(`upload failed: ${response.status}`);
    };
    return {
      list: async () => {
        const response = await fetch(url("/v1/sources/"), { headers, ...limit() });
        const data = (await response.json()) as { results: unknown[] };
        if (!response.ok || data.results.length !== 20) throw new Error(`list failed: ${response.status}`);
      },
      upload,
    };
  }

  // Raw undici.request (the undici package, a devDependency) on a dedicated Agent (keep-alive pool): the limit of Node HTTP.
  const undici = await import("undici");
  const dispatcher = new undici.Agent();
  const upload = async (image: Blob) => {
    // undici's own FormData: its body extraction only recognises that class.
    const form = new undici.FormData();
    form.append("image", image, "image.jpg");
    form.append("source", SOURCE);
    const { statusCode, body } = await undici.request(url("/v1/persons/"), {
      method: "POST",
      headers,
      body: form,
      dispatcher,
    });
    const data = (await body.json()) as { result?: string };
    if (statusCode !== 201 || data.result !== "new") throw new Error(`upload failed: ${statusCode}`);
  };
  return {
    list: async () => {
      const { statusCode, body } = await undici.request(url("/v1/sources/"), { headers, dispatcher });
      const data = (await body.json()) as { results: unknown[] };
      if (statusCode !== 200 || data.results.length !== 20) throw new Error(`list failed: ${statusCode}`);
    },
    upload,
  };
}

/** From process start: load the implementation (raw fetch: nothing), make the first list call. */
async function cold(task: Task): Promise<Result> {
  const t0 = performance.now();
  const calls = await implementation(task);
  const t1 = performance.now();
  await calls.list();
  const t2 = performance.now();
  return { importMs: t1 - t0, firstCallMs: t2 - t1, sinceStartMs: t2, maxRssBytes: peakRss() };
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split("\n")[0]!.slice(0, 200);
}

function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024; // maxRSS is in KiB
}

function report(result: Result): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
