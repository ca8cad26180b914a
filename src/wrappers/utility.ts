import type { Http, RequestOptions } from "./http";
import type { WithImages } from "./uploads";
import type { FormOf, QueryOf } from "./types";

/** Stateless face utilities (API). */
export class Utility {
  constructor(private readonly http: Http) {}

  /** Whether the faces in two photos belong to the same person. */
  compare(body: WithImages<FormOf<"utility.compare">>, options?: RequestOptions) {
    return this.http.api.POST("/v1/utility/compare/", {
      body: body as FormOf<"utility.compare">,
      bodySerializer: this.http.multipart(["image1", "image2"]),
      ...this.http.call("utility.compare", options),
    });
  }

  /** Age, sex and mood of the face in a photo. */
  asm(body: WithImages<FormOf<"utility.asm">>, options?: RequestOptions) {
    return this.http.api.POST("/v1/utility/asm/", {
      body: body as FormOf<"utility.asm">,
      bodySerializer: this.http.multipart(["image"]),
      ...this.http.call("utility.asm", options),
    });
  }

  /** Who is a customer: the person behind a source's entries. */
  customer(query: QueryOf<"utility.customer"> = {}, options?: RequestOptions) {
    return this.http.api.GET("/v1/utility/customer/", { params: { query }, ...this.http.call("utility.customer", options) });
  }
}
