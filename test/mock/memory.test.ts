/**
 * Body bombs against a stand-in in its own process, with its peak memory measured: 200 MB
 * bodies (unauthenticated; an authenticated chunked JSON body; an authenticated multipart
 * upload) are refused without being read whole, and the stand-in's peak RSS stays well
 * under 300 MB. Before, the unauthenticated JSON body alone took the process to 909 MB.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const BOMB_BYTES = 200 * 1024 * 1024;
const linuxOnly = process.platform === "linux" ? test : test.skip;

/** Peak resident set size of a process, in bytes (Linux: VmHWM). */
function peakRss(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]!;
  return Number(kb) * 1024;
}

/** Streams up to `total` bytes as fast as the connection takes them; resolves with the answer and how much was sent. */
function bomb(port: number, options: { path: string; headers: Record<string, string | number>; prefix?: string }) {
  return new Promise<{ status: number | undefined; sent: number }>((resolve) => {
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path: options.path, headers: options.headers, agent: false });
    let sent = 0;
    let status: number | undefined;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      req.destroy();
      resolve({ status, sent });
    };
    req.on("response", (res) => {
      status = res.statusCode;
      res.resume();
      res.on("end", finish);
    });
    req.on("error", finish);
    req.on("close", finish);
    const chunk = Buffer.alloc(1024 * 1024, "a");
    const pump = () => {
      while (!done && sent < BOMB_BYTES) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!done) req.end();
    };
    if (options.prefix) req.write(options.prefix);
    pump();
  });
}

let child: ChildProcess;
let port: number;

beforeAll(async () => {
  // The stand-in from the sources, alone in a process, so that its memory is its own.
  const script = `require("tsx/cjs"); require(${JSON.stringify(path.join(ROOT, "src", "mock", "index.ts"))}).startMockServer().then((s) => console.log("PORT " + s.port));`;
  child = spawn(process.execPath, ["-e", script], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  port = await new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (data: Buffer) => {
      output += data.toString();
      const match = /PORT (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`the stand-in exited (${code}): ${output}`)));
  });
}, 120_000);

afterAll(async () => {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
});

linuxOnly("200 MB bodies are refused unread; the stand-in's peak RSS stays well under 300 MB", async () => {
  const login = await fetch(`http://127.0.0.1:${port}/iam/v1/auth/token/`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: "demo", password: "demo-password" }),
  });
  const key = ((await login.json()) as { token: { key: string } }).token.key;

  const anonymous = await bomb(port, { path: "/api/v1/sources/", headers: { "Content-Type": "application/json", "Content-Length": BOMB_BYTES } });
  expect(anonymous.status).toBe(401);
  const chunked = await bomb(port, {
    path: "/api/v1/sources/",
    headers: { Authorization: `Token ${key}`, "Content-Type": "application/json", "Transfer-Encoding": "chunked" },
    prefix: '{"name": "',
  });
  expect(chunked.status).toBe(413);
  const boundary = "bomb";
  const upload = await bomb(port, {
    path: "/api/v1/persons/search/",
    headers: { Authorization: `Token ${key}`, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Transfer-Encoding": "chunked" },
    prefix: `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  });
  expect(upload.status).toBe(413);

  // None of them was read to the end.
  for (const attempt of [anonymous, chunked, upload]) expect(attempt.sent).toBeLessThan(BOMB_BYTES);
  const peak = peakRss(child.pid!);
  console.log(`stand-in peak RSS ${(peak / 2 ** 20).toFixed(0)} MB; sent ${[anonymous, chunked, upload].map((a) => (a.sent / 2 ** 20).toFixed(0)).join(" / ")} MB`);
  expect(peak).toBeLessThan(300 * 1024 * 1024);
}, 120_000);
