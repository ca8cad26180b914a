/**
 * `npm run bench` — the performance suite (issues 7 and 14). See bench/README.md.
 *
 * 1. Bundles the SDK like the published package (bench/.out/neuroio.mjs, dependencies
 *    external) and the measuring worker (bench/.out/worker.mjs) with esbuild.
 * 2. Starts the stand-in API (bench/server.mjs) in a sibling process on 127.0.0.1.
 * 3. Warm long runs: one worker process per implementation and pattern, warmed up once and
 *    kept; then ROUNDS rounds, in each of which a pattern's workers make their calls in
 *    BLOCKS blocks, taking turns (A B C, C B A, …; order rotated every round; one at a
 *    time, the others idle).
 * 4. Short runs: per round (SHORT_ROUNDS), a fresh process per implementation and pattern
 *    making a few calls from a cold start, as a CLI or a serverless function lives.
 * 5. Memory: a 5 MiB file uploaded with fs.openAsBlob: peak RSS over a baseline process
 *    that does the same with a 1 KiB file (and over one that uploads nothing).
 * 6. Cold start: import + first call in a fresh process, COLD_ROUNDS times per implementation.
 * 7. Browser: the same calls in headless Chromium (bench/browser.ts), raw fetch against the
 *    SDK's browser bundle: per round a fresh page per pattern, the implementations taking
 *    turns in it block by block.
 * 8. Size: the browser runtime, minified and gzipped.
 * 9. Instructions per call: the short run of step 4 under valgrind's callgrind, twice per
 *    implementation and pattern with more and fewer calls; the difference is a warm call's
 *    cost in CPU instructions, which machine load moves far less than time (skipped
 *    without valgrind).
 * Ratios are paired by round (each rate over the baseline's in the same round), reported
 * as their median with their lowest and highest. Prints the
 * tables and the goals of issue 14 (met or not), writes bench/results.json. `--smoke`
 * (what CI runs, test/bench.test.ts): every step with tiny counts and one round, results in
 * bench/.out/results-smoke.json; its figures mean nothing. `--report`: no run, the tables
 * of bench/results.json printed again (after a change to how they are shown). Bounded:
 * every child has a time limit and the whole suite stops itself after SUITE_LIMIT_MS.
 */
import { execFileSync, fork, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import type { Impl, Pattern, Result, Task } from "./worker";
import { buildPage, launchBrowser, CHROMIUM, type BrowserImpl } from "./browser";
import { run, turns } from "./common";
import { browserSize } from "./size";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(__dirname, ".out");
const PAGE_DIR = path.join(OUT, "browser");
const SMOKE = process.argv.includes("--smoke");
const ROUNDS = SMOKE ? 1 : Number(process.env.BENCH_ROUNDS ?? 5);
// A fresh process varies more than a warm block, and costs a fraction of a second.
const SHORT_ROUNDS = 2 * ROUNDS;
// A cold start is a process's first 100 ms or so, which the machine moves most of all (at 5
// rounds, one run's gap to raw fetch was +13.1 ms, the run before +5.3 ms); each costs a
// fraction of a second.
const COLD_ROUNDS = SMOKE ? 1 : 4 * ROUNDS;
// Per round, each warm worker's (and in Chromium each implementation's) calls go in this
// many blocks, taken in turns A B C, C B A, … so that load drifting during a round falls
// on every implementation alike. Short blocks follow the drift closely: in a Chromium page
// like the bench's (measured outside it, 8 pages each, 16 concurrent GETs), one page's ratio
// of the SDK to raw fetch spread over 0.90–1.09 with 4 blocks, over 0.95–1.04 with 16.
// 20 divides every count below.
const BLOCKS = SMOKE ? 2 : 20;
const SUITE_LIMIT_MS = 40 * 60_000;
const CHILD_LIMIT_MS = 60_000;
// A process under valgrind runs some 50 times slower.
const VALGRIND_LIMIT_MS = 15 * 60_000;
const TOKEN = "0123456789abcdef0123456789abcdef01234567";
const UPLOAD_FILE_BYTES = 5 * 1024 * 1024;
const UPLOAD_BYTES = 1024 * 1024;
const GZIP_TARGET = 10_000;

/** The implementations compared; `fetch` is the baseline of every ratio. */
const IMPLS: { impl: Impl; label: string }[] = [
  { impl: "fetch", label: "raw fetch (baseline)" },
  { impl: "fetch-timeout", label: "raw fetch with a time limit (AbortSignal.timeout)" },
  { impl: "undici", label: "raw undici.request (limit)" },
  { impl: "rest-api", label: "@neuroio/rest-api 4.2.2 (axios)" },
  { impl: "client", label: "neuroio, Node default (Node's undici pool)" },
  { impl: "client-fetch", label: "neuroio with fetch (browser path)" },
];
/** In Chromium: raw fetch (the baseline) and the SDK's browser bundle, whose transport is fetch. */
const BROWSER_IMPLS: { impl: BrowserImpl; label: string }[] = [
  { impl: "fetch", label: "raw fetch (baseline)" },
  { impl: "fetch-timeout", label: "raw fetch with a time limit (AbortSignal.timeout)" },
  { impl: "client", label: "neuroio (browser bundle)" },
];
/** Calls per round and implementation (warm and in Chromium: in BLOCKS blocks, multiples of it). */
interface ScenarioSpec {
  name: string;
  pattern: Pattern;
  concurrency: number;
  /** Warm long runs, after `warmup` calls once. */
  count: number;
  warmup: number;
  /** Short runs: one fresh process. */
  short: number;
  /** In Chromium, after `browserWarmup` calls in the same page. */
  browser: number;
  browserWarmup: number;
}
const SCENARIOS: ScenarioSpec[] = ([
  { name: "GET list, sequential", pattern: "list", concurrency: 1, count: 2000, warmup: 3000, short: 200, browser: 1000, browserWarmup: 300 },
  { name: "GET list, 16 concurrent", pattern: "list", concurrency: 16, count: 2000, warmup: 3000, short: 200, browser: 1000, browserWarmup: 300 },
  { name: "POST 1 MiB multipart", pattern: "upload", concurrency: 1, count: 200, warmup: 60, short: 20, browser: 240, browserWarmup: 40 },
] satisfies ScenarioSpec[]).map((s): ScenarioSpec => {
  if (!SMOKE) return s;
  const calls = s.pattern === "list" ? 32 : 4; // multiples of BLOCKS
  return { ...s, count: calls, warmup: 3, short: calls, browser: calls, browserWarmup: 1 };
});

/**
 * Instructions per call: each implementation's short run (worker.ts) with `from` and with
 * `to` calls; (count at `to` − count at `from`) / (to − from) is one call of a process
 * past its JIT warm-up (loading, compiling and the first calls cancel out: V8 was still
 * optimizing at a few hundred calls). The smoke run checks the step on two implementations.
 */
const INSTRUCTION_SCENARIOS = SMOKE
  ? [{ scenario: SCENARIOS[0]!, from: 1, to: 41, impls: ["fetch", "client-fetch"] as Impl[] }]
  : [
      { scenario: SCENARIOS[0]!, from: 1000, to: 2000, impls: IMPLS.map((i) => i.impl) },
      { scenario: SCENARIOS[2]!, from: 100, to: 200, impls: IMPLS.map((i) => i.impl) },
    ];

const children = new Set<ChildProcess>();
const deadline = setTimeout(() => {
  console.error(`bench: over ${SUITE_LIMIT_MS / 60000} minutes, stopping`);
  for (const child of children) child.kill("SIGKILL");
  process.exit(2);
}, SUITE_LIMIT_MS);

async function main() {
  if (process.argv.includes("--report")) {
    // Prints the tables of the last run (bench/results.json) again, as this file now shows them.
    clearTimeout(deadline);
    console.log(report(JSON.parse(readFileSync(path.join(__dirname, "results.json"), "utf8")) as Results));
    return;
  }
  const started = Date.now();
  const machine = machineInfo();
  console.log(`neuroio bench — ${machine.cpu}, ${machine.nproc} cores, Node ${machine.node}, ${machine.date}`);
  console.log(`rounds: ${ROUNDS} (median reported)${SMOKE ? "; smoke run: tiny counts, figures mean nothing" : ""}\n`);

  mkdirSync(OUT, { recursive: true });
  await buildBundles();
  const server = await startServer();
  const base = `http://127.0.0.1:${server.port}`;
  const file = path.join(os.tmpdir(), `neuroio-bench-${process.pid}.jpg`);
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(UPLOAD_FILE_BYTES - 4)]));

  try {
    // --- warm long runs ------------------------------------------------------------------
    const workers = new Map<string, Measurer>();
    let throughput: Scenario[];
    try {
      for (const scenario of SCENARIOS) {
        for (const { impl } of IMPLS) {
          const task: Task = { kind: "rate", impl, base, token: TOKEN, pattern: scenario.pattern };
          workers.set(
            `${scenario.name}|${impl}`,
            await measurer({ ...task, concurrency: scenario.concurrency, warmup: scenario.warmup, uploadBytes: UPLOAD_BYTES }),
          );
        }
      }
      process.stdout.write(`  ${workers.size} workers warmed up (${secondsSince(started)} s)\n`);
      const warm = new Map<string, Result[]>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const scenario of rotate(SCENARIOS, round)) {
          const blocks = new Map<Impl, Result[]>();
          for (const impl of turns(rotate(IMPLS, round).map((i) => i.impl), BLOCKS)) {
            push(blocks, impl, await workers.get(`${scenario.name}|${impl}`)!.measure(scenario.count / BLOCKS));
          }
          for (const [impl, results] of blocks) push(warm, `${scenario.name}|${impl}`, combine(results));
        }
        process.stdout.write(`  warm round ${round + 1}/${ROUNDS} done (${secondsSince(started)} s)\n`);
      }
      throughput = rates(warm);
    } finally {
      for (const w of workers.values()) w.exit();
    }

    // --- short runs in fresh processes -----------------------------------------------------
    const short = new Map<string, Result[]>();
    for (let round = 0; round < SHORT_ROUNDS; round++) {
      for (const scenario of rotate(SCENARIOS, round)) {
        for (const { impl } of rotate(IMPLS, round)) {
          const task: Task = { kind: "short", impl, base, token: TOKEN, pattern: scenario.pattern, count: scenario.short };
          push(short, `${scenario.name}|${impl}`, await worker({ ...task, concurrency: scenario.concurrency, uploadBytes: UPLOAD_BYTES }));
        }
      }
      process.stdout.write(`  short round ${round + 1}/${SHORT_ROUNDS} done (${secondsSince(started)} s)\n`);
    }
    const shortRuns = rates(short);

    // --- the browser path in Chromium -------------------------------------------------------
    const chromium = await launchBrowser();
    let inBrowser: Results["browser"] = { chromium: null, scenarios: [] };
    if (chromium) {
      try {
        const runs = new Map<string, Result[]>();
        const task = (scenario: ScenarioSpec, round: number, count: number, blocks: number) => ({
          impls: rotate(BROWSER_IMPLS, round).map((i) => i.impl),
          pattern: scenario.pattern,
          count,
          warmup: scenario.browserWarmup,
          blocks,
          concurrency: scenario.concurrency,
          uploadBytes: UPLOAD_BYTES,
          token: TOKEN,
        });
        // One unmeasured page first: a new browser's first pages were up to 12 % slower
        // (its network service and caches warming up).
        await chromium.measure(base, task(SCENARIOS[0]!, 0, SCENARIOS[0]!.browserWarmup, 1), CHILD_LIMIT_MS);
        for (let round = 0; round < ROUNDS; round++) {
          for (const scenario of rotate(SCENARIOS, round)) {
            // One page per scenario and round, every implementation in it (bench/browser.ts).
            const results = await chromium.measure(base, task(scenario, round, scenario.browser, BLOCKS), CHILD_LIMIT_MS);
            for (const { impl } of BROWSER_IMPLS) push(runs, `${scenario.name}|${impl}`, results[impl]);
          }
          process.stdout.write(`  browser round ${round + 1}/${ROUNDS} done (${secondsSince(started)} s)\n`);
        }
        inBrowser = { chromium: chromium.version, scenarios: rates(runs, BROWSER_IMPLS) };
      } finally {
        await chromium.close();
      }
    } else {
      process.stdout.write(`  browser: not measured, no ${CHROMIUM}\n`);
    }

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
        label: labelOf(impl),
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
    for (let round = 0; round < COLD_ROUNDS; round++) {
      for (const { impl } of rotate(IMPLS, round)) {
        push(colds, impl, await worker({ kind: "cold", impl, base, token: TOKEN }));
      }
    }
    const cold = IMPLS.map(({ impl, label }) => {
      const runs = colds.get(impl)!;
      return {
        impl,
        label,
        importMs: round1(median(runs.map((r) => r.importMs!))),
        firstCallMs: round1(median(runs.map((r) => r.firstCallMs!))),
        importAndFirstCallMs: round1(median(runs.map((r) => r.importMs! + r.firstCallMs!))),
        sinceProcessStartMs: round1(median(runs.map((r) => r.sinceStartMs!))),
      };
    });
    process.stdout.write(`  cold start done (${secondsSince(started)} s)\n`);

    // --- size ---------------------------------------------------------------------------
    const size = await browserSize();

    // --- instructions per call ------------------------------------------------------------
    const counted = await instructionCounts(base);
    process.stdout.write(`  instructions ${counted.valgrind ? "done" : "not counted (no valgrind)"} (${secondsSince(started)} s)\n`);

    const results: Results = {
      machine,
      command: SMOKE ? "npm run bench -- --smoke" : `${process.env.BENCH_ROUNDS ? `BENCH_ROUNDS=${ROUNDS} ` : ""}npm run bench`,
      smoke: SMOKE,
      rounds: ROUNDS,
      shortRounds: SHORT_ROUNDS,
      coldRounds: COLD_ROUNDS,
      blocks: BLOCKS,
      warm: throughput,
      short: shortRuns,
      browser: inBrowser,
      memory: { fileBytes: UPLOAD_FILE_BYTES, target: "extra peak RSS < 1.5 × file size", rows: memory },
      coldStart: cold,
      size: { ...size, targetGzipBytes: GZIP_TARGET },
      instructions: counted,
      server: await server.stats(),
      durationSeconds: 0,
    };
    results.durationSeconds = Number(secondsSince(started));
    const out = SMOKE ? path.join(OUT, "results-smoke.json") : path.join(__dirname, "results.json");
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    const text = report(results);
    writeFileSync(path.join(OUT, SMOKE ? "report-smoke.md" : "report.md"), `${text}\n`);
    console.log(`\n${text}`);
    console.log(`\nwrote ${path.relative(ROOT, out)} (${results.durationSeconds} s)`);
  } finally {
    rmSync(file, { force: true });
    server.stop();
    clearTimeout(deadline);
  }
}

/**
 * Per scenario and implementation: median rate, the ratios to raw fetch and raw undici
 * paired by round (the median over rounds of this round's rate over the baseline's rate in
 * the same round: measured next to each other, so drifting machine load cancels), CPU time
 * per call and peak RSS (warm runs). A failed implementation has `failed` and no figures.
 */
function rates(samples: Map<string, Result[]>, impls: readonly { impl: Impl; label: string }[] = IMPLS): Scenario[] {
  const paired = (runs: Result[], base: Result[]) => runs.map((r, i) => r.rate! / base[i]!.rate!);
  const pairedRatio = (runs: Result[], base: Result[]) => median(paired(runs, base));
  return SCENARIOS.map((scenario) => {
    const fetchRuns = samples.get(`${scenario.name}|fetch`)!;
    // No raw undici in a browser.
    const undiciRuns = samples.get(`${scenario.name}|undici`);
    return {
      scenario: scenario.name,
      rows: impls.map(({ impl, label }): Row => {
        const runs = samples.get(`${scenario.name}|${impl}`)!;
        const failed = runs.find((r) => r.failed)?.failed;
        if (failed) return { impl, label, failed };
        const cpu = runs.filter((r) => r.cpuMicrosPerCall !== undefined).map((r) => r.cpuMicrosPerCall!);
        const toFetch = paired(runs, fetchRuns);
        return {
          impl,
          label,
          requestsPerSecond: round1(median(runs.map((r) => r.rate!))),
          ratioToFetch: round3(median(toFetch)),
          ratioToFetchRange: [round3(Math.min(...toFetch)), round3(Math.max(...toFetch))],
          ...(undiciRuns && { ratioToUndici: round3(pairedRatio(runs, undiciRuns)) }),
          ...(cpu.length && { cpuMicrosPerCall: round1(median(cpu)) }),
          peakRssMiB: round1(Math.max(...runs.map((r) => r.maxRssBytes)) / 2 ** 20),
          runs: runs.map((r) => round1(r.rate!)),
        };
      }),
    };
  });
}

const labelOf = (impl: Impl) => IMPLS.find((i) => i.impl === impl)!.label;

// ---------------------------------------------------------------------------------------

async function buildBundles(): Promise<void> {
  // The SDK as the published ESM build ships it: split into chunks as tsup splits
  // dist/index.mjs (the middleware path a chunk loaded on its first use), dependencies left
  // to node_modules, node-transport.mjs apart (ES modules have no require).
  await build({
    entryPoints: { neuroio: path.join(ROOT, "src/wrappers/index.ts"), "node-transport": path.join(ROOT, "src/wrappers/node-transport.ts") },
    outdir: OUT,
    outExtension: { ".js": ".mjs" },
    splitting: true,
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
  await buildPage(ROOT, PAGE_DIR);
}

interface Server {
  port: number;
  stats(): Promise<unknown>;
  stop(): void;
}

function startServer(): Promise<Server> {
  const child = fork(path.join(__dirname, "server.mjs"), [PAGE_DIR], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
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
            if (!child.connected) return done(null); // a server that stopped has none to give
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
  /** `calls` calls, measured. */
  measure(calls: number): Promise<Result>;
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
  return next().then(({ failed }) => ({
    measure: (calls) => {
      // An implementation that could not make the call during warm-up: that is its result.
      if (failed) return Promise.resolve({ failed, maxRssBytes: 0 });
      const answer = next();
      child.send({ measure: calls });
      return answer;
    },
    exit: () => {
      if (child.connected) child.send("exit");
      setTimeout(() => child.kill("SIGKILL"), 2000).unref();
    },
  }));
}

function worker(task: Task): Promise<Result> {
  // Memory runs without V8's optimizing WebAssembly tier: after the first answers V8
  // recompiles Node's HTTP parser (llhttp, WebAssembly) in the background, about 250 ms
  // and up to 24 MB of working memory, so a process's peak RSS depended on whether it
  // lived long enough to catch that (1.2× to 2.2× for the same upload). Off in every
  // memory process alike, the difference is what the upload costs (bench/README.md).
  const flags = task.kind === "rss" ? ["--expose-gc", "--liftoff-only"] : ["--expose-gc"];
  return runWorker(process.execPath, [...flags, path.join(OUT, "worker.mjs"), JSON.stringify(task)], CHILD_LIMIT_MS).then(({ result, stderr }) => {
    process.stderr.write(stderr); // what a worker warned of, as when it wrote to the run's stderr
    return result;
  });
}

/**
 * Runs a worker process (`command`: node, or a tool that runs node) to its end, killed past
 * `limitMs`: the Result it printed last and its stderr (shown in the error if it fails).
 */
function runWorker(command: string, args: string[], limitMs: number): Promise<{ result: Result; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], timeout: limitMs, killSignal: "SIGKILL" });
    children.add(child);
    let out = "";
    let err = "";
    child.stdout!.on("data", (chunk: Buffer) => (out += chunk));
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`${command} ${args.at(-1)} failed (${signal ?? code}): ${err.slice(-500)}`));
      resolve({ result: JSON.parse(out.trim().split("\n").pop()!) as Result, stderr: err });
    });
  });
}

interface Counted {
  /** valgrind's version; null: not installed, not counted. */
  valgrind: string | null;
  scenarios: {
    scenario: string;
    from: number;
    to: number;
    rows: { impl: Impl; label: string; failed?: string; instructionsPerCall?: number; ratioToFetch?: number }[];
  }[];
}

/** Step 9: instructions per warm call, two processes under callgrind at a time (one per core). */
async function instructionCounts(base: string): Promise<Counted> {
  let valgrind: string;
  try {
    valgrind = execFileSync("valgrind", ["--version"], { encoding: "utf8" }).trim().replace(/^valgrind-/, "");
  } catch {
    return { valgrind: null, scenarios: [] };
  }
  const jobs = INSTRUCTION_SCENARIOS.flatMap(({ scenario, from, to, impls }) =>
    impls.flatMap((impl) =>
      [from, to].map((count) => {
        const task: Task = { kind: "short", impl, base, token: TOKEN, pattern: scenario.pattern, count, concurrency: scenario.concurrency, uploadBytes: UPLOAD_BYTES };
        return { key: `${scenario.name}|${impl}|${count}`, task };
      }),
    ),
  );
  const counts = new Map<string, { instructions: number; failed?: string }>();
  let next = 0;
  // The jobs in order, two in flight: the workers' own call loop (common.ts).
  await run(
    async () => {
      const job = jobs[next++]!;
      counts.set(job.key, await countInstructions(job.task));
    },
    jobs.length,
    2,
  );
  return {
    valgrind,
    scenarios: INSTRUCTION_SCENARIOS.map(({ scenario, from, to, impls }) => {
      const perCall = (impl: Impl) => {
        const [a, b] = [counts.get(`${scenario.name}|${impl}|${from}`)!, counts.get(`${scenario.name}|${impl}|${to}`)!];
        const failed = a.failed ?? b.failed;
        return failed ? { failed } : { instructionsPerCall: Math.round((b.instructions - a.instructions) / (to - from)) };
      };
      const baseline = perCall("fetch").instructionsPerCall!;
      return {
        scenario: scenario.name,
        from,
        to,
        rows: impls.map((impl) => {
          const row = perCall(impl);
          return { impl, label: labelOf(impl), ...row, ...(row.instructionsPerCall && { ratioToFetch: round3(baseline / row.instructionsPerCall) }) };
        }),
      };
    }),
  };
}

/** The instructions a worker process executes from start to exit (callgrind's total), or why its run failed. */
async function countInstructions(task: Task): Promise<{ instructions: number; failed?: string }> {
  const { result, stderr } = await runWorker(
    "valgrind",
    // --predictable: V8 without background threads or timer-driven heuristics, which a
    // process slowed by valgrind and by load would otherwise run differently (start and
    // first call: within 0.03 % run to run, against 0.7 %; I/O timing still moves a count).
    ["--tool=callgrind", "--callgrind-out-file=/dev/null", process.execPath, "--predictable", "--expose-gc", path.join(OUT, "worker.mjs"), JSON.stringify(task)],
    VALGRIND_LIMIT_MS,
  );
  const total = /Collected : (\d+)/.exec(stderr)?.[1];
  if (total === undefined) throw new Error(`callgrind printed no total for ${JSON.stringify(task)}: ${stderr.slice(-500)}`);
  return { instructions: Number(total), ...(result.failed && { failed: result.failed }) };
}

interface Row {
  impl: Impl;
  label: string;
  failed?: string;
  requestsPerSecond?: number;
  ratioToFetch?: number;
  /** The lowest and highest of the rounds' ratios to raw fetch: how far one round's figure can be off. */
  ratioToFetchRange?: [number, number];
  ratioToUndici?: number;
  cpuMicrosPerCall?: number;
  peakRssMiB?: number;
  runs?: number[];
}

interface Scenario {
  scenario: string;
  rows: Row[];
}

interface Results {
  machine: ReturnType<typeof machineInfo>;
  command: string;
  smoke: boolean;
  rounds: number;
  shortRounds: number;
  /** Absent in results of runs before it was added (they took ROUNDS). */
  coldRounds?: number;
  /** Blocks per round (absent in runs made before it was recorded, which had 4). */
  blocks?: number;
  warm: Scenario[];
  short: Scenario[];
  /** In Chromium (its version; null: not installed, not measured). */
  browser: { chromium: string | null; scenarios: Scenario[] };
  memory: {
    fileBytes: number;
    target: string;
    rows: {
      impl: Impl;
      label: string;
      noUploadPeakRssMiB: number;
      baselinePeakRssMiB: number;
      uploadPeakRssMiB: number;
      extraMiB: number;
      extraOverFileSize: number;
      extraOverNoUploadMiB: number;
      extraOverNoUploadOverFileSize: number;
    }[];
  };
  coldStart: { impl: Impl; label: string; importMs: number; firstCallMs: number; importAndFirstCallMs: number; sinceProcessStartMs: number }[];
  size: { minifiedBytes: number; gzipBytes: number; wholeEntryGzipBytes: number; eventsGzipBytes: number; onDemandGzipBytes: number; modules: { file: string; bytes: number }[]; targetGzipBytes: number };
  instructions: Counted;
  server: unknown;
  durationSeconds: number;
}

/** The tables (Markdown, as bench/README.md and the README show them) and the goals of issue 14. */
function report(results: Results): string {
  const lines: string[] = [];
  const m = results.machine;
  lines.push(
    `${m.date}, \`${results.command}\`: ${m.cpu}, nproc ${m.nproc}, load average ${m.load} at the start, Node ${m.node} ` +
      `(its undici ${m.undici}: the pool of fetch and of the SDK's Node transport; raw undici.request: the undici ${m.benchUndici} package); median of ${results.rounds} round${results.rounds === 1 ? "" : "s"} (short runs: ${results.shortRounds}; cold start: ${results.coldRounds ?? results.rounds}), warm and in Chromium ${results.blocks ?? 4} blocks per round taken in turns.`,
  );
  const throughput = (title: string, scenarios: Scenario[], calls: (s: ScenarioSpec) => number, impls: readonly { impl: Impl; label: string }[] = IMPLS) => {
    lines.push("", title, "");
    lines.push(`| implementation | ${scenarios.map((s, i) => `${s.scenario} ×${calls(SCENARIOS[i]!)}`).join(" | ")} |`);
    lines.push(`| --- | ${scenarios.map(() => "---:").join(" | ")} |`);
    for (const { impl, label } of impls) {
      const cells = scenarios.map(({ rows }) => {
        const row = rows.find((r) => r.impl === impl)!;
        if (row.failed) return `fails (${row.failed.replace(/\|/g, "\\|")})`;
        const toUndici = row.ratioToUndici === undefined ? "" : ` · ${row.ratioToUndici.toFixed(2)}`;
        return `${row.requestsPerSecond!.toFixed(0)}/s · ${row.ratioToFetch!.toFixed(2)}${toUndici}`;
      });
      lines.push(`| ${label} | ${cells.join(" | ")} |`);
    }
  };
  throughput(
    "Warm long runs (one process per implementation and pattern, warmed up; requests/s · ratio to raw fetch · ratio to raw undici.request, paired by round):",
    results.warm,
    (s) => s.count,
  );
  lines.push("", "CPU time per call (µs) and peak RSS of the warm processes:", "");
  lines.push(`| implementation | ${results.warm.map((s) => s.scenario).join(" | ")} |`);
  lines.push(`| --- | ${results.warm.map(() => "---:").join(" | ")} |`);
  for (const { impl, label } of IMPLS) {
    const cells = results.warm.map(({ rows }) => {
      const row = rows.find((r) => r.impl === impl)!;
      return row.failed ? "fails" : `${row.cpuMicrosPerCall!.toFixed(0)} µs · ${row.peakRssMiB!.toFixed(0)} MiB`;
    });
    lines.push(`| ${label} | ${cells.join(" | ")} |`);
  }
  throughput(
    "Short runs (a fresh process per run, no warm-up, as a CLI or a serverless function lives; requests/s from loading the implementation to the last answer · ratio to raw fetch · ratio to raw undici.request):",
    results.short,
    (s) => s.short,
  );
  if (results.browser.chromium) {
    throughput(
      `In Chromium ${results.browser.chromium} (headless; per round a fresh page per pattern, the implementations taking turns in it; same-origin calls; requests/s after ${SCENARIOS.map((s) => s.browserWarmup).join("/")} warm-up calls in the page · ratio to raw fetch, paired by round):`,
      results.browser.scenarios,
      (s) => s.browser,
      BROWSER_IMPLS,
    );
  } else {
    lines.push("", `In Chromium: not measured (no ${CHROMIUM}).`);
  }

  lines.push("", "Cold start (fresh process: load the implementation, first list call):", "");
  lines.push("| implementation | import | first call | import + first call | since process start |");
  lines.push("| --- | ---: | ---: | ---: | ---: |");
  for (const row of results.coldStart) {
    lines.push(`| ${row.label} | ${row.importMs} ms | ${row.firstCallMs} ms | ${row.importAndFirstCallMs} ms | ${row.sinceProcessStartMs} ms |`);
  }

  lines.push("", "5 MiB upload from disk (`fs.openAsBlob`), peak RSS:", "");
  lines.push("| implementation | 1 KiB upload (baseline) | 5 MiB upload | extra | extra / file size | extra over a process with no upload |");
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const row of results.memory.rows) {
    lines.push(
      `| ${row.label} | ${row.baselinePeakRssMiB} MiB | ${row.uploadPeakRssMiB} MiB | ${row.extraMiB} MiB | ${row.extraOverFileSize.toFixed(2)} | ${row.extraOverNoUploadMiB} MiB (${row.extraOverNoUploadOverFileSize.toFixed(2)}×) |`,
    );
  }

  const s = results.size;
  lines.push(
    "",
    `Browser runtime (scripts/size.mjs; \`import { Client } from "neuroio"\`, esbuild, minified): ${s.minifiedBytes} B, ${s.gzipBytes} B gzipped ` +
      `(every export of "neuroio": ${s.wholeEntryGzipBytes} B; \`neuroio/events\` adds ${s.eventsGzipBytes} B; ` +
      `+ ${s.onDemandGzipBytes} B loaded on demand: the middleware path with openapi-fetch's client, with middleware only; the upload path, at the first upload; the login path, at the first Client.login(); the overridden operations (auth.passwordChange), at the first call of one; all gzipped).`,
  );
  const largest = s.modules.slice(0, 6).map((m) => `${m.file.replace(/^(src|node_modules)\//, "")} ${m.bytes} B`);
  lines.push("", `Largest parts of it, minified (esbuild's metafile): ${largest.join(", ")}.`);

  const counted = results.instructions;
  if (counted.valgrind) {
    const spans = counted.scenarios.map((c) => `${c.to} and ${c.from} calls`).join(", ");
    lines.push(
      "",
      `Instructions per warm call (valgrind ${counted.valgrind}, callgrind, \`node --predictable\`: the short run with ${spans}, a fresh process each; the difference over the extra calls; the client's process only, not the server's; load moves it little, but the server's timing changes how the work splits) · raw fetch's count over this one:`,
      "",
    );
    lines.push(`| implementation | ${counted.scenarios.map((c) => c.scenario).join(" | ")} |`);
    lines.push(`| --- | ${counted.scenarios.map(() => "---:").join(" | ")} |`);
    for (const { impl, label } of IMPLS) {
      const cells = counted.scenarios.map(({ rows }) => {
        const row = rows.find((r) => r.impl === impl);
        if (!row) return "–";
        return row.failed ? "fails" : `${(row.instructionsPerCall! / 1000).toFixed(0)} k · ${row.ratioToFetch!.toFixed(2)}`;
      });
      lines.push(`| ${label} | ${cells.join(" | ")} |`);
    }
  } else {
    lines.push("", "Instructions per call: not counted (no valgrind).");
  }

  lines.push("", "Goals (issue 14):", "");
  for (const goal of goals(results)) lines.push(`- ${goal.met ? "met" : "NOT met"}: ${goal.text}`);
  return lines.join("\n");
}

/** The goals of issue 14, judged on this run's figures (warm and short runs alike). */
function goals(results: Results): { met: boolean; text: string }[] {
  const row = (scenarios: Scenario[], i: number, impl: Impl) => scenarios[i]!.rows.find((r) => r.impl === impl)!;
  const list: { met: boolean; text: string }[] = [];
  for (const [mode, scenarios] of [
    ["warm", results.warm],
    ["short", results.short],
  ] as const) {
    const ahead = SCENARIOS.map((sc, i) => {
      const ours = row(scenarios, i, "client");
      const theirs = row(scenarios, i, "rest-api");
      return { sc, ok: !ours.failed && (theirs.failed !== undefined || ours.ratioToFetch! > theirs.ratioToFetch!), ours, theirs };
    });
    list.push({
      met: ahead.every((a) => a.ok),
      text: `${mode}: Node default ahead of @neuroio/rest-api on every row (${ahead
        .map((a) => `${a.sc.name}: ${fmt(a.ours.ratioToFetch)} vs ${a.theirs.failed ? "fails" : fmt(a.theirs.ratioToFetch)}`)
        .join("; ")}; ratios to raw fetch)`,
    });
    const limits = SCENARIOS.map((sc, i) => ({ sc, need: sc.pattern === "upload" ? 1.0 : 0.85, got: row(scenarios, i, "client").ratioToUndici }));
    list.push({
      met: limits.every((l) => l.got !== undefined && l.got >= l.need),
      text: `${mode}: Node default ≥ 0.85× raw undici.request on GETs, ≥ 1.0× on uploads (${limits.map((l) => `${l.sc.name}: ${fmt(l.got)}`).join("; ")})`,
    });
    list.push(fetchGoal(`${mode}: fetch path`, scenarios, "client-fetch"));
  }
  list.push(
    results.browser.chromium
      ? fetchGoal("in Chromium: neuroio", results.browser.scenarios, "client")
      : { met: false, text: `in Chromium: not measured (no ${CHROMIUM})` },
  );
  const cold = (impl: Impl) => results.coldStart.find((c) => c.impl === impl)!.importAndFirstCallMs;
  const over = round1(cold("client") - cold("fetch"));
  list.push({ met: over <= 10, text: `cold start within 10 ms of raw fetch's first call (${over < 0 ? "" : "+"}${over} ms: ${cold("client")} vs ${cold("fetch")} ms)` });
  list.push({
    met: results.size.gzipBytes <= results.size.targetGzipBytes,
    text: `browser runtime ≤ ${results.size.targetGzipBytes} B gzipped (${results.size.gzipBytes} B)`,
  });
  const upload = results.memory.rows.find((r) => r.impl === "client")!;
  list.push({ met: upload.extraOverFileSize < 1.5, text: `5 MiB upload within 1.5× its size of extra RSS (${upload.extraOverFileSize.toFixed(2)}×)` });
  return list;
}

/**
 * `impl` ≥ 0.95× raw fetch on every row, each median shown with the range of its rounds;
 * beside it, like for like, `impl` over raw fetch with a time limit (the SDK always has
 * one), paired by round: what the SDK costs over fetch apart from the signal a time limit needs.
 */
function fetchGoal(what: string, scenarios: Scenario[], impl: Impl): { met: boolean; text: string } {
  const rows = scenarios.map((s) => ({ s, ours: s.rows.find((r) => r.impl === impl)!, limited: s.rows.find((r) => r.impl === "fetch-timeout")! }));
  const range = (r: Row) => (r.ratioToFetchRange ? ` (rounds ${fmt3(r.ratioToFetchRange[0])}–${fmt3(r.ratioToFetchRange[1])})` : "");
  // From the rounds' rates as results.json keeps them (to 0.1/s: off by under 0.2 % at the
  // slowest row), so that --report gives it for runs made before it was printed.
  const likeForLike = ({ ours, limited }: (typeof rows)[number]) =>
    ours.runs && limited.runs ? fmt3(median(ours.runs.map((rate, i) => rate / limited.runs![i]!))) : "–";
  return {
    met: rows.length > 0 && rows.every((r) => r.ours.ratioToFetch !== undefined && r.ours.ratioToFetch >= 0.95),
    text:
      `${what} ≥ 0.95× raw fetch on every row (${rows.map((r) => `${r.s.scenario}: ${fmt3(r.ours.ratioToFetch)}${range(r.ours)}`).join("; ")}; ` +
      `raw fetch with a time limit: ${rows.map((r) => fmt3(r.limited.ratioToFetch)).join(", ")}; ` +
      `like for like, over raw fetch with a time limit, paired by round: ${rows.map(likeForLike).join(", ")})`,
  };
}

const fmt = (n: number | undefined) => (n === undefined ? "–" : n.toFixed(2));
// Where a goal's line is 0.95: two decimals would show 0.948 as a met 0.95.
const fmt3 = (n: number | undefined) => (n === undefined ? "–" : n.toFixed(3));

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
  const benchUndici = (JSON.parse(readFileSync(path.join(ROOT, "node_modules/undici/package.json"), "utf8")) as { version: string }).version;
  return {
    cpu,
    nproc: Number(nproc),
    load: os.loadavg().map((l) => l.toFixed(1)).join(" "),
    node: process.version,
    undici: process.versions.undici,
    benchUndici,
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  };
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** One round's measurement from its blocks: calls over time, CPU per call, peak RSS. */
function combine(blocks: Result[]): Result {
  const failed = blocks.find((b) => b.failed);
  if (failed) return failed;
  const calls = blocks.map((b) => (b.rate! * b.ms!) / 1000);
  const total = calls.reduce((a, b) => a + b, 0);
  const ms = blocks.reduce((a, b) => a + b.ms!, 0);
  const cpu = blocks.every((b) => b.cpuMicrosPerCall !== undefined)
    ? { cpuMicrosPerCall: blocks.reduce((a, b, i) => a + b.cpuMicrosPerCall! * calls[i]!, 0) / total }
    : {};
  return { rate: (total * 1000) / ms, ms, ...cpu, maxRssBytes: Math.max(...blocks.map((b) => b.maxRssBytes)) };
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
