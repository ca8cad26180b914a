import type { Middleware } from "openapi-fetch";
import { namespaces, type Namespaces } from "../generated/namespaces";
import { checkToken } from "./errors";
import { Http } from "./http";
import { loadLogin } from "./on-demand";
import { createSend } from "./operation";
import { checkNames } from "./input";
import { DEFAULT_MAX_UPLOAD_BYTES, checkMiddleware, checkNumbers, checkType, checkUrl } from "./options";
import { Session, type Credentials } from "./session";

/**
 * Client options. Every one is checked by the constructor (and `withToken`, `withOptions`,
 * `Client.login`): a value of the wrong type or out of its range throws an InputError
 * naming the option. Numbers are integers within the ranges given.
 */
export interface ClientOptions {
  /**
   * Token key sent as `Authorization: Token <key>`: visible ASCII, no spaces or control
   * characters. Default: none (only `auth.login` works).
   */
  apiToken?: string | undefined;
  /** IAM host, an http(s) URL. Default: `NEUROIO_IAM_URL` from the environment (Node), else `https://iam.neuroio.com`. */
  iamUrl?: string | undefined;
  /** API host, an http(s) URL. Default: `NEUROIO_API_URL` from the environment (Node), else `https://api.neuroio.com`. */
  apiUrl?: string | undefined;
  /** Events WebSocket (`neuroio/events`), a ws(s) URL. Default: `NEUROIO_EVENTS_URL` from the environment (Node), else `wss://events.neuroio.com`. */
  eventsUrl?: string | undefined;
  /** Time limit of each attempt in ms, including uploads and reading the answer: 1 to 2^31 − 1. Default: 60000. */
  timeoutMs?: number | undefined;
  /**
   * Time limit of a whole call in ms, over every attempt, the waits between retries
   * (`Retry-After` included) and a re-login: 1 to 2^31 − 1. Default: twice the call's
   * `timeoutMs` (120000 with the default time limit).
   */
  deadlineMs?: number | undefined;
  /** Retries of idempotent calls (GET, PUT, DELETE) on connection errors, 408, 429, 502, 503, 504: 0 (none) to 10. Default: 2. */
  maxRetries?: number | undefined;
  /** Upper bound of one wait between retries, also for `Retry-After`, in ms: 0 to 2^31 − 1. Default: 30000. */
  maxRetryDelayMs?: number | undefined;
  /** Largest multipart upload sent, in bytes; larger ones are refused before sending: 1 or more. Default: 6 MiB. */
  maxUploadBytes?: number | undefined;
  /**
   * Largest answer read, in bytes of the decoded body: 1 to 256 MiB. A larger one stops
   * the reading (the connection is released) and fails the call with a
   * `ResponseTooLargeError` naming the operation and the limit. Default: 64 MiB.
   */
  maxResponseBytes?: number | undefined;
  /**
   * The fetch implementation. Default: in Node, the SDK's transport on the connection pool
   * of Node's fetch (faster than global fetch, same behaviour on the wire); elsewhere the global
   * `fetch`. Given a `fetch`, every call goes through it with Request objects (middleware or not).
   */
  fetch?: typeof globalThis.fetch | undefined;
  /** openapi-fetch middleware (`onRequest`, `onResponse`, `onError`) for logging and metrics; it never sees the token, a password or an issued token key (they show as `[redacted]`). */
  middleware?: Middleware[] | undefined;
}

export const DEFAULTS = {
  iamUrl: "https://iam.neuroio.com",
  apiUrl: "https://api.neuroio.com",
  eventsUrl: "wss://events.neuroio.com",
  timeoutMs: 60_000,
  maxRetries: 2,
  maxRetryDelayMs: 30_000,
  maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
  maxResponseBytes: 64 * 1024 * 1024,
} as const;

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * How `new EventsListener(client)` (neuroio/events) reads a client's events URL and its
 * current token. A global symbol, so that a client of the CommonJS build serves a listener
 * of the ES module build too; a method, so that no log, JSON or key listing shows it.
 */
export const EVENTS_SOURCE = Symbol.for("neuroio.eventsSource");

/**
 * The NeuroIO client. Every operation of the platform is a method under its namespace,
 * named as in the official SDKs (`client.sources.list`, `client.streams.tokens.create`),
 * returning openapi-fetch's typed `{ data, error, response }`.
 */
// The namespaces (`client.sources`, …) are generated from the document; the class adds them.
export interface Client extends Namespaces {}

export class Client {
  readonly #options: ClientOptions;
  readonly #hosts: Hosts;
  readonly #session: Session;

  constructor(options: ClientOptions = {}) {
    checkOptions(options);
    this.#options = { ...options };
    this.#hosts = hostsOf(options);
    this.#session = sessions.get(options) ?? new Session(options.apiToken);
    const http = new Http(
      {
        iamUrl: this.#hosts.iamUrl,
        apiUrl: this.#hosts.apiUrl,
        timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
        maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
        maxRetryDelayMs: options.maxRetryDelayMs ?? DEFAULTS.maxRetryDelayMs,
        maxResponseBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
        deadlineMs: options.deadlineMs,
        fetch: options.fetch,
        middleware: options.middleware ?? [],
      },
      this.#session,
    );
    Object.assign(this, namespaces(createSend(http, this.#session, options.maxUploadBytes ?? DEFAULTS.maxUploadBytes)));
  }

  /**
   * Logs in and returns a client that uses the new token and, when the temporary token
   * expires (24 h) or is rejected, logs in again by itself. Throws NeuroIOError (602) on
   * wrong credentials.
   */
  static async login(credentials: Credentials, options: Omit<ClientOptions, "apiToken"> = {}): Promise<Client> {
    checkType("credentials", credentials, "object");
    const bare = new Client({ ...options, apiToken: undefined }); // checks the options before anything loads
    const { logIn } = await loadLogin();
    const session = await logIn(bare, credentials);
    const clientOptions = { ...options };
    sessions.set(clientOptions, session);
    return new Client(clientOptions);
  }

  /** A client with the same options and another token. */
  withToken(apiToken: string): Client {
    return new Client({ ...this.#options, apiToken });
  }

  /** A client with some options changed, sharing this client's token (and re-login). */
  withOptions(options: Omit<ClientOptions, "apiToken">): Client {
    const merged = { ...this.#options, ...options };
    sessions.set(merged, this.#session);
    return new Client(merged);
  }

  /** True when the client sends a token. */
  get authenticated(): boolean {
    return this.#session.token !== undefined;
  }

  /** The events feed's URL and a reader of the current token, for `new EventsListener(client)`. */
  [EVENTS_SOURCE](): { url: string; token: () => string | undefined } {
    return { url: this.#hosts.eventsUrl, token: () => this.#session.token };
  }

  toJSON() {
    return { iamUrl: this.#hosts.iamUrl, apiUrl: this.#hosts.apiUrl, authenticated: this.authenticated };
  }

  [INSPECT]() {
    return `Client ${JSON.stringify(this)}`;
  }
}

// Hands a prepared session (with credentials) to the constructor without putting it in
// the public options type.
const sessions = new WeakMap<ClientOptions, Session>();

type Hosts = Required<Pick<ClientOptions, "iamUrl" | "apiUrl" | "eventsUrl">>;

/**
 * The hosts a client talks to: its options, else NEUROIO_IAM_URL / NEUROIO_API_URL /
 * NEUROIO_EVENTS_URL from the environment (so code written for production runs unchanged
 * against a stand-in), else production.
 */
function hostsOf(options: ClientOptions): Hosts {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  // The option, else the variable, else the default; an error names whichever was given.
  const url = (option: keyof Hosts, variable: string, protocols: readonly string[]) =>
    checkUrl(options[option] !== undefined ? option : variable, options[option] ?? env[variable] ?? DEFAULTS[option], protocols);
  const HTTP = ["http:", "https:"];
  return {
    iamUrl: url("iamUrl", "NEUROIO_IAM_URL", HTTP),
    apiUrl: url("apiUrl", "NEUROIO_API_URL", HTTP),
    eventsUrl: url("eventsUrl", "NEUROIO_EVENTS_URL", ["ws:", "wss:"]),
  };
}

// Every client option: those with a default and the others (the type makes the list whole).
const CLIENT_OPTIONS = {
  ...DEFAULTS,
  ...({ apiToken: 1, deadlineMs: 1, fetch: 1, middleware: 1 } satisfies Record<Exclude<keyof ClientOptions, keyof typeof DEFAULTS>, 1>),
};

/** Checks every option given (see ClientOptions for the ranges); the URLs are checked by hostsOf. */
function checkOptions(options: ClientOptions): void {
  checkType("options", options, "object");
  checkNames(options, CLIENT_OPTIONS, "an option of the client");
  if (options.apiToken !== undefined) checkToken("apiToken", options.apiToken);
  checkNumbers(options);
  checkType("fetch", options.fetch, "function");
  // Now, not at the first call, where openapi-fetch would refuse a hookless one with a plain Error.
  checkMiddleware(options.middleware);
}
