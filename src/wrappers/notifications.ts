import type { Http, RequestOptions } from "./http";
import type { JsonOf, PathOf, QueryOf } from "./types";

/** Webhook notifications (API). */
export class Notifications {
  constructor(private readonly http: Http) {}

  /** Create a webhook notification. */
  create(body: JsonOf<"notifications.create">, options?: RequestOptions) {
    return this.http.api.POST("/v1/notifications/", { body, ...this.http.call("notifications.create", options) });
  }

  /** List notifications, one page at a time. */
  list(query: QueryOf<"notifications.list"> = {}, options?: RequestOptions) {
    return this.http.api.GET("/v1/notifications/", { params: { query }, ...this.http.call("notifications.list", options) });
  }

  /** Get a notification. */
  get({ id }: PathOf<"notifications.get">, options?: RequestOptions) {
    return this.http.api.GET("/v1/notifications/{id}/", {
      params: { path: { id } },
      ...this.http.call("notifications.get", options),
    });
  }

  /** Update a notification; only the given fields change. */
  update({ id, ...body }: PathOf<"notifications.update"> & JsonOf<"notifications.update">, options?: RequestOptions) {
    return this.http.api.PATCH("/v1/notifications/{id}/", {
      params: { path: { id } },
      body,
      ...this.http.call("notifications.update", options),
    });
  }

  /** Delete a notification. */
  delete({ id }: PathOf<"notifications.delete">, options?: RequestOptions) {
    return this.http.api.DELETE("/v1/notifications/{id}/", {
      params: { path: { id } },
      ...this.http.call("notifications.delete", options),
    });
  }
}
