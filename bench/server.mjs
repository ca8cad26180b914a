// The benchmark's stand-in NeuroIO API: a minimal node:http server on 127.0.0.1, run as a
// child process of bench/run.ts so that its work (accepting, parsing, answering) runs on
// the other core and never in the client's process. Plain JavaScript, started with plain
// `node`: no transpiler in the server process.
//
//   GET  /v1/sources/   a page of 20 sources (the shape of the OpenAPI example), 200
//   POST /v1/persons/   reads the whole multipart upload, checks it ends with the closing
//                       boundary, answers a small PersonResult JSON, 201
//   GET  /bench/<file>  the browser measurement's page and SDK bundle (bench/browser.ts),
//                       from the folder given as the first argument, if one is
//
// The port is sent to the parent over IPC ({ port }). Any other message, a closed IPC
// channel or SIGTERM stops the server, so it never outlives the run.
import http from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const spec = JSON.parse(readFileSync(fileURLToPath(new URL("../src/generated/openapi.json", import.meta.url)), "utf8"));
const example = spec.paths["/v1/sources/"].get.responses["200"].content["application/json"].examples.FirstPage.value;
const template = example.results[0];

const PAGE = Buffer.from(
  JSON.stringify({
    count: 137,
    next: "http://127.0.0.1/v1/sources/?limit=20&offset=20",
    previous: null,
    results: Array.from({ length: 20 }, (_, i) => ({
      ...template,
      id: template.id + i,
      name: `${template.name} ${i + 1}`,
      license: { ...template.license },
    })),
  }),
);
const PERSON = Buffer.from(
  JSON.stringify({ result: "new", pid: "749c9583-5ae9-4b72-a8f9-e1018d99af7e", confidence: 100, age: 34, sex: 1, mood: "happiness" }),
);
const STATIC = process.argv[2];
const TYPES = { ".html": "text/html", ".js": "text/javascript" };
const NOT_FOUND = Buffer.from(JSON.stringify({ error_codes: [], message: "Not found.", fields: [] }));

let connections = 0;
let uploads = 0;
let uploadBytes = 0;

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url.startsWith("/v1/sources/")) {
    req.resume();
    return send(res, 200, PAGE);
  }
  if (req.method === "POST" && req.url === "/v1/persons/") {
    const type = req.headers["content-type"] ?? "";
    const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
    let size = 0;
    let tail = Buffer.alloc(0);
    req.on("data", (chunk) => {
      size += chunk.length;
      tail = Buffer.concat([tail, chunk.subarray(Math.max(0, chunk.length - 128))]).subarray(-128);
    });
    req.on("end", () => {
      const complete = boundary !== undefined && tail.toString("latin1").trimEnd().endsWith(`--${boundary}--`);
      if (!complete) return send(res, 400, Buffer.from(JSON.stringify({ error_codes: [], message: "incomplete multipart body", fields: [] })));
      uploads++;
      uploadBytes += size;
      send(res, 201, PERSON);
    });
    return;
  }
  req.resume();
  if (req.method === "GET" && STATIC && req.url.startsWith("/bench/")) {
    const name = path.basename(req.url.slice("/bench/".length));
    try {
      const file = readFileSync(path.join(STATIC, name));
      res.writeHead(200, { "content-type": TYPES[path.extname(name)] ?? "application/octet-stream", "content-length": file.length });
      return res.end(file);
    } catch {}
  }
  send(res, 404, NOT_FOUND);
});

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json", "content-length": body.length });
  res.end(body);
}

server.on("connection", () => connections++);
// Long idle timeouts: pauses between measurements must not close pooled connections.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 130_000;
server.requestTimeout = 0;

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address();
  if (process.send) process.send({ port });
  else console.log(`bench server on http://127.0.0.1:${port}`);
});

function stop() {
  server.closeAllConnections();
  server.close();
  setTimeout(() => process.exit(0), 200).unref();
}
process.on("message", (m) => (m === "stats" ? process.send({ stats: { connections, uploads, uploadBytes } }) : stop()));
process.on("disconnect", stop);
process.on("SIGTERM", stop);
// Safety net: never outlive the run, which stops itself after 40 minutes (bench/run.ts).
setTimeout(stop, 45 * 60_000).unref();
