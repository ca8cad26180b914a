import type { Http, RequestOptions } from "./http";
import type { JsonOf, PathOf, QueryOf } from "./types";

/** Sources: where data comes from, and its processing settings (API). */
export class Sources {
  constructor(private readonly http: Http) {}

  /** Create a source; settings left out take the server's defaults. */
  create(body: JsonOf<"sources.create">, options?: RequestOptions) {
    return this.http.api.POST("/v1/sources/", { body, ...this.http.call("sources.create", options) });
  }

  /** List sources, one page at a time. */
  list(query: QueryOf<"sources.list"> = {}, options?: RequestOptions) {
    return this.http.api.GET("/v1/sources/", { params: { query }, ...this.http.call("sources.list", options) });
  }

  /** Get a source. */
  get({ id }: PathOf<"sources.get">, options?: RequestOptions) {
    return this.http.api.GET("/v1/sources/{id}/", { params: { path: { id } }, ...this.http.call("sources.get", options) });
  }

  /** Update a source; only the given fields change. */
  update({ id, ...body }: PathOf<"sources.update"> & JsonOf<"sources.update">, options?: RequestOptions) {
    return this.http.api.PATCH("/v1/sources/{id}/", {
      params: { path: { id } },
      body,
      ...this.http.call("sources.update", options),
    });
  }

  /** Delete a source (done in the background: 202). */
  delete({ id }: PathOf<"sources.delete">, options?: RequestOptions) {
    return this.http.api.DELETE("/v1/sources/{id}/", { params: { path: { id } }, ...this.http.call("sources.delete", options) });
  }
}
