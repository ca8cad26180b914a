import type { Http, RequestOptions } from "./http";
import type { Session } from "./session";
import type { JsonOf } from "./types";

export type LoginParams = JsonOf<"auth.login">;

/** `auth.passwordChange` input: the new password is sent as both `password` and `password2`. */
export interface PasswordChangeParams {
  old_password: string;
  new_password: string;
  /** Revoke every earlier token. Default (server): false. */
  reset_tokens?: boolean;
}

/** Log in and change the password (IAM). */
export class Auth {
  constructor(
    private readonly http: Http,
    private readonly session: Session,
  ) {}

  /** Log in: a new temporary token (24 h) for a matching username and password. */
  login(body: LoginParams, options?: RequestOptions) {
    return this.http.iam.POST("/v1/auth/token/", { body, ...this.http.call("auth.login", options) });
  }

  /** Change password, optionally revoking every earlier token. */
  async passwordChange({ old_password, new_password, reset_tokens }: PasswordChangeParams, options?: RequestOptions) {
    const result = await this.http.iam.POST("/v1/auth/password/change/", {
      body: { old_password, password: new_password, password2: new_password, reset_tokens },
      ...this.http.call("auth.passwordChange", options),
    });
    if (result.response.ok) this.session.passwordChanged(new_password);
    return result;
  }
}
