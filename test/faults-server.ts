/**
 * A hostile HTTP server for the fault-injection tests: node:http on 127.0.0.1, port 0.
 *
 * Each test scripts the answers it wants as a queue of behaviours (one is taken per
 * request, in arrival order); a request that finds the queue empty gets the `fallback`
 * behaviour when one is set, and otherwise a 599 and is counted as unscripted, so a test
 * can assert that nothing it did not expect reached the server. Every request (method,
 * URL, headers, body, arrival time) and every connection (opened, closed) is recorded.
 *
 * A hard cap on requests keeps any retry or re-login loop in the client bounded: past
 * `maxRequests` every request is refused with a destroyed socket and counted.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { performance } from "node:perf_hooks";

export interface SeenRequest {
  /** 1-based, in arrival order. */
  n: number;
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** performance.now() when the whole request had arrived. */
  at: number;
  /** Which connection (1-based, in accept order) carried it. */
  connection: number;
  socket: Socket;
}

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  seen: SeenRequest;
  server: HostileServer;
}

/** What the server does with one request. */
export type Behaviour = (exchange: Exchange) => void | Promise<void>;

interface Connection {
  n: number;
  socket: Socket;
  closed: boolean;
  closedAt?: number;
  /** Requests on it still waiting for (the end of) an answer. */
  busy: number;
}

export class HostileServer {
  readonly requests: SeenRequest[] = [];
  /** Every connection since the server started (keep-alive ones outlive a test). */
  readonly allConnections: Connection[] = [];
  /** Timeline shared with the test: "req 1 GET /v1/sources/", "res 1 429", … */
  readonly events: { at: number; what: string }[] = [];
  unscripted = 0;
  overLimit = 0;
  maxRequests = 50;
  fallback: Behaviour | undefined;

  private readonly queue: Behaviour[] = [];
  private mark = 0;
  private readonly server = http.createServer();
  private readonly closeWaiters = new Map<Socket, Array<() => void>>();

  constructor(readonly name = "hostile") {
    this.server.on("connection", (socket: Socket) => {
      const connection: Connection = { n: this.allConnections.length + 1, socket, closed: false, busy: 0 };
      this.allConnections.push(connection);
      socket.on("close", () => {
        connection.closed = true;
        connection.closedAt = performance.now();
        for (const wake of this.closeWaiters.get(socket) ?? []) wake();
        this.closeWaiters.delete(socket);
      });
    });
    this.server.on("request", (req: IncomingMessage, res: ServerResponse) => this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    return this;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Queues behaviours, one per coming request. */
  script(...behaviours: Behaviour[]): this {
    this.queue.push(...behaviours);
    return this;
  }

  /** Behaviours still queued (not consumed by any request). */
  get pending(): number {
    return this.queue.length;
  }

  /** Connections opened since the last reset(). */
  get connections(): Connection[] {
    return this.allConnections.slice(this.mark);
  }

  event(what: string): void {
    this.events.push({ at: performance.now(), what });
  }

  /** Resolves when `socket` has closed, or rejects after `withinMs` (a bounded wait). */
  socketClosed(socket: Socket, withinMs = 5_000): Promise<void> {
    const connection = this.allConnections.find((c) => c.socket === socket);
    if (connection?.closed || socket.destroyed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: socket still open after ${withinMs} ms`)), withinMs);
      const waiters = this.closeWaiters.get(socket) ?? [];
      waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.closeWaiters.set(socket, waiters);
    });
  }

  /**
   * Clears the script and the records between tests. Connections still carrying an
   * unanswered request are destroyed; idle keep-alive ones are left to the client (closing
   * them under it would race its next request, a fault of its own, injected on purpose
   * only where a test asks for it).
   */
  reset(): void {
    this.queue.length = 0;
    this.requests.length = 0;
    this.events.length = 0;
    this.unscripted = 0;
    this.overLimit = 0;
    this.maxRequests = 50;
    this.fallback = undefined;
    for (const c of this.allConnections) if (!c.closed && c.busy > 0) c.socket.destroy();
    this.mark = this.allConnections.length;
  }

  async close(): Promise<void> {
    this.queue.length = 0;
    for (const c of this.allConnections) if (!c.closed) c.socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("error", () => {});
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const connection = this.allConnections.find((c) => c.socket === req.socket);
      if (connection) {
        connection.busy++;
        let done = false;
        const settle = () => {
          if (!done) connection.busy--;
          done = true;
        };
        res.on("finish", settle);
        res.on("close", settle);
      }
      const seen: SeenRequest = {
        n: this.requests.length + 1,
        method: req.method ?? "",
        url: req.url ?? "",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks),
        at: performance.now(),
        connection: connection?.n ?? 0,
        socket: req.socket,
      };
      this.requests.push(seen);
      this.event(`req ${seen.n} ${seen.method} ${seen.path}`);
      res.on("finish", () => this.event(`res ${seen.n} ${res.statusCode}`));

      if (seen.n > this.maxRequests) {
        this.overLimit++;
        req.socket.destroy();
        return;
      }
      const behaviour = this.queue.shift() ?? this.fallback;
      if (!behaviour) {
        this.unscripted++;
        send(res, 599, { error_codes: [], message: `${this.name}: unscripted request ${seen.method} ${seen.url}`, fields: [] });
        return;
      }
      Promise.resolve(behaviour({ req, res, seen, server: this })).catch((error: unknown) => {
        this.event(`behaviour failed: ${String(error)}`);
        req.socket.destroy();
      });
    });
  }
}

// ---------------------------------------------------------------------------------------
// Behaviours
// ---------------------------------------------------------------------------------------

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Answers with JSON. */
export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Behaviour =>
  ({ res }) =>
    send(res, status, body, headers);

/** Answers with a NeuroIO ErrorBody. */
export const errorBody = (status: number, message: string, codes: number[] = [], headers: Record<string, string> = {}): Behaviour =>
  json(status, { error_codes: codes, message, fields: [] }, headers);

/** Answers with any bytes under any content type; the length is right, the content may not be. */
export const raw =
  (status: number, text: string, headers: Record<string, string> = {}): Behaviour =>
  ({ res }) => {
    res.writeHead(status, { "content-length": Buffer.byteLength(text), ...headers });
    res.end(text);
  };

/** Reads the request and never answers; the socket stays open until the client gives up. */
export const hang = (): Behaviour => () => {};

/** Answers after `ms` (unless the client went away first). */
export const delayed =
  (ms: number, then: Behaviour): Behaviour =>
  (exchange) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        if (!exchange.res.destroyed) void then(exchange);
        resolve();
      }, ms);
      exchange.req.socket.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
    });

/** Destroys the socket before answering anything (a connection reset). */
export const reset = (): Behaviour => ({ req }) => {
  req.socket.resetAndDestroy?.() ?? req.socket.destroy();
};

/**
 * Sends the status line, headers and the first half of a JSON body, then destroys the
 * socket. With `chunked`, no content-length is announced (the body is chunked).
 */
export const midBody =
  (status: number, body: unknown, { chunked = false } = {}): Behaviour =>
  ({ res, req }) => {
    const text = JSON.stringify(body);
    const half = text.slice(0, Math.floor(text.length / 2));
    res.writeHead(status, {
      "content-type": "application/json",
      ...(chunked ? {} : { "content-length": Buffer.byteLength(text) }),
    });
    res.flushHeaders();
    res.write(half, () => {
      // Let the bytes leave before the reset so the client really has a partial body.
      setTimeout(() => req.socket.destroy(), 20);
    });
  };
