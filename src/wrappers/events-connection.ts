/**
 * The connection engine behind `EventsListener` (events.ts): open the socket, authenticate
 * in-band, keep alive with PING/PONG, reconnect with capped exponential backoff and full
 * jitter, read and check frames. It holds no listener state: it reports through the
 * narrow `ListenerPort` the listener hands it.
 */

import { isHeaderSafe, redact, scrub } from "./errors";
import { MAX_TIMER_MS } from "./options";
import { webSocketClass } from "./runtime";
import {
  EventsAuthError,
  EventsConnectionError,
  EventsProtocolError,
  EventsServerError,
  type EntryEvent,
  type EntryEventData,
  type EventsState,
  type EventsStateInfo,
  type WebSocketConstructor,
  type WebSocketLike,
} from "./events";

/** What the engine may do to its listener, which owns the state, the handlers and the connect() waiters. */
export interface ListenerPort {
  state(): EventsState;
  setState(state: EventsState, info: Omit<EventsStateInfo, "previous">): void;
  /** An entry arrived, in a frame of `frameLength` characters (what listen() buffers count). */
  emitEntry(event: EntryEvent, frameLength: number): void;
  emitError(error: Error): void;
  /** The token was accepted: resolve every pending connect(). */
  authenticated(): void;
  /** Stop for good: move to `failed`, reject every pending connect(), report `error`. */
  fail(error: Error, attempt: number): void;
}

/** The listener's options, checked and with their defaults (events.ts). */
export interface ConnectionSettings {
  url: string;
  token: () => string | undefined;
  pingIntervalMs: number;
  pongTimeoutMs: number;
  initialDelayMs: number;
  maxDelayMs: number;
  factor: number;
  stableAfterMs: number;
  maxFrameBytes: number;
  WebSocket: WebSocketConstructor | undefined;
}

const OPEN = 1;
const CLOSED = 3;
// How long stop() waits for a closing handshake before dropping the connection outright.
const CLOSE_HANDSHAKE_MS = 1000;
const FRAME_EXCERPT_CHARS = 200;
// Close codes that, after AUTH and before its reply, say the token was refused: the
// 4000 + HTTP status convention for 401 and 403.
const AUTH_CLOSE_CODES = new Set([4401, 4403]);
// 1008 (policy violation) may also be a server's limit or its AUTH timeout on a slow link:
// a refused token only when every one of this many connections in a row ends so.
const POLICY_CLOSES_TO_FAIL = 3;
const noop = () => {};

/** One listener's connection cycle; start() and stop() may alternate any number of times. */
export class EventsConnection {
  // #private: the token getter, and the last token sent (kept only to redact it), must not
  // show up in util.inspect, JSON.stringify or Object.keys.
  readonly #listener: ListenerPort;
  readonly #settings: ConnectionSettings;
  #WebSocket: WebSocketConstructor | undefined;
  #lastToken: string | undefined;
  #socket: WebSocketLike | undefined;
  /** Attempts since the last connection that stayed up stableAfterMs; drives the backoff. */
  #attempt = 0;
  /** Connections in a row closed with 1008 before the AUTH reply. */
  #policyCloses = 0;
  /** Bumped by every start and stop, so async work from an older cycle knows to stop. */
  #cycle = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  /** Armed on authentication: when it fires, the connection counts as stable and the backoff starts over. */
  #stableTimer: ReturnType<typeof setTimeout> | undefined;
  /** Armed while an answer is owed: socket open + AUTH reply, or a PONG. */
  #deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  /** Sockets being closed, so stop() can wait until they are really gone. */
  readonly #closing = new Set<Promise<void>>();

  /** Userinfo and query values of the feed URL: a token may ride in either. */
  readonly #urlSecrets: string[];

  constructor(listener: ListenerPort, settings: ConnectionSettings) {
    this.#listener = listener;
    this.#settings = settings;
    this.#WebSocket = settings.WebSocket;
    this.#urlSecrets = urlSecrets(settings.url);
  }

  start(): void {
    this.#cycle += 1;
    this.#attempt = 0;
    this.#policyCloses = 0;
    void this.#open();
  }

  /** Cancel timers and close the socket (code 1000); resolves once every socket is closed. */
  stop(): Promise<void> {
    this.#cycle += 1;
    this.#clearTimers();
    this.#letGo("graceful");
    return Promise.all(this.#closing).then(noop);
  }

  async #open(): Promise<void> {
    const cycle = this.#cycle;
    this.#attempt += 1;
    this.#listener.setState("connecting", { attempt: this.#attempt });
    if (cycle !== this.#cycle) return; // a state handler called close()

    // Read the token before opening anything: a missing token is a configuration error, and
    // retrying it would only hammer the server.
    let token: string | undefined;
    try {
      token = this.#settings.token();
    } catch (cause) {
      this.#fail(new EventsAuthError("The token() callback threw", { cause }));
      return;
    }
    if (!token) {
      this.#fail(new EventsAuthError("No token: token() returned nothing, so the feed cannot authenticate"));
      return;
    }
    this.#lastToken = token;
    if (!isHeaderSafe(token)) {
      this.#fail(new EventsAuthError("The token is not a string of visible ASCII characters (no spaces or control characters)"));
      return;
    }

    let WebSocketClass: WebSocketConstructor;
    try {
      WebSocketClass = await this.#webSocketClass();
    } catch (cause) {
      if (cycle === this.#cycle) this.#fail(new EventsConnectionError("No WebSocket implementation: install the `ws` package", { cause }));
      return;
    }
    if (cycle !== this.#cycle) return; // stop() ran while `ws` was loading

    const { url, pongTimeoutMs } = this.#settings;
    let socket: WebSocketLike;
    try {
      socket = new WebSocketClass(url);
    } catch (cause) {
      // A malformed URL will not get better by retrying.
      this.#fail(new EventsConnectionError(`Cannot open a WebSocket to ${shownUrl(url)}`, { cause: scrub(cause, this.#secrets()) }));
      return;
    }
    socket.binaryType = "arraybuffer";
    this.#socket = socket;
    this.#armDeadline(`no answer to AUTH within ${pongTimeoutMs} ms`);

    // Each handler checks it still belongs to the current socket: events of a socket we
    // already gave up on must not touch the new one.
    socket.onopen = () => {
      if (socket !== this.#socket) return;
      this.#listener.setState("authenticating", { attempt: this.#attempt });
      if (socket === this.#socket) this.#send(socket, { action: "AUTH", data: { token } });
    };
    socket.onmessage = (event: { data: unknown }) => {
      if (socket === this.#socket) this.#onFrame(event.data);
    };
    socket.onerror = (event: { message?: unknown }) => {
      if (socket !== this.#socket) return;
      const message = typeof event?.message === "string" ? event.message : "";
      // `ws` names the status of a refused upgrade (a browser's WebSocket tells nothing). The
      // token travels after the upgrade, so a 401 or 403 refuses the URL (a token in it), the
      // page's Origin or a proxy's rule: asking again gets the same answer.
      const status = /^Unexpected server response: (\d+)$/.exec(message)?.[1];
      if (status === "401" || status === "403") {
        this.#fail(new EventsAuthError(`The server refused the WebSocket upgrade: HTTP ${status} (the URL, the page's Origin or a proxy, not the token: it is sent after the upgrade)`));
        return;
      }
      this.#listener.emitError(new EventsConnectionError(this.#redact(`WebSocket error${message ? `: ${message}` : ""}`)));
    };
    socket.onclose = (event: { code?: number; reason?: string }) => {
      if (socket !== this.#socket) return;
      const reason = this.#redact(`connection closed (code ${event?.code ?? "unknown"}${event?.reason ? `, ${event.reason}` : ""})`);
      if (this.#listener.state() === "authenticating" && this.#refusedToken(event?.code)) {
        this.#fail(new EventsAuthError(`The server refused the token: ${reason}`));
        return;
      }
      this.#drop(reason, "closed");
    };
  }

  /** Whether a close, after AUTH and before its reply, refuses the token (see AUTH_CLOSE_CODES). */
  #refusedToken(code: number | undefined): boolean {
    if (code !== 1008) {
      this.#policyCloses = 0;
      return AUTH_CLOSE_CODES.has(code as number);
    }
    this.#policyCloses += 1;
    return this.#policyCloses >= POLICY_CLOSES_TO_FAIL;
  }

  async #webSocketClass(): Promise<WebSocketConstructor> {
    this.#WebSocket ??= await webSocketClass(this.#settings.maxFrameBytes);
    return this.#WebSocket;
  }

  #onFrame(data: unknown): void {
    const { maxFrameBytes } = this.#settings;
    if (typeof data !== "string") {
      this.#listener.emitError(new EventsProtocolError(`Ignored a binary frame (${byteLength(data)} bytes): the feed sends JSON text frames`));
      return;
    }
    // Where the WebSocket could not refuse it (a browser's): at least not parsed. Characters ≤ bytes.
    if (data.length > maxFrameBytes) {
      this.#listener.emitError(new EventsProtocolError(`Ignored a frame of over ${maxFrameBytes} bytes (maxFrameBytes)`));
      return;
    }
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      this.#protocolError("Ignored a frame that is not JSON", data);
      return;
    }
    if (!isRecord(frame)) {
      this.#protocolError("Ignored a frame that is not a JSON object", data);
      return;
    }

    // An event first: its entry may well have a field named like a control frame's key.
    if ("id" in frame && "data" in frame) {
      if (Number.isSafeInteger(frame.id) && isRecord(frame.data)) this.#listener.emitEntry({ id: frame.id as number, data: frame.data as unknown as EntryEventData }, data.length);
      else this.#protocolError("Ignored an event whose id is not an integer or whose data is not an object", data);
      return;
    }
    const state = this.#listener.state();
    if ("auth" in frame) {
      if (frame.auth === "ok") this.#onAuthenticated();
      else if (state === "authenticating") this.#fail(new EventsAuthError(this.#redact(`The server refused the token: auth ${describe(frame.auth)}`)));
      else this.#protocolError("Ignored an unexpected auth reply", data);
      return;
    }
    if ("PING" in frame) {
      // Python's reference client treats any other value as a broken connection; we report it and let the deadline decide.
      // Only once open is the deadline a PONG's: before, it waits for the AUTH reply.
      if (frame.PING === "PONG") {
        if (state === "open") this.#clearDeadline();
      }
      else this.#protocolError("Ignored a PING reply that is not PONG", data);
      return;
    }
    if ("error" in frame) {
      // Before authentication the only thing the server can object to is the token.
      if (state !== "open") this.#fail(new EventsAuthError(this.#redact(`The server refused the token: ${describe(frame.error)}`)));
      else this.#listener.emitError(new EventsServerError(this.#redact(`The server reported an error: ${describe(frame.error)}`)));
      return;
    }
    this.#protocolError("Ignored a frame of unknown shape", data);
  }

  #onAuthenticated(): void {
    if (this.#listener.state() !== "authenticating") return; // a repeated auth reply changes nothing
    this.#clearDeadline();
    this.#policyCloses = 0;
    // The backoff starts over only once this connection has proved itself (not at AUTH: a
    // server that accepts and drops at once would otherwise be hammered).
    this.#stableTimer = setTimeout(() => {
      this.#stableTimer = undefined;
      this.#attempt = 0;
    }, Math.min(this.#settings.stableAfterMs, MAX_TIMER_MS));
    this.#pingTimer = setInterval(() => this.#ping(), this.#settings.pingIntervalMs);
    // Timers before handlers run: a close() from one of them must find them to clear.
    this.#listener.authenticated();
    this.#listener.setState("open", { attempt: 0 });
  }

  #ping(): void {
    const socket = this.#socket;
    if (!socket) return;
    // One outstanding deadline is enough: later PINGs must not push it back.
    if (!this.#deadlineTimer) this.#armDeadline(`no PONG within ${this.#settings.pongTimeoutMs} ms`);
    this.#send(socket, { action: "PING" });
  }

  #send(socket: WebSocketLike, message: object): void {
    try {
      socket.send(JSON.stringify(message));
    } catch (error) {
      // Only fails when the socket is already going away; its close event (or the deadline) takes it from here.
      this.#listener.emitError(new EventsConnectionError(this.#redact(`Could not send: ${describe((error as Error)?.message)}`)));
    }
  }

  #armDeadline(reason: string): void {
    this.#clearDeadline();
    this.#deadlineTimer = setTimeout(() => {
      this.#deadlineTimer = undefined;
      const cycle = this.#cycle;
      this.#listener.emitError(new EventsConnectionError(`Connection presumed dead: ${reason}`));
      if (cycle === this.#cycle) this.#drop(reason, "dead"); // unless an error handler called close()
    }, this.#settings.pongTimeoutMs);
  }

  #clearDeadline(): void {
    clearTimeout(this.#deadlineTimer);
    this.#deadlineTimer = undefined;
  }

  /** The connection is gone or useless: let go of it and schedule the next attempt. */
  #drop(reason: string, how: "closed" | "dead"): void {
    this.#clearTimers();
    this.#letGo(how === "dead" ? "abort" : "graceful");

    // Full jitter: spreads a crowd of clients over the whole window after a server restart.
    const { maxDelayMs, initialDelayMs, factor } = this.#settings;
    const cap = Math.min(maxDelayMs, initialDelayMs * factor ** this.#attempt);
    const delayMs = Math.round(Math.random() * cap);
    // The timer before the handlers run: a close() from one of them must find it to clear.
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      void this.#open();
    }, delayMs);
    this.#listener.setState("reconnecting", { attempt: this.#attempt + 1, delayMs, reason });
  }

  /** Terminal failure: stop retrying; the listener reports it and rejects whoever waits. */
  #fail(error: Error): void {
    this.#clearTimers();
    this.#letGo("graceful");
    this.#listener.fail(error, this.#attempt);
  }

  /** Retire the current socket, if any. */
  #letGo(how: "graceful" | "abort"): void {
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket) this.#retire(socket, how);
  }

  /** Close a socket we no longer use, tracking it until it is really closed. */
  #retire(socket: WebSocketLike, how: "graceful" | "abort"): void {
    socket.onopen = noop;
    socket.onmessage = noop;
    // `ws` throws when it emits an error nobody listens to, so keep a no-op listener.
    socket.onerror = noop;
    if (socket.readyState === CLOSED) {
      socket.onclose = noop;
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const closed = new Promise<void>((resolve) => {
      socket.onclose = () => resolve();
      // A peer that never finishes the closing handshake must not keep the socket (or `ws`'s 30 s close timer) alive.
      timer = setTimeout(() => {
        socket.terminate?.();
        resolve();
      }, CLOSE_HANDSHAKE_MS);
    });
    const tracked = closed.then(() => {
      clearTimeout(timer);
      socket.onclose = noop;
      this.#closing.delete(tracked);
    });
    this.#closing.add(tracked);
    try {
      if (how === "abort" && socket.terminate) socket.terminate();
      else socket.close(1000, socket.readyState === OPEN ? "client closing" : undefined);
    } catch {
      socket.terminate?.();
    }
  }

  #clearTimers(): void {
    clearTimeout(this.#reconnectTimer);
    clearInterval(this.#pingTimer);
    clearTimeout(this.#stableTimer);
    this.#clearDeadline();
    this.#reconnectTimer = undefined;
    this.#pingTimer = undefined;
    this.#stableTimer = undefined;
  }

  #protocolError(message: string, frame: string): void {
    // Redacted before the cut: a token cut in two would survive in part.
    const clean = this.#redact(frame);
    const excerpt = clean.length > FRAME_EXCERPT_CHARS ? `${clean.slice(0, FRAME_EXCERPT_CHARS)}…` : clean;
    this.#listener.emitError(new EventsProtocolError(message, excerpt));
  }

  /** Servers (and WebSocket errors) may echo what they were sent; make sure the token never leaves through a message. */
  #redact(text: string): string {
    return redact(text, this.#secrets());
  }

  #secrets(): string[] {
    return this.#lastToken ? [this.#lastToken, ...this.#urlSecrets] : this.#urlSecrets;
  }
}

// Shorter userinfo or query values cannot be told from ordinary text in a message.
const MIN_SECRET_CHARS = 4;

/**
 * The pieces of a URL that may carry a secret, read from the text (a URL that does not
 * parse, such as a port out of range, is shown in error messages too).
 */
function urlParts(url: string): { scheme: string; userinfo: string | undefined; rest: string; query: string | undefined; hash: string } {
  const [, scheme = "", userinfo, afterUser = url] = /^([a-z][a-z0-9+.-]*:\/\/)(?:([^/?#@]*)@)?(.*)$/is.exec(url) ?? [];
  const hashAt = afterUser.indexOf("#");
  const beforeHash = hashAt === -1 ? afterUser : afterUser.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : afterUser.slice(hashAt);
  const queryAt = beforeHash.indexOf("?");
  return { scheme, userinfo, rest: queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt), query: queryAt === -1 ? undefined : beforeHash.slice(queryAt + 1), hash };
}

/** The userinfo parts and query values of `url`, as written and decoded, that are long enough to redact. */
export function urlSecrets(url: string): string[] {
  const { userinfo, query } = urlParts(url);
  const raw = [...(userinfo?.split(":") ?? []), ...(query?.split("&").map((pair) => pair.slice(pair.indexOf("=") + 1)) ?? [])];
  return [...new Set([...raw, ...raw.map(safeDecode)])].filter((part) => part.length >= MIN_SECRET_CHARS).sort((a, b) => b.length - a.length);
}

/**
 * `url` as the listener shows it (its `url`, inspect, JSON, messages): userinfo and every
 * query value `[redacted]`, since a token may ride in either; unchanged without them.
 */
export function shownUrl(url: string): string {
  const { scheme, userinfo, rest, query, hash } = urlParts(url);
  if (userinfo === undefined && query === undefined) return url;
  const values = query?.split("&").map((pair) => (pair.includes("=") ? `${pair.slice(0, pair.indexOf("="))}=[redacted]` : pair));
  return `${scheme}${userinfo === undefined ? "" : "[redacted]@"}${rest}${values ? `?${values.join("&")}` : ""}${hash}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function byteLength(data: unknown): number {
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (typeof Blob !== "undefined" && data instanceof Blob) return data.size;
  return 0;
}
