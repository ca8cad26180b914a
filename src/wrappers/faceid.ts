import type { Http, RequestOptions } from "./http";
import type { WithImages } from "./uploads";
import type { FormOf } from "./types";

/** Person-against-document checks (API). */
export class Faceid {
  constructor(private readonly http: Http) {}

  /** Compare a person photo with a document photo. */
  compare(body: WithImages<FormOf<"faceid.compare">>, options?: RequestOptions) {
    return this.http.api.POST("/v1/faceid/compare/", {
      body: body as FormOf<"faceid.compare">,
      bodySerializer: this.http.multipart(["photo"]),
      ...this.http.call("faceid.compare", options),
    });
  }

  /** Verify a person against an identity document and read the document. */
  verification(body: WithImages<FormOf<"faceid.verification">>, options?: RequestOptions) {
    return this.http.api.POST("/v1/faceid/verification/", {
      body: body as FormOf<"faceid.verification">,
      bodySerializer: this.http.multipart(["photo_face", "photo_id"]),
      ...this.http.call("faceid.verification", options),
    });
  }

  /** The supported identity document codes (`id_code`). */
  idCodes(options?: RequestOptions) {
    return this.http.api.GET("/v1/faceid/id-codes/", this.http.call("faceid.idCodes", options));
  }
}
