import type { Http, RequestOptions } from "./http";

/** The API's version (API). */
export class Version {
  constructor(private readonly http: Http) {}

  /** Get the API version. */
  get(options?: RequestOptions) {
    return this.http.api.GET("/v1/version/", this.http.call("version.get", options));
  }
}
