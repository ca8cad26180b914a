import type { Http, RequestOptions } from "./http";
import type { JsonOf, PathOf, QueryOf } from "./types";

/** Account, space and manager tokens (IAM). */
export class Tokens {
  constructor(private readonly http: Http) {}

  /** Create a token (temporary unless `permanent`; at most 5 permanent ones). */
  create(body: JsonOf<"tokens.create"> = {}, options?: RequestOptions) {
    return this.http.iam.POST("/v1/tokens/", { body, ...this.http.call("tokens.create", options) });
  }

  /** List tokens, optionally only permanent or only temporary ones. */
  list(query: QueryOf<"tokens.list"> = {}, options?: RequestOptions) {
    return this.http.iam.GET("/v1/tokens/", { params: { query }, ...this.http.call("tokens.list", options) });
  }

  /** Get a token by id or key. */
  get({ token_id_or_key }: PathOf<"tokens.get">, options?: RequestOptions) {
    return this.http.iam.GET("/v1/tokens/{token_id_or_key}/", {
      params: { path: { token_id_or_key } },
      ...this.http.call("tokens.get", options),
    });
  }

  /** Activate or deactivate a token. */
  update({ token_id_or_key, ...body }: PathOf<"tokens.update"> & JsonOf<"tokens.update">, options?: RequestOptions) {
    return this.http.iam.PATCH("/v1/tokens/{token_id_or_key}/", {
      params: { path: { token_id_or_key } },
      body,
      ...this.http.call("tokens.update", options),
    });
  }

  /** Delete a token (this is how to log out). */
  delete({ token_id_or_key }: PathOf<"tokens.delete">, options?: RequestOptions) {
    return this.http.iam.DELETE("/v1/tokens/{token_id_or_key}/", {
      params: { path: { token_id_or_key } },
      ...this.http.call("tokens.delete", options),
    });
  }

  /** Delete many tokens: only permanent, only temporary, or (no filter) all. */
  deleteList(query: QueryOf<"tokens.deleteList"> = {}, options?: RequestOptions) {
    return this.http.iam.DELETE("/v1/tokens/", { params: { query }, ...this.http.call("tokens.deleteList", options) });
  }
}
