/**
 * Where a client's token lives, in a #private field so that `console.log(client)`,
 * `util.inspect` and `JSON.stringify` never see it. A client made with a token keeps it;
 * one made by `Client.login()` has a RenewingSession (login.ts), which logs in again when
 * the temporary token has expired or is refused.
 */
export interface Credentials {
  username: string;
  password: string;
}

export class Session {
  #token: string | undefined;

  constructor(token?: string) {
    this.#token = token;
  }

  get token(): string | undefined {
    return this.#token;
  }

  /** Replaces the token after a login. */
  protected set token(token: string) {
    this.#token = token;
  }

  /** What must never appear in anything the SDK produces: the token (and a renewing session's password). */
  get secrets(): string[] {
    return this.#token ? [this.#token] : [];
  }

  /** True when the session can log in again on its own (it was created from credentials). */
  get renewable(): boolean {
    return false;
  }

  /** True when a renewable session's token is known to have expired (with a small margin). */
  expired(): boolean {
    return false;
  }

  /** Keeps a renewing session's password in step after a successful password change. */
  passwordChanged(_newPassword: string): void {}

  /**
   * Logs in again unless another call already did since `staleToken` was sent; concurrent
   * callers share one login. Rejects with the login's error (e.g. 602) without retrying,
   * or as `wait` says when this caller stops waiting (the login runs on for the others).
   */
  renew(_staleToken: string | undefined, _wait: RenewalWait): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * How long one call waits for a re-login: until its signal aborts, or `ms` (what is left of
 * its deadline, at most a timer's longest delay), then `timeout()`.
 */
export interface RenewalWait {
  signal: AbortSignal | undefined;
  ms: number;
  timeout: () => Error;
}
