/**
 * Where a client's secrets live: the token, and for clients made by `Client.login()` the
 * credentials to log in again when the temporary token has expired. Everything is in
 * #private fields so that `console.log(client)`, `util.inspect` and `JSON.stringify` never
 * see it.
 */
export interface Credentials {
  username: string;
  password: string;
}

export interface IssuedToken {
  key: string;
  /** ISO date-time; null for permanent tokens. */
  expires: string | null;
}

export type LoginFn = (credentials: Credentials) => Promise<IssuedToken>;

export class Session {
  #token: string | undefined;
  #expiresAt: number | undefined;
  #credentials: Credentials | undefined;
  #login: LoginFn | undefined;
  #refreshing: Promise<void> | undefined;

  constructor(token?: string, credentials?: { credentials: Credentials; login: LoginFn; expires?: string | null }) {
    this.#token = token;
    this.#credentials = credentials?.credentials;
    this.#login = credentials?.login;
    this.#expiresAt = parseExpiry(credentials?.expires);
  }

  get token(): string | undefined {
    return this.#token;
  }

  /** What must never appear in anything the SDK produces: the token and the password. */
  get secrets(): string[] {
    const secrets: string[] = [];
    if (this.#token) secrets.push(this.#token);
    if (this.#credentials?.password) secrets.push(this.#credentials.password);
    return secrets;
  }

  /** True when the session can log in again on its own (it was created from credentials). */
  get renewable(): boolean {
    return this.#credentials !== undefined;
  }

  /** True when a renewable session's token is known to have expired (with a small margin). */
  expired(now = Date.now()): boolean {
    return this.renewable && this.#expiresAt !== undefined && now >= this.#expiresAt - 5_000;
  }

  /** Keeps the stored password in step after a successful password change. */
  passwordChanged(newPassword: string): void {
    if (this.#credentials) this.#credentials = { ...this.#credentials, password: newPassword };
  }

  /**
   * Logs in again unless another call already did since `staleToken` was sent; concurrent
   * callers share one login. Rejects with the login's error (e.g. 602) without retrying.
   */
  renew(staleToken: string | undefined): Promise<void> {
    if (!this.#credentials || !this.#login) return Promise.resolve();
    if (this.#token !== staleToken) return Promise.resolve();
    this.#refreshing ??= this.#login(this.#credentials)
      .then((issued) => {
        this.#token = issued.key;
        this.#expiresAt = parseExpiry(issued.expires);
      })
      .finally(() => {
        this.#refreshing = undefined;
      });
    return this.#refreshing;
  }
}

function parseExpiry(expires: string | null | undefined): number | undefined {
  if (!expires) return undefined;
  const at = Date.parse(expires);
  return Number.isNaN(at) ? undefined : at;
}
