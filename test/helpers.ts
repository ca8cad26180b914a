/**
 * Test helpers: a real HTTP stand-in for the IAM and API hosts that records every request
 * as it arrived on the wire and answers from the bundled OpenAPI document.
 *
 * Two node:http servers on 127.0.0.1 (port 0), one per host, so a test can tell which host
 * a call went to. Each server only knows the operations the document puts on its host
 * (the path item's `servers[0].url`); a call sent to the wrong host gets a 404 ErrorBody.
 */
import { cpSync, readFileSync, symlinkSync } from "node:fs";
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import busboy from "busboy";
import { Client, type ClientOptions } from "../src/wrappers";
import { DocumentReader, type DocumentOperation, type Host } from "../src/document";

// ---------------------------------------------------------------------------------------
// The bundled OpenAPI document
// ---------------------------------------------------------------------------------------

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Json = any;

export const SPEC_PATH = path.join(__dirname, "..", "src", "generated", "openapi.json");
export const spec: Json = JSON.parse(readFileSync(SPEC_PATH, "utf8"));

/** The one document reader (src/document.ts), over the bundled document. */
export const reader = new DocumentReader(spec);
export const deref = <T = Json>(node: Json): T => reader.deref<T>(node);

export type HostName = Host;
export type SpecOperation = DocumentOperation;

/** Every operation of the document, in document order. */
export const operations: SpecOperation[] = reader.operations;

export const operation = (operationId: string): SpecOperation => reader.operation(operationId);
export const successStatus = (operationId: string): number => reader.successStatus(operationId);
/** The first example of an operation's response (default: the lowest 2xx), or undefined when it has no body. */
export const example = (operationId: string, status?: number): Json => reader.responseExample(operationId, status);

// ---------------------------------------------------------------------------------------
// The recording server
// ---------------------------------------------------------------------------------------

export interface RecordedFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface RecordedRequest {
  /** Which server got it. */
  host: HostName;
  method: string;
  /** The path as sent, without the query string (not decoded). */
  path: string;
  /** The raw query string without `?` ("" when there is none). */
  query: string;
  /** `path` plus `?query` when there is one. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The media type of the body without parameters (e.g. `multipart/form-data`), or undefined. */
  contentType: string | undefined;
  /** The full Content-Type header. */
  contentTypeHeader: string | undefined;
  /** The raw body bytes. */
  body: Buffer;
  /** The body parsed as JSON when it was sent as JSON. */
  json?: Json;
  /** Multipart text parts (last one wins; see `parts` for all). */
  fields: Record<string, string>;
  /** Multipart file parts. */
  files: Record<string, RecordedFile>;
  /** Every multipart part in order. */
  parts: Array<{ name: string; value: string } | ({ name: string } & RecordedFile)>;
  /** The document operation the method and path matched, if any. */
  operationId: string | undefined;
  /** Path parameters of the matched template (decoded). */
  pathParams: Record<string, string>;
}

export interface CannedResponse {
  status: number;
  /** An object or array is sent as JSON; a string or Buffer is sent as-is; undefined sends no body. */
  body?: Json;
  /** Default: application/json for JSON bodies, none otherwise. */
  contentType?: string;
  headers?: Record<string, string>;
  /** Only answer a request that went to this host. */
  host?: HostName;
}

export interface RecordingServer {
  iamUrl: string;
  apiUrl: string;
  requests: RecordedRequest[];
  /** Queue answers for the next requests, one each, in order; after that the document answers again. */
  respondNext(...responses: CannedResponse[]): void;
  /** Exactly one request has been recorded since the last reset: return it. */
  only(): RecordedRequest;
  /** Forget recorded requests and queued answers. */
  reset(): void;
  close(): Promise<void>;
}

interface Route {
  op: SpecOperation;
  regex: RegExp;
  names: string[];
  literalSegments: number;
}

const routes: Route[] = operations.map((op) => {
  const names: string[] = [];
  const source = op.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part);
      if (m) {
        names.push(m[1]!);
        return "([^/]+)";
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return { op, regex: new RegExp(`^${source}$`), names, literalSegments: op.path.split("/").filter((s) => s && !s.startsWith("{")).length };
});
// A literal segment beats a parameter: /v1/groups/persons/pids/ before /v1/groups/persons/{id}/.
routes.sort((a, b) => a.names.length - b.names.length || b.literalSegments - a.literalSegments);

function findRoute(host: HostName, method: string, pathname: string): { op: SpecOperation; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.op.host !== host || route.op.method !== method) continue;
    const m = route.regex.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
    return { op: route.op, params };
  }
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseMultipart(headers: IncomingHttpHeaders, body: Buffer): Promise<Pick<RecordedRequest, "fields" | "files" | "parts">> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files: Record<string, RecordedFile> = {};
    const parts: RecordedRequest["parts"] = [];
    const pending: Promise<void>[] = [];
    const bb = busboy({ headers, limits: { fileSize: 64 * 1024 * 1024 } });
    bb.on("field", (name, value) => {
      fields[name] = value;
      parts.push({ name, value });
    });
    bb.on("file", (name, stream, info) => {
      pending.push(
        new Promise<void>((done, fail) => {
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("error", fail);
          stream.on("end", () => {
            const file = { filename: info.filename ?? "", contentType: info.mimeType, bytes: Buffer.concat(chunks) };
            files[name] = file;
            parts.push({ name, ...file });
            done();
          });
        }),
      );
    });
    bb.on("error", reject);
    bb.on("close", () => Promise.all(pending).then(() => resolve({ fields, files, parts }), reject));
    bb.end(body);
  });
}

function send(res: ServerResponse, answer: CannedResponse): void {
  const headers: Record<string, string> = { ...answer.headers };
  let payload: Buffer | undefined;
  if (answer.body !== undefined) {
    if (typeof answer.body === "string" || Buffer.isBuffer(answer.body)) {
      payload = Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(answer.body);
      if (answer.contentType) headers["content-type"] = answer.contentType;
    } else {
      payload = Buffer.from(JSON.stringify(answer.body));
      headers["content-type"] = answer.contentType ?? "application/json";
    }
  } else if (answer.contentType) {
    headers["content-type"] = answer.contentType;
  }
  if (payload) headers["content-length"] = String(payload.length);
  res.writeHead(answer.status, headers);
  res.end(payload);
}

/** Start the IAM and API stand-ins on 127.0.0.1, each on its own free port. */
export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  let queue: CannedResponse[] = [];

  const handler = (host: HostName) => async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const body = await readBody(req);
      const rawUrl = req.url ?? "/";
      const q = rawUrl.indexOf("?");
      const pathname = q === -1 ? rawUrl : rawUrl.slice(0, q);
      const query = q === -1 ? "" : rawUrl.slice(q + 1);
      const contentTypeHeader = req.headers["content-type"];
      const contentType = contentTypeHeader?.split(";")[0]!.trim().toLowerCase();
      const method = req.method ?? "GET";
      const route = findRoute(host, method, pathname);

      const record: RecordedRequest = {
        host,
        method,
        path: pathname,
        query,
        url: rawUrl,
        headers: req.headers,
        contentType,
        contentTypeHeader,
        body,
        fields: {},
        files: {},
        parts: [],
        operationId: route?.op.operationId,
        pathParams: route?.params ?? {},
      };
      if (contentType === "application/json" && body.length > 0) {
        try {
          record.json = JSON.parse(body.toString("utf8"));
        } catch {
          record.json = undefined;
        }
      } else if (contentType === "multipart/form-data") {
        Object.assign(record, await parseMultipart(req.headers, body));
      }
      requests.push(record);

      const canned = queue.findIndex((c) => c.host === undefined || c.host === host);
      if (canned !== -1) {
        const [answer] = queue.splice(canned, 1);
        return send(res, answer!);
      }
      if (!route) {
        return send(res, {
          status: 404,
          body: { error_codes: [404], message: `No ${method} ${pathname} on the ${host.toUpperCase()} host.`, fields: [] },
        });
      }
      const status = successStatus(route.op.operationId);
      const data = status === 204 || status === 202 ? undefined : example(route.op.operationId, status);
      return send(res, { status, body: data });
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(`recording server failed: ${String(error)}`);
    }
  };

  const listen = (host: HostName) =>
    new Promise<http.Server>((resolve, reject) => {
      const server = http.createServer(handler(host));
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve(server));
    });
  const iam = await listen("iam");
  const api = await listen("api");
  const urlOf = (s: http.Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

  return {
    iamUrl: urlOf(iam),
    apiUrl: urlOf(api),
    requests,
    respondNext(...responses) {
      queue.push(...responses);
    },
    only() {
      if (requests.length !== 1) {
        throw new Error(
          `expected exactly one request, got ${requests.length}: ${requests.map((r) => `${r.host} ${r.method} ${r.url}`).join("; ")}`,
        );
      }
      return requests[0]!;
    },
    reset() {
      requests.length = 0;
      queue = [];
    },
    async close() {
      await Promise.all(
        [iam, api].map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };
}

// ---------------------------------------------------------------------------------------
// Clients, images and error bodies for tests
// ---------------------------------------------------------------------------------------

export const TEST_TOKEN = "test-token-0123456789abcdef";

/** A real Client pointed at the recording server, with a token and no retries. */
export function testClient(server: Pick<RecordingServer, "iamUrl" | "apiUrl">, options: ClientOptions = {}): Client {
  return new Client({ apiToken: TEST_TOKEN, iamUrl: server.iamUrl, apiUrl: server.apiUrl, maxRetries: 0, ...options });
}

/** Small fake JPEG bytes (SOI marker, some payload, EOI marker). */
export function jpegBytes(fill = 0x42, size = 32): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size).fill(fill);
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

/** Small fake PNG bytes (the PNG signature, then payload). */
export function pngBytes(size = 32): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size).fill(0x07);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  return bytes;
}

/** A validation ErrorBody naming one field. */
export function validationError(field: string, message = "This field is required.", code = 400) {
  return { error_codes: [code], message: "Validation error.", fields: [{ name: field, message, error_code: code }] };
}

/** The ErrorBody a 404 carries. */
export const NOT_FOUND = { error_codes: [404], message: "Not found.", fields: [] };

/**
 * A recording server and a client on it for the whole test file, with the recorded
 * requests cleared before each test; `use` receives them once they are up.
 */
export function useRecordingServer(use: (server: RecordingServer, client: Client) => void): void {
  let server: RecordingServer | undefined;
  beforeAll(async () => {
    server = await startRecordingServer();
    use(server, testClient(server));
  });
  afterAll(() => server?.close());
  beforeEach(() => server?.reset());
}

/**
 * A copy of the repository's working tree at `target` (without .git, dist, docs and test
 * output), its node_modules a link to this one's: where a test builds, packs or edits the
 * project without touching the tree other tests run from.
 */
export function copyRepository(target: string): string {
  const root = path.join(__dirname, "..");
  const skip = new Set(["node_modules", ".git", "dist", "docs", "openapi.json", path.join("test", ".readme-snippets")].map((name) => path.join(root, name)));
  cpSync(root, target, { recursive: true, filter: (source) => !skip.has(source) });
  symlinkSync(path.join(root, "node_modules"), path.join(target, "node_modules"), "dir");
  return target;
}

/** What `fn` throws (undefined when it returns). */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}
