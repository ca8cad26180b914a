/**
 * Clients made by `Client.login()`: the login, and the session that logs in again by itself
 * when the temporary token has expired (24 h) or is refused. Loaded on the first
 * `Client.login()` (on-demand.ts): a client given a token never needs it.
 */
import { NeuroIOError, abortReason, isHeaderSafe, unwrap } from "./errors";
import type { Client } from "./client";
import { Session, type Credentials, type RenewalWait } from "./session";

interface IssuedToken {
  key: string;
  /** ISO date-time; null for permanent tokens. */
  expires: string | null;
}

/** Logs in with `bare` (a client without a token) and returns the session of the logged-in client. */
export async function logIn(bare: Client, credentials: Credentials): Promise<Session> {
  const login = async (creds: Credentials): Promise<IssuedToken> => {
    const { token } = await unwrap(bare.auth.login(creds));
    // An answer without a usable token is NeuroIO's fault, not the caller's: a NeuroIOError
    // as for any broken answer (a 502), whose message never quotes the token. A token that
    // cannot go into a header is refused here, never quoted by a later failure.
    if (!isHeaderSafe(token?.key)) {
      throw new NeuroIOError(502, {
        error_codes: [],
        message: "auth.login: NeuroIO answered with no usable token.key (a non-empty string of visible ASCII characters)",
        fields: [],
      });
    }
    return { key: token.key, expires: typeof token.expires === "string" ? token.expires : null };
  };
  return new RenewingSession(credentials, login, await login(credentials));
}

/** A session with credentials: the token and password in #private fields, as Session keeps its token. */
class RenewingSession extends Session {
  #credentials: Credentials;
  readonly #login: (credentials: Credentials) => Promise<IssuedToken>;
  #expiresAt: number | undefined;
  #refreshing: Promise<void> | undefined;

  constructor(credentials: Credentials, login: (credentials: Credentials) => Promise<IssuedToken>, issued: IssuedToken) {
    super(issued.key);
    this.#credentials = credentials;
    this.#login = login;
    this.#expiresAt = parseExpiry(issued.expires);
  }

  override get secrets(): string[] {
    return this.#credentials.password ? [...super.secrets, this.#credentials.password] : super.secrets;
  }

  override get renewable(): boolean {
    return true;
  }

  override expired(now = Date.now()): boolean {
    return this.#expiresAt !== undefined && now >= this.#expiresAt - 5_000;
  }

  override passwordChanged(newPassword: string): void {
    this.#credentials = { ...this.#credentials, password: newPassword };
  }

  override renew(staleToken: string | undefined, wait: RenewalWait): Promise<void> {
    if (this.token !== staleToken) return Promise.resolve();
    this.#refreshing ??= this.#login(this.#credentials)
      .then((issued) => {
        this.token = issued.key;
        this.#expiresAt = parseExpiry(issued.expires);
      })
      .finally(() => {
        this.#refreshing = undefined;
      });
    return within(this.#refreshing, wait);
  }
}

/** `promise`, or the signal's reason as soon as it aborts, or `timeout()` after `ms` (the promise itself runs on: it is shared). */
function within<T>(promise: Promise<T>, { signal, ms, timeout }: RenewalWait): Promise<T> {
  if (signal?.aborted || ms <= 0) {
    promise.catch(() => {}); // left running for its other waiters; its failure is theirs
    return Promise.reject(signal?.aborted ? abortReason(signal) : timeout());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal!));
    const timer = setTimeout(() => reject(timeout()), ms);
    signal?.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    });
  });
}

function parseExpiry(expires: string | null): number | undefined {
  if (!expires) return undefined;
  const at = Date.parse(expires);
  return Number.isNaN(at) ? undefined : at;
}
