/**
 * Body bombs against a stand-in in its own process, with its peak memory measured: 200 MB
 * bodies (unauthenticated; an authenticated chunked JSON body; an authenticated multipart
 * upload) are refused without being read whole, and the stand-in's peak RSS stays well
 * under 300 MB. Before, the unauthenticated JSON body alone took the process to 909 MB,
 * and a 20000×20000 PNG of 50 KB (a decompression bomb) to about 3 GB; the same size
 * behind a 1×1 header, or an interlaced PNG whose data inflates past its size, took tens of
 * seconds and gigabytes before its header and data were read in full.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { NOT_AN_IMAGE } from "../../src/mock/faces";

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

/** A valid PNG that declares `width`×`height` 1-bit grey pixels (all black): tiny, yet RGBA of 4 bytes a pixel once decoded. */
/** A PNG with these headers (IHDR chunks: width, height, interlaced; bit depth 1 or 8) whose image data inflates to `rawBytes` zero bytes. */
function png(headers: { width: number; height: number; interlaced?: boolean; rgba?: boolean }[], rawBytes: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const framed = Buffer.alloc(body.length + 8);
    framed.writeUInt32BE(data.length, 0);
    body.copy(framed, 4);
    framed.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return framed;
  };
  const header = ({ width, height, interlaced = false, rgba = false }: (typeof headers)[number]) => {
    const data = Buffer.alloc(13);
    data.writeUInt32BE(width, 0);
    data.writeUInt32BE(height, 4);
    data.writeUInt8(rgba ? 8 : 1, 8); // bit depth; colour type 0 (grey) or 6 (RGBA)
    data.writeUInt8(rgba ? 6 : 0, 9);
    data.writeUInt8(interlaced ? 1 : 0, 12);
    return chunk("IHDR", data);
  };
  const rows = zlib.deflateSync(Buffer.alloc(rawBytes), { level: 9 });
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, ...headers.map(header), chunk("IDAT", rows), chunk("IEND", Buffer.alloc(0))]);
}

/** A grey PNG of 1 bit a pixel, all zero: each row a filter byte and width/8 bytes. */
const pngBomb = (width: number, height: number) => png([{ width, height }], (Math.ceil(width / 8) + 1) * height);

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

/** A token of the stand-in's demo user. */
async function demoToken(): Promise<string> {
  const login = await fetch(`http://127.0.0.1:${port}/iam/v1/auth/token/`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: "demo", password: "demo-password" }),
  });
  return ((await login.json()) as { token: { key: string } }).token.key;
}

linuxOnly("200 MB bodies are refused unread; the stand-in's peak RSS stays well under 300 MB", async () => {
  const key = await demoToken();

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

linuxOnly("a PNG with a second header (20000×20000 behind 1×1), or interlaced with data past its size, is not an image: refused before it is decoded", async () => {
  const key = await demoToken();
  const bombs = [png([{ width: 1, height: 1 }, { width: 20_000, height: 20_000 }], 2_501 * 20_000), png([{ width: 64, height: 64, interlaced: true, rgba: true }], 128 * 2 ** 20)];
  for (const bomb of bombs) {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const form = new FormData();
    form.set("image", new Blob([new Uint8Array(bomb)], { type: "image/png" }), "bomb.png");
    const answer = await fetch(`http://127.0.0.1:${port}/api/v1/persons/search/`, { method: "POST", headers: { Authorization: `Token ${key}` }, body: form });
    expect(await answer.json()).toEqual({ error_codes: [400], message: "Validation error.", fields: [{ name: "image", message: NOT_AN_IMAGE, error_code: 400 }] });
  }
  expect(peakRss(child.pid!)).toBeLessThan(300 * 1024 * 1024);
}, 120_000);

linuxOnly("a PNG declaring 20000×20000 pixels is a 400 naming the field, refused before it is decoded", async () => {
  const key = await demoToken();
  const bomb = pngBomb(20_000, 20_000);
  expect(bomb.length).toBeLessThan(1024 * 1024);
  const form = new FormData();
  form.set("image", new Blob([new Uint8Array(bomb)], { type: "image/png" }), "bomb.png");
  const answer = await fetch(`http://127.0.0.1:${port}/api/v1/persons/search/`, { method: "POST", headers: { Authorization: `Token ${key}` }, body: form });
  expect(answer.status).toBe(400);
  expect(await answer.json()).toEqual({
    error_codes: [400],
    message: "Validation error.",
    fields: [{ name: "image", message: "The image is too large: 20000×20000 pixels, at most 25 megapixels.", error_code: 400 }],
  });
  expect(peakRss(child.pid!)).toBeLessThan(300 * 1024 * 1024);
}, 120_000);
