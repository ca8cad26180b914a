import type { Http, RequestOptions } from "./http";
import type { PathOf, QueryOf, WireQueryOf } from "./types";

/** Entries: the recorded result of every processed face (API). */
export class Entries {
  constructor(private readonly http: Http) {}

  /** List entries matching the filters, one page at a time. */
  list(query: QueryOf<"entries.list"> = {}, options?: RequestOptions) {
    // Dates given as Date objects become ISO strings in the query serializer.
    return this.http.api.GET("/v1/entries/", {
      params: { query: query as WireQueryOf<"entries.list"> },
      ...this.http.call("entries.list", options),
    });
  }

  /** Entry statistics of one person. */
  get({ pid }: PathOf<"entries.get">, options?: RequestOptions) {
    return this.http.api.GET("/v1/entries/stats/pid/{pid}/", {
      params: { path: { pid } },
      ...this.http.call("entries.get", options),
    });
  }

  /** Delete an entry. */
  delete({ id }: PathOf<"entries.delete">, options?: RequestOptions) {
    return this.http.api.DELETE("/v1/entries/{id}/", { params: { path: { id } }, ...this.http.call("entries.delete", options) });
  }
}
