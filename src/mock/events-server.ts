/**
 * Server side of the NeuroIO events feed (reference §9) for the local stand-in server.
 *
 * Attaches to an existing `http.Server` and takes over WebSocket upgrades on one path:
 * AUTH with a known token → `{"auth":"ok"}`; an unknown token → `{"error":"Invalid token."}`
 * and close; PING → `{"PING":"PONG"}`. `publish()` pushes an entry event to every socket
 * authenticated for a scope (a space, in the stand-in). The real server's behaviour on
 * malformed frames is unknown; this one answers `{"error":"Invalid message."}` and keeps
 * the socket, which is the more useful behaviour while developing a client.
 */
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";

export interface EventsServerOptions {
  /** URL path that accepts WebSocket upgrades. Default `/` (the real feed is `wss://events.neuroio.com`). */
  path?: string;
  /** Maps a token key to the scope whose events it may receive; undefined rejects the token. */
  authenticate(token: string): { scope: string } | undefined;
  /** Test hook: answer PINGs. Default true; false simulates a half-open connection the client must detect. */
  answerPings?: boolean;
}

export interface EventsServer {
  /** Send an entry event to every socket authenticated for `scope`. */
  publish(scope: string, event: { id: number; data: unknown }): void;
  /** Close every connection (code 1001), stop taking upgrades, and resolve when all sockets are closed. */
  close(): Promise<void>;
  /** Number of open sockets, authenticated or not. */
  clients(): number;
  /**
   * Test hook: drop every connection as a server restart would. `"close"` sends a close frame
   * (code 1012, service restart); `"terminate"` cuts TCP without one (the client sees 1006).
   */
  dropAll(how?: "close" | "terminate"): void;
  /** Test hook: start or stop answering PINGs, for current and future connections. */
  setAnswerPings(answer: boolean): void;
}

// How long close() waits for a client's closing handshake before cutting the connection.
const CLOSE_HANDSHAKE_MS = 1000;

export function attachEventsServer(httpServer: Server, options: EventsServerOptions): EventsServer {
  const path = options.path ?? "/";
  const wss = new WebSocketServer({ noServer: true });
  /** Open sockets and the scope each one authenticated for (undefined until AUTH succeeds). */
  const sockets = new Map<WebSocket, string | undefined>();
  let answerPings = options.answerPings ?? true;
  let closed = false;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    // With or without a trailing slash, as clients write the feed's URL either way.
    if (closed || (pathname !== path && pathname !== `${path.replace(/\/$/, "")}/`)) {
      // Leave other paths to other upgrade listeners; with none, answer instead of hanging.
      if (closed || httpServer.listenerCount("upgrade") === 1) {
        socket.end(`HTTP/1.1 ${closed ? "503 Service Unavailable" : "404 Not Found"}\r\nConnection: close\r\n\r\n`);
      }
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws));
  };

  const onConnection = (ws: WebSocket) => {
    sockets.set(ws, undefined);
    ws.on("close", () => sockets.delete(ws));
    // A client that vanishes mid-frame must not crash the stand-in.
    ws.on("error", () => ws.terminate());
    ws.on("message", (raw: RawData, isBinary: boolean) => {
      const message = isBinary ? undefined : parse(raw.toString());
      if (message?.action === "AUTH") {
        const token = message.data?.token;
        const grant = typeof token === "string" ? options.authenticate(token) : undefined;
        if (grant) {
          sockets.set(ws, grant.scope);
          send(ws, { auth: "ok" });
        } else {
          send(ws, { error: "Invalid token." });
          ws.close(1008, "invalid token");
        }
      } else if (message?.action === "PING") {
        if (answerPings) send(ws, { PING: "PONG" });
      } else {
        send(ws, { error: "Invalid message." });
      }
    });
  };

  httpServer.on("upgrade", onUpgrade);

  return {
    publish(scope, event) {
      const frame = JSON.stringify(event);
      for (const [ws, socketScope] of sockets) {
        if (socketScope === scope && ws.readyState === ws.OPEN) ws.send(frame);
      }
    },

    async close() {
      closed = true;
      httpServer.off("upgrade", onUpgrade);
      await Promise.all([...sockets.keys()].map((ws) => closeSocket(ws)));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },

    clients: () => sockets.size,

    dropAll(how = "close") {
      for (const ws of sockets.keys()) {
        if (how === "terminate") ws.terminate();
        else ws.close(1012, "service restart");
      }
    },

    setAnswerPings(answer) {
      answerPings = answer;
    },
  };
}

function send(ws: WebSocket, message: object): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function parse(text: string): { action?: unknown; data?: { token?: unknown } } | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

function closeSocket(ws: WebSocket): Promise<void> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => ws.terminate(), CLOSE_HANDSHAKE_MS);
    ws.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
    ws.close(1001, "server shutting down");
  });
}
