import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "../../src/mock/cli";

const BIN = path.join(__dirname, "..", "..", "bin", "neuroio-mock.js");

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
