// The benchmark's smoke run (`npm run bench -- --smoke`): every step of bench/run.ts with
// tiny counts, so that CI keeps the bench working. Speed is not tested here: the figures of
// a smoke run mean nothing; only their shape is checked, and the browser size, which is
// exact, against its budget.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const IMPLS = ["fetch", "fetch-timeout", "undici", "rest-api", "client", "client-fetch"];
const SCENARIOS = ["GET list, sequential", "GET list, 16 concurrent", "POST 1 MiB multipart"];

interface Row {
  impl: string;
  failed?: string;
  requestsPerSecond?: number;
  ratioToFetch?: number;
  ratioToFetchRange?: [number, number];
  ratioToUndici?: number;
}

// Every round's ratio lies in the range reported beside the median.
function expectRange(row: Row): void {
  const [low, high] = row.ratioToFetchRange!;
  expect(low).toBeGreaterThan(0);
  expect(low).toBeLessThanOrEqual(row.ratioToFetch!);
  expect(high).toBeGreaterThanOrEqual(row.ratioToFetch!);
}

function smoke(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "bench/run.ts", "--smoke"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      // Generous: a busy 2-core machine; the bench itself stops after 15 minutes.
      timeout: 8 * 60_000,
      killSignal: "SIGKILL",
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

test("the bench runs end to end and reports every implementation, scenario and measurement", async () => {
  const { code, stdout, stderr } = await smoke();
  expect({ code, stderr: code === 0 ? "" : stderr }).toEqual({ code: 0, stderr: "" });

  const results = JSON.parse(readFileSync(path.join(ROOT, "bench/.out/results-smoke.json"), "utf8"));
  expect(results.smoke).toBe(true);
  for (const mode of ["warm", "short"]) {
    expect(results[mode].map((s: { scenario: string }) => s.scenario)).toEqual(SCENARIOS);
    for (const { rows } of results[mode] as { rows: Row[] }[]) {
      expect(rows.map((r) => r.impl)).toEqual(IMPLS);
      for (const row of rows) {
        // A client that cannot make a call says why; every other row has its figures.
        if (row.failed !== undefined) expect(row.failed).toMatch(/\S/);
        else {
          for (const figure of [row.requestsPerSecond, row.ratioToFetch, row.ratioToUndici]) expect(figure).toBeGreaterThan(0);
          expectRange(row);
        }
      }
      // The baselines and the SDK always make their calls.
      for (const impl of ["fetch", "fetch-timeout", "undici", "client", "client-fetch"]) expect(rows.find((r) => r.impl === impl)!.failed).toBeUndefined();
    }
  }
  // In Chromium (CI installs it, as for test/browser.test.ts): raw fetch against the SDK's browser bundle.
  expect(results.browser.chromium).toMatch(/^\d+\./);
  expect(results.browser.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual(SCENARIOS);
  for (const { rows } of results.browser.scenarios as { rows: Row[] }[]) {
    expect(rows.map((r) => r.impl)).toEqual(["fetch", "fetch-timeout", "client"]);
    for (const row of rows) {
      expect(row.failed).toBeUndefined();
      for (const figure of [row.requestsPerSecond, row.ratioToFetch]) expect(figure).toBeGreaterThan(0);
      expectRange(row);
    }
  }
  expect(results.coldStart.map((c: { impl: string }) => c.impl)).toEqual(IMPLS);
  for (const c of results.coldStart) expect(c.importAndFirstCallMs).toBeGreaterThan(0);
  expect(results.memory.rows.map((r: { impl: string }) => r.impl)).toEqual(["client", "client-fetch", "fetch"]);
  for (const r of results.memory.rows) expect(r.uploadPeakRssMiB).toBeGreaterThan(0);
  // Unlike speed, size is exact (a pinned esbuild, gzip level 9), so issue 14's budget is
  // held here: a change that outgrows 10,000 B fails CI, not only the next full bench run.
  // Main is under it by about 30 B (9,973 B at 2026-12-08T02:03Z; gzip and the chunk names
  // of the checkout folder move the figure by a few bytes).
  expect(results.size.targetGzipBytes).toBe(10_000);
  expect(results.size.gzipBytes).toBeGreaterThan(0);
  expect(results.size.gzipBytes).toBeLessThanOrEqual(results.size.targetGzipBytes);
  expect(results.size.onDemandGzipBytes).toBeGreaterThan(0);
  expect(results.size.modules.map((m: { file: string }) => m.file)).toContain("src/wrappers/client.ts");
  // Instructions per call under valgrind (CI installs it): the smoke run counts two implementations on one pattern.
  expect(results.instructions.valgrind).toMatch(/^\d+\./);
  expect(results.instructions.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual([SCENARIOS[0]]);
  for (const row of results.instructions.scenarios[0].rows) {
    expect(row.failed).toBeUndefined();
    expect(row.instructionsPerCall).toBeGreaterThan(0);
    expect(row.ratioToFetch).toBeGreaterThan(0);
  }
  expect(results.instructions.scenarios[0].rows.map((r: { impl: string }) => r.impl)).toEqual(["fetch", "client-fetch"]);

  // The printed report: three throughput tables with a row per implementation, the other
  // measurements, and every goal judged.
  const labels = ["raw fetch", "raw fetch with a time limit", "raw undici.request", "@neuroio/rest-api 4.2.2", "neuroio, Node default", "neuroio with fetch"];
  for (const label of labels) expect(stdout.split("\n").filter((line) => line.startsWith(`| ${label}`)).length).toBeGreaterThanOrEqual(4);
  for (const heading of ["Warm long runs", "CPU time per call", "Short runs", "Instructions per warm call", "Cold start", "5 MiB upload from disk", "In Chromium", "neuroio (browser bundle)", "Browser runtime", "Goals (issue 14):"]) {
    expect(stdout).toContain(heading);
  }
  expect(stdout.match(/^- (met|NOT met): /gm)).toHaveLength(10);
  // The three 0.95 goals (warm, short, Chromium) show each row's range over the rounds.
  expect(stdout.match(/^- (met|NOT met): .*≥ 0\.95× raw fetch on every row \(GET list, sequential: [\d.]+ \(rounds [\d.]+–[\d.]+\)/gm)).toHaveLength(3);
  // …and, like for like, the SDK over raw fetch with a time limit, a figure per row.
  expect(stdout.match(/like for like, over raw fetch with a time limit, paired by round: \d\.\d{3}, \d\.\d{3}, \d\.\d{3}\)$/gm)).toHaveLength(3);
}, 10 * 60_000);
