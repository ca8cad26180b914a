import type { Http, RequestOptions } from "./http";
import type { JsonOf, PathOf, QueryOf } from "./types";

/** Spaces, which isolate data (IAM). */
export class Spaces {
  constructor(private readonly http: Http) {}

  /** Create a space. */
  create(body: JsonOf<"spaces.create">, options?: RequestOptions) {
    return this.http.iam.POST("/v1/spaces/", { body, ...this.http.call("spaces.create", options) });
  }

  /** List spaces, one page at a time. */
  list(query: QueryOf<"spaces.list"> = {}, options?: RequestOptions) {
    return this.http.iam.GET("/v1/spaces/", { params: { query }, ...this.http.call("spaces.list", options) });
  }

  /** Get a space. */
  get({ id }: PathOf<"spaces.get">, options?: RequestOptions) {
    return this.http.iam.GET("/v1/spaces/{id}/", { params: { path: { id } }, ...this.http.call("spaces.get", options) });
  }

  /** Rename a space. */
  update({ id, ...body }: PathOf<"spaces.update"> & JsonOf<"spaces.update">, options?: RequestOptions) {
    return this.http.iam.PATCH("/v1/spaces/{id}/", {
      params: { path: { id } },
      body,
      ...this.http.call("spaces.update", options),
    });
  }

  /** Delete a space and its data. */
  delete({ id }: PathOf<"spaces.delete">, options?: RequestOptions) {
    return this.http.iam.DELETE("/v1/spaces/{id}/", { params: { path: { id } }, ...this.http.call("spaces.delete", options) });
  }

  /** Create a token that only reaches this space. */
  token({ id, ...body }: PathOf<"spaces.token"> & JsonOf<"spaces.token">, options?: RequestOptions) {
    return this.http.iam.POST("/v1/spaces/{id}/tokens/", {
      params: { path: { id } },
      body,
      ...this.http.call("spaces.token", options),
    });
  }
}
