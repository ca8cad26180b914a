/**
 * Real-time entry events over the NeuroIO WebSocket feed (`wss://events.neuroio.com`).
 *
 * The protocol is small (AUTH, PING, entry frames) but the official SDKs disagree on
 * keep-alive and reconnection, and neither heals itself reliably. `EventsListener` owns one
 * connection cycle: connect, authenticate in-band, keep alive with PING/PONG, reconnect with
 * capped exponential backoff and full jitter, and stop for good when the token is refused.
 * It does not depend on the HTTP client: it needs a URL and a way to read the current token.
 */

import type { components } from "../generated/schema";
import { InputError, isHeaderSafe, redact } from "./errors";

/** The entry an event carries: inferred to be the Entry object of `GET /v1/entries/` (reference §9.3 leaves it open). */
export type EntryEventData = components["schemas"]["Entry"];

/** One entry pushed by the feed: `{"id": <int>, "data": <Entry>}`. */
export interface EntryEvent {
  id: number;
  data: EntryEventData;
}

/**
 * Listener lifecycle. `failed` is terminal until `connect()` or `listen()` is called again;
 * `closed` is where `close()` leaves it.
 */
export type EventsState = "idle" | "connecting" | "authenticating" | "open" | "reconnecting" | "closed" | "failed";

/** Details passed with every `state` change. Never contains the token. */
export interface EventsStateInfo {
  /** The state before this change. */
  previous: EventsState;
  /** Connection attempt number since the last connection that stayed up `reconnect.stableAfterMs` (1-based); 0 when not relevant. */
  attempt: number;
  /** `reconnecting` only: milliseconds until the next attempt. */
  delayMs?: number;
  /** Why the connection dropped or the listener stopped. */
  reason?: string;
  /** `failed` only: the error that stopped the listener. */
  error?: Error;
}

/** Handler signatures for `on()` / `off()`. */
export interface EventsListenerEventMap {
  entry: [event: EntryEvent];
  error: [error: Error];
  state: [state: EventsState, info: EventsStateInfo];
}

/**
 * The part of a WebSocket this listener uses; both the browser's `WebSocket` and the `ws`
 * package's class satisfy it. Handler parameters are `any` because the two declare
 * unrelated event classes.
 */
export interface WebSocketLike {
  readonly readyState: number;
  binaryType: string;
  onopen: ((event: any) => void) | null;
  onmessage: ((event: any) => void) | null;
  onerror: ((event: any) => void) | null;
  onclose: ((event: any) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  /** `ws` only: drop the connection without waiting for the closing handshake. */
  terminate?(): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface EventsListenerOptions {
  /** Feed URL, e.g. `wss://events.neuroio.com`. */
  url: string;
  /** Returns the current token key; read again on every (re)connect so rotated tokens are picked up. */
  token: () => string | undefined;
  /** How often to send `{"action":"PING"}` once authenticated. Default 5000 ms. */
  pingIntervalMs?: number;
  /** How long to wait for `{"PING":"PONG"}` (and for the socket to open and answer AUTH) before the connection is declared dead. Default 10000 ms. */
  pongTimeoutMs?: number;
  /**
   * Largest incoming frame, in bytes: 1 to 2^31 − 1. Default 1 MiB (an entry is a few KiB).
   * With the `ws` package (Node) a larger frame is refused before it is read and the
   * connection is dropped (code 1009) and made again; a browser's WebSocket has no such
   * limit, so there a larger frame is dropped unparsed with an EventsProtocolError.
   */
  maxFrameBytes?: number;
  /**
   * Reconnect backoff: delay = random(0, min(maxDelayMs, initialDelayMs * factor^n)), n the
   * attempts since the last connection that stayed up `stableAfterMs`.
   */
  reconnect?: {
    /** Default 500 ms. */
    initialDelayMs?: number;
    /** Default 30000 ms. */
    maxDelayMs?: number;
    /** Default 2. */
    factor?: number;
    /**
     * How long an authenticated connection must stay up before the backoff starts again
     * from `initialDelayMs`. A server that accepts AUTH and drops the connection at once
     * thus meets a growing delay. Default 10000 ms.
     */
    stableAfterMs?: number;
  };
  /**
   * WebSocket implementation. Default: in Node the `ws` package, loaded on first connect
   * (it enforces `maxFrameBytes` while reading); elsewhere `globalThis.WebSocket`.
   */
  WebSocket?: WebSocketConstructor;
}

/** Base class of every error this listener reports. */
export class EventsError extends Error {
  override name = "EventsError";
}

/** The server refused the token, or there was no token to send. Stops the listener (state `failed`). */
export class EventsAuthError extends EventsError {
  override name = "EventsAuthError";
}

/** A frame the listener could not understand: not JSON, binary, or an unknown shape. The connection stays up. */
export class EventsProtocolError extends EventsError {
  override name = "EventsProtocolError";
  /** The start of the offending text frame (token redacted); undefined for binary frames. */
  readonly frame: string | undefined;
  constructor(message: string, frame?: string) {
    super(message);
    this.frame = frame;
  }
}

/** The transport failed: a socket error, or no answer within `pongTimeoutMs`. The listener reconnects. */
export class EventsConnectionError extends EventsError {
  override name = "EventsConnectionError";
}

/** The server sent `{"error": ...}` after authentication succeeded. The listener keeps going. */
export class EventsServerError extends EventsError {
  override name = "EventsServerError";
}

const OPEN = 1;
const CLOSED = 3;
// How long close() waits for a closing handshake before dropping the connection outright.
const CLOSE_HANDSHAKE_MS = 1000;
const FRAME_EXCERPT_CHARS = 200;
const MAX_TIMER_MS = 2 ** 31 - 1;
const noop = () => {};

type Handler<K extends keyof EventsListenerEventMap> = (...args: EventsListenerEventMap[K]) => void;
type Waiter = { resolve: () => void; reject: (error: Error) => void };

/**
 * A typed, self-healing listener for entry events.
 *
 * ```ts
 * const events = new EventsListener({ url: "wss://events.neuroio.com", token: () => key });
 * events.on("entry", (event) => console.log(event.data.result));
 * await events.connect();
 * // or: for await (const event of events.listen({ signal })) { ... }
 * await events.close();
 * ```
 */
export class EventsListener {
  readonly url: string;

  // Everything else lives in #private fields: the token getter, and the last token sent
  // (kept only to redact it), must not show up in util.inspect, JSON.stringify or Object.keys.
  readonly #token: () => string | undefined;
  #lastToken: string | undefined;
  readonly #pingIntervalMs: number;
  readonly #pongTimeoutMs: number;
  readonly #initialDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #factor: number;
  readonly #stableAfterMs: number;
  readonly #maxFrameBytes: number;
  #WebSocket: WebSocketConstructor | undefined;

  readonly #handlers: { [K in keyof EventsListenerEventMap]: Set<Handler<K>> } = {
    entry: new Set(),
    error: new Set(),
    state: new Set(),
  };
  #state: EventsState = "idle";
  #socket: WebSocketLike | undefined;
  /** Attempts since the last connection that stayed up #stableAfterMs; drives the backoff. */
  #attempt = 0;
  /** Bumped by every start and close, so async work from an older cycle knows to stop. */
  #cycle = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  /** Armed on authentication: when it fires, the connection counts as stable and the backoff starts over. */
  #stableTimer: ReturnType<typeof setTimeout> | undefined;
  /** Armed while an answer is owed: socket open + AUTH reply, or a PONG. */
  #deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  #waiters: Waiter[] = [];
  /** Sockets being closed, so close() can wait until they are really gone. */
  readonly #closing = new Set<Promise<void>>();

  constructor(options: EventsListenerOptions) {
    this.url = options.url;
    this.#token = options.token;
    this.#WebSocket = options.WebSocket;
    this.#pingIntervalMs = positive("pingIntervalMs", options.pingIntervalMs ?? 5000);
    this.#pongTimeoutMs = positive("pongTimeoutMs", options.pongTimeoutMs ?? 10000);
    this.#initialDelayMs = positive("reconnect.initialDelayMs", options.reconnect?.initialDelayMs ?? 500);
    this.#maxDelayMs = positive("reconnect.maxDelayMs", options.reconnect?.maxDelayMs ?? 30000);
    this.#factor = positive("reconnect.factor", options.reconnect?.factor ?? 2);
    this.#stableAfterMs = positive("reconnect.stableAfterMs", options.reconnect?.stableAfterMs ?? 10000);
    this.#maxFrameBytes = positive("maxFrameBytes", options.maxFrameBytes ?? 1024 * 1024);
  }

  /** The current lifecycle state. */
  get state(): EventsState {
    return this.#state;
  }

  /** Subscribe to `entry`, `error` or `state`. A throwing handler is reported on `error` and does not stop the listener. */
  on<K extends keyof EventsListenerEventMap>(event: K, fn: Handler<K>): this {
    this.#handlers[event].add(fn);
    return this;
  }

  /** Remove a handler added with `on()`. */
  off<K extends keyof EventsListenerEventMap>(event: K, fn: Handler<K>): this {
    this.#handlers[event].delete(fn);
    return this;
  }

  /**
   * Start the connection (if not already running) and resolve once the token is accepted.
   * Transport failures are retried; rejects with `EventsAuthError` when the token is refused
   * or missing, or with `EventsError` when `close()` is called first.
   */
  connect(): Promise<void> {
    if (this.#state === "open") return Promise.resolve();
    const authenticated = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    if (this.#state === "idle" || this.#state === "closed" || this.#state === "failed") this.#start();
    return authenticated;
  }

  /**
   * Iterate over entry events, starting the connection if needed. Events are buffered until
   * read. The iterator ends when `close()` is called (after yielding what is buffered) or when
   * `signal` aborts, and throws the error that moved the listener to `failed`. Ending the
   * iterator does not close the connection; call `close()` for that.
   */
  listen({ signal }: { signal?: AbortSignal } = {}): AsyncIterableIterator<EntryEvent> {
    const buffer: EntryEvent[] = [];
    let pending: { resolve: (result: IteratorResult<EntryEvent>) => void; reject: (error: Error) => void } | undefined;
    let ended = false;
    let failure: Error | undefined;

    const onEntry = (event: EntryEvent) => {
      if (pending) {
        pending.resolve({ value: event, done: false });
        pending = undefined;
      } else {
        buffer.push(event);
      }
    };
    const onState = (state: EventsState, info: EventsStateInfo) => {
      if (state === "closed") end();
      else if (state === "failed") end(info.error);
    };
    const onAbort = () => {
      buffer.length = 0;
      end();
    };
    const end = (error?: Error) => {
      if (ended) return;
      ended = true;
      failure = error;
      this.off("entry", onEntry);
      this.off("state", onState);
      signal?.removeEventListener("abort", onAbort);
      // Only a waiting next() needs settling now; a buffer means nothing is waiting.
      if (pending) {
        if (error) pending.reject(error);
        else pending.resolve({ value: undefined, done: true });
        pending = undefined;
        failure = undefined;
      }
    };

    const iterator: AsyncIterableIterator<EntryEvent> = {
      next: () => {
        const event = buffer.shift();
        if (event) return Promise.resolve({ value: event, done: false });
        if (ended) {
          const error = failure;
          failure = undefined; // throw once, then behave like a finished iterator
          return error ? Promise.reject(error) : Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve, reject) => (pending = { resolve, reject }));
      },
      return: () => {
        buffer.length = 0;
        end();
        failure = undefined;
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };

    if (signal?.aborted) {
      ended = true;
      return iterator;
    }
    this.on("entry", onEntry);
    this.on("state", onState);
    signal?.addEventListener("abort", onAbort, { once: true });
    // Failures reach the iterator through the `failed` state, so the promise itself is not needed.
    if (this.#state === "idle" || this.#state === "closed" || this.#state === "failed") this.connect().catch(noop);
    return iterator;
  }

  /**
   * Stop: cancel timers, close the socket (code 1000) and wait until it is closed, end every
   * `listen()` iterator and reject a pending `connect()`. Safe to call repeatedly; handlers
   * stay registered, and a later `connect()` or `listen()` starts afresh.
   */
  async close(): Promise<void> {
    this.#cycle += 1;
    this.#clearTimers();
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket) this.#retire(socket, "graceful");
    if (this.#state !== "closed") this.#setState("closed", { attempt: 0, reason: "close() called" });
    this.#settleWaiters(new EventsError("The listener was closed before it authenticated"));
    await Promise.all(this.#closing);
  }

  /** Keeps the token out of console.log / util.inspect. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `EventsListener { url: ${JSON.stringify(this.url)}, state: ${JSON.stringify(this.#state)} }`;
  }

  toJSON(): { url: string; state: EventsState } {
    return { url: this.url, state: this.#state };
  }

  // ---- connection cycle -------------------------------------------------------------

  #start(): void {
    this.#cycle += 1;
    this.#attempt = 0;
    void this.#open();
  }

  async #open(): Promise<void> {
    const cycle = this.#cycle;
    this.#attempt += 1;
    this.#setState("connecting", { attempt: this.#attempt });

    // Read the token before opening anything: a missing token is a configuration error, and
    // retrying it would only hammer the server.
    let token: string | undefined;
    try {
      token = this.#token();
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
    if (cycle !== this.#cycle) return; // close() ran while `ws` was loading

    let socket: WebSocketLike;
    try {
      socket = new WebSocketClass(this.url);
    } catch (cause) {
      // A malformed URL will not get better by retrying.
      this.#fail(new EventsConnectionError(`Cannot open a WebSocket to ${this.url}`, { cause }));
      return;
    }
    socket.binaryType = "arraybuffer";
    this.#socket = socket;
    this.#armDeadline(`no answer to AUTH within ${this.#pongTimeoutMs} ms`);

    // Each handler checks it still belongs to the current socket: events of a socket we
    // already gave up on must not touch the new one.
    socket.onopen = () => {
      if (socket !== this.#socket) return;
      this.#setState("authenticating", { attempt: this.#attempt });
      this.#send(socket, { action: "AUTH", data: { token } });
    };
    socket.onmessage = (event: { data: unknown }) => {
      if (socket === this.#socket) this.#onFrame(event.data);
    };
    socket.onerror = (event: { message?: unknown }) => {
      if (socket !== this.#socket) return;
      const detail = typeof event?.message === "string" && event.message ? `: ${event.message}` : "";
      this.#emitError(new EventsConnectionError(this.#redact(`WebSocket error${detail}`)));
    };
    socket.onclose = (event: { code?: number; reason?: string }) => {
      if (socket !== this.#socket) return;
      const reason = event?.reason ? `, ${event.reason}` : "";
      this.#drop(this.#redact(`connection closed (code ${event?.code ?? "unknown"}${reason})`), "closed");
    };
  }

  async #webSocketClass(): Promise<WebSocketConstructor> {
    // Node: `ws`, the one that can refuse an oversized frame before reading it (Node's global WebSocket cannot).
    const node = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === "string";
    const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    this.#WebSocket ??= node || !global ? await loadWs(this.#maxFrameBytes) : global;
    return this.#WebSocket;
  }

  #onFrame(data: unknown): void {
    if (typeof data !== "string") {
      this.#emitError(new EventsProtocolError(`Ignored a binary frame (${byteLength(data)} bytes): the feed sends JSON text frames`));
      return;
    }
    // Where the WebSocket could not refuse it (a browser's): at least not parsed. Characters ≤ bytes.
    if (data.length > this.#maxFrameBytes) {
      this.#emitError(new EventsProtocolError(`Ignored a frame of over ${this.#maxFrameBytes} bytes (maxFrameBytes)`));
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

    if ("auth" in frame) {
      if (frame.auth === "ok") this.#onAuthenticated();
      else if (this.#state === "authenticating") this.#fail(new EventsAuthError(this.#redact(`The server refused the token: auth ${describe(frame.auth)}`)));
      else this.#protocolError("Ignored an unexpected auth reply", data);
      return;
    }
    if ("PING" in frame) {
      // Python's reference client treats any other value as a broken connection; we report it and let the deadline decide.
      if (frame.PING === "PONG") this.#clearDeadline();
      else this.#protocolError("Ignored a PING reply that is not PONG", data);
      return;
    }
    if ("error" in frame) {
      // Before authentication the only thing the server can object to is the token.
      if (this.#state !== "open") this.#fail(new EventsAuthError(this.#redact(`The server refused the token: ${describe(frame.error)}`)));
      else this.#emitError(new EventsServerError(this.#redact(`The server reported an error: ${describe(frame.error)}`)));
      return;
    }
    if (typeof frame.id === "number" && Number.isInteger(frame.id) && isRecord(frame.data)) {
      this.#emit("entry", { id: frame.id, data: frame.data as unknown as EntryEventData });
      return;
    }
    this.#protocolError("Ignored a frame of unknown shape", data);
  }

  #onAuthenticated(): void {
    if (this.#state !== "authenticating") return; // a repeated auth reply changes nothing
    this.#clearDeadline();
    // The backoff starts over only once this connection has proved itself (not at AUTH: a
    // server that accepts and drops at once would otherwise be hammered).
    this.#stableTimer = setTimeout(() => {
      this.#stableTimer = undefined;
      this.#attempt = 0;
    }, Math.min(this.#stableAfterMs, MAX_TIMER_MS));
    this.#setState("open", { attempt: 0 });
    this.#pingTimer = setInterval(() => this.#ping(), this.#pingIntervalMs);
    this.#settleWaiters();
  }

  #ping(): void {
    const socket = this.#socket;
    if (!socket) return;
    // One outstanding deadline is enough: later PINGs must not push it back.
    if (!this.#deadlineTimer) this.#armDeadline(`no PONG within ${this.#pongTimeoutMs} ms`);
    this.#send(socket, { action: "PING" });
  }

  #send(socket: WebSocketLike, message: object): void {
    try {
      socket.send(JSON.stringify(message));
    } catch (error) {
      // Only fails when the socket is already going away; its close event (or the deadline) takes it from here.
      this.#emitError(new EventsConnectionError(this.#redact(`Could not send: ${describe((error as Error)?.message)}`)));
    }
  }

  #armDeadline(reason: string): void {
    this.#clearDeadline();
    this.#deadlineTimer = setTimeout(() => {
      this.#deadlineTimer = undefined;
      this.#emitError(new EventsConnectionError(`Connection presumed dead: ${reason}`));
      this.#drop(reason, "dead");
    }, this.#pongTimeoutMs);
  }

  #clearDeadline(): void {
    clearTimeout(this.#deadlineTimer);
    this.#deadlineTimer = undefined;
  }

  /** The connection is gone or useless: let go of it and schedule the next attempt. */
  #drop(reason: string, how: "closed" | "dead"): void {
    this.#clearTimers();
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket) this.#retire(socket, how === "dead" ? "abort" : "graceful");

    // Full jitter: spreads a crowd of clients over the whole window after a server restart.
    const cap = Math.min(this.#maxDelayMs, this.#initialDelayMs * this.#factor ** this.#attempt);
    const delayMs = Math.round(Math.random() * cap);
    this.#setState("reconnecting", { attempt: this.#attempt + 1, delayMs, reason });
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      void this.#open();
    }, delayMs);
  }

  /** Terminal failure: report once, stop retrying, reject whoever waits for authentication. */
  #fail(error: Error): void {
    this.#clearTimers();
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket) this.#retire(socket, "graceful");
    this.#emitError(error);
    this.#setState("failed", { attempt: this.#attempt, reason: error.message, error });
    this.#settleWaiters(error);
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
    this.#stableTimer = undefined;
    this.#clearDeadline();
    this.#reconnectTimer = undefined;
    this.#pingTimer = undefined;
  }

  #settleWaiters(error?: Error): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) {
      if (error) waiter.reject(error);
      else waiter.resolve();
    }
  }

  // ---- reporting ------------------------------------------------------------------------

  #setState(state: EventsState, info: Omit<EventsStateInfo, "previous">): void {
    const previous = this.#state;
    this.#state = state;
    this.#emit("state", state, { previous, ...info });
  }

  #protocolError(message: string, frame: string): void {
    // Redacted before the cut: a token cut in two would survive in part.
    const clean = this.#redact(frame);
    const excerpt = clean.length > FRAME_EXCERPT_CHARS ? `${clean.slice(0, FRAME_EXCERPT_CHARS)}…` : clean;
    this.#emitError(new EventsProtocolError(message, excerpt));
  }

  #emitError(error: Error): void {
    this.#emit("error", error);
  }

  #emit<K extends keyof EventsListenerEventMap>(event: K, ...args: EventsListenerEventMap[K]): void {
    // Copy first: a handler may call off() (listen() iterators do) while we iterate.
    for (const fn of [...this.#handlers[event]]) {
      try {
        (fn as (...a: EventsListenerEventMap[K]) => void)(...args);
      } catch (cause) {
        // A broken error handler has nowhere left to report to; do not recurse.
        if (event !== "error") this.#emitError(new EventsError(`An "${event}" handler threw`, { cause }));
      }
    }
  }

  /** Servers may echo what they were sent; make sure the token never leaves through a message. */
  #redact(text: string): string {
    return this.#lastToken ? redact(text, [this.#lastToken]) : text;
  }
}

/**
 * The `ws` package, loaded only when there is no global WebSocket (Node < 22), so browsers
 * never execute it (bundlers resolve `ws` to its browser stub). CommonJS (the CJS build,
 * jest, ts-node) uses require: jest's module sandbox rejects import() without
 * --experimental-vm-modules. ESM builds have no require and use import().
 */
async function loadWs(maxPayload: number): Promise<WebSocketConstructor> {
  const ws: typeof import("ws") = typeof require === "function" ? require("ws") : await import("ws");
  // ws reads at most maxPayload bytes of a frame, then closes the connection with 1009.
  return class extends ws.WebSocket {
    constructor(url: string) {
      super(url, { maxPayload });
    }
  } as unknown as WebSocketConstructor;
}

function positive(name: string, value: number): number {
  if (typeof value !== "number" || !(value > 0 && value <= MAX_TIMER_MS)) throw new InputError(name, `must be a number above 0 and at most 2^31 − 1, got ${String(value)}`);
  return value;
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
