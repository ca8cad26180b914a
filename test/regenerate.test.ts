/**
 * "Regenerate on spec change", end to end, in a temporary copy of the repository: a new
 * operation added to openapi/ (`GET /v1/widgets/`, operationId `widgets.list`, with an
 * example answer) becomes, after `npm run generate` and `npm run build` and no other edit,
 * a typed `client.widgets.list()` that type-checks and gets the example from the stand-in.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { copyRepository } from "./helpers";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");
// Child processes on a busy machine: generous limits, never tight ones.
const LIMIT = { timeout: 240_000, maxBuffer: 16 * 1024 * 1024 };

const WIDGETS_PATH = `servers:
  - url: https://api.neuroio.com
    description: API host
get:
  operationId: widgets.list
  tags: [widgets]
  summary: List widgets
  description: Every widget of the space.
  responses:
    '200':
      description: The widgets.
      content:
        application/json:
          schema:
            type: array
            items:
              type: object
              required: [id, name]
              properties:
                id: { type: integer }
                name: { type: string }
          examples:
            Widgets:
              value:
                - id: 7
                  name: Sprocket
    '401':
      $ref: ../components/responses/Unauthorized.yaml
`;

const PROGRAM = `import { Client } from "neuroio";
import { startMockServer, DEMO_USER } from "neuroio/mock";

const server = await startMockServer();
try {
  const client = await Client.login(DEMO_USER, { iamUrl: server.iamUrl, apiUrl: server.apiUrl });
  const { data, error, response } = await client.widgets.list();
  if (error) throw new Error(error.message);
  const names: string[] = data.map((widget) => widget.name);
  console.log(JSON.stringify({ names, status: response.status }));
} finally {
  await server.close();
}
`;

let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "neuroio-regenerate-"));
  copyRepository(path.join(work, "repo"));
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test("a new operation in openapi/ is a typed client method served by the stand-in after generate and build", async () => {
  const repo = path.join(work, "repo");
  writeFileSync(path.join(repo, "openapi/paths/widgets.yaml"), WIDGETS_PATH);
  const root = path.join(repo, "openapi/openapi.yaml");
  writeFileSync(root, readFileSync(root, "utf8").replace(/^paths:\n/m, "paths:\n  /v1/widgets/:\n    $ref: paths/widgets.yaml\n"));

  await run("npm", ["run", "--silent", "generate"], { cwd: repo, ...LIMIT });
  expect(readFileSync(path.join(repo, "src/generated/namespaces.ts"), "utf8")).toContain("export interface Widgets");
  await run("npm", ["run", "--silent", "build"], { cwd: repo, ...LIMIT });

  // A consumer project that has the rebuilt package as its `neuroio`.
  const app = path.join(work, "app");
  mkdirSync(path.join(app, "node_modules"), { recursive: true });
  symlinkSync(repo, path.join(app, "node_modules", "neuroio"), "dir");
  writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  writeFileSync(path.join(app, "main.ts"), PROGRAM);
  writeFileSync(
    path.join(app, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, skipLibCheck: true, types: [] },
      files: ["main.ts"],
    }),
  );
  await run(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", app], { cwd: app, ...LIMIT });

  const { stdout } = await run(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(app, "main.ts")], { cwd: app, ...LIMIT });
  expect(JSON.parse(stdout.trim())).toEqual({ names: ["Sprocket"], status: 200 });
}, 600_000);

// CI runs `npm run check:generated`: it must fail whenever src/generated is not what the document gives.
test("check:generated fails on a hand edit of a generated file and on a file the generator does not write", async () => {
  const repo = path.join(work, "repo");
  const check = () => run("npm", ["run", "--silent", "check:generated"], { cwd: repo, ...LIMIT }).then(() => "passed", (error: { stderr: string }) => error.stderr);
  await run("npm", ["run", "--silent", "generate"], { cwd: repo, ...LIMIT });
  expect(await check()).toBe("passed");

  const operations = path.join(repo, "src/generated/operations.ts");
  const generated = readFileSync(operations, "utf8");
  writeFileSync(operations, generated.replace('"sources.list": {', '"sources.list": { // edited by hand\n'));
  expect(await check()).toContain("src/generated/operations.ts (committed)");
  writeFileSync(operations, generated);

  writeFileSync(path.join(repo, "src/generated/extra.ts"), "export const extra = 1;\n");
  expect(await check()).toContain("src/generated/extra.ts is not generated");
  rmSync(path.join(repo, "src/generated/extra.ts"));
  expect(await check()).toBe("passed");
}, 600_000);

// A stand-in handler's answer is typed by the document's response: an edit of a response
// schema that the handler does not follow fails the type check, not a user at run time.
test("a renamed response field fails the type check in the stand-in handler that still answers the old one", async () => {
  const repo = path.join(work, "repo");
  const group = path.join(repo, "openapi/components/schemas/Group.yaml");
  const original = readFileSync(group, "utf8");
  expect(original).toContain("persons_count");
  writeFileSync(group, original.replace(/persons_count/g, "members_count"));
  try {
    await run("npm", ["run", "--silent", "generate"], { cwd: repo, ...LIMIT });
    const typeCheck = await run(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", repo], { cwd: repo, ...LIMIT }).then(
      () => "passed",
      (error: { stdout: string }) => error.stdout,
    );
    expect(typeCheck).toMatch(/src\/mock\/handlers\/groups\.ts\(\d+,\d+\): error TS2322: .*members_count/);
  } finally {
    writeFileSync(group, original);
    await run("npm", ["run", "--silent", "generate"], { cwd: repo, ...LIMIT });
  }
}, 600_000);
