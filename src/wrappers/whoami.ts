import type { Http, RequestOptions } from "./http";

/** The current user and space (IAM). */
export class Whoami {
  constructor(private readonly http: Http) {}

  /** Who am I: the user and space of the client's token. */
  me(options?: RequestOptions) {
    return this.http.iam.GET("/v1/whoami/", this.http.call("whoami.me", options));
  }
}
