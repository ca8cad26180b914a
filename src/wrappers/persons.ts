import type { Http, RequestOptions } from "./http";
import type { WithImages } from "./uploads";
import type { FormOf, JsonOf, PathOf } from "./types";

const IMAGE = ["image"] as const;

/** Persons, created, re-initialised and searched from photos or entries (API). */
export class Persons {
  constructor(private readonly http: Http) {}

  /** Create a person from a photo, or get the existing one it matches. */
  create(body: WithImages<FormOf<"persons.create">>, options?: RequestOptions) {
    return this.http.api.POST("/v1/persons/", {
      body: body as FormOf<"persons.create">,
      bodySerializer: this.http.multipart(IMAGE),
      ...this.http.call("persons.create", options),
    });
  }

  /** Create a person from an entry. */
  createByEntry(body: JsonOf<"persons.createByEntry">, options?: RequestOptions) {
    return this.http.api.POST("/v1/persons/entry/", { body, ...this.http.call("persons.createByEntry", options) });
  }

  /** Re-initialise a person from an entry's photo. */
  reinit(body: JsonOf<"persons.reinit">, options?: RequestOptions) {
    return this.http.api.POST("/v1/persons/reinit/", { body, ...this.http.call("persons.reinit", options) });
  }

  /** Re-initialise a person from a new photo. */
  reinitByPhoto({ pid, ...body }: PathOf<"persons.reinitByPhoto"> & WithImages<FormOf<"persons.reinitByPhoto">>, options?: RequestOptions) {
    return this.http.api.POST("/v1/persons/reinit/{pid}/", {
      params: { path: { pid } },
      body: body as FormOf<"persons.reinitByPhoto">,
      bodySerializer: this.http.multipart(IMAGE),
      ...this.http.call("persons.reinitByPhoto", options),
    });
  }

  /** Search for the person in a photo. */
  search(body: WithImages<FormOf<"persons.search">>, options?: RequestOptions) {
    return this.http.api.POST("/v1/persons/search/", {
      body: body as FormOf<"persons.search">,
      bodySerializer: this.http.multipart(IMAGE),
      ...this.http.call("persons.search", options),
    });
  }

  /** Delete a person. */
  delete({ pid }: PathOf<"persons.delete">, options?: RequestOptions) {
    return this.http.api.DELETE("/v1/persons/{pid}/", { params: { path: { pid } }, ...this.http.call("persons.delete", options) });
  }
}
