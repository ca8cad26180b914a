import http from "node:http";
import type { AddressInfo } from "node:net";
import util from "node:util";
import { WebSocket, WebSocketServer } from "ws";
import {
  EventsAuthError,
  EventsConnectionError,
  EventsError,
  EventsListener,
  EventsOverflowError,
  EventsProtocolError,
  EventsServerError,
  type EntryEvent,
  type EntryEventData,
  type EventsListenerOptions,
  type EventsState,
  type EventsStateInfo,
  type WebSocketConstructor,
} from "../src/wrappers/events";
import { Client } from "../src/wrappers/client";
import { InputError } from "../src/wrappers/errors";
import { attachEventsServer, type EventsServerOptions } from "../src/mock/events-server";
import { thrownBy } from "./helpers";

// Both WebSocket implementations the listener may pick must fit its constructor type.
const domWebSocketFits: typeof globalThis.WebSocket extends WebSocketConstructor ? true : false = true;
const wsWebSocketFits: typeof WebSocket extends WebSocketConstructor ? true : false = true;

const TOKEN = "tok-5ecret-4f9a2c81";
const OTHER_TOKEN = "tok-other-77d0";
const SPACE = "space-1";

function entry(id: number, result: EntryEventData["result"] = "exact"): EntryEventData {
  return {
    id,
    created: "2021-05-28T10:37:51.433760+00:00",
    detected: "2021-05-28T10:37:51.102311+00:00",
    result,
    pid: "749c9583-5ae9-4b72-a8f9-e1018d99af7e",
    pid_created: "2021-05-20T08:12:03.518422+00:00",
    confidence: 86.2,
    source: { id: 3, name: "Entrance camera" },
    space: { id: 1, name: "default" },
    face_image: null,
    full_image: null,
    initial_face_image: null,
    initial_full_image: null,
    facesize: 31684,
    age: 34,
    sex: 1,
    mood: "happiness",
    liveness: "passed",
    exposure: 0.62,
    pan: -4.5,
    tilt: 2.1,
  };
}

// ---- fixtures: every server and listener is closed after each test -------------------

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  jest.restoreAllMocks();
  // Listeners first (registered last), then servers.
  while (cleanups.length) await cleanups.pop()!();
});

/** The stand-in feed (src/mock/events-server.ts) on 127.0.0.1, port 0. */
async function startFeed(options: Partial<EventsServerOptions> = {}) {
  const server = http.createServer((_request, response) => response.writeHead(404).end());
  let connections = 0;
  server.on("connection", () => (connections += 1));
  const feed = attachEventsServer(server, {
    authenticate: (token) => (token === TOKEN ? { scope: SPACE } : token === OTHER_TOKEN ? { scope: "space-2" } : undefined),
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  cleanups.push(async () => {
    await feed.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `ws://127.0.0.1:${port}${options.path ?? ""}`, feed, connections: () => connections };
}

type RawConnection = { socket: WebSocket; index: number; frames: unknown[]; closeCode?: number };

/** A bare `ws` server for faults the stand-in does not produce. `onConnection` scripts each connection. */
async function startRawServer(
  onConnection: (connection: RawConnection) => void,
  verifyClient?: (info: unknown, done: (ok: boolean, code?: number) => void) => void,
) {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, ...(verifyClient ? { verifyClient } : {}) });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  const connections: RawConnection[] = [];
  wss.on("connection", (socket) => {
    const connection: RawConnection = { socket, index: connections.length, frames: [] };
    connections.push(connection);
    socket.on("message", (raw) => connection.frames.push(JSON.parse(raw.toString())));
    socket.on("close", (code) => (connection.closeCode = code));
    onConnection(connection);
  });
  cleanups.push(async () => {
    for (const { socket } of connections) socket.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });
  const { port } = wss.address() as AddressInfo;
  return { url: `ws://127.0.0.1:${port}`, connections };
}

/** Answers AUTH with `{"auth":"ok"}` and PING with PONG, like the real feed. */
function behaveLikeTheFeed({ socket }: RawConnection, afterAuth?: () => void): void {
  socket.on("message", (raw) => {
    const frame = JSON.parse(raw.toString());
    if (frame.action === "AUTH") {
      socket.send(JSON.stringify({ auth: "ok" }));
      afterAuth?.();
    } else if (frame.action === "PING") {
      socket.send(JSON.stringify({ PING: "PONG" }));
    }
  });
}

/** A listener whose entries, errors and state changes are recorded in order. */
function listen(options: EventsListenerOptions) {
  const listener = new EventsListener(options);
  const entries: EntryEvent[] = [];
  const errors: Error[] = [];
  const states: Array<{ state: EventsState; info: EventsStateInfo }> = [];
  listener.on("entry", (event) => entries.push(event));
  listener.on("error", (error) => errors.push(error));
  listener.on("state", (state, info) => states.push({ state, info }));
  cleanups.push(() => listener.close());
  const count = (state: EventsState) => states.filter((s) => s.state === state).length;
  return { listener, entries, errors, states, count };
}

/** Polls until `condition` holds; generous deadline because the machine is shared and noisy. */
async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Counts timers created from now on (by the listener, `ws` and the test) that have neither
 * fired nor been cleared. Process-wide counts are useless here: jest's reporter keeps its own timers.
 */
function trackTimers(): () => number {
  const pending = new Set<unknown>();
  const { setTimeout: realSetTimeout, setInterval: realSetInterval, clearTimeout: realClearTimeout } = globalThis;
  jest.spyOn(globalThis, "setTimeout").mockImplementation(((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = realSetTimeout(() => {
      pending.delete(timer);
      fn(...args);
    }, ms);
    pending.add(timer);
    return timer;
  }) as typeof setTimeout);
  jest.spyOn(globalThis, "setInterval").mockImplementation(((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = realSetInterval(fn, ms, ...args);
    pending.add(timer);
    return timer;
  }) as typeof setInterval);
  const clear = (timer?: unknown) => {
    pending.delete(timer);
    realClearTimeout(timer as NodeJS.Timeout);
  };
  jest.spyOn(globalThis, "clearTimeout").mockImplementation(clear);
  jest.spyOn(globalThis, "clearInterval").mockImplementation(clear);
  return () => pending.size;
}

// ---- tests --------------------------------------------------------------------------------

describe("EventsListener", () => {
  test("connect() authenticates: connecting → authenticating → open", async () => {
    const { url, feed, connections } = await startFeed();
    const { listener, states, errors } = listen({ url, token: () => TOKEN });

    await listener.connect();

    expect(states.map((s) => s.state)).toEqual(["connecting", "authenticating", "open"]);
    expect(states[0]?.info).toMatchObject({ previous: "idle", attempt: 1 });
    expect(listener.state).toBe("open");
    expect(feed.clients()).toBe(1);
    await listener.connect(); // already open: no second connection
    expect(connections()).toBe(1);
    expect(errors).toEqual([]);
  });

  test("connect() with a refused token rejects, reports one EventsAuthError and never reconnects", async () => {
    const { url, feed, connections } = await startFeed();
    const { listener, errors, states } = listen({ url, token: () => "wrong-token", reconnect: { initialDelayMs: 1 } });

    await expect(listener.connect()).rejects.toBeInstanceOf(EventsAuthError);
    await expect(listener.connect()).rejects.toThrow(/Invalid token/); // a later call tries once more, by request

    // With a 1 ms backoff a retry loop would have opened dozens of sockets by now.
    await sleep(300);
    expect(connections()).toBe(2);
    expect(errors).toHaveLength(2);
    expect(errors.every((error) => error instanceof EventsAuthError)).toBe(true);
    expect(states.map((s) => s.state)).not.toContain("reconnecting");
    expect(listener.state).toBe("failed");
    expect(states.at(-1)?.info.error).toBe(errors[1]);
    await waitUntil(() => feed.clients() === 0, "the server to drop the refused sockets");
  });

  test("listen() throws the auth error once, then ends", async () => {
    const { url, connections } = await startFeed();
    const { listener, errors } = listen({ url, token: () => "wrong-token", reconnect: { initialDelayMs: 1 } });

    const iterator = listener.listen();
    const received: EntryEvent[] = [];
    const thrown = await (async () => {
      for await (const event of iterator) received.push(event);
    })().catch((error: Error) => error);

    expect(thrown).toBeInstanceOf(EventsAuthError);
    expect(thrown).toBe(errors[0]);
    expect(received).toEqual([]);
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
    expect(connections()).toBe(1);
  });

  test("a missing token fails without opening a socket", async () => {
    const { url, connections } = await startFeed();
    const { listener, errors } = listen({ url, token: () => undefined });

    await expect(listener.connect()).rejects.toThrow(EventsAuthError);

    expect(errors).toHaveLength(1);
    expect(listener.state).toBe("failed");
    expect(connections()).toBe(0);
  });

  test('on("entry") delivers typed entry events of the token\'s scope only', async () => {
    const { url, feed } = await startFeed();
    const first = listen({ url, token: () => TOKEN });
    const second = listen({ url, token: () => OTHER_TOKEN });
    await Promise.all([first.listener.connect(), second.listener.connect()]);

    const results: Array<EntryEventData["result"]> = [];
    const onEntry = (event: EntryEvent) => {
      const id: number = event.id;
      const mood: EntryEventData["mood"] = event.data.mood;
      // @ts-expect-error result is a Result enum member, not a number
      const wrong: number = event.data.result;
      results.push(event.data.result);
      void [id, mood, wrong];
    };
    first.listener.on("entry", onEntry);

    feed.publish(SPACE, { id: 1, data: entry(1, "new") });
    feed.publish("space-2", { id: 2, data: entry(2) });
    await waitUntil(() => first.entries.length === 1 && second.entries.length === 1, "one event each");

    expect(first.entries).toEqual([{ id: 1, data: entry(1, "new") }]);
    expect(second.entries).toEqual([{ id: 2, data: entry(2) }]);
    expect(results).toEqual(["new"]);

    first.listener.off("entry", onEntry);
    feed.publish(SPACE, { id: 3, data: entry(3) });
    await waitUntil(() => first.entries.length === 2, "the second event");
    expect(results).toEqual(["new"]);
  });

  test("a throwing entry handler is reported and does not stop delivery", async () => {
    const { url, feed } = await startFeed();
    const { listener, entries, errors } = listen({ url, token: () => TOKEN });
    listener.on("entry", () => {
      throw new Error("handler bug");
    });
    await listener.connect();

    feed.publish(SPACE, { id: 1, data: entry(1) });
    feed.publish(SPACE, { id: 2, data: entry(2) });
    await waitUntil(() => entries.length === 2, "both events");

    expect(errors).toHaveLength(2);
    expect(errors[0]).toBeInstanceOf(EventsError);
    expect((errors[0] as Error & { cause?: Error }).cause?.message).toBe("handler bug");
    expect(listener.state).toBe("open");
  });

  test("listen({ signal }) connects, yields buffered events in order and ends when the signal aborts", async () => {
    const { url, feed } = await startFeed();
    const { listener } = listen({ url, token: () => TOKEN });
    const controller = new AbortController();

    const iterator = listener.listen({ signal: controller.signal });
    await waitUntil(() => listener.state === "open", "the listener to open"); // listen() started the connection
    for (const id of [1, 2, 3]) feed.publish(SPACE, { id, data: entry(id) });

    const seen: number[] = [];
    for await (const event of iterator) {
      const result: EntryEventData["result"] = event.data.result;
      expect(result).toBe("exact");
      seen.push(event.id);
      if (seen.length === 3) controller.abort();
    }

    expect(seen).toEqual([1, 2, 3]);
    expect(listener.state).toBe("open"); // ending an iterator does not close the connection
    const late = listener.listen({ signal: controller.signal });
    await expect(late.next()).resolves.toEqual({ value: undefined, done: true });
  });

  test("a slow listen() consumer: at most maxBufferedBytes of frames held, then EventsOverflowError; what was read frees its share", async () => {
    const { url, feed } = await startFeed();
    const { listener, entries } = listen({ url, token: () => TOKEN });
    const frameLength = JSON.stringify({ id: 1, data: entry(1) }).length;
    // Room for two frames and a half: the third does not fit until one is read.
    const iterator = listener.listen({ maxBufferedBytes: Math.floor(frameLength * 2.5) });
    await waitUntil(() => listener.state === "open", "the listener to open");
    feed.publish(SPACE, { id: 1, data: entry(1) });
    feed.publish(SPACE, { id: 2, data: entry(2) });
    await waitUntil(() => entries.length === 2, "two entries");
    await expect(iterator.next()).resolves.toMatchObject({ value: { id: 1 } }); // frees one frame's share
    feed.publish(SPACE, { id: 3, data: entry(3) });
    feed.publish(SPACE, { id: 4, data: entry(4) });
    await waitUntil(() => entries.length === 4, "four entries");

    const seen: number[] = [];
    const ended = await (async () => {
      for await (const event of iterator) seen.push(event.id);
    })().catch((error: unknown) => error);
    expect(seen).toEqual([2, 3]);
    expect(ended).toBeInstanceOf(EventsOverflowError);
    expect((ended as Error).message).toContain("maxBufferedBytes");
    expect(listener.state).toBe("open");

    // One entry is always held, however large its frame (maxFrameBytes bounds that).
    const small = listener.listen({ maxBufferedBytes: 10 });
    feed.publish(SPACE, { id: 5, data: entry(5) });
    await expect(small.next()).resolves.toMatchObject({ value: { id: 5 } });
    const unread = listener.listen({ maxBufferedBytes: 10 });
    feed.publish(SPACE, { id: 6, data: entry(6) });
    await waitUntil(() => entries.length === 6, "the sixth entry");
    await expect(unread.next()).resolves.toMatchObject({ value: { id: 6 } });
    expect(thrownBy(() => listener.listen({ maxBufferedBytes: 0 }))).toMatchObject({ name: "InputError", field: "maxBufferedBytes" });
  });

  test("a slow listen() consumer: at most maxBufferedEvents held, then EventsOverflowError ends the iterator; the connection stays", async () => {
    const { url, feed } = await startFeed();
    const { listener, entries } = listen({ url, token: () => TOKEN });
    const iterator = listener.listen({ maxBufferedEvents: 3 });
    await waitUntil(() => listener.state === "open", "the listener to open");
    for (const id of [1, 2, 3, 4, 5]) feed.publish(SPACE, { id, data: entry(id) });
    await waitUntil(() => entries.length === 5, "five entries to arrive"); // nobody has read the iterator yet

    const seen: number[] = [];
    let thrown: unknown;
    try {
      for await (const event of iterator) seen.push(event.id);
    } catch (error) {
      thrown = error;
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(thrown).toBeInstanceOf(EventsOverflowError);
    expect((thrown as Error).message).toContain("maxBufferedEvents");
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
    expect(listener.state).toBe("open");

    const next = listener.listen();
    feed.publish(SPACE, { id: 6, data: entry(6) });
    await expect(next.next()).resolves.toMatchObject({ value: { id: 6 }, done: false });
  });

  test.each([
    ["maxBufferedEvents", { maxBufferedEvents: 0 }],
    ["maxBufferedEvents", { maxBufferedEvents: 1.5 }],
    ["maxBufferedEvents", { maxBufferedEvents: "10" }],
    ["signal", { signal: {} }],
  ])("listen() refuses a bad %s with an InputError naming it", (field, options) => {
    const listener = new EventsListener({ url: "ws://127.0.0.1:9", token: () => TOKEN });
    expect(() => listener.listen(options as never)).toThrow(expect.objectContaining({ name: "InputError", field }));
    expect(listener.state).toBe("idle");
  });

  test("after the server drops the connection it reconnects with backoff and events flow again", async () => {
    const { url, feed, connections } = await startFeed();
    const { listener, entries, states, count } = listen({
      url,
      token: () => TOKEN,
      reconnect: { initialDelayMs: 20, maxDelayMs: 200, stableAfterMs: 10 },
    });
    await listener.connect();

    // Each connection stays up past stableAfterMs (its timer, armed first, fires first).
    await sleep(50);
    feed.dropAll("close");
    await waitUntil(() => count("open") === 2, "the second open");
    feed.publish(SPACE, { id: 7, data: entry(7) });
    await waitUntil(() => entries.length === 1, "an event after reconnecting");

    await sleep(50);
    feed.dropAll("terminate");
    await waitUntil(() => count("open") === 3, "the third open");
    feed.publish(SPACE, { id: 8, data: entry(8) });
    await waitUntil(() => entries.length === 2, "an event after the second reconnect");

    expect(entries.map((e) => e.id)).toEqual([7, 8]);
    expect(connections()).toBe(3);
    const reconnects = states.filter((s) => s.state === "reconnecting").map((s) => s.info);
    expect(reconnects).toHaveLength(2);
    expect(reconnects[0]?.reason).toMatch(/1012/); // close frame from the server
    expect(reconnects[1]?.reason).toMatch(/1006/); // TCP cut without a close frame
    for (const info of reconnects) {
      // Backoff was reset by the stable connection in between: first attempt, first window.
      expect(info.attempt).toBe(1);
      expect(info.delayMs).toBeGreaterThanOrEqual(0);
      expect(info.delayMs).toBeLessThanOrEqual(20);
    }
    expect(states.map((s) => s.state)).toEqual([
      "connecting", "authenticating", "open",
      "reconnecting", "connecting", "authenticating", "open",
      "reconnecting", "connecting", "authenticating", "open",
    ]);
  });

  test("the backoff window grows per failed attempt up to maxDelayMs, and a successful AUTH alone does not reset it", async () => {
    let attempts = 0;
    const server = await startRawServer(
      // The first accepted connection is closed right after auth, to show the reset.
      (connection) => behaveLikeTheFeed(connection, () => connection.index === 0 && connection.socket.close(1011)),
      // Refuse the first four handshakes; accept from then on.
      (_info, done) => ((attempts += 1) <= 4 ? done(false, 503) : done(true)),
    );
    const { listener, states, errors, count } = listen({
      url: server.url,
      token: () => TOKEN,
      reconnect: { initialDelayMs: 4, factor: 2, maxDelayMs: 10 },
    });

    await listener.connect();
    await waitUntil(() => count("open") === 2, "a reconnect after the server closed an authenticated socket");

    const reconnects = states.filter((s) => s.state === "reconnecting").map((s) => s.info);
    // The connection closed right after AUTH did not prove itself: the backoff goes on growing.
    expect(reconnects.map((info) => info.attempt)).toEqual([2, 3, 4, 5, 6]);
    const windows = [8, 10, 10, 10, 10]; // min(max, initial * factor^failures)
    reconnects.forEach((info, i) => {
      expect(info.delayMs).toBeGreaterThanOrEqual(0);
      expect(info.delayMs).toBeLessThanOrEqual(windows[i]!);
    });
    const refusals = errors.filter((error) => /503/.test(error.message));
    expect(refusals).toHaveLength(4);
    expect(refusals.every((error) => error instanceof EventsConnectionError)).toBe(true);
  });

  test("PINGs start only after authentication and repeat", async () => {
    let framesBeforeAuthOk: unknown[] | undefined;
    const server = await startRawServer((connection) => {
      connection.socket.on("message", (raw) => {
        const frame = JSON.parse(raw.toString());
        if (frame.action === "AUTH") {
          // Answer late, so that a premature PING would have arrived first.
          setTimeout(() => {
            framesBeforeAuthOk = [...connection.frames];
            connection.socket.send(JSON.stringify({ auth: "ok" }));
          }, 100);
        } else if (frame.action === "PING") {
          connection.socket.send(JSON.stringify({ PING: "PONG" }));
        }
      });
    });
    const { listener, count } = listen({ url: server.url, token: () => TOKEN, pingIntervalMs: 10 });

    await listener.connect();
    await waitUntil(() => (server.connections[0]?.frames.length ?? 0) >= 4, "three PINGs");

    expect(framesBeforeAuthOk).toEqual([{ action: "AUTH", data: { token: TOKEN } }]);
    expect(server.connections[0]!.frames.slice(1, 4)).toEqual([{ action: "PING" }, { action: "PING" }, { action: "PING" }]);
    expect(count("reconnecting")).toBe(0);
  });

  test("no PONG within pongTimeoutMs: reports EventsConnectionError, reconnects, and recovers", async () => {
    const { url, feed } = await startFeed({ answerPings: false });
    const { listener, entries, errors, states, count } = listen({
      url,
      token: () => TOKEN,
      pingIntervalMs: 20,
      pongTimeoutMs: 1_000, // generous: a busy machine must not miss real PONGs
      reconnect: { initialDelayMs: 10 },
    });
    await listener.connect();

    await waitUntil(() => count("reconnecting") >= 1, "the dead connection to be noticed");
    feed.setAnswerPings(true);
    await waitUntil(() => count("open") >= 2, "a new connection");
    await waitUntil(() => feed.clients() === 1, "the server to see the dead socket go");
    feed.publish(SPACE, { id: 11, data: entry(11) });
    await waitUntil(() => entries.length === 1, "an event on the new connection");

    const reconnecting = states.find((s) => s.state === "reconnecting");
    expect(reconnecting?.info.reason).toMatch(/no PONG within 1000 ms/);
    expect(errors[0]).toBeInstanceOf(EventsConnectionError);
    expect(errors[0]?.message).toMatch(/PONG/);
    expect(entries[0]?.id).toBe(11);
  });

  test("no answer to AUTH within pongTimeoutMs: gives up on the socket and reconnects", async () => {
    const server = await startRawServer((connection) => {
      if (connection.index > 0) behaveLikeTheFeed(connection); // the first connection stays silent
    });
    const { listener, states, errors } = listen({ url: server.url, token: () => TOKEN, pongTimeoutMs: 1_000, reconnect: { initialDelayMs: 10 } });

    await listener.connect();

    expect(server.connections).toHaveLength(2);
    expect(states.find((s) => s.state === "reconnecting")?.info.reason).toMatch(/no answer to AUTH/);
    expect(errors[0]).toBeInstanceOf(EventsConnectionError);
    await waitUntil(() => server.connections[0]!.closeCode !== undefined, "the server to see the silent socket closed");
  });

  test("malformed frames are reported as EventsProtocolError and the next valid event still arrives", async () => {
    const server = await startRawServer((connection) =>
      behaveLikeTheFeed(connection, () => {
        const { socket } = connection;
        socket.send("not json {");
        socket.send(Buffer.from([1, 2, 3]), { binary: true });
        socket.send(JSON.stringify({ hello: "world" }));
        socket.send(JSON.stringify([1, 2]));
        socket.send(JSON.stringify({ id: "7", data: {} }));
        socket.send(JSON.stringify({ PING: "nope" }));
        socket.send(JSON.stringify({ id: 9, data: entry(9) }));
      }),
    );
    const { listener, entries, errors, count } = listen({ url: server.url, token: () => TOKEN });

    await listener.connect();
    await waitUntil(() => entries.length === 1, "the valid event");

    expect(entries[0]).toEqual({ id: 9, data: entry(9) });
    expect(errors).toHaveLength(6);
    expect(errors.every((error) => error instanceof EventsProtocolError)).toBe(true);
    const protocolErrors = errors as EventsProtocolError[];
    expect(protocolErrors.map((error) => error.frame)).toEqual([
      "not json {",
      undefined,
      '{"hello":"world"}',
      "[1,2]",
      '{"id":"7","data":{}}',
      '{"PING":"nope"}',
    ]);
    expect(protocolErrors[1]?.message).toMatch(/binary frame \(3 bytes\)/);
    expect(listener.state).toBe("open");
    expect(count("reconnecting")).toBe(0);
  });

  test('{"error"} after authentication is reported as EventsServerError and the listener keeps going', async () => {
    const server = await startRawServer((connection) =>
      behaveLikeTheFeed(connection, () => {
        connection.socket.send(JSON.stringify({ error: { code: 42 } }));
        connection.socket.send(JSON.stringify({ id: 1, data: entry(1) }));
      }),
    );
    const { listener, entries, errors } = listen({ url: server.url, token: () => TOKEN });

    await listener.connect();
    await waitUntil(() => entries.length === 1, "the event after the error");

    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(EventsServerError);
    expect(errors[0]?.message).toContain('{"code":42}');
    expect(listener.state).toBe("open");
  });

  test("close() closes the socket with 1000, ends a pending listen() iterator and leaves no timers", async () => {
    const server = await startRawServer((connection) => behaveLikeTheFeed(connection));
    const pendingTimers = trackTimers();
    const { listener, states } = listen({ url: server.url, token: () => TOKEN, pingIntervalMs: 20 });

    const iterator = listener.listen();
    const pending = iterator.next();
    await waitUntil(() => listener.state === "open", "the listener to open");
    await listener.close();

    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    await waitUntil(() => server.connections[0]!.closeCode !== undefined, "the server to see the close");
    expect(server.connections[0]!.closeCode).toBe(1000);
    expect(states.at(-1)).toMatchObject({ state: "closed", info: { previous: "open" } });
    expect(pendingTimers()).toBe(0); // ping interval, PONG deadline and close fallback all gone
    await listener.close(); // idempotent
    expect(states.filter((s) => s.state === "closed")).toHaveLength(1);
  });

  test("close() during the reconnect backoff cancels the pending attempt", async () => {
    jest.spyOn(Math, "random").mockReturnValue(0.99); // a long, predictable backoff
    const { url, feed, connections } = await startFeed();
    const pendingTimers = trackTimers();
    const { listener, count } = listen({ url, token: () => TOKEN, reconnect: { initialDelayMs: 60000 } });
    await listener.connect();

    feed.dropAll("close");
    await waitUntil(() => count("reconnecting") === 1, "the backoff to start");
    await waitUntil(() => feed.clients() === 0, "the server to finish closing its side");
    expect(pendingTimers()).toBe(1); // the reconnect timer
    await listener.close();

    expect(pendingTimers()).toBe(0);
    expect(listener.state).toBe("closed");
    expect(connections()).toBe(1);
  });

  test("close() before authentication rejects the pending connect() and closes the socket", async () => {
    const server = await startRawServer(() => {}); // never answers AUTH
    const { listener } = listen({ url: server.url, token: () => TOKEN });

    const connecting = listener.connect().catch((error: Error) => error);
    await waitUntil(() => server.connections[0]?.frames.length === 1, "the AUTH frame");
    await listener.close();

    const outcome = await connecting;
    expect(outcome).toBeInstanceOf(EventsError);
    expect((outcome as Error).message).toMatch(/closed before it authenticated/);
    await waitUntil(() => server.connections[0]!.closeCode !== undefined, "the server to see the close");
    expect(server.connections[0]!.closeCode).toBe(1000);
  });

  test("the token never appears in errors, state info, util.inspect or JSON", async () => {
    // A server that echoes the token back, in its refusal and in a malformed frame.
    const echoing = await startRawServer(({ socket }) =>
      socket.on("message", () => socket.send(JSON.stringify({ error: `Invalid token ${TOKEN}.` }))),
    );
    const accepting = await startRawServer((connection) =>
      behaveLikeTheFeed(connection, () => connection.socket.send(`garbage ${TOKEN}`)),
    );
    const refused = listen({ url: echoing.url, token: () => TOKEN });
    const accepted = listen({ url: accepting.url, token: () => TOKEN });

    const rejection = await refused.listener.connect().catch((error: Error) => error);
    await accepted.listener.connect();
    await waitUntil(() => accepted.errors.length === 1, "the malformed frame");

    expect(echoing.connections[0]!.frames).toEqual([{ action: "AUTH", data: { token: TOKEN } }]); // it was sent
    expect(rejection).toBeInstanceOf(EventsAuthError);
    expect((rejection as Error).message).toContain("[redacted]");
    expect((accepted.errors[0] as EventsProtocolError).frame).toBe("garbage [redacted]");
    const surfaces = [
      util.inspect(rejection, { depth: 10 }),
      ...[...refused.errors, ...accepted.errors].map((error) => util.inspect(error, { depth: 10 })),
      util.inspect(refused.listener, { showHidden: true, depth: 10 }),
      util.inspect(accepted.listener, { showHidden: true, depth: 10 }),
      JSON.stringify(refused.listener),
      JSON.stringify(Object.keys(refused.listener)),
      JSON.stringify([...refused.states, ...accepted.states].map(({ state, info }) => ({ state, ...info, error: info.error?.message }))),
    ];
    for (const text of surfaces) expect(text).not.toContain(TOKEN);
    expect(util.inspect(refused.listener)).toContain("failed"); // the custom inspect still says something useful
  });

  test("uses the WebSocket constructor it is given", async () => {
    const { url } = await startFeed();
    let created = 0;
    class CountingWebSocket extends WebSocket {
      constructor(address: string) {
        super(address);
        created += 1;
      }
    }
    const { listener } = listen({ url, token: () => TOKEN, WebSocket: CountingWebSocket });

    await listener.connect();

    expect(created).toBe(1);
    expect(domWebSocketFits && wsWebSocketFits).toBe(true);
  });

  test("a server that accepts AUTH and drops the connection at once meets a growing backoff", async () => {
    const server = await startRawServer((connection) => behaveLikeTheFeed(connection, () => connection.socket.close(1011)));
    const { listener, states, count } = listen({
      url: server.url,
      token: () => TOKEN,
      reconnect: { initialDelayMs: 2, factor: 2, maxDelayMs: 1000 },
    });
    await listener.connect();
    // At least: full jitter can make a wait of 0 ms, and a seventh may follow between two polls.
    await waitUntil(() => count("reconnecting") >= 6, "six reconnects");
    await listener.close();

    // Every connection was authenticated, and none stayed up: the attempts count on.
    const reconnects = states.filter((s) => s.state === "reconnecting").map((s) => s.info);
    expect(reconnects.slice(0, 6).map((info) => info.attempt)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(count("open")).toBeGreaterThanOrEqual(6);
  });

  test("a frame over maxFrameBytes is refused while reading (ws, 1009); the listener reconnects and goes on", async () => {
    const big = JSON.stringify({ id: 1, data: { ...entry(1), padding: "x".repeat(4 * 1024 * 1024) } });
    const server = await startRawServer((connection) =>
      behaveLikeTheFeed(connection, () => {
        if (connection.index === 0) connection.socket.send(big);
        else connection.socket.send(JSON.stringify({ id: 2, data: entry(2) }));
      }),
    );
    const { listener, entries, states, errors } = listen({ url: server.url, token: () => TOKEN, reconnect: { initialDelayMs: 5 } });
    await listener.connect();
    await waitUntil(() => entries.length === 1, "the entry after reconnecting");

    expect(entries.map((e) => e.id)).toEqual([2]);
    expect(states.some((s) => s.state === "reconnecting")).toBe(true);
    // ws stopped reading and told the server why: 1009, message too big.
    await waitUntil(() => server.connections[0]!.closeCode !== undefined, "the server to see the close");
    expect(server.connections[0]!.closeCode).toBe(1009);
    expect(errors.some((error) => error instanceof EventsConnectionError && /max payload/i.test(error.message))).toBe(true);
  });

  test("with a WebSocket that has no frame limit (a browser's), a frame over maxFrameBytes is dropped unparsed", async () => {
    const server = await startRawServer((connection) =>
      behaveLikeTheFeed(connection, () => {
        connection.socket.send(JSON.stringify({ id: 1, data: { ...entry(1), padding: "x".repeat(70_000) } }));
        connection.socket.send(JSON.stringify({ id: 2, data: entry(2) }));
      }),
    );
    const parse = jest.spyOn(JSON, "parse");
    const { listener, entries, errors } = listen({ url: server.url, token: () => TOKEN, WebSocket, maxFrameBytes: 64 * 1024 });
    await listener.connect();
    await waitUntil(() => entries.length === 1, "the small entry");

    expect(entries.map((e) => e.id)).toEqual([2]);
    const dropped = errors.find((error) => error instanceof EventsProtocolError)!;
    expect(dropped.message).toContain("maxFrameBytes");
    expect(dropped.message).toContain(String(64 * 1024));
    expect(parse.mock.calls.some(([text]) => typeof text === "string" && text.length > 64 * 1024)).toBe(false);
  });

  test("a protocol error's frame excerpt is redacted before it is cut: no part of the token survives", async () => {
    const server = await startRawServer((connection) =>
      // The token straddles the 200-character cut.
      behaveLikeTheFeed(connection, () => connection.socket.send(`${"x".repeat(195)}${TOKEN} and more`)),
    );
    const { listener, errors } = listen({ url: server.url, token: () => TOKEN });
    await listener.connect();
    await waitUntil(() => errors.length === 1, "the protocol error");

    const error = errors[0] as EventsProtocolError;
    expect(error).toBeInstanceOf(EventsProtocolError);
    expect(error.frame).toMatch(/^x{195}\[reda/); // the cut falls in the marker, not in the token
    for (const part of [TOKEN, TOKEN.slice(0, 6), TOKEN.slice(-6)]) {
      expect(error.frame).not.toContain(part);
      expect(util.inspect(error, { depth: 10 })).not.toContain(part);
    }
  });

  test("a token with control characters is refused without being sent or quoted", async () => {
    const bad = `${TOKEN}\r\nX-Injected: 1`;
    const server = await startRawServer((connection) => behaveLikeTheFeed(connection));
    const { listener, errors } = listen({ url: server.url, token: () => bad });
    const outcome = await listener.connect().catch((error: Error) => error);

    expect(outcome).toBeInstanceOf(EventsAuthError);
    expect(server.connections).toHaveLength(0);
    for (const error of [outcome, ...errors]) expect(util.inspect(error, { depth: 10 })).not.toContain(TOKEN);
  });

  test("rejects non-positive timing options", () => {
    expect(() => new EventsListener({ url: "ws://127.0.0.1:1", token: () => TOKEN, pingIntervalMs: 0 })).toThrow(InputError);
    expect(() => new EventsListener({ url: "ws://127.0.0.1:1", token: () => TOKEN, pingIntervalMs: 2 ** 31 })).toThrow(/pingIntervalMs/);
    expect(() => new EventsListener({ url: "ws://127.0.0.1:1", token: () => TOKEN, maxFrameBytes: -1 })).toThrow(/maxFrameBytes/);
    expect(() => new EventsListener({ url: "ws://127.0.0.1:1", token: () => TOKEN, reconnect: { factor: Number.NaN } })).toThrow(
      /reconnect.factor/,
    );
    const client = new Client({ apiToken: TOKEN, eventsUrl: "ws://127.0.0.1:1" });
    expect(() => new EventsListener(client, { pongTimeoutMs: -5 })).toThrow(/pongTimeoutMs/);
    for (const source of [undefined, null, "ws://127.0.0.1:1"]) {
      expect(() => new EventsListener(source as never)).toThrow(expect.objectContaining({ name: "InputError", field: "client" }));
    }
  });
});

describe("handlers that call close(), and servers that refuse", () => {
  test('close() from a "reconnecting" handler stops for good: no new connection, no timer left', async () => {
    // Accepts every socket and closes it at once: the listener keeps reconnecting until told to stop.
    const server = await startRawServer(({ socket }) => socket.close(1011));
    const pendingTimers = trackTimers();
    const { listener, count } = listen({ url: server.url, token: () => TOKEN, reconnect: { initialDelayMs: 1 } });
    listener.on("state", (state, info) => {
      if (state === "reconnecting" && info.attempt > 2) void listener.close();
    });

    void listener.connect().catch(() => {});
    await waitUntil(() => listener.state === "closed", "the handler's close()");
    const seen = server.connections.length;
    await sleep(200); // a 1 ms backoff would have opened many more by now

    expect(server.connections).toHaveLength(seen);
    expect(count("connecting")).toBe(seen);
    expect(listener.state).toBe("closed");
    await waitUntil(() => pendingTimers() === 0, "every timer to be gone");
  });

  test('close() from an "open" handler leaves no ping interval behind, and connect() resolves', async () => {
    const server = await startRawServer((connection) => behaveLikeTheFeed(connection));
    const pendingTimers = trackTimers();
    const { listener } = listen({ url: server.url, token: () => TOKEN, pingIntervalMs: 10 });
    listener.on("state", (state) => {
      if (state === "open") void listener.close();
    });

    await expect(listener.connect()).resolves.toBeUndefined();
    await waitUntil(() => server.connections[0]?.closeCode !== undefined, "the server to see the close");

    expect(listener.state).toBe("closed");
    await waitUntil(() => pendingTimers() === 0, "every timer to be gone");
    expect(server.connections[0]!.frames).toEqual([{ action: "AUTH", data: { token: TOKEN } }]); // not one PING
  });

  test('close() from an "error" handler on a refused token leaves it closed; connect() gets the EventsAuthError', async () => {
    const { url } = await startFeed();
    const { listener, states } = listen({ url, token: () => "wrong-token" });
    listener.on("error", () => void listener.close());

    const error = await listener.connect().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EventsAuthError);
    expect(listener.state).toBe("closed");
    expect(states.map((s) => s.state).slice(-2)).toEqual(["failed", "closed"]);
  });

  test.each([401, 403])("an upgrade refused with HTTP %i stops the listener (EventsAuthError): asking again gets the same answer", async (status) => {
    let attempts = 0;
    const server = await startRawServer(
      () => {},
      (_info, done) => {
        attempts += 1;
        done(false, status);
      },
    );
    const { listener, errors } = listen({ url: server.url, token: () => TOKEN, reconnect: { initialDelayMs: 1 } });

    const error = await listener.connect().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EventsAuthError);
    expect((error as Error).message).toBe(
      `The server refused the WebSocket upgrade: HTTP ${status} (the URL, the page's Origin or a proxy, not the token: it is sent after the upgrade)`,
    );
    await sleep(100);
    expect(attempts).toBe(1);
    expect(errors).toEqual([error]);
    expect(listener.state).toBe("failed");
  });

  test("an upgrade refused with HTTP 503 is retried", async () => {
    let attempts = 0;
    const server = await startRawServer(
      (connection) => behaveLikeTheFeed(connection),
      (_info, done) => ((attempts += 1) === 1 ? done(false, 503) : done(true)),
    );
    const { listener, errors } = listen({ url: server.url, token: () => TOKEN, reconnect: { initialDelayMs: 1 } });

    await listener.connect();

    expect(attempts).toBe(2);
    expect(errors[0]).toBeInstanceOf(EventsConnectionError);
  });

  test.each([4401, 4403])("a close with code %i before the AUTH reply is a refused token; after it, a reconnect", async (code) => {
    // The first socket closes on AUTH without an {"error"} frame; the second authenticates, then closes.
    const server = await startRawServer((connection) =>
      connection.socket.on("message", () => connection.socket.close(code, "invalid token")),
    );
    const { listener, errors } = listen({ url: server.url, token: () => TOKEN, reconnect: { initialDelayMs: 1 } });

    const error = await listener.connect().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EventsAuthError);
    expect((error as Error).message).toBe(`The server refused the token: connection closed (code ${code}, invalid token)`);
    await sleep(100);
    expect(server.connections).toHaveLength(1);
    expect(errors).toEqual([error]);

    const accepting = await startRawServer((connection) => behaveLikeTheFeed(connection, () => connection.socket.close(code)));
    const after = listen({ url: accepting.url, token: () => TOKEN, reconnect: { initialDelayMs: 1 } });
    await after.listener.connect();
    await waitUntil(() => accepting.connections.length >= 2, "a reconnect after the close of an open connection");
    expect(after.errors.filter((e) => e instanceof EventsAuthError)).toEqual([]);
  });

  test("a close with 1008 before the AUTH reply is retried (a limit, a slow link's AUTH timeout); three in a row are a refused token", async () => {
    // The first connection's 1008 is followed by a good one: no failure. Then three in a row.
    const server = await startRawServer((connection) =>
      connection.index === 1
        ? behaveLikeTheFeed(connection, () => connection.socket.close(1011))
        : connection.socket.on("message", () => connection.socket.close(1008, "policy")),
    );
    const { listener, errors, count } = listen({ url: server.url, token: () => TOKEN, reconnect: { initialDelayMs: 1 } });

    await listener.connect(); // after one 1008, the second connection authenticates
    const error = await new Promise<Error>((resolve) => listener.on("error", (e) => e instanceof EventsAuthError && resolve(e)));

    expect(count("open")).toBe(1);
    expect(server.connections).toHaveLength(5); // 1008, open (then 1011), 1008 ×3
    expect(error.message).toBe("The server refused the token: connection closed (code 1008, policy)");
    expect(errors.filter((e) => e instanceof EventsAuthError)).toEqual([error]);
    expect(listener.state).toBe("failed");
  });

  test("close() from an error handler when a deadline fires stops for good", async () => {
    const server = await startRawServer(() => {}); // never answers AUTH
    const pendingTimers = trackTimers();
    const { listener } = listen({ url: server.url, token: () => TOKEN, pongTimeoutMs: 100, reconnect: { initialDelayMs: 1 } });
    listener.on("error", () => void listener.close());

    void listener.connect().catch(() => {});
    await waitUntil(() => listener.state === "closed", "the handler's close()");
    await sleep(200);

    expect(listener.state).toBe("closed");
    expect(server.connections).toHaveLength(1);
    await waitUntil(() => pendingTimers() === 0, "every timer to be gone");
  });

  test("after close() in a state handler, later handlers do not get the earlier state after closed", async () => {
    const server = await startRawServer((connection) => behaveLikeTheFeed(connection));
    const { listener } = listen({ url: server.url, token: () => TOKEN });
    listener.on("state", (state) => state === "open" && void listener.close());
    const seen: EventsState[] = [];
    listener.on("state", (state) => seen.push(state));

    await listener.connect();

    expect(seen).toEqual(["connecting", "authenticating", "closed"]);
    expect(listener.state).toBe("closed");
  });

  test("close() or connect() from a failed handler: the pending connect() still gets the EventsAuthError", async () => {
    const { url } = await startFeed();
    const { listener } = listen({ url, token: () => "wrong-token" });
    listener.on("state", (state) => state === "failed" && void listener.close());

    const error = await listener.connect().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EventsAuthError);
    expect(listener.state).toBe("closed");
  });

  test("a PONG before the AUTH reply does not cancel the AUTH deadline", async () => {
    const server = await startRawServer((connection) => {
      if (connection.index > 0) return behaveLikeTheFeed(connection);
      connection.socket.send(JSON.stringify({ PING: "PONG" })); // and then never answers AUTH
      connection.socket.on("message", () => connection.socket.send(JSON.stringify({ PING: "PONG" })));
    });
    const { listener, states } = listen({ url: server.url, token: () => TOKEN, pongTimeoutMs: 300, reconnect: { initialDelayMs: 1 } });

    await listener.connect();

    expect(server.connections).toHaveLength(2);
    expect(states.find((s) => s.state === "reconnecting")?.info.reason).toMatch(/no answer to AUTH/);
  });

  test("an event is an event whatever other keys it has; an id beyond the safe integers is refused", async () => {
    const server = await startRawServer((connection) =>
      behaveLikeTheFeed(connection, () => {
        connection.socket.send(JSON.stringify({ id: 1, data: entry(1), error: null }));
        connection.socket.send(JSON.stringify({ id: 2, data: entry(2), auth: "x" }));
        connection.socket.send(`{"id": 9007199254740993, "data": {}}`);
        connection.socket.send(JSON.stringify({ id: 3, data: entry(3) }));
      }),
    );
    const { listener, entries, errors } = listen({ url: server.url, token: () => TOKEN });

    await listener.connect();
    await waitUntil(() => entries.length === 3, "three events");

    expect(entries.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(EventsProtocolError);
    expect((errors[0] as EventsProtocolError).frame).toContain("9007199254740993");
    expect(listener.state).toBe("open");
  });

  test("listen(): next() called again before the last settled gets the events in order; close() settles every waiting one", async () => {
    const { url, feed } = await startFeed();
    const { listener } = listen({ url, token: () => TOKEN });
    const iterator = listener.listen();
    const [first, second, third] = [iterator.next(), iterator.next(), iterator.next()];
    await waitUntil(() => listener.state === "open", "the listener to open");

    feed.publish(SPACE, { id: 1, data: entry(1) });
    feed.publish(SPACE, { id: 2, data: entry(2) });

    expect((await first).value?.id).toBe(1);
    expect((await second).value?.id).toBe(2);
    await listener.close();
    await expect(third).resolves.toEqual({ value: undefined, done: true });
  });

  test("listen(): on a failure the first waiting next() gets the error, the others find it done", async () => {
    const { url } = await startFeed();
    const { listener } = listen({ url, token: () => "wrong-token" });
    const iterator = listener.listen();
    const [first, second] = [iterator.next(), iterator.next()];

    await expect(first).rejects.toBeInstanceOf(EventsAuthError);
    await expect(second).resolves.toEqual({ value: undefined, done: true });
  });
});

describe("bad input from plain JavaScript", () => {
  const url = "ws://127.0.0.1:1";
  const token = () => TOKEN;

  test.each([
    ["no url", { token }, "url"],
    ["a numeric url", { url: 42, token }, "url"],
    ["an http url", { url: "http://127.0.0.1:1", token }, "url"],
    ["a token string, not a function", { url, token: TOKEN }, "token"],
    ["a fractional maxFrameBytes", { url, token, maxFrameBytes: 0.5 }, "maxFrameBytes"],
    ["reconnect: null", { url, token, reconnect: null }, "reconnect"],
    ["a WebSocket that is not a class", { url, token, WebSocket: "ws" }, "WebSocket"],
  ])("%s is an InputError naming it", (_name, options, field) => {
    const error = thrownBy(() => new EventsListener(options as never));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field });
    expect(String(error)).not.toContain(TOKEN);
  });

  test("on() and off() refuse an unknown event and a handler that is not a function", () => {
    const listener = new EventsListener({ url, token });
    expect(thrownBy(() => listener.on("message" as never, () => {}))).toMatchObject({
      name: "InputError",
      field: "event",
      problem: 'unknown event "message"; expected one of entry, error, state',
    });
    expect(thrownBy(() => listener.off("entry", "handler" as never))).toMatchObject({ name: "InputError", field: "handler" });
  });
});

describe("new EventsListener(client)", () => {
  test("listens at the client's eventsUrl with the client's token, and shows neither token nor secret", async () => {
    const { url, feed } = await startFeed();
    const client = new Client({ apiToken: TOKEN, eventsUrl: url });
    const listener = new EventsListener(client, { pingIntervalMs: 50 });
    cleanups.push(() => listener.close());

    await listener.connect();

    expect(listener.url).toBe(url);
    expect(feed.clients()).toBe(1);
    for (const shown of [util.inspect(listener, { depth: 10, showHidden: true }), JSON.stringify(listener), util.inspect(client, { depth: 10, showHidden: true })]) {
      expect(shown).not.toContain(TOKEN);
    }
  });

  test("the token is the client's: a refused one stops the listener, none is refused before anything is opened", async () => {
    const { url } = await startFeed();
    const other = new EventsListener(new Client({ apiToken: TOKEN, eventsUrl: url }).withToken("refused-token"));
    cleanups.push(() => other.close());
    await expect(other.connect()).rejects.toBeInstanceOf(EventsAuthError);
    expect(other.state).toBe("failed");

    // No token at all: refused before anything is opened.
    const anonymous = new EventsListener(new Client({ eventsUrl: url }));
    cleanups.push(() => anonymous.close());
    await expect(anonymous.connect()).rejects.toThrow(/No token/);
  });
});

describe("a token in the feed URL", () => {
  const URL_TOKEN = "tok-in-url-S3CRET-91c2";
  const PASSWORD = "pw-in-url-S3CRET-07";

  test("userinfo and query values show as [redacted] in url, inspect and JSON; the socket gets the real URL", async () => {
    let seenUrl: string | undefined;
    const { url } = await startRawServer((connection) => behaveLikeTheFeed(connection), (info, done) => {
      seenUrl = (info as { req: http.IncomingMessage }).req.url;
      done(true);
    });
    const secretUrl = url.replace("ws://", `ws://feed-user:${PASSWORD}@`) + `/feed?token=${URL_TOKEN}&space=1`;
    const { listener } = listen({ url: secretUrl, token: () => TOKEN });
    await listener.connect();

    expect(seenUrl).toBe(`/feed?token=${URL_TOKEN}&space=1`);
    expect(listener.url).toBe(`ws://[redacted]@${url.slice("ws://".length)}/feed?token=[redacted]&space=[redacted]`);
    for (const shown of [util.inspect(listener, { depth: 10, showHidden: true }), JSON.stringify(listener), JSON.stringify(Object.values(listener))]) {
      expect(shown).toContain("[redacted]");
      expect(shown).not.toContain(URL_TOKEN);
      expect(shown).not.toContain(PASSWORD);
      expect(shown).not.toContain(TOKEN);
    }
  });

  test("a URL that does not parse is an InputError naming `url`, without quoting it", () => {
    const error = thrownBy(() => new EventsListener({ url: `ws://127.0.0.1:99999/feed?token=${URL_TOKEN}`, token: () => TOKEN }));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: "url", problem: "must be an absolute ws or wss URL" });
    expect(util.inspect(error) + String((error as Error).stack)).not.toContain(URL_TOKEN);
  });

  test("a URL the WebSocket refuses: the error names it without the token, in its message and cause", async () => {
    // A fragment parses as a URL but `ws` (as the WebSocket standard) refuses it.
    const { listener, errors } = listen({ url: `ws://127.0.0.1:1/feed?token=${URL_TOKEN}#part`, token: () => TOKEN });
    const error = await listener.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventsConnectionError);
    expect((error as Error).message).toContain("token=[redacted]");
    for (const reported of [error, ...errors]) {
      const shown = util.inspect(reported, { depth: Infinity, showHidden: true }) + String((reported as Error).stack);
      expect(shown).not.toContain(URL_TOKEN);
    }
  });
});

describe("attachEventsServer", () => {
  test("answers PING before AUTH, rejects other paths and junk, and closes refused sockets with 1008", async () => {
    const { url, feed } = await startFeed({ path: "/feed" });
    const client = async (address: string) => {
      const socket = new WebSocket(address);
      const frames: unknown[] = [];
      socket.on("message", (raw) => frames.push(JSON.parse(raw.toString())));
      cleanups.push(async () => socket.terminate());
      return { socket, frames };
    };

    const wrongPath = new WebSocket(url.replace("/feed", "/elsewhere"));
    const refusal = await new Promise<Error>((resolve) => wrongPath.on("error", resolve));
    expect(refusal.message).toMatch(/404/);

    const { socket, frames } = await client(url);
    await new Promise((resolve) => socket.once("open", resolve));
    socket.send(JSON.stringify({ action: "PING" }));
    socket.send("junk");
    const closed = new Promise<number>((resolve) => socket.once("close", resolve));
    socket.send(JSON.stringify({ action: "AUTH", data: { token: "nope" } }));

    expect(await closed).toBe(1008);
    expect(frames).toEqual([{ PING: "PONG" }, { error: "Invalid message." }, { error: "Invalid token." }]);
    await waitUntil(() => feed.clients() === 0, "the server to forget the socket");
  });
});
