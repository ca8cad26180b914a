import type { Http, RequestOptions } from "./http";
import type { JsonOf, PathOf, QueryOf, WireQueryOf } from "./types";

/** Licenses (IAM). */
export class Licenses {
  readonly sources: LicensesSources;

  constructor(http: Http) {
    this.sources = new LicensesSources(http);
  }
}

/** Source licenses, bound to sources through `license_id`. */
export class LicensesSources {
  constructor(private readonly http: Http) {}

  /** Create a source license. */
  create(body: JsonOf<"licenses.sources.create">, options?: RequestOptions) {
    return this.http.iam.POST("/v1/licenses/sources/", { body, ...this.http.call("licenses.sources.create", options) });
  }

  /** List source licenses, one page at a time. */
  list(query: QueryOf<"licenses.sources.list"> = {}, options?: RequestOptions) {
    // Dates given as Date objects become ISO strings in the query serializer.
    return this.http.iam.GET("/v1/licenses/sources/", {
      params: { query: query as WireQueryOf<"licenses.sources.list"> },
      ...this.http.call("licenses.sources.list", options),
    });
  }

  /** Get a source license. */
  get({ id }: PathOf<"licenses.sources.get">, options?: RequestOptions) {
    return this.http.iam.GET("/v1/licenses/sources/{id}/", {
      params: { path: { id } },
      ...this.http.call("licenses.sources.get", options),
    });
  }

  /** Update a source license; only the given fields change. */
  update({ id, ...body }: PathOf<"licenses.sources.update"> & JsonOf<"licenses.sources.update">, options?: RequestOptions) {
    return this.http.iam.PATCH("/v1/licenses/sources/{id}/", {
      params: { path: { id } },
      body,
      ...this.http.call("licenses.sources.update", options),
    });
  }

  /** Delete a source license. */
  delete({ id }: PathOf<"licenses.sources.delete">, options?: RequestOptions) {
    return this.http.iam.DELETE("/v1/licenses/sources/{id}/", {
      params: { path: { id } },
      ...this.http.call("licenses.sources.delete", options),
    });
  }
}
