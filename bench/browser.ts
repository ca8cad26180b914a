/**
 * The browser path in a real browser: Debian's headless Chromium, driven by playwright-core
 * (a devDependency, as in test/browser.test.ts). The page comes from the bench server itself
 * (bench/server.mjs serves `.out/browser/` under `/bench/`), so the calls are same-origin:
 * no CORS preflight, and the figures are the client's and not CORS's.
 *
 * Every measurement is a fresh browser context and page: it loads the page and every
 * implementation (for the SDK, its browser build as scripts/browser-bundle.ts bundles it,
 * minified), warms each up, then measures them in turns, block by block (A B C, C B A, …),
 * and answers each one's rate. In one page and in turns, what varies between pages and
 * over time falls on every implementation alike.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { browserBundle } from "../scripts/browser-bundle";
import { chromium, type Browser } from "playwright-core";
import { jpegLike, run, turns } from "./common";
import type { Pattern, Result } from "./worker";

export const CHROMIUM = "/usr/bin/chromium";
export type BrowserImpl = "fetch" | "fetch-timeout" | "client";

export interface BrowserTask {
  impls: BrowserImpl[];
  pattern: Pattern;
  /** Calls per implementation, over `blocks` blocks, after `warmup` calls of each. */
  count: number;
  warmup: number;
  blocks: number;
  concurrency: number;
  uploadBytes: number;
  token: string;
}

/** Writes the page and the SDK's browser bundle to `dir` (served as `/bench/`). */
export async function buildPage(root: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await build({
    ...browserBundle(root),
    entryPoints: { neuroio: path.join(root, "src/wrappers/index.ts") },
    outdir: dir,
    minify: true,
    logLevel: "error",
  });
  writeFileSync(path.join(dir, "index.html"), '<!doctype html><title>neuroio bench</title><script type="module" src="/bench/page.js"></script>\n');
  writeFileSync(path.join(dir, "page.js"), `${PAGE_SCRIPT}\n`);
}

/** Chromium for a series of measurements; undefined when it is not installed. */
export async function launchBrowser(): Promise<
  { version: string; measure(base: string, task: BrowserTask, limitMs: number): Promise<Record<BrowserImpl, Result>>; close(): Promise<void> } | undefined
> {
  if (!existsSync(CHROMIUM)) return undefined;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  return {
    version: browser.version(),
    async measure(base, task, limitMs) {
      const context = await browser.newContext();
      let timer: NodeJS.Timeout | undefined;
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (error) => errors.push(error.message));
        await page.goto(`${base}/bench/index.html`, { timeout: limitMs });
        await page.waitForFunction(() => typeof (globalThis as { bench?: unknown }).bench === "function", undefined, { timeout: limitMs });
        const limit = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`browser ${task.pattern} timed out`)), limitMs);
        });
        const run = page.evaluate((t) => (globalThis as unknown as { bench(t: BrowserTask): Promise<Record<BrowserImpl, Result>> }).bench(t), task);
        run.catch(() => {}); // after a time-out, closing the context rejects it
        const results = await Promise.race([run, limit]);
        if (errors.length > 0) for (const impl of task.impls) results[impl] = { failed: errors[0], maxRssBytes: 0 };
        return results;
      } finally {
        clearTimeout(timer);
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}

// The page's measuring code: the same calls and checks as worker.ts, in the browser.
// run and jpegLike are the worker's own functions, as source text.
const PAGE_SCRIPT = String.raw`
const SOURCE = "Entrance camera";

async function implementation(impl, token) {
  const base = location.origin;
  if (impl === "client") {
    const { Client } = await import("/bench/neuroio.js");
    const client = new Client({ apiUrl: base, iamUrl: base, apiToken: token });
    return {
      list: async () => {
        const { data, error } = await client.sources.list();
        if (error !== undefined || data?.results.length !== 20) throw new Error("list failed: " + JSON.stringify(error));
      },
      upload: async (image) => {
        const { data, error } = await client.persons.create({ image, source: SOURCE });
        if (error !== undefined || data?.result !== "new") throw new Error("upload failed: " + JSON.stringify(error));
      },
    };
  }
  // fetch-timeout: the same calls, each with a time limit as fetch takes one.
  const limit = impl === "fetch-timeout" ? () => ({ signal: AbortSignal.timeout(60000) }) : () => ({});
  const headers = { Authorization: "Token " + token };
  return {
    list: async () => {
      const response = await fetch(base + "/v1/sources/", { headers, ...limit() });
      const data = await response.json();
      if (!response.ok || data.results.length !== 20) throw new Error("list failed: " + response.status);
    },
    upload: async (image) => {
      const form = new FormData();
      form.append("image", image, "image.jpg");
      form.append("source", SOURCE);
      const response = await fetch(base + "/v1/persons/", { method: "POST", headers, body: form, ...limit() });
      const data = await response.json();
      if (response.status !== 201 || data.result !== "new") throw new Error("upload failed: " + response.status);
    },
  };
}

${run}

${jpegLike}

${turns}

const failure = (error) => ({ failed: String(error?.message ?? error).slice(0, 200), maxRssBytes: 0 });

// Every implementation loaded and warmed up, then measured in turns; one that fails is reported as failing.
globalThis.bench = async ({ impls, pattern, count, warmup, blocks, concurrency, uploadBytes, token }) => {
  const image = new Blob([jpegLike(uploadBytes)], { type: "image/jpeg" });
  const calls = {};
  const results = {};
  for (const impl of impls) {
    try {
      const made = await implementation(impl, token);
      calls[impl] = pattern === "upload" ? () => made.upload(image) : made.list;
      await run(calls[impl], warmup, concurrency);
      results[impl] = { ms: 0, maxRssBytes: 0 };
    } catch (error) {
      results[impl] = failure(error);
    }
  }
  for (const impl of turns(impls, blocks)) {
    if (results[impl].failed) continue;
    try {
      const started = performance.now();
      await run(calls[impl], count / blocks, concurrency);
      results[impl].ms += performance.now() - started;
    } catch (error) {
      results[impl] = failure(error);
    }
  }
  for (const impl of impls) if (!results[impl].failed) results[impl].rate = (count * 1000) / results[impl].ms;
  return results;
};
`;
