import type { Middleware } from "openapi-fetch";
import { namespaces, type Namespaces } from "../generated/namespaces";
import { unwrap } from "./errors";
import { EventsListener, type EventsListenerOptions } from "./events";
import { Http } from "./http";
import { createSend } from "./operation";
import { Session, type Credentials } from "./session";
import { DEFAULT_MAX_UPLOAD_BYTES } from "./uploads";

export interface ClientOptions {
  /** Token key sent as `Authorization: Token <key>`. Default: none (only `auth.login` works). */
  apiToken?: string;
  /** IAM host. Default: `NEUROIO_IAM_URL` from the environment (Node), else `https://iam.neuroio.com`. */
  iamUrl?: string;
  /** API host. Default: `NEUROIO_API_URL` from the environment (Node), else `https://api.neuroio.com`. */
  apiUrl?: string;
  /** Events WebSocket. Default: `NEUROIO_EVENTS_URL` from the environment (Node), else `wss://events.neuroio.com`. */
  eventsUrl?: string;
  /** Time limit per call in ms, including uploads and reading the answer. Default: 60000. */
  timeoutMs?: number;
  /** Retries of idempotent calls (GET, PUT, DELETE) on connection errors, 408, 429, 502, 503, 504. Default: 2; 0 disables. */
  maxRetries?: number;
  /** Upper bound of one wait between retries, also for `Retry-After`, in ms. Default: 30000. */
  maxRetryDelayMs?: number;
  /** Largest multipart upload sent, in bytes; larger ones are refused before sending. Default: 6 MiB. */
  maxUploadBytes?: number;
  /**
   * The fetch implementation. Default: in Node, the SDK's transport on undici's connection
   * pool (faster than global fetch, same behaviour on the wire); elsewhere the global
   * `fetch`. Given a `fetch` (or middleware), every call goes through `fetch` with Request objects.
   */
  fetch?: typeof globalThis.fetch;
  /** openapi-fetch middleware (`onRequest`, `onResponse`, `onError`) for logging and metrics; it never sees the token. */
  middleware?: Middleware[];
  /** Options of `client.events` (heartbeat, reconnect backoff). */
  events?: Omit<EventsListenerOptions, "url" | "token">;
}

export const DEFAULTS = {
  iamUrl: "https://iam.neuroio.com",
  apiUrl: "https://api.neuroio.com",
  eventsUrl: "wss://events.neuroio.com",
  timeoutMs: 60_000,
  maxRetries: 2,
  maxRetryDelayMs: 30_000,
  maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
} as const;

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

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
  #events: EventsListener | undefined;

  constructor(options: ClientOptions = {}) {
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
        maxUploadBytes: options.maxUploadBytes ?? DEFAULTS.maxUploadBytes,
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
    const bare = new Client({ ...options, apiToken: undefined });
    const login = async (creds: Credentials) => (await unwrap(bare.auth.login(creds))).token;
    const token = await login(credentials);
    const session = new Session(token.key, { credentials, login, expires: token.expires });
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

  /** The real-time entry events of the token's space (WebSocket), created on first use. */
  get events(): EventsListener {
    this.#events ??= new EventsListener({
      ...this.#options.events,
      url: this.#hosts.eventsUrl,
      token: () => this.#session.token,
    });
    return this.#events;
  }

  /** Closes what the client holds open (the events connection). */
  async close(): Promise<void> {
    await this.#events?.close();
  }

  toJSON() {
    return this.describe();
  }

  [INSPECT]() {
    return `Client ${JSON.stringify(this.describe())}`;
  }

  private describe() {
    return { iamUrl: this.#hosts.iamUrl, apiUrl: this.#hosts.apiUrl, authenticated: this.authenticated };
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
  return {
    iamUrl: options.iamUrl ?? env.NEUROIO_IAM_URL ?? DEFAULTS.iamUrl,
    apiUrl: options.apiUrl ?? env.NEUROIO_API_URL ?? DEFAULTS.apiUrl,
    eventsUrl: options.eventsUrl ?? env.NEUROIO_EVENTS_URL ?? DEFAULTS.eventsUrl,
  };
}
