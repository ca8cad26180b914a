/**
 * `billing`: usage counters per space, event type and month (IAM). The stand-in counts
 * 1 API_CALLS: every authenticated call to the API host, in the calling token's space;
 * 2 PERSONS_STORAGE: persons created; 3 ENTRY_STORAGE: entries recorded;
 * 4 SOURCE_LICENSES: licenses bound to a source. Manager tokens get 403 (checked for every
 * billing operation by the server).
 */
import { billingEventTypeValues, type components } from "../../generated/schema";
import { invalid, listedSpaces, ok, page, type Ctx, type Handlers } from "./common";

type EventType = components["schemas"]["BillingEventType"];
const EVENT_TYPES: readonly EventType[] = billingEventTypeValues;

function usage(ctx: Ctx<"billing.usage" | "billing.usageTotal">) {
  const { spaces_ids, event_types, month_from, month_to } = ctx.query;
  if (month_from !== undefined && month_to !== undefined && month_to < month_from) {
    throw invalid(["month_to", "month_to must not be before month_from."]);
  }
  const spaces = listedSpaces(ctx, spaces_ids);
  const types = new Set(event_types?.length ? event_types : EVENT_TYPES);
  return ctx.store
    .usageRecords()
    .filter((r) => spaces.has(r.space_id) && types.has(r.event_type))
    .filter((r) => (month_from === undefined || r.month >= month_from) && (month_to === undefined || r.month <= month_to))
    .sort((a, b) => a.month.localeCompare(b.month) || a.space_id - b.space_id || a.event_type - b.event_type);
}

export const billing: Handlers<"billing.usage" | "billing.usageTotal"> = {
  "billing.usage": (ctx) => {
    const { limit, offset } = ctx.query;
    return ok(page(ctx, usage(ctx), { limit, offset }));
  },

  "billing.usageTotal": (ctx) => {
    const records = usage(ctx);
    const asked = ctx.query.event_types?.length ? [...new Set(ctx.query.event_types)].sort() : EVENT_TYPES;
    return ok({
      results: asked.map((event_type) => ({
        event_type,
        count: records.filter((r) => r.event_type === event_type).reduce((sum, r) => sum + r.count, 0),
      })),
    });
  },
};
