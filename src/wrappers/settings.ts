import type { Http, RequestOptions } from "./http";
import type { JsonOf } from "./types";

/** Per-space thresholds that decide entry results (API). */
export class Settings {
  constructor(private readonly http: Http) {}

  /** Get the thresholds of the token's space. */
  get(options?: RequestOptions) {
    return this.http.api.GET("/v1/settings/thresholds/", this.http.call("settings.get", options));
  }

  /** Update thresholds; only the given ones change, for future entries. */
  update(body: JsonOf<"settings.update">, options?: RequestOptions) {
    return this.http.api.PATCH("/v1/settings/thresholds/", { body, ...this.http.call("settings.update", options) });
  }

  /** Reset the thresholds to the defaults (79.3 / 75.5 / 68.84). */
  reset(options?: RequestOptions) {
    return this.http.api.POST("/v1/settings/thresholds/reset/", this.http.call("settings.reset", options));
  }
}
