// npm run docs [-- --out <dir>] [-- --partial]
//
// Builds the published reference: <out>/index.html (the OpenAPI document, IAM + API) and
// <out>/events.html (the AsyncAPI events document), each ONE self-contained HTML file
// rendered by Redocly `build-docs` (Redoc 3). They work opened from disk with no network:
//
// * `--inlineBundle` embeds the Redoc script; without it the page imports it from
//   cdn.redocly.com. build-docs renders AsyncAPI 2/3 as well, so the events page needs
//   no other tool.
// * The one thing Redoc still fetches is the "API docs by Redocly" logo in the sidebar
//   (cdn.redoc.ly). It is swapped for an inline SVG; the attribution link stays.
// * Telemetry is off: REDOCLY_TELEMETRY=off here and `telemetry: off` in redocly.yaml.
//   The CLI's update check is off too (REDOCLY_SUPPRESS_UPDATE_NOTICE).
// * Every page is checked afterwards; an external script, stylesheet, font or image
//   fails the build.
//
// The OpenAPI document is bundled in memory (scripts/spec.mjs bundleSpec()) and given its
// SDK and curl samples (scripts/operations.mjs withCodeSamples(), run under tsx), never read
// from src/generated/, so the docs cannot be stale. `--partial` is for previews while
// path files are still being written: path items whose file does not exist yet are left
// out (and listed), and a missing events document is skipped. The default is strict.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundle, loadConfig, makeDocumentFromString } from "@redocly/openapi-core";
import { bundleSpec, root } from "./spec.mjs";
import { withCodeSamples } from "./operations.mjs";

export const rootDocumentPath = path.join(root, "openapi/openapi.yaml");
export const eventsDocumentPath = path.join(root, "openapi/events.asyncapi.yaml");
const configPath = path.join(root, "redocly.yaml");
const redoclyCli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");

const TITLE = "NeuroIO API reference";
const EVENTS_TITLE = "NeuroIO events reference";

/**
 * Bundles the path items whose files exist, for previews of an unfinished document.
 * Returns the document and the `paths` entries left out ({ path, file }). Any other
 * bundling problem (a bad $ref inside an existing file, say) still throws.
 */
export async function bundleAvailable() {
  const source = makeDocumentFromString(await readFile(rootDocumentPath, "utf8"), rootDocumentPath);
  const missing = [];
  for (const [urlPath, item] of Object.entries(source.parsed.paths ?? {})) {
    const ref = item && typeof item.$ref === "string" ? item.$ref : undefined;
    if (ref && !ref.startsWith("#") && !existsSync(path.resolve(path.dirname(rootDocumentPath), ref))) {
      missing.push({ path: urlPath, file: ref });
      delete source.parsed.paths[urlPath];
    }
  }
  const config = await loadConfig({ configPath });
  const { bundle: result, problems } = await bundle({ doc: source, config });
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new Error(`bundling failed:\n${errors.map((p) => `- ${p.message}`).join("\n")}`);
  }
  return { document: result.parsed, missing };
}

// The sidebar attribution logo, drawn inline instead of fetched from cdn.redoc.ly.
const LOGO_SVG =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="62" height="16" viewBox="0 0 62 16">' +
      '<text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044d4">Redocly</text></svg>',
  );
const CDN_LOGOS = [
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg",
  "https://cdn.redoc.ly/redoc/logo-mini.svg",
];

/** Turns a build-docs page into one that needs no network; throws on what it cannot fix. */
export function makeSelfContained(html, name) {
  let out = html;
  for (const url of CDN_LOGOS) out = out.split(url).join(LOGO_SVG);
  const problems = externalResources(out);
  if (problems.length > 0) {
    throw new Error(`${name} is not self-contained:\n${problems.map((p) => `- ${p}`).join("\n")}`);
  }
  if (!/<script type="module">[\s\S]*hydrate\(__redoc_definition/.test(out) || out.length < 1_000_000) {
    throw new Error(`${name}: the Redoc script is not inlined (was --inlineBundle dropped?)`);
  }
  return out;
}

/** External scripts, stylesheets, fonts, module imports and images a page would load. */
export function externalResources(html) {
  const found = [];
  const external = /^(?:https?:)?\/\//i;
  for (const [tag] of html.matchAll(/<(?:script|link|img|iframe|source)\b[^>]*>/gi)) {
    const url = /\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (url && external.test(url)) found.push(tag.slice(0, 160));
  }
  for (const [, url] of html.matchAll(/\bimport\s*(?:[\w{}\s,*]+from\s*)?["']((?:https?:)?\/\/[^"']+)["']/g)) {
    found.push(`import of ${url}`);
  }
  for (const [, url] of html.matchAll(/@import\s+(?:url\()?["']?((?:https?:)?\/\/[^"')\s]+)/gi)) {
    found.push(`CSS @import of ${url}`);
  }
  for (const [, url] of html.matchAll(/url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi)) {
    found.push(`CSS url(${url})`);
  }
  for (const url of CDN_LOGOS) if (html.includes(url)) found.push(`Redoc logo ${url}`);
  return found;
}

function runBuildDocs(input, output, title) {
  const result = spawnSync(
    process.execPath,
    [redoclyCli, "build-docs", input, "--inlineBundle", "--title", title, "--config", configPath, "--output", output],
    {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: "off",
        REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
        NO_COLOR: "1",
      },
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `redocly build-docs ${path.relative(root, input)} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`,
    );
  }
}

async function buildPage(input, output, title) {
  runBuildDocs(input, output, title);
  const html = makeSelfContained(await readFile(output, "utf8"), path.basename(output));
  await writeFile(output, html);
  return Buffer.byteLength(html);
}

/** Builds index.html (and events.html) into outDir; returns what was written and left out. */
export async function buildDocs({ outDir = path.join(root, "docs"), partial = false } = {}) {
  let document;
  let missing = [];
  if (partial) ({ document, missing } = await bundleAvailable());
  else document = await bundleSpec();
  document = withCodeSamples(document);

  const hasEvents = existsSync(eventsDocumentPath);
  if (!hasEvents && !partial) {
    throw new Error(`${path.relative(root, eventsDocumentPath)} does not exist; the published docs need it (--partial skips it).`);
  }

  // The HTTP reference links to the events page from its introduction (a sidebar entry).
  if (hasEvents) {
    document = structuredClone(document);
    document.info.description =
      `${(document.info.description ?? "").trimEnd()}\n\n## Events\n\n` +
      "Real-time entry events (WebSocket `wss://events.neuroio.com`) are described in the " +
      "[NeuroIO events reference](events.html), built from the AsyncAPI document " +
      "`openapi/events.asyncapi.yaml`.\n";
  }

  await mkdir(outDir, { recursive: true });
  const tmp = await mkdtemp(path.join(os.tmpdir(), "neuroio-docs-"));
  const written = [];
  try {
    const input = path.join(tmp, "openapi.json");
    await writeFile(input, JSON.stringify(document));
    const index = path.join(outDir, "index.html");
    written.push({ file: index, bytes: await buildPage(input, index, TITLE) });
    if (hasEvents) {
      const events = path.join(outDir, "events.html");
      written.push({ file: events, bytes: await buildPage(eventsDocumentPath, events, EVENTS_TITLE) });
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return { written, missing, hasEvents };
}

function parseArgs(argv) {
  const options = { partial: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--partial") options.partial = true;
    else if (arg === "--out") options.outDir = path.resolve(argv[++i] ?? "");
    else if (arg.startsWith("--out=")) options.outDir = path.resolve(arg.slice("--out=".length));
    else throw new Error(`unknown argument ${arg} (usage: node scripts/docs.mjs [--out <dir>] [--partial])`);
  }
  return options;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  try {
    const { written, missing, hasEvents } = await buildDocs(parseArgs(process.argv.slice(2)));
    for (const { file, bytes } of written) {
      console.log(`wrote ${path.relative(process.cwd(), file)} (${Math.round(bytes / 1024)} KiB, self-contained)`);
    }
    if (missing.length > 0) {
      console.warn(`--partial: left out ${missing.length} path item(s) whose file does not exist yet:`);
      for (const m of missing) console.warn(`  ${m.path} (${m.file})`);
    }
    if (!hasEvents) console.warn(`--partial: ${path.relative(root, eventsDocumentPath)} does not exist yet; no events.html`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

