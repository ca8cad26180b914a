/**
 * Compiles test/types/client.ts with the project's compiler options and checks that
 * (1) it has no errors, so every `@ts-expect-error` is used, and (2) each directive is
 * there for the reason it names: with the directive removed, the line below it fails
 * with exactly the TS code written after `@ts-expect-error`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.join(__dirname, "..");
const FILE = path.join(__dirname, "types", "client.ts");

function compilerOptions(): ts.CompilerOptions {
  const configPath = path.join(ROOT, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return { ...parsed.options, noEmit: true };
}

function diagnostics(source: string): ts.Diagnostic[] {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === FILE ? source : readFile(name));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) =>
    path.resolve(name) === FILE ? ts.createSourceFile(name, source, languageVersion, true) : getSourceFile(name, languageVersion, onError, shouldCreate);
  const program = ts.createProgram([FILE], options, host);
  return [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()].filter(
    (d) => d.file && path.resolve(d.file.fileName) === FILE,
  );
}

function describe(d: ts.Diagnostic): string {
  const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
  return `line ${line + 1}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n")[0]}`;
}

const source = readFileSync(FILE, "utf8");
const lines = source.split("\n");
const directives = lines
  .map((text, index) => ({ index, match: /^\s*\/\/ @ts-expect-error TS(\d+)\b/.exec(text) }))
  .filter((d) => d.match)
  .map((d) => ({ line: d.index, code: Number(d.match![1]) }));

test("test/types/client.ts compiles, using every @ts-expect-error", () => {
  expect(directives.length).toBeGreaterThanOrEqual(15);
  // Every directive names its TS code.
  expect(lines.filter((l) => /^\s*\/\/ @ts-expect-error/.test(l)).length).toBe(directives.length);
  expect(diagnostics(source).map(describe)).toEqual([]);
}, 120_000);

test("each @ts-expect-error fails for the reason it names, on the line it precedes", () => {
  const stripped = lines.map((text, i) => (directives.some((d) => d.line === i) ? "" : text)).join("\n");
  const found = diagnostics(stripped);
  const byLine = new Map<number, number[]>();
  for (const d of found) {
    const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
    byLine.set(line, [...(byLine.get(line) ?? []), d.code]);
  }
  const mismatches = directives
    .map(({ line, code }) => ({ line: line + 2, want: code, got: byLine.get(line + 1) ?? [] }))
    .filter(({ want, got }) => got.length === 0 || !got.every((c) => c === want));
  expect(mismatches).toEqual([]);
  // No error anywhere else.
  const expectedLines = new Set(directives.map((d) => d.line + 1));
  expect(found.filter((d) => !expectedLines.has(d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line)).map(describe)).toEqual([]);
}, 120_000);

test("under exactOptionalPropertyTypes, optional fields and options take undefined; required ones do not (test/types/exact-optional.ts)", () => {
  const file = path.join(__dirname, "types", "exact-optional.ts");
  const program = ts.createProgram([file], { ...compilerOptions(), exactOptionalPropertyTypes: true });
  const found = ts.getPreEmitDiagnostics(program).filter((d) => d.file && path.resolve(d.file.fileName) === file);
  expect(found.map(describe)).toEqual([]);
  expect(readFileSync(file, "utf8")).toContain("@ts-expect-error TS2322");
}, 120_000);
