/**
 * README snippets cannot rot: every ```ts (or ```typescript) block of README.md is written to
 * test/.readme-snippets/ as its own ES module (.mts, so top-level await works) and all of
 * them are type-checked in one TypeScript program, strict, with "neuroio" mapped to
 * src/wrappers/index.ts, "neuroio/events" to src/wrappers/events.ts, "neuroio/mock" to src/mock/index.ts and "neuroio/openapi.json" to
 * the bundled document. Errors are reported as README.md:<line>.
 *
 * Then every README block runs, in its own Node process (tsx), against a fresh embedded
 * stand-in: the Client takes the stand-in's URLs from NEUROIO_IAM_URL / NEUROIO_API_URL /
 * NEUROIO_EVENTS_URL, and the stand-in seeds the user `usr`/`pwd` with the token `abcd`
 * that the examples use.
 *
 * Each block must stand alone (its own imports and `client`). A block whose info string
 * contains "ignore" (```ts ignore) is skipped. test/fixtures/readme-snippets.md checks the
 * checker: a deliberately wrong block must be reported at its line.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { startMockServer } from "../src/mock";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(__dirname, ".readme-snippets");

interface Snippet {
  /** Markdown file, relative to the repo root. */
  source: string;
  /** 1-based line of the opening fence. */
  fence: number;
  code: string;
}

function extractSnippets(markdown: string, source: string): Snippet[] {
  const lines = markdown.split(/\r?\n/);
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, marker, lang, rest] = open as unknown as [string, string, string, string, string];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^\s*(`{3,}|~{3,})\s*$/.exec(lines[j]!);
      if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length) break;
      body.push(lines[j]!.startsWith(indent) ? lines[j]!.slice(indent.length) : lines[j]!);
    }
    if (/^(ts|typescript)$/i.test(lang) && !/\bignore\b/.test(rest)) snippets.push({ source, fence: i + 1, code: body.join("\n") });
    i = j;
  }
  return snippets;
}

/** Type-checks all snippets in one program; returns one message per error, naming the markdown line. */
function checkSnippets(snippets: Snippet[]): string[] {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, ".gitignore"), "*\n");
  const files = new Map<string, Snippet>();
  for (const s of snippets) {
    const name = `${s.source.replace(/[^A-Za-z0-9]+/g, "_")}_L${s.fence}.mts`;
    const file = path.join(OUT, name);
    // The code starts on the line after the fence: file line n (0-based) is markdown line fence + 1 + n.
    writeFileSync(file, `${s.code}\nexport {};\n`);
    files.set(path.normalize(file), s);
  }

  const rel = (p: string) => path.relative(OUT, path.join(ROOT, p)).split(path.sep).join("/");
  // One tsconfig.json next to the snippets: what this check compiles with, and what an editor
  // (or `tsc -p test/.readme-snippets`) sees. Its paths resolve relative to it, so "neuroio"
  // is always the sources, never the package's own dist/.
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      module: "node16",
      moduleResolution: "node16",
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      types: ["node"],
      typeRoots: [rel("node_modules/@types")],
      strict: true,
      noUncheckedIndexedAccess: true,
      esModuleInterop: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      noEmit: true,
      paths: {
        neuroio: [rel("src/wrappers/index.ts")],
        "neuroio/events": [rel("src/wrappers/events.ts")],
        "neuroio/mock": [rel("src/mock/index.ts")],
        "neuroio/openapi.json": [rel("src/generated/openapi.json")],
      },
    },
    include: ["*.mts"],
  };
  const configFile = path.join(OUT, "tsconfig.json");
  writeFileSync(configFile, JSON.stringify(tsconfig, null, 2));
  const { options } = ts.parseJsonConfigFileContent(tsconfig, ts.sys, OUT, undefined, configFile);

  const program = ts.createProgram({ rootNames: [...files.keys()], options });
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...ts.getPreEmitDiagnostics(program)];
  const seen = new Set<string>();
  const messages: string[] = [];
  for (const d of diagnostics) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n  ");
    let where = "(global)";
    if (d.file && d.start !== undefined) {
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      const snippet = files.get(path.normalize(d.file.fileName));
      where = snippet
        ? `${snippet.source}:${snippet.fence + 1 + line}:${character + 1}`
        : `${path.relative(ROOT, d.file.fileName)}:${line + 1}:${character + 1}`;
    }
    const message = `${where} TS${d.code}: ${text}`;
    if (!seen.has(message)) messages.push(message);
    seen.add(message);
  }
  return messages;
}

const readme = extractSnippets(readFileSync(path.join(ROOT, "README.md"), "utf8"), "README.md");

// The published docs' SDK samples (x-codeSamples, generated into the bundled document by
// scripts/operations.mjs) are checked in the same program, one snippet per operation.
const DOCUMENT = "src/generated/openapi.json";
const codeSamples: Snippet[] = Object.values<Record<string, { operationId?: string; "x-codeSamples"?: { lang: string; source: string }[] }>>(
  JSON.parse(readFileSync(path.join(ROOT, DOCUMENT), "utf8")).paths,
).flatMap((item) =>
  Object.values(item)
    .filter((op) => typeof op === "object" && op?.operationId)
    .flatMap((op) =>
      (op["x-codeSamples"] ?? [])
        .filter((sample) => sample.lang === "TypeScript")
        .map((sample) => ({ source: `${DOCUMENT}#${op.operationId}`, fence: 0, code: sample.source })),
    ),
);
const fixturePath = "test/fixtures/readme-snippets.md";
const fixtureText = readFileSync(path.join(ROOT, fixturePath), "utf8");
const fixture = extractSnippets(fixtureText, fixturePath);

let errors: string[];
beforeAll(() => {
  errors = checkSnippets([...readme, ...fixture, ...codeSamples]);
}, 120_000);

test("README.md has TypeScript snippets to check", () => {
  expect(readme.length).toBeGreaterThan(0);
});

test("every ```ts snippet of README.md type-checks against the SDK's sources", () => {
  const fromReadme = errors.filter((e) => !e.startsWith(fixturePath) && !e.startsWith(DOCUMENT));
  if (fromReadme.length) throw new Error(`README.md snippets do not type-check:\n${fromReadme.join("\n")}`);
});

test("every operation's TypeScript sample in the published docs type-checks", () => {
  const operationCount = Object.values<object>(JSON.parse(readFileSync(path.join(ROOT, DOCUMENT), "utf8")).paths)
    .flatMap((item) => Object.values(item))
    .filter((op) => op?.operationId).length;
  expect(codeSamples).toHaveLength(operationCount);
  const fromSamples = errors.filter((e) => e.startsWith(DOCUMENT));
  if (fromSamples.length) throw new Error(`x-codeSamples do not type-check:\n${fromSamples.join("\n")}`);
});

test("the checker reports a wrong snippet at its markdown line and skips non-ts and ignored blocks", () => {
  expect(fixture.map((s) => s.fence)).toHaveLength(3);
  const wrongLine = fixtureText.split("\n").findIndex((l) => l.includes(`await client.sources.get({ id: "nope" })`)) + 1;
  const fromFixture = errors.filter((e) => e.startsWith(fixturePath));
  expect(fromFixture).toHaveLength(1);
  expect(fromFixture[0]).toMatch(new RegExp(`^${fixturePath}:${wrongLine}:\\d+ TS2322: `));
});

describe("README.md snippets run against the stand-in", () => {
  const run = promisify(execFile);
  const IMPORTS: [RegExp, string][] = [
    [/from "neuroio"/g, `from ${JSON.stringify(path.join(ROOT, "src/wrappers/index.ts"))}`],
    [/from "neuroio\/events"/g, `from ${JSON.stringify(path.join(ROOT, "src/wrappers/events.ts"))}`],
    [/from "neuroio\/mock"/g, `from ${JSON.stringify(path.join(ROOT, "src/mock/index.ts"))}`],
  ];

  test.each(readme.map((s) => [s.fence, s] as const))("README.md:%i", async (fence, snippet) => {
    const server = await startMockServer({ users: [{ username: "usr", password: "pwd", apiToken: "abcd" }] });
    try {
      const file = path.join(OUT, `run_L${fence}.mts`);
      writeFileSync(file, IMPORTS.reduce((code, [pattern, target]) => code.replace(pattern, target), snippet.code));
      const env = { ...process.env, NEUROIO_IAM_URL: server.iamUrl, NEUROIO_API_URL: server.apiUrl, NEUROIO_EVENTS_URL: server.eventsUrl };
      const { stderr } = await run(process.execPath, ["--import", "tsx", file], { cwd: ROOT, env, timeout: 60_000 });
      expect(stderr).toBe("");
    } finally {
      await server.close();
    }
  }, 90_000);
});
