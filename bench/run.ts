/**
 * `npm run bench` — the performance suite of issue 7. See bench/README.md.
 *
 * 1. Bundles the SDK like the published package (bench/.out/neuroio.mjs, dependencies
 *    external) and the measuring worker (bench/.out/worker.mjs) with esbuild.
 * 2. Starts the stand-in API (bench/server.mjs) in a sibling process on 127.0.0.1.
 * 3. Throughput: one worker process per implementation and pattern, warmed up once and
 *    kept; then ROUNDS rounds, each asking every worker in turn (order rotated every round,
 *    one at a time, the others idle) for one measurement. Reports the median rate, the
 *    ratio of medians to raw fetch, CPU time per call and the worker's peak RSS.
 * 4. Memory: a 5 MiB file uploaded with fs.openAsBlob: peak RSS over a baseline process
 *    that does the same with a 1 KiB file (and over one that uploads nothing).
 * 5. Cold start: import + first call in a fresh process.
 * 6. Size: the browser runtime, minified and gzipped.
 * Prints a table and writes bench/results.json. Bounded: every child has a time limit and
 * the whole suite stops itself after SUITE_LIMIT_MS.
 */
import { execFileSync, fork, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import type { Impl, Pattern, Result, Task } from "./worker";
import { browserSize } from "./size";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(__dirname, ".out");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const SUITE_LIMIT_MS = 5 * 60_000;
const CHILD_LIMIT_MS = 60_000;
const TOKEN = "0123456789abcdef0123456789abcdef01234567";
const UPLOAD_FILE_BYTES = 5 * 1024 * 1024;
const GZIP_TARGET = 10_000;

/** The implementations compared; `fetch` is the baseline of every ratio. */
const IMPLS: { impl: Impl; label: string }[] = [
  { impl: "client", label: "neuroio Client, Node default (undici transport)" },
  { impl: "client-fetch", label: "neuroio Client on global fetch (browser path)" },
  { impl: "fetch", label: "raw fetch (baseline)" },
  { impl: "undici", label: "raw undici.request (limit)" },
];
const SCENARIOS: { name: string; pattern: Pattern; count: number; concurrency: number; warmup: number }[] = [
  { name: "GET list, sequential ×2000", pattern: "list", count: 2000, concurrency: 1, warmup: 3000 },
  { name: "GET list, concurrency 16 ×2000", pattern: "list", count: 2000, concurrency: 16, warmup: 3000 },
  { name: "multipart 1 MiB upload ×200", pattern: "upload", count: 200, concurrency: 1, warmup: 60 },
];

const children = new Set<ChildProcess>();
const deadline = setTimeout(() => {
  console.error(`bench: over ${SUITE_LIMIT_MS / 60000} minutes, stopping`);
  for (const child of children) child.kill("SIGKILL");
  process.exit(2);
}, SUITE_LIMIT_MS);

async function main() {
  const started = Date.now();
  const machine = machineInfo();
  console.log(`neuroio bench — ${machine.cpu}, ${machine.nproc} cores, Node ${machine.node}, ${machine.date}`);
  console.log(`rounds: ${ROUNDS} (median reported); one warmed worker process per implementation and pattern\n`);

  mkdirSync(OUT, { recursive: true });
  await buildBundles();
  const server = await startServer();
  const base = `http://127.0.0.1:${server.port}`;
  const file = path.join(os.tmpdir(), `neuroio-bench-${process.pid}.jpg`);
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(UPLOAD_FILE_BYTES - 4)]));

  try {
    // --- throughput -------------------------------------------------------------------
    const workers = new Map<string, Measurer>();
    for (const scenario of SCENARIOS) {
      for (const { impl } of IMPLS) {
        workers.set(
          `${scenario.name}|${impl}`,
          await measurer({
            kind: "rate",
            impl,
            base,
            token: TOKEN,
            pattern: scenario.pattern,
            count: scenario.count,
            concurrency: scenario.concurrency,
            warmup: scenario.warmup,
            uploadBytes: 1024 * 1024,
          }),
        );
      }
    }
    process.stdout.write(`  ${workers.size} workers warmed up (${secondsSince(started)} s)\n`);
    const samples = new Map<string, Result[]>();
    try {
      for (let round = 0; round < ROUNDS; round++) {
        for (const scenario of rotate(SCENARIOS, round)) {
          for (const { impl } of rotate(IMPLS, round)) {
            const key = `${scenario.name}|${impl}`;
            push(samples, key, await workers.get(key)!.measure());
          }
        }
        process.stdout.write(`  throughput round ${round + 1}/${ROUNDS} done (${secondsSince(started)} s)\n`);
      }
    } finally {
      for (const w of workers.values()) w.exit();
    }
    // Ratios are paired: the median over rounds of this round's rate over the baseline's
    // rate in the same round (measured next to each other, so drifting machine load cancels).
    const pairedRatio = (runs: Result[], base: Result[]) => median(runs.map((r, i) => r.rate! / base[i]!.rate!));
    const throughput = SCENARIOS.map((scenario) => {
      const fetchRuns = samples.get(`${scenario.name}|fetch`)!;
      const undiciRuns = samples.get(`${scenario.name}|undici`)!;
      const fetchRate = median(fetchRuns.map((r) => r.rate!));
      return {
        scenario: scenario.name,
        rows: IMPLS.map(({ impl, label }) => {
          const runs = samples.get(`${scenario.name}|${impl}`)!;
          const rate = median(runs.map((r) => r.rate!));
          return {
            impl,
            label,
            requestsPerSecond: round1(rate),
            ratioToFetch: round3(pairedRatio(runs, fetchRuns)),
            ratioOfMediansToFetch: round3(rate / fetchRate),
            ratioToUndici: round3(pairedRatio(runs, undiciRuns)),
            cpuMicrosPerCall: round1(median(runs.map((r) => r.cpuMicrosPerCall!))),
            peakRssMiB: round1(Math.max(...runs.map((r) => r.maxRssBytes)) / 2 ** 20),
            runs: runs.map((r) => round1(r.rate!)),
          };
        }),
      };
    });

    // --- 5 MiB upload from disk: extra peak RSS ----------------------------------------
    // Each process: one GET and one 1 KiB upload (every code path loaded and warm), then
    // the upload measured. Baseline: the same with a 1 KiB file; "none": nothing more.
    const tiny = path.join(os.tmpdir(), `neuroio-bench-${process.pid}-tiny.jpg`);
    writeFileSync(tiny, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(1020)]));
    const rss = new Map<string, number[]>();
    const RSS_IMPLS: Impl[] = ["client", "client-fetch", "fetch"];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        for (const impl of rotate(RSS_IMPLS, round)) {
          for (const [what, task] of [
            ["none", { baseline: true }],
            ["tiny", { file: tiny }],
            ["file", { file }],
          ] as const) {
            const result = await worker({ kind: "rss", impl, base, token: TOKEN, ...task });
            push(rss, `${impl}|${what}`, result.maxRssBytes);
          }
        }
      }
    } finally {
      rmSync(tiny, { force: true });
    }
    const memory = RSS_IMPLS.map((impl) => {
      const none = median(rss.get(`${impl}|none`)!);
      const baseline = median(rss.get(`${impl}|tiny`)!);
      const upload = median(rss.get(`${impl}|file`)!);
      return {
        impl,
        label: IMPLS.find((i) => i.impl === impl)!.label,
        noUploadPeakRssMiB: round1(none / 2 ** 20),
        baselinePeakRssMiB: round1(baseline / 2 ** 20),
        uploadPeakRssMiB: round1(upload / 2 ** 20),
        extraMiB: round1((upload - baseline) / 2 ** 20),
        extraOverFileSize: round3((upload - baseline) / UPLOAD_FILE_BYTES),
        extraOverNoUploadMiB: round1((upload - none) / 2 ** 20),
        extraOverNoUploadOverFileSize: round3((upload - none) / UPLOAD_FILE_BYTES),
      };
    });
    process.stdout.write(`  memory done (${secondsSince(started)} s)\n`);

    // --- cold start ---------------------------------------------------------------------
    const colds = new Map<string, Result[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const impl of rotate<Impl>(["client", "fetch"], round)) {
        push(colds, impl, await worker({ kind: "cold", impl, base, token: TOKEN }));
      }
    }
    const cold = (["client", "fetch"] as const).map((impl) => {
      const runs = colds.get(impl)!;
      return {
        impl,
        importMs: round1(median(runs.map((r) => r.importMs!))),
        firstCallMs: round1(median(runs.map((r) => r.firstCallMs!))),
        importAndFirstCallMs: round1(median(runs.map((r) => r.importMs! + r.firstCallMs!))),
        sinceProcessStartMs: round1(median(runs.map((r) => r.sinceStartMs!))),
      };
    });
    process.stdout.write(`  cold start done (${secondsSince(started)} s)\n`);

    // --- size ---------------------------------------------------------------------------
    const size = await browserSize();

    const server_ = await server.stats();
    const results = {
      machine,
      rounds: ROUNDS,
      throughput,
      memory: { fileBytes: UPLOAD_FILE_BYTES, target: "extra peak RSS < 1.5 × file size", rows: memory },
      coldStart: cold,
      size: { ...size, targetGzipBytes: GZIP_TARGET },
      server: server_,
      durationSeconds: Number(secondsSince(started)),
    };
    writeFileSync(path.join(__dirname, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${table(results)}`);
    console.log(`\nwrote bench/results.json (${results.durationSeconds} s)`);
  } finally {
    rmSync(file, { force: true });
    server.stop();
    clearTimeout(deadline);
  }
}

// ---------------------------------------------------------------------------------------

async function buildBundles(): Promise<void> {
  // The SDK as the published ESM build ships it: one file, dependencies left to node_modules.
  // As tsup builds dist/index.mjs and dist/node-transport.mjs (ES modules have no require).
  await build({
    entryPoints: { neuroio: path.join(ROOT, "src/wrappers/index.ts"), "node-transport": path.join(ROOT, "src/wrappers/node-transport.ts") },
    outdir: OUT,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    define: { require: "undefined" },
    logLevel: "error",
  });
  await build({
    entryPoints: [path.join(__dirname, "worker.ts")],
    outfile: path.join(OUT, "worker.mjs"),
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    external: ["./neuroio.mjs"],
    logLevel: "error",
  });
}

interface Server {
  port: number;
  stats(): Promise<unknown>;
  stop(): void;
}

function startServer(): Promise<Server> {
  const child = fork(path.join(__dirname, "server.mjs"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("message", (message: { port?: number }) => {
      if (!message.port) return reject(new Error("bench server did not start"));
      resolve({
        port: message.port,
        stats: () =>
          new Promise((done) => {
            child.once("message", (m: { stats?: unknown }) => done(m.stats));
            child.send("stats");
          }),
        stop: () => {
          if (child.connected) child.send("stop");
          setTimeout(() => child.kill("SIGKILL"), 2000).unref();
        },
      });
    });
  });
}

interface Measurer {
  measure(): Promise<Result>;
  exit(): void;
}

/** A forked worker kept running for one implementation and pattern (see worker.ts). */
function measurer(task: Task): Promise<Measurer> {
  const child = fork(path.join(OUT, "worker.mjs"), [JSON.stringify(task)], {
    execArgv: ["--expose-gc"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  const next = () =>
    new Promise<Result & { ready?: boolean }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker ${task.impl} ${task.pattern} timed out`)), CHILD_LIMIT_MS);
      const onExit = (code: number | null) => reject(new Error(`worker ${task.impl} ${task.pattern} exited (${code})`));
      child.once("exit", onExit);
      child.once("message", (message: Result & { ready?: boolean }) => {
        clearTimeout(timer);
        child.off("exit", onExit);
        resolve(message);
      });
    });
  return next().then(() => ({
    measure: () => {
      const answer = next();
      child.send("measure");
      return answer;
    },
    exit: () => {
      if (child.connected) child.send("exit");
      setTimeout(() => child.kill("SIGKILL"), 2000).unref();
    },
  }));
}

function worker(task: Task): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", path.join(OUT, "worker.mjs"), JSON.stringify(task)], {
      stdio: ["ignore", "pipe", "inherit"],
      timeout: CHILD_LIMIT_MS,
      killSignal: "SIGKILL",
    });
    children.add(child);
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`worker ${JSON.stringify(task)} failed (${signal ?? code})`));
      resolve(JSON.parse(out.trim().split("\n").pop()!) as Result);
    });
  });
}

type Results = {
  machine: ReturnType<typeof machineInfo>;
  throughput: {
    scenario: string;
    rows: { label: string; requestsPerSecond: number; ratioToFetch: number; ratioToUndici: number; cpuMicrosPerCall: number; peakRssMiB: number }[];
  }[];
  memory: {
    rows: { label: string; noUploadPeakRssMiB: number; baselinePeakRssMiB: number; uploadPeakRssMiB: number; extraMiB: number; extraOverFileSize: number; extraOverNoUploadMiB: number; extraOverNoUploadOverFileSize: number }[];
  };
  coldStart: { impl: string; importMs: number; firstCallMs: number; importAndFirstCallMs: number; sinceProcessStartMs: number }[];
  size: { minifiedBytes: number; gzipBytes: number; targetGzipBytes: number };
};

function table(results: Results): string {
  const lines: string[] = [];
  const m = results.machine;
  lines.push(`Machine: ${m.cpu}, nproc ${m.nproc}, Node ${m.node} (undici ${m.undici} inside), ${m.date}; median of ${ROUNDS} runs`);
  lines.push("");
  lines.push("| scenario | implementation | requests/s | ratio to raw fetch | ratio to raw undici.request | CPU µs/call | peak RSS |");
  lines.push("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const { scenario, rows } of results.throughput) {
    for (const row of rows) {
      lines.push(
        `| ${scenario} | ${row.label} | ${row.requestsPerSecond.toFixed(0)} | ${row.ratioToFetch.toFixed(2)} | ${row.ratioToUndici.toFixed(2)} | ${row.cpuMicrosPerCall.toFixed(0)} | ${row.peakRssMiB.toFixed(0)} MiB |`,
      );
    }
  }
  lines.push("");
  lines.push(
    "| 5 MiB upload from disk (fs.openAsBlob) | peak RSS, 1 KiB upload (baseline) | peak RSS, 5 MiB upload | extra | extra / file size (target < 1.5) | extra over a process with no upload |",
  );
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const row of results.memory.rows) {
    lines.push(
      `| ${row.label} | ${row.baselinePeakRssMiB} MiB | ${row.uploadPeakRssMiB} MiB | ${row.extraMiB} MiB | ${row.extraOverFileSize.toFixed(2)} | ${row.extraOverNoUploadMiB} MiB (${row.extraOverNoUploadOverFileSize.toFixed(2)}×) |`,
    );
  }
  lines.push("");
  lines.push("| cold start (fresh process) | import | first call | import + first call | since process start |");
  lines.push("| --- | ---: | ---: | ---: | ---: |");
  for (const row of results.coldStart) {
    lines.push(
      `| ${row.impl === "client" ? "import neuroio, client.sources.list()" : "raw fetch (nothing to import)"} | ${row.importMs} ms | ${row.firstCallMs} ms | ${row.importAndFirstCallMs} ms | ${row.sinceProcessStartMs} ms |`,
    );
  }
  lines.push("");
  const s = results.size;
  lines.push(
    `Browser runtime (scripts/size.mjs: src/wrappers + openapi-fetch, esbuild --minify, platform browser, Node-only code left out): ${s.minifiedBytes} B minified, ${s.gzipBytes} B gzipped (target ≤ ${s.targetGzipBytes} B)`,
  );
  return lines.join("\n");
}

function machineInfo() {
  const cpuinfo = (() => {
    try {
      return readFileSync("/proc/cpuinfo", "utf8");
    } catch {
      return "";
    }
  })();
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown CPU";
  let nproc = String(os.availableParallelism());
  try {
    nproc = execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {}
  return { cpu, nproc: Number(nproc), node: process.version, undici: process.versions.undici, date: new Date().toISOString().slice(0, 10) };
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
const secondsSince = (t: number) => ((Date.now() - t) / 1000).toFixed(1);

main().catch((error: unknown) => {
  console.error(error);
  for (const child of children) child.kill("SIGKILL");
  process.exit(1);
});
