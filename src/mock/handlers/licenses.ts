/**
 * `licenses`: the account's source licenses (IAM), bound to sources through `license_id`.
 * A license bound to a source is visible only to tokens that see the source's space, like
 * the source itself; unbound licenses are visible to every token of the account.
 */
import { parseDateFilter } from "../dates";
import type { LicenseRecord } from "../state";
import { created, matchesQ, me, noContent, notFound, ok, page, type Ctx, type Handlers } from "./common";

function find(ctx: Ctx<"licenses.sources.get" | "licenses.sources.update" | "licenses.sources.delete">): LicenseRecord {
  const license = ctx.store.licenses.get(ctx.params.id);
  if (!license || !ctx.store.licenseVisibleTo(me(ctx), license)) throw notFound();
  return license;
}

export const licenses: Handlers<
  "licenses.sources.create" | "licenses.sources.list" | "licenses.sources.get" | "licenses.sources.update" | "licenses.sources.delete"
> = {
  "licenses.sources.create": (ctx) => {
    const { store, body } = ctx;
    const license: LicenseRecord = {
      id: store.nextId("license"),
      userId: me(ctx).user.id,
      name: body.name,
      entryStorageDays: body.entry_storage_days ?? 1,
      isActive: true,
      created: store.clock(),
    };
    store.licenses.set(license.id, license);
    return created(store.licenseJson(license));
  },

  "licenses.sources.list": (ctx) => {
    const { q, date_from, date_to, is_bound, ...window } = ctx.query;
    const { store } = ctx;
    const from = parseDateFilter(date_from, -Infinity);
    const to = parseDateFilter(date_to, Infinity);
    const list = [...store.licenses.values()]
      .filter((l) => store.licenseVisibleTo(me(ctx), l) && matchesQ(l.name, q) && l.created >= from && l.created <= to)
      .filter((l) => is_bound === undefined || (store.sourceBoundTo(l.id) !== undefined) === is_bound)
      .sort((a, b) => a.id - b.id);
    return ok(page(ctx, list.map((l) => store.licenseJson(l)), window));
  },

  "licenses.sources.get": (ctx) => ok(ctx.store.licenseJson(find(ctx))),

  "licenses.sources.update": (ctx) => {
    const license = find(ctx);
    const { name, is_active, entry_storage_days } = ctx.body;
    if (name !== undefined) license.name = name;
    if (is_active !== undefined) license.isActive = is_active;
    if (entry_storage_days !== undefined) license.entryStorageDays = entry_storage_days;
    return ok(ctx.store.licenseJson(license));
  },

  "licenses.sources.delete": (ctx) => {
    const license = find(ctx);
    // A source bound to a deleted license is left without one.
    const bound = ctx.store.sourceBoundTo(license.id);
    if (bound) bound.licenseId = null;
    ctx.store.licenses.delete(license.id);
    return noContent();
  },
};
