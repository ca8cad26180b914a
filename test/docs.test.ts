// The published reference (scripts/docs.mjs) opened from disk in real headless Chromium
// with the network cut off: every request that is not file:// is aborted and recorded.
//
// Needs Debian's chromium at /usr/bin/chromium (`apt-get install -y chromium`; .ci/run
// installs it). Without it the tests fail, they do not skip.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

/* eslint-disable @typescript-eslint/no-explicit-any */
const CHROMIUM = "/usr/bin/chromium";
const root = path.resolve(__dirname, "..");
const eventsSource = path.join(root, "openapi/events.asyncapi.yaml");

let outDir = "";
let browser: Browser | undefined;

// Chromium is an external process: on a busy machine (two cores, other jobs) starting it and
// rendering the 2 MB Redoc page can take a minute. Generous limits; nothing here times speed.
const BROWSER_LIMIT_MS = 180_000;
jest.setTimeout(2 * BROWSER_LIMIT_MS);

beforeAll(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), "neuroio-docs-test-"));
  // --partial: path files or the events document still being written do not stop the
  // build; the spec tests and the events test below report what is missing.
  try {
    execFileSync(process.execPath, ["--import", "tsx", path.join(root, "scripts/docs.mjs"), "--partial", "--out", outDir], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error: any) {
    throw new Error(`npm run docs failed:\n${error.stdout ?? ""}${error.stderr ?? error.message}`);
  }
}, 2 * BROWSER_LIMIT_MS);

/** The shared headless Chromium, launched on first use; fails loudly when not installed. */
async function getBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing. The docs tests need Debian's Chromium: apt-get update && apt-get install -y chromium (.ci/run does this).`,
    );
  }
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    timeout: BROWSER_LIMIT_MS,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  return browser;
}

const built = (file: string) => readFileSync(path.join(outDir, file), "utf8");

afterAll(async () => {
  await browser?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

interface OfflinePage {
  page: Page;
  blocked: string[];
  errors: string[];
}

/** Opens a built page as file:// with every other request aborted and recorded. */
async function openOffline(file: string): Promise<OfflinePage> {
  const page = await (await getBrowser()).newPage({ viewport: { width: 1600, height: 1000 } });
  page.setDefaultTimeout(BROWSER_LIMIT_MS);
  const blocked: string[] = [];
  const errors: string[] = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file://")) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(pathToFileURL(path.join(outDir, file)).href, { waitUntil: "load" });
  return { page, blocked, errors };
}

/** The document a build-docs page renders (its inline `__redoc_definition`). */
function definitionOf(html: string): any {
  const match = /const __redoc_definition = (.*);\n/.exec(html);
  if (!match) throw new Error("no __redoc_definition in the page");
  return JSON.parse(match[1]!);
}

function expectSelfContained(html: string) {
  expect(html).toMatch(/<script type="module">[\s\S]*hydrate\(__redoc_definition/); // Redoc inlined
  expect(html).not.toMatch(/import\s*\{[^}]*\}\s*from\s*["']https?:/); // not imported from the CDN
  expect(html).not.toMatch(/<script\b[^>]*\bsrc\s*=/i);
  expect(html).not.toMatch(/<link\b[^>]*\bhref\s*=\s*["']?(https?:)?\/\//i);
  expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i); // fonts, CSS images
  expect(html).not.toContain("cdn.redoc.ly/redoc/logo");
}

describe("docs/index.html (npm run docs)", () => {
  test("is one self-contained file with the Redoc script inlined and a title", () => {
    const html = built("index.html");
    expectSelfContained(html);
    expect(html).toContain("<title>NeuroIO API reference</title>");
    expect(html.length).toBeGreaterThan(1_000_000); // the ~2 MB Redoc bundle is in the file
  });

  test("every operation shows its SDK call and a curl line as code samples", () => {
    const definition = definitionOf(built("index.html"));
    const operations = Object.values<any>(definition.paths).flatMap((item) => Object.values<any>(item).filter((op) => op?.operationId));
    expect(operations.length).toBeGreaterThan(0);
    for (const op of operations) {
      const samples: { lang: string; source: string }[] = op["x-codeSamples"] ?? [];
      expect(samples.map((s) => s.lang)).toEqual(["TypeScript", "Shell"]);
      expect(samples[0]!.source).toContain(`await client.${op.operationId}(`);
      expect(samples[1]!.source).toMatch(/^curl -X [A-Z]+ "https:\/\/(iam|api)\.neuroio\.com\/v1\//);
    }
  });

  test("renders offline in Chromium with the IAM and API tag groups", async () => {
    const groups: { name: string; tags: string[] }[] = definitionOf(built("index.html"))["x-tagGroups"];
    expect(groups.map((g) => g.name)).toEqual(["IAM", "API"]);
    const { page, blocked, errors } = await openOffline("index.html");
    try {
      const menu = page.locator('[data-component-name="Menu/Menu"]').first();
      await menu.getByText("API", { exact: true }).waitFor();
      const lines = (await menu.innerText()).split("\n").map((l) => l.trim());
      const iam = lines.indexOf("IAM");
      const api = lines.indexOf("API");
      expect(iam).toBeGreaterThanOrEqual(0);
      expect(api).toBeGreaterThan(iam);
      // Each tag is listed under its own group heading.
      const misplaced = [
        ...groups[0]!.tags.filter((t) => !(lines.indexOf(t) > iam && lines.indexOf(t) < api)),
        ...groups[1]!.tags.filter((t) => !(lines.indexOf(t) > api)),
      ];
      expect(misplaced).toEqual([]);
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test("renders auth.login (POST /v1/auth/token/) with the 602 example", async () => {
    const { page, blocked, errors } = await openOffline("index.html");
    try {
      const menu = page.locator('[data-component-name="Menu/Menu"]').first();
      const operation = page.locator('[id="auth/auth.login"]');
      // Retry the click that opens the "auth" group: the sidebar is server-rendered and may
      // be clicked before Redoc has hydrated it. Each retry waits twice as long for the group
      // to open, so that on a busy machine a slow opening is not undone by the next click.
      const logIn = menu.getByText("Log in", { exact: true });
      for (let waitMs = 500; !(await logIn.isVisible()); waitMs = Math.min(2 * waitMs, 30_000)) {
        await menu.getByText("auth", { exact: true }).click();
        await logIn.waitFor({ state: "visible", timeout: waitMs }).catch(() => {});
      }
      await logIn.click();
      await operation.waitFor();
      await expect(operation.innerText()).resolves.toContain("/v1/auth/token/");

      const responses = operation.locator('[data-component-name="Panel/Panel"]').filter({
        has: page.locator('[data-component-name="Panel/PanelHeaderTitle"]', { hasText: /^Response$/ }),
      });
      await responses.getByText("400", { exact: true }).click();
      await responses.getByText("Username and password do not match.").waitFor();
      const sample = await responses.innerText();
      expect(sample).toContain("602");
      expect(sample).toContain('"message": "Username and password do not match."');
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("docs/events.html (the AsyncAPI events document)", () => {
  test("is built, self-contained, linked from index.html and renders offline", async () => {
    if (!existsSync(eventsSource)) {
      throw new Error("openapi/events.asyncapi.yaml does not exist yet, so there is no events page to publish.");
    }
    const html = built("events.html");
    expectSelfContained(html);
    expect(html).toContain("<title>NeuroIO events reference</title>");
    expect(built("index.html")).toContain('href="events.html"');

    const definition = definitionOf(html);
    expect(String(definition.asyncapi)).toMatch(/^[23]\./);
    const { page, blocked, errors } = await openOffline("events.html");
    try {
      await page.getByText(definition.info.title, { exact: true }).first().waitFor();
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
