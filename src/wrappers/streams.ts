import type { Http, RequestOptions } from "./http";
import type { JsonOf, PathOf, QueryOf } from "./types";

/** Streams (API). */
export class Streams {
  readonly tokens: StreamTokens;

  constructor(http: Http) {
    this.tokens = new StreamTokens(http);
  }
}

/** Stream tokens, managed like IAM tokens but on the API host. */
export class StreamTokens {
  constructor(private readonly http: Http) {}

  /** Create a stream token (temporary unless `permanent`). */
  create(body: JsonOf<"streams.tokens.create"> = {}, options?: RequestOptions) {
    return this.http.api.POST("/v1/streams/tokens/", { body, ...this.http.call("streams.tokens.create", options) });
  }

  /** List stream tokens. */
  list(query: QueryOf<"streams.tokens.list"> = {}, options?: RequestOptions) {
    return this.http.api.GET("/v1/streams/tokens/", { params: { query }, ...this.http.call("streams.tokens.list", options) });
  }

  /** Get a stream token by id or key. */
  get({ token_id_or_key }: PathOf<"streams.tokens.get">, options?: RequestOptions) {
    return this.http.api.GET("/v1/streams/tokens/{token_id_or_key}/", {
      params: { path: { token_id_or_key } },
      ...this.http.call("streams.tokens.get", options),
    });
  }

  /** Activate or deactivate a stream token. */
  update(
    { token_id_or_key, ...body }: PathOf<"streams.tokens.update"> & JsonOf<"streams.tokens.update">,
    options?: RequestOptions,
  ) {
    return this.http.api.PATCH("/v1/streams/tokens/{token_id_or_key}/", {
      params: { path: { token_id_or_key } },
      body,
      ...this.http.call("streams.tokens.update", options),
    });
  }

  /** Delete a stream token. */
  delete({ token_id_or_key }: PathOf<"streams.tokens.delete">, options?: RequestOptions) {
    return this.http.api.DELETE("/v1/streams/tokens/{token_id_or_key}/", {
      params: { path: { token_id_or_key } },
      ...this.http.call("streams.tokens.delete", options),
    });
  }

  /** Delete many stream tokens: only permanent, only temporary, or (no filter) all. */
  deleteList(query: QueryOf<"streams.tokens.deleteList"> = {}, options?: RequestOptions) {
    return this.http.api.DELETE("/v1/streams/tokens/", {
      params: { query },
      ...this.http.call("streams.tokens.deleteList", options),
    });
  }
}
