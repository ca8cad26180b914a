import type { Http, RequestOptions } from "./http";

/** Unpaged full lists (IAM). */
export class Lists {
  readonly spaces: ListsSpaces;

  constructor(http: Http) {
    this.spaces = new ListsSpaces(http);
  }
}

export class ListsSpaces {
  constructor(private readonly http: Http) {}

  /** The full list of spaces, not paged. */
  all(options?: RequestOptions) {
    return this.http.iam.GET("/v1/lists/spaces/", this.http.call("lists.spaces.all", options));
  }
}
