/** `notifications`: webhook notifications of the token's space (API). Delivery is ../webhooks.ts. */
import type { components } from "../../generated/schema";
import { deref, document } from "../document";
import type { NotificationRecord } from "../state";
import { actingSpace, created, invalid, listedSpaces, matchesQ, me, noContent, notFound, ok, page, type Ctx, type Handlers } from "./common";

type Notification = components["schemas"]["Notification"];
type Filters = Partial<Omit<Notification, "id" | "space_id">>;

// What an update may change: the document's fields, never any key a body has (`constructor`, `__proto__`).
const UPDATABLE = Object.keys(deref(document.components.schemas.NotificationUpdateParams).properties);

function find(ctx: Ctx<"notifications.get" | "notifications.update" | "notifications.delete">): NotificationRecord {
  const notification = ctx.store.notifications.get(ctx.params.id);
  if (!notification || !me(ctx).visible.has(notification.spaceId)) throw notFound();
  return notification;
}

/** 400 unless every source and group named is in the notification's space, and the age bounds are ordered. */
function check(ctx: Ctx<"notifications.create" | "notifications.update">, spaceId: number, n: Filters): void {
  for (const id of n.sources ?? []) {
    if (ctx.store.sources.get(id)?.spaceId !== spaceId) throw invalid(["sources", `Invalid pk "${id}" - object does not exist.`]);
  }
  for (const id of n.persons_groups ?? []) {
    if (ctx.store.groups.get(id)?.spaceId !== spaceId) throw invalid(["persons_groups", `Invalid pk "${id}" - object does not exist.`]);
  }
  if (n.age_from != null && n.age_to != null && n.age_to < n.age_from) {
    throw invalid(["age_to", "Ensure this value is greater than or equal to age_from."]);
  }
}

export const notifications: Handlers<
  "notifications.create" | "notifications.list" | "notifications.get" | "notifications.update" | "notifications.delete"
> = {
  "notifications.create": (ctx) => {
    const space = actingSpace(ctx);
    const b = ctx.body;
    const data: Notification = {
      id: ctx.store.nextId("notification"),
      space_id: space.id,
      name: b.name,
      is_active: b.is_active ?? true,
      http_method: b.http_method,
      destination_url: b.destination_url,
      results: b.results ?? [],
      moods: b.moods ?? [],
      liveness: b.liveness ?? [],
      age_from: b.age_from ?? null,
      age_to: b.age_to ?? null,
      sex: b.sex ?? [],
      sources: b.sources ?? [],
      persons_groups: b.persons_groups ?? [],
    };
    check(ctx, space.id, data);
    ctx.store.notifications.set(data.id, { spaceId: space.id, data });
    return created(data);
  },

  "notifications.list": (ctx) => {
    const { q, spaces_ids, ...window } = ctx.query;
    const spaces = listedSpaces(ctx, spaces_ids);
    const list = [...ctx.store.notifications.values()]
      .filter((n) => spaces.has(n.spaceId) && matchesQ(n.data.name, q))
      .map((n) => n.data)
      .sort((a, b) => a.id - b.id);
    return ok(page(ctx, list, window));
  },

  "notifications.get": (ctx) => ok(find(ctx).data),

  "notifications.update": (ctx) => {
    const notification = find(ctx);
    const merged: Notification = { ...notification.data };
    const body = ctx.body as Record<string, unknown>;
    for (const field of UPDATABLE) {
      if (Object.hasOwn(body, field) && body[field] !== undefined) (merged as Record<string, unknown>)[field] = body[field];
    }
    check(ctx, notification.spaceId, merged);
    notification.data = merged;
    return ok(merged);
  },

  "notifications.delete": (ctx) => {
    ctx.store.notifications.delete(find(ctx).data.id);
    return noContent();
  },
};
