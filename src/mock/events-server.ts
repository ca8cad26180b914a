/**
 * Server side of the NeuroIO events feed (reference §9) for the local stand-in server.
 *
 * Attaches to an existing `http.Server` and takes over WebSocket upgrades on one path (any
 * other request with an Upgrade header goes back to the server as an ordinary request):
 * AUTH with a known token → `{"auth":"ok"}`; an unknown token → `{"error":"Invalid token."}`
 * and close; PING → `{"PING":"PONG"}`. `publish()` pushes an entry event to every socket
 * authenticated for a scope (a space, in the stand-in). The real server's behaviour on
 * malformed frames is unknown; this one answers `{"error":"Invalid message."}` and keeps
 * the socket, which is the more useful behaviour while developing a client.
 *
 * A socket's token is checked again while it is open (on every publish, when the host
 * calls `recheck()`, and every `recheckMs`): once the token is deleted, deactivated or
 * expired, the socket gets `{"error":"Invalid token."}` and is closed with 1008 (policy
 * violation), the code a refused AUTH closes with. A socket that has not authenticated
 * within `authTimeoutMs` is closed with 1008 too. A client that does not read its frames
 * is closed with 1013 (try again later) once 4 MiB wait unsent for it.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { httpAnswer } from "./raw-http";

export interface EventsServerOptions {
  /** URL path that accepts WebSocket upgrades. Default `/` (the real feed is `wss://events.neuroio.com`). */
  path?: string;
  /** Maps a token key to the scope whose events it may receive; undefined rejects the token. */
  authenticate(token: string): { scope: string } | undefined;
  /** Test hook: answer PINGs. Default true; false simulates a half-open connection the client must detect. */
  answerPings?: boolean;
  /** How long a socket may stay open without a successful AUTH. Default 10 000 ms. */
  authTimeoutMs?: number;
  /** How often the tokens of open sockets are checked again (expiry by clock). Default 1000 ms. */
  recheckMs?: number;
  /** The answer an upgrade request is refused with before the handshake (a JSON body), or undefined to take it. */
  refuseUpgrade?(request: IncomingMessage): { status: number; body: object } | undefined;
}

export interface EventsServer {
  /** Send an entry event to every socket authenticated for `scope`. */
  publish(scope: string, event: { id: number; data: unknown }): void;
  /** Close every connection (code 1001), stop taking upgrades, and resolve when all sockets are closed. */
  close(): Promise<void>;
  /** Number of open sockets, authenticated or not. */
  clients(): number;
  /** Checks the token of every authenticated socket again and closes those no longer valid (1008). */
  recheck(): void;
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
export const DEFAULT_AUTH_TIMEOUT_MS = 10_000;
const POLICY_VIOLATION = 1008;
const MAX_CLIENT_FRAME_BYTES = 64 * 1024;
// What may wait unsent for a client that does not read: beyond it the client is closed
// (1013, try again later) instead of the stand-in holding every event for it.
const MAX_UNSENT_BYTES = 4 * 1024 * 1024;
const TRY_AGAIN_LATER = 1013;

/** What an authenticated socket holds on to: its scope, and the token to check again. */
interface Session {
  scope: string;
  token: string;
}

export function attachEventsServer(httpServer: Server, options: EventsServerOptions): EventsServer {
  const path = options.path ?? "/";
  // Clients only ever send AUTH and PING: a larger frame is refused (1009) before it is buffered.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES });
  /** Open sockets and the session each one authenticated for (undefined until AUTH succeeds). */
  const sockets = new Map<WebSocket, Session | undefined>();
  let answerPings = options.answerPings ?? true;
  let closed = false;
  const authTimeoutMs = options.authTimeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS;

  /** False (and the socket closed) when the socket's token is no longer valid. */
  const stillValid = (ws: WebSocket, session: Session): boolean => {
    if (options.authenticate(session.token)) return true;
    sockets.set(ws, undefined);
    refuse(ws);
    return false;
  };
  const recheck = () => {
    for (const [ws, session] of sockets) if (session) stillValid(ws, session);
  };
  const sweep = setInterval(recheck, options.recheckMs ?? 1000);
  sweep.unref();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A target that does not parse (`//[`) is not the feed: the HTTP side answers it 400.
    const target = `http://localhost${request.url ?? "/"}`;
    const pathname = URL.canParse(target) ? new URL(target).pathname : undefined;
    // With or without a trailing slash, as clients write the feed's URL either way.
    const feedPath = pathname === path || pathname === `${path.replace(/\/$/, "")}/`;
    if (!feedPath || request.headers.upgrade?.toLowerCase() !== "websocket") {
      // Leave other upgrades to other upgrade listeners; with none, the request is an ordinary one.
      if (httpServer.listenerCount("upgrade") === 1) answerAsHttp(httpServer, request, socket as Socket, head);
      return;
    }
    if (closed) return void socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
    const refusal = options.refuseUpgrade?.(request);
    if (refusal) return void socket.end(httpAnswer(refusal.status, refusal.body));
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws));
  };

  const onConnection = (ws: WebSocket) => {
    sockets.set(ws, undefined);
    const deadline = setTimeout(() => {
      if (sockets.get(ws) === undefined) ws.close(POLICY_VIOLATION, "authentication timeout");
    }, authTimeoutMs);
    ws.on("close", () => {
      clearTimeout(deadline);
      sockets.delete(ws);
    });
    // A client that vanishes mid-frame must not crash the stand-in.
    ws.on("error", () => ws.terminate());
    ws.on("message", (raw: RawData, isBinary: boolean) => {
      const message = isBinary ? undefined : parse(raw.toString());
      if (message?.action === "AUTH") {
        const token = message.data?.token;
        const grant = typeof token === "string" ? options.authenticate(token) : undefined;
        if (grant && typeof token === "string") {
          clearTimeout(deadline);
          sockets.set(ws, { scope: grant.scope, token });
          send(ws, { auth: "ok" });
        } else {
          refuse(ws);
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
      for (const [ws, session] of sockets) {
        if (session?.scope === scope && ws.readyState === ws.OPEN && stillValid(ws, session)) sendFrame(ws, frame);
      }
    },

    recheck,

    async close() {
      closed = true;
      clearInterval(sweep);
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

/**
 * Hands a request Node took for an upgrade (it has an Upgrade header, e.g. `h2c` from
 * `curl --http2`) back to the server as the ordinary HTTP/1.1 request it is to everyone but
 * the feed: the request again, without its Upgrade header, on a connection the server takes
 * up anew, so that its body and anything after it are read as any request's. (Node 20 has
 * no `shouldUpgradeCallback` to keep it from the upgrade listener in the first place.)
 */
function answerAsHttp(httpServer: Server, request: IncomingMessage, socket: Socket, head: Buffer): void {
  const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
  const raw = request.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() !== "upgrade") lines.push(`${raw[i]}: ${raw[i + 1]}`);
  const replay = () => {
    if (socket.destroyed) return;
    socket.unshift(Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), head]));
    httpServer.emit("connection", socket);
  };
  // Behind a request still being answered on the same connection (pipelined): after its answer.
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (inFlight && !inFlight.writableFinished) inFlight.once("finish", replay);
  else replay();
}

/** The token is not (or no longer) valid: say so and close. */
function refuse(ws: WebSocket): void {
  send(ws, { error: "Invalid token." });
  ws.close(POLICY_VIOLATION, "invalid token");
}

function send(ws: WebSocket, message: object): void {
  sendFrame(ws, JSON.stringify(message));
}

/** Sends a frame, or closes a client whose unsent frames are already over the bound. */
function sendFrame(ws: WebSocket, frame: string): void {
  if (ws.readyState !== ws.OPEN) return;
  if (ws.bufferedAmount > MAX_UNSENT_BYTES) ws.close(TRY_AGAIN_LATER, "events not read: too far behind");
  else ws.send(frame);
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
