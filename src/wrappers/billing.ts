import type { Http, RequestOptions } from "./http";
import { checkMonth } from "./input";
import type { QueryOf } from "./types";

/** Usage counters per space, event type and month (IAM; access tokens of users and spaces). */
export class Billing {
  constructor(private readonly http: Http) {}

  /** Usage records, one page at a time. Months are `YYYY-MM`. */
  async usage(query: QueryOf<"billing.usage"> = {}, options?: RequestOptions) {
    checkMonths(query);
    return this.http.iam.GET("/v1/billing/usage/", { params: { query }, ...this.http.call("billing.usage", options) });
  }

  /** Usage totals per event type over the filtered months. */
  async usageTotal(query: QueryOf<"billing.usageTotal"> = {}, options?: RequestOptions) {
    checkMonths(query);
    return this.http.iam.GET("/v1/billing/usage/total/", {
      params: { query },
      ...this.http.call("billing.usageTotal", options),
    });
  }
}

function checkMonths(query: { month_from?: string; month_to?: string }): void {
  checkMonth("month_from", query.month_from);
  checkMonth("month_to", query.month_to);
}
