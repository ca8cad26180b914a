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

test("bin/neuroio-mock.js prints the URLs and demo credentials, serves, and stops on SIGINT", async () => {
  const child = spawn(process.execPath, [BIN, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    const deadline = Date.now() + 20_000;
    while (!/Events\s+ws:/.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no banner:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const iamUrl = /IAM\s+(http:\/\/127\.0\.0\.1:\d+\/iam)/.exec(output)![1]!;
    expect(output).toMatch(/API\s+http:\/\/127\.0\.0\.1:\d+\/api/);
    expect(output).toContain("Demo user: demo / demo-password");
    const login = await fetch(`${iamUrl}/v1/auth/token/`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "demo", password: "demo-password" }),
    });
    expect(login.status).toBe(200);
  } finally {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  }
});
