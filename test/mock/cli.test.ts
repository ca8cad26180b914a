import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "../../src/mock/cli";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "neuroio-mock.js");

test("parseArgs: defaults to port 8080 on loopback; users and managers", () => {
  expect(parseArgs([])).toEqual({ port: 8080 });
  expect(parseArgs(["--port", "0", "--user", "ann:pw:with:colons", "--manager=boss:x", "--validate-responses"])).toEqual({
    port: 0,
    validateResponses: true,
    users: [
      { username: "ann", password: "pw:with:colons", manager: false },
      { username: "boss", password: "x", manager: true },
    ],
  });
  expect(parseArgs(["--help"])).toBe("help");
  expect(() => parseArgs(["--port", "70000"])).toThrow(/--port/);
  expect(parseArgs(["--port=65535"])).toEqual({ port: 65535 });
  expect(() => parseArgs(["--user", "nopassword"])).toThrow(/name:password/);
  expect(() => parseArgs(["--bogus"])).toThrow(/unknown option/);
});

/** Runs bin/neuroio-mock.js until its banner is out; `stop()` sends SIGINT and resolves with the exit code. */
async function startCli(args: string[]) {
  const child = spawn(process.execPath, [BIN, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = () => {
    child.kill("SIGINT");
    return exited;
  };
  const deadline = Date.now() + 20_000;
  while (!/Events\s+ws:/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`no banner:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { output: () => output, stop };
}

test("bin/neuroio-mock.js prints the URLs and demo credentials, serves, and stops on SIGINT", async () => {
  const cli = await startCli(["--user", "ann:hunter2", "--manager", "boss:s3cret"]);
  try {
    const output = cli.output();
    const iamUrl = /IAM\s+(http:\/\/127\.0\.0\.1:\d+\/iam)/.exec(output)![1]!;
    expect(output).toMatch(/API\s+http:\/\/127\.0\.0\.1:\d+\/api/);
    expect(output).toContain("Demo user: demo / demo-password");
    // Passwords given on the command line are never printed.
    expect(output).toContain("User: ann / [redacted]");
    expect(output).toContain("Manager: boss / [redacted]");
    expect(output).not.toMatch(/hunter2|s3cret/);
    const login = await fetch(`${iamUrl}/v1/auth/token/`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "demo", password: "demo-password" }),
    });
    expect(login.status).toBe(200);
  } finally {
    expect(await cli.stop()).toBe(0);
  }
});

test("a demo user given another password with --user has it redacted, in the banner and the login sample", async () => {
  const cli = await startCli(["--user", "demo:topsecret", "--token", "fixed-key"]);
  try {
    expect(cli.output()).toContain("Demo user: demo / [redacted]");
    expect(cli.output()).toContain('password: "[redacted]"');
    expect(cli.output()).not.toMatch(/topsecret|fixed-key/);
  } finally {
    expect(await cli.stop()).toBe(0);
  }
});

test("argument errors never echo a value that may hold a password", () => {
  for (const args of [["--user", ":hunter2"], ["--manager", "hunter2"], ["--usr=ann:hunter2"]]) {
    expect(() => parseArgs(args)).toThrow();
    try {
      parseArgs(args);
    } catch (error) {
      expect((error as Error).message).not.toContain("hunter2");
    }
  }
});

test("--port takes decimal digits only (not 1e3, 0x1f90, a blank or a sign)", () => {
  for (const port of ["1e3", "0x1f90", " ", " 80", "80 ", "+80", "-1", "80.0", "65536", "100000", "0b1", "٣"]) {
    expect(() => parseArgs(["--port", port])).toThrow("--port takes 0–65535");
  }
});

test("a user given twice is an argument error, without the passwords", () => {
  for (const args of [["--user", "ann:first", "--user", "ann:second"], ["--user", "ann:first", "--manager=ann:second"]]) {
    expect(() => parseArgs(args)).toThrow(/the user ann is given twice/);
    expect(() => parseArgs(args)).not.toThrow(/first|second/);
  }
});

test("an option that takes a value never takes the next option as it: that is a missing value", () => {
  expect(() => parseArgs(["--webhook-host", "--port", "0"])).toThrow(/^--webhook-host needs a value/);
  expect(() => parseArgs(["--webhook-host", "--user", "ann:pw"])).toThrow(/^--webhook-host needs a value/);
  expect(() => parseArgs(["--port", "--host", "::1"])).toThrow(/^--port needs a value/);
  for (const flag of ["--host", "--token", "--state", "--cors", "--user", "--manager"]) {
    expect(() => parseArgs([flag, "--validate-responses"])).toThrow(new RegExp(`^${flag} needs a value`));
  }
  // The value is not echoed (it may be a password); one that starts with -- goes after "=".
  expect(() => parseArgs(["--token", "--s3cret"])).toThrow(/--token=/);
  expect(() => parseArgs(["--token", "--s3cret"])).not.toThrow(/s3cret/);
  expect(parseArgs(["--token=--s3cret"])).toMatchObject({ users: [{ username: "demo", apiToken: "--s3cret" }] });
  expect(parseArgs(["--state=--odd.json"])).toMatchObject({ stateFile: "--odd.json" });
});

test("an option that takes one value, given twice, is refused naming it; the repeatable ones add up", () => {
  for (const [flag, a, b] of [
    ["--port", "1", "2"],
    ["--host", "127.0.0.1", "::1"],
    ["--token", "k3y-a", "k3y-b"],
    ["--state", "a.json", "b.json"],
    ["--cors", "http://localhost:5173", "http://localhost:3000"],
  ] as const) {
    expect(() => parseArgs([flag, a, flag, b])).toThrow(new RegExp(`^${flag} is given twice`));
    expect(() => parseArgs([`${flag}=${a}`, flag, b])).toThrow(new RegExp(`^${flag} is given twice`));
    expect(() => parseArgs([flag, a, flag, b])).not.toThrow(/k3y/); // --token's key is never echoed
  }
  expect(parseArgs(["--webhook-host", "a.internal", "--webhook-host", "b.internal", "--user", "ann:x", "--user", "bob:y", "--manager", "m:z", "--manager", "n:w"])).toMatchObject({
    webhooks: { allowedHosts: ["a.internal", "b.internal"] },
    users: [{ username: "ann" }, { username: "bob" }, { username: "m" }, { username: "n" }],
  });
});

/**
 * Runs the CLI of this tree's source until it exits (bin/ runs a built dist/ first, which
 * may be older than the source; without one it runs this same source).
 */
async function runSource(args: string[]): Promise<{ code: number | null; output: string }> {
  const script = 'require("./src/mock/cli").main(process.argv.slice(1))';
  const child = spawn(process.execPath, ["--require", "tsx/cjs", "-e", script, "--", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("close", (exitCode) => resolve(exitCode)));
  return { code, output };
}

test("what the user must fix at startup is one line and exit 1, no stack: port in use, a bad or unwritable state file", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "neuroio-cli-"));
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
  try {
    const corrupt = path.join(dir, "corrupt.json");
    await writeFile(corrupt, "{not json");
    const wrongShape = path.join(dir, "wrong.json");
    await writeFile(wrongShape, JSON.stringify({ format: 1, tables: { spaces: { $map: [[1, null]] } } }));
    const folder = path.join(dir, "folder.json");
    await mkdir(folder);
    const cases: Array<[args: string[], message: RegExp]> = [
      [["--port", String((taken.address() as AddressInfo).port)], /EADDRINUSE.*--port 0 picks a free port/],
      [["--port", "0", "--state", corrupt], /corrupt\.json is not a stand-in state file/],
      [["--port", "0", "--state", wrongShape], /wrong\.json is not a stand-in state file: tables\.spaces\[1\] is null, expected an object/],
      [["--port", "0", "--state", folder], /cannot read the state file .*folder\.json: EISDIR/],
      [["--port", "0", "--state", path.join(dir, "missing", "state.json")], /cannot write the state file .*state\.json: ENOENT/],
    ];
    const results = await Promise.all(cases.map(([args]) => runSource(args)));
    results.forEach(({ code, output }, i) => {
      expect({ args: cases[i]![0], code, output }).toEqual({ args: cases[i]![0], code: 1, output: expect.stringMatching(/^neuroio-mock: [^\n]+\n$/) });
      expect(output).toMatch(cases[i]![1]);
    });
  } finally {
    taken.close();
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);

test("an argument error exits 2 with one line and a pointer to --help, not the whole usage", async () => {
  const cases: Array<[args: string[], message: string]> = [
    [["--port", "0x1f90"], "--port takes 0–65535"],
    [["--webhook-host", "--port", "0"], "--webhook-host needs a value"],
    [["--port", "0", "--port", "0"], "--port is given twice"],
    [["--port", "0", "--cors", "garbage"], "--cors: garbage is not an origin"],
    [["--port", "0", "--cors", "http://localhost:5173/"], "--cors: http://localhost:5173/ is not an origin"],
  ];
  const results = await Promise.all(cases.map(([args]) => runSource(args)));
  results.forEach(({ code, output }, i) => {
    const [args, message] = cases[i]!;
    expect({ args, code, output }).toEqual({ args, code: 2, output: expect.stringMatching(/^neuroio-mock: [^\n]+\nRun neuroio-mock --help for every option\.\n$/) });
    expect(output.startsWith(`neuroio-mock: ${message}`)).toBe(true);
  });
  // --help itself still prints the usage, and exits 0.
  const help = await runSource(["--help"]);
  expect(help).toEqual({ code: 0, output: expect.stringMatching(/^Usage: neuroio-mock \[options\]\n[^]*--webhook-host/) });
}, 120_000);
