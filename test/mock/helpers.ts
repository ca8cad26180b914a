/**
 * Helpers for the stand-in's own tests: a stand-in per test file with response validation
 * on (every answer is checked against the OpenAPI document; `afterAll` fails the file on
 * any mismatch), and real SDK clients pointed at it.
 */
import { Client, unwrap, type ClientOptions } from "../../src/wrappers";
import { DEMO_USER, drawFace, startMockServer, type MockServer, type MockServerOptions } from "../../src/mock";

export { DEMO_USER, unwrap };

/** A clock tests can move: `clock.now` ms, `clock.advance(ms)`. */
export function testClock(start = Date.parse("2021-05-28T10:37:51.433Z")) {
  const clock = () => clock.now;
  clock.now = start;
  clock.advance = (ms: number) => {
    clock.now += ms;
  };
  return clock;
}

export interface StandIn {
  server: MockServer;
  /** A client without a token. */
  anonymous(): Client;
  /** A client with this token. */
  withToken(key: string): Client;
  /** Logs in (raw `auth.login`) and returns a client with the temporary token. */
  login(username?: string, password?: string): Promise<Client>;
}

/**
 * Starts a stand-in before the file's tests and closes it after them, failing the file if
 * any answer did not match the document.
 */
export function useStandIn(options: MockServerOptions = {}): StandIn {
  let server: MockServer | undefined;
  beforeAll(async () => {
    server = await startMockServer({ validateResponses: true, ...options });
  });
  afterAll(async () => {
    const violations = server?.violations ?? [];
    await server?.close();
    expect(violations).toEqual([]);
  });
  const hosts = (): ClientOptions => ({ iamUrl: server!.iamUrl, apiUrl: server!.apiUrl, eventsUrl: server!.eventsUrl, maxRetries: 0 });
  const standIn: StandIn = {
    get server() {
      if (!server) throw new Error("the stand-in is not running (use it inside a test)");
      return server;
    },
    anonymous: () => new Client(hosts()),
    withToken: (apiToken) => new Client({ ...hosts(), apiToken }),
    async login(username = DEMO_USER.username, password = DEMO_USER.password) {
      const { token } = await unwrap(new Client(hosts()).auth.login({ username, password }));
      return new Client({ ...hosts(), apiToken: token.key });
    },
  };
  return standIn;
}

/** A face photo (PNG) that differs per `seed`: different seeds are different persons to the stand-in. */
export function image(seed: string | number): Uint8Array {
  return drawFace(`face-${seed}`, 64);
}

/** A raw request to the stand-in (bypassing the SDK's own checks). */
export async function raw(url: string, init: RequestInit & { token?: string; json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("Authorization", `Token ${init.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(init.json);
  }
  const response = await fetch(url, { ...init, headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A validation ErrorBody naming these fields (any messages). */
export function namingFields(...names: string[]) {
  return {
    error_codes: [400],
    message: "Validation error.",
    fields: names.map((name) => expect.objectContaining({ name, error_code: 400 })),
  };
}
