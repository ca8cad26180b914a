/**
 * Real-time entry events over the NeuroIO WebSocket feed (`wss://events.neuroio.com`):
 * `neuroio/events`, an entry point of its own, so that an app that never listens to events
 * carries none of this code.
 *
 * The protocol is small (AUTH, PING, entry frames) but the official SDKs disagree on
 * keep-alive and reconnection, and neither heals itself reliably. `EventsListener` owns one
 * connection cycle: connect, authenticate in-band, keep alive with PING/PONG, reconnect with
 * capped exponential backoff and full jitter, and stop for good when the token is refused.
 * It does not depend on the HTTP client: it needs a URL and a way to read the current token,
 * which a `Client` gives it. This file is its public side; the connection itself is
 * events-connection.ts.
 */

import type { components } from "../generated/schema";
import { EVENTS_SOURCE, type Client } from "./client";
import { InputError } from "./errors";
import { describeValue } from "./input";
import { EventsConnection, shownUrl, type ConnectionSettings, type ListenerPort } from "./events-connection";
import { ITERATOR_LIMITS, MAX_TIMER_MS, checkNumber, checkSignal, checkType, checkUrl } from "./options";

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

/** How a listener keeps its connection: heartbeat, frame limit, reconnect backoff, WebSocket. */
export interface EventsOptions {
  /** How often to send `{"action":"PING"}` once authenticated. Default 5000 ms. */
  pingIntervalMs?: number | undefined;
  /** How long to wait for `{"PING":"PONG"}` (and for the socket to open and answer AUTH) before the connection is declared dead. Default 10000 ms. */
  pongTimeoutMs?: number | undefined;
  /**
   * Largest incoming frame, in bytes: 1 to 2^31 − 1. Default 1 MiB (an entry is a few KiB).
   * With the `ws` package (Node) a larger frame is refused before it is read and the
   * connection is dropped (code 1009) and made again; a browser's WebSocket has no such
   * limit, so there a larger frame is dropped unparsed with an EventsProtocolError.
   */
  maxFrameBytes?: number | undefined;
  /**
   * Reconnect backoff: delay = random(0, min(maxDelayMs, initialDelayMs * factor^n)), n the
   * attempts since the last connection that stayed up `stableAfterMs`.
   */
  reconnect?: {
    /** Default 500 ms. */
    initialDelayMs?: number | undefined;
    /** Default 30000 ms. */
    maxDelayMs?: number | undefined;
    /** Default 2. */
    factor?: number | undefined;
    /**
     * How long an authenticated connection must stay up before the backoff starts again
     * from `initialDelayMs`. A server that accepts AUTH and drops the connection at once
     * thus meets a growing delay. Default 10000 ms.
     */
    stableAfterMs?: number | undefined;
  } | undefined;
  /**
   * WebSocket implementation. Default: in Node the `ws` package, loaded on first connect
   * (it enforces `maxFrameBytes` while reading); elsewhere `globalThis.WebSocket`.
   */
  WebSocket?: WebSocketConstructor | undefined;
}

/** A listener without a `Client`: the feed's URL and the token, besides the connection options. */
export interface EventsListenerOptions extends EventsOptions {
  /** Feed URL, e.g. `wss://events.neuroio.com`. */
  url: string;
  /** Returns the current token key; read again on every (re)connect so rotated tokens are picked up. */
  token: () => string | undefined;
}

/** How a `listen()` iterator ends and how much it may hold unread. */
export interface ListenOptions {
  /** Ends the iterator (what it holds is dropped); the connection stays up. */
  signal?: AbortSignal | undefined;
  /** Most entries held unread: an integer from 1 to 2^31 − 1. Default 1000. */
  maxBufferedEvents?: number | undefined;
  /**
   * Most characters of the frames of the entries held unread (about their bytes on the
   * wire): an integer from 1. Default 16 MiB. With frames of up to `maxFrameBytes` (1 MiB),
   * 1000 entries alone could hold a gigabyte.
   */
  maxBufferedBytes?: number | undefined;
}

/** Base class of every error this listener reports. */
export class EventsError extends Error {
  override name = "EventsError";
}

/**
 * The server refused the token (or, in Node, the WebSocket upgrade with HTTP 401 or 403),
 * or there was no token to send. Stops the listener (state `failed`).
 */
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

/**
 * A `listen()` iterator's buffer reached its `maxBufferedEvents`: the consumer reads more
 * slowly than entries arrive. The iterator yields what it holds, then throws this and ends;
 * entries that arrived past the bound are lost to it. The connection, and other iterators
 * and handlers, carry on.
 */
export class EventsOverflowError extends EventsError {
  override name = "EventsOverflowError";
}

/** The server sent `{"error": ...}` after authentication succeeded. The listener keeps going. */
export class EventsServerError extends EventsError {
  override name = "EventsServerError";
}

const noop = () => {};

/** The length of the frame each entry came in, for the bound of listen() buffers. */
const frameLengths = new WeakMap<EntryEvent, number>();

type Handler<K extends keyof EventsListenerEventMap> = (...args: EventsListenerEventMap[K]) => void;
type Waiter = { resolve: () => void; reject: (error: Error) => void };

/**
 * A typed, self-healing listener for entry events.
 *
 * ```ts
 * const events = new EventsListener(client); // the client's eventsUrl and token
 * events.on("entry", (event) => console.log(event.data.result));
 * await events.connect();
 * // or: for await (const event of events.listen({ signal })) { ... }
 * await events.close();
 * ```
 *
 * Without a `Client`: `new EventsListener({ url: "wss://events.neuroio.com", token: () => key })`.
 * This class is the public side (options, handlers, state, waiters, iterators); the
 * connection itself is events-connection.ts.
 */
export class EventsListener {
  /** The feed URL as given, less its secrets: userinfo and every query value show as `[redacted]`. */
  readonly url: string;

  // Everything else lives in #private fields: the settings hold the token getter, which
  // must not show up in util.inspect, JSON.stringify or Object.keys.
  readonly #settings: ConnectionSettings;
  readonly #handlers: { [K in keyof EventsListenerEventMap]: Set<Handler<K>> } = {
    entry: new Set(),
    error: new Set(),
    state: new Set(),
  };
  #state: EventsState = "idle";
  #waiters: Waiter[] = [];
  readonly #connection: EventsConnection;

  /**
   * Listens with a client's `eventsUrl` and token (read again on every reconnect, so a
   * client from `Client.login()` that logged in again is followed). Options out of range
   * throw an InputError naming them.
   */
  constructor(client: Client, options?: EventsOptions);
  /** Listens without a client, to `url` with the token `token()` returns. */
  constructor(options: EventsListenerOptions);
  constructor(source: Client | EventsListenerOptions, clientOptions?: EventsOptions) {
    if (typeof source !== "object" || source === null) throw new InputError("client", `must be a Client or the listener's options, got ${describeValue(source)}`);
    checkType("options", clientOptions, "object");
    const fromClient = typeof (source as Client)[EVENTS_SOURCE] === "function";
    const { url, token } = fromClient ? (source as Client)[EVENTS_SOURCE]() : (source as EventsListenerOptions);
    const options: EventsOptions = (fromClient ? clientOptions : (source as EventsListenerOptions)) ?? {};
    checkUrl("url", url, ["ws:", "wss:"]);
    // A string given is not quoted: it is likely the token itself.
    if (typeof token !== "function") throw new InputError("token", `must be a function that returns the token, got ${typeof token === "string" ? "a string" : describeValue(token)}`);
    checkType("reconnect", options.reconnect, "object");
    checkType("WebSocket", options.WebSocket, "function");
    this.url = shownUrl(url);
    this.#settings = {
      url,
      token,
      WebSocket: options.WebSocket,
      pingIntervalMs: positive("pingIntervalMs", options.pingIntervalMs ?? 5000),
      pongTimeoutMs: positive("pongTimeoutMs", options.pongTimeoutMs ?? 10000),
      initialDelayMs: positive("reconnect.initialDelayMs", options.reconnect?.initialDelayMs ?? 500),
      maxDelayMs: positive("reconnect.maxDelayMs", options.reconnect?.maxDelayMs ?? 30000),
      factor: positive("reconnect.factor", options.reconnect?.factor ?? 2),
      stableAfterMs: positive("reconnect.stableAfterMs", options.reconnect?.stableAfterMs ?? 10000),
      maxFrameBytes: positive("maxFrameBytes", options.maxFrameBytes ?? 1024 * 1024, "an integer"),
    };
    this.#connection = new EventsConnection(this.#port(), this.#settings);
  }

  /** The current lifecycle state. */
  get state(): EventsState {
    return this.#state;
  }

  /** Subscribe to `entry`, `error` or `state`. A throwing handler is reported on `error` and does not stop the listener. */
  on<K extends keyof EventsListenerEventMap>(event: K, fn: Handler<K>): this {
    this.#handlersOf(event, fn).add(fn);
    return this;
  }

  /** Remove a handler added with `on()`. */
  off<K extends keyof EventsListenerEventMap>(event: K, fn: Handler<K>): this {
    this.#handlersOf(event, fn).delete(fn);
    return this;
  }

  /** The handlers of `event`, or an InputError for a name or handler plain JavaScript got wrong. */
  #handlersOf<K extends keyof EventsListenerEventMap>(event: K, fn: unknown): Set<Handler<K>> {
    if (!Object.hasOwn(this.#handlers, event)) throw new InputError("event", `unknown event ${describeValue(event)}; expected one of ${Object.keys(this.#handlers).join(", ")}`);
    if (typeof fn !== "function") throw new InputError("handler", `must be a function, got ${describeValue(fn)}`);
    return this.#handlers[event];
  }

  /**
   * Start the connection (if not already running) and resolve once the token is accepted.
   * Transport failures are retried; rejects with `EventsAuthError` when the token is refused
   * or missing, or with `EventsError` when `close()` is called first.
   */
  connect(): Promise<void> {
    if (this.#state === "open") return Promise.resolve();
    const authenticated = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    if (this.#state === "idle" || this.#state === "closed" || this.#state === "failed") this.#connection.start();
    return authenticated;
  }

  /**
   * Iterate over entry events, starting the connection if needed. Events are buffered until
   * read, at most `maxBufferedEvents` of them (default 1000) and `maxBufferedBytes` of their
   * frames (default 16 MiB): a consumer that falls that far behind gets the buffered
   * events, then an `EventsOverflowError` that ends the iterator (entries past the bound are
   * not kept; the connection stays up, and a new `listen()` starts from the next entry).
   * Losing entries silently, or holding them without bound, would both hide the problem.
   * The iterator ends when `close()` is called (after yielding what is buffered) or when
   * `signal` aborts, and throws the error that moved the listener to `failed`. Ending the
   * iterator does not close the connection; call `close()` for that. Bad options throw an
   * InputError naming them.
   */
  listen({ signal, maxBufferedEvents = 1000, maxBufferedBytes = 16 * 1024 * 1024 }: ListenOptions = {}): AsyncIterableIterator<EntryEvent> {
    checkSignal("signal", signal);
    checkNumber("maxBufferedEvents", maxBufferedEvents, ITERATOR_LIMITS);
    checkNumber("maxBufferedBytes", maxBufferedBytes, ITERATOR_LIMITS);
    const buffer: EntryEvent[] = [];
    let bufferedBytes = 0;
    // next() calls not yet answered, oldest first: a consumer may call next() again before the last one settled.
    const pending: Array<{ resolve: (result: IteratorResult<EntryEvent>) => void; reject: (error: Error) => void }> = [];
    let ended = false;
    let failure: Error | undefined;

    const onEntry = (event: EntryEvent) => {
      const waiting = pending.shift();
      const bytes = frameLengths.get(event) ?? 0;
      if (waiting) {
        waiting.resolve({ value: event, done: false });
      } else if (buffer.length >= maxBufferedEvents) {
        end(new EventsOverflowError(`listen(): ${maxBufferedEvents} entries were waiting to be read (maxBufferedEvents); entry ${event.id} and later ones are not kept`));
      } else if (buffer.length > 0 && bufferedBytes + bytes > maxBufferedBytes) {
        // One entry is always held (its frame is bounded by maxFrameBytes): the bound is on what piles up.
        end(new EventsOverflowError(`listen(): the frames of the entries waiting to be read would pass ${maxBufferedBytes} characters (maxBufferedBytes); entry ${event.id} and later ones are not kept`));
      } else {
        buffer.push(event);
        bufferedBytes += bytes;
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
      // Only waiting next() calls need settling now (a buffer means none is waiting): the
      // first gets the error, as a generator's would, and the rest find the iterator done.
      if (pending.length > 0) {
        failure = undefined;
        const [first, ...rest] = pending.splice(0);
        if (error) first!.reject(error);
        else first!.resolve({ value: undefined, done: true });
        for (const waiting of rest) waiting.resolve({ value: undefined, done: true });
      }
    };

    const iterator: AsyncIterableIterator<EntryEvent> = {
      next: () => {
        const event = buffer.shift();
        if (event) {
          bufferedBytes -= frameLengths.get(event) ?? 0;
          return Promise.resolve({ value: event, done: false });
        }
        if (ended) {
          const error = failure;
          failure = undefined; // throw once, then behave like a finished iterator
          return error ? Promise.reject(error) : Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve, reject) => pending.push({ resolve, reject }));
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
    const closed = this.#connection.stop();
    if (this.#state !== "closed") this.#setState("closed", { attempt: 0, reason: "close() called" });
    this.#settleWaiters(new EventsError("The listener was closed before it authenticated"));
    await closed;
  }

  /** Keeps the token out of console.log / util.inspect. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `EventsListener { url: ${JSON.stringify(this.url)}, state: ${JSON.stringify(this.#state)} }`;
  }

  toJSON(): { url: string; state: EventsState } {
    return { url: this.url, state: this.#state };
  }

  // ---- what the connection reports -------------------------------------------------------

  /** What the connection may do to this listener. */
  #port(): ListenerPort {
    return {
      state: () => this.#state,
      setState: (state, info) => this.#setState(state, info),
      emitEntry: (event, frameLength) => {
        frameLengths.set(event, frameLength);
        this.#emit("entry", event);
      },
      emitError: (error) => this.#emit("error", error),
      authenticated: () => this.#settleWaiters(),
      fail: (error, attempt) => this.#fail(error, attempt),
    };
  }

  /**
   * Terminal failure: move to `failed`, reject whoever waits for authentication with this
   * error, then report it: an error handler that calls close() then leaves it `closed`.
   */
  #fail(error: Error, attempt: number): void {
    // Those waiting now get this error, whatever a handler does (a close(), a new connect()).
    const waiters = this.#takeWaiters();
    this.#setState("failed", { attempt, reason: error.message, error });
    settle(waiters, error);
    this.#emit("error", error);
  }

  #settleWaiters(error?: Error): void {
    settle(this.#takeWaiters(), error);
  }

  #takeWaiters(): Waiter[] {
    const waiters = this.#waiters;
    this.#waiters = [];
    return waiters;
  }

  #setState(state: EventsState, info: Omit<EventsStateInfo, "previous">): void {
    const previous = this.#state;
    this.#state = state;
    // Once a handler changed the state (close()), the later state has reached every handler: this one must not follow it.
    for (const fn of [...this.#handlers.state]) {
      if (this.#state !== state) return;
      this.#call("state", fn, [state, { previous, ...info }]);
    }
  }

  #emit<K extends keyof EventsListenerEventMap>(event: K, ...args: EventsListenerEventMap[K]): void {
    // Copy first: a handler may call off() (listen() iterators do) while we iterate.
    for (const fn of [...this.#handlers[event]]) this.#call(event, fn, args);
  }

  #call<K extends keyof EventsListenerEventMap>(event: K, fn: Handler<K>, args: EventsListenerEventMap[K]): void {
    try {
      (fn as (...a: EventsListenerEventMap[K]) => void)(...args);
    } catch (cause) {
      // A broken error handler has nowhere left to report to; do not recurse.
      if (event !== "error") this.#emit("error", new EventsError(`An "${event}" handler threw`, { cause }));
    }
  }
}

function settle(waiters: Waiter[], error?: Error): void {
  for (const waiter of waiters) {
    if (error) waiter.reject(error);
    else waiter.resolve();
  }
}

function positive(name: string, value: number, kind: "a number" | "an integer" = "a number"): number {
  const valid = typeof value === "number" && value > 0 && value <= MAX_TIMER_MS && (kind === "a number" || Number.isInteger(value));
  if (!valid) throw new InputError(name, `must be ${kind} above 0 and at most 2^31 − 1, got ${describeValue(value)}`);
  return value;
}
