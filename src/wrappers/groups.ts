import type { Http, RequestOptions } from "./http";
import { checkMaxItems } from "./input";
import type { JsonOf, PathOf, QueryOf } from "./types";

/** NeuroIO takes at most this many pids per add or remove request. */
export const MAX_PIDS_PER_REQUEST = 100;

/** Person groups (API). */
export class Groups {
  constructor(private readonly http: Http) {}

  /** Create a person group. */
  create(body: JsonOf<"groups.create">, options?: RequestOptions) {
    return this.http.api.POST("/v1/groups/persons/", { body, ...this.http.call("groups.create", options) });
  }

  /** List person groups, one page at a time. */
  list(query: QueryOf<"groups.list"> = {}, options?: RequestOptions) {
    return this.http.api.GET("/v1/groups/persons/", { params: { query }, ...this.http.call("groups.list", options) });
  }

  /** Get a person group. */
  get({ id }: PathOf<"groups.get">, options?: RequestOptions) {
    return this.http.api.GET("/v1/groups/persons/{id}/", { params: { path: { id } }, ...this.http.call("groups.get", options) });
  }

  /** Rename a person group. */
  update({ id, ...body }: PathOf<"groups.update"> & JsonOf<"groups.update">, options?: RequestOptions) {
    return this.http.api.PATCH("/v1/groups/persons/{id}/", {
      params: { path: { id } },
      body,
      ...this.http.call("groups.update", options),
    });
  }

  /** Delete a person group (the persons stay). */
  delete({ id }: PathOf<"groups.delete">, options?: RequestOptions) {
    return this.http.api.DELETE("/v1/groups/persons/{id}/", {
      params: { path: { id } },
      ...this.http.call("groups.delete", options),
    });
  }

  /** The persons in a group, one page at a time. */
  persons({ id, ...query }: PathOf<"groups.persons"> & QueryOf<"groups.persons">, options?: RequestOptions) {
    return this.http.api.GET("/v1/groups/persons/{id}/pids/", {
      params: { path: { id }, query },
      ...this.http.call("groups.persons", options),
    });
  }

  /** Add up to 100 persons to groups. */
  async add(body: JsonOf<"groups.add">, options?: RequestOptions) {
    checkMaxItems("pids", body.pids, MAX_PIDS_PER_REQUEST);
    return this.http.api.POST("/v1/groups/persons/pids/", { body, ...this.http.call("groups.add", options) });
  }

  /** Remove up to 100 persons from groups (a DELETE with a JSON body). */
  async remove(body: JsonOf<"groups.remove">, options?: RequestOptions) {
    checkMaxItems("pids", body.pids, MAX_PIDS_PER_REQUEST);
    return this.http.api.DELETE("/v1/groups/persons/pids/", { body, ...this.http.call("groups.remove", options) });
  }
}
