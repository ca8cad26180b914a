/**
 * `sources`: where data comes from, with its processing settings (API). A new source goes
 * into the token's space and takes every setting left out from the document's defaults.
 */
import { deref, document, schemaDefaults } from "../document";
import type { SourceRecord, SourceSettings } from "../state";
import { actingSpace, invalid, listedSpaces, matchesQ, me, notFound, ok, page, created, type Ctx, type Handlers } from "./common";

/** The setting fields of `Source`: everything but identity and license. */
const SETTING_FIELDS = Object.keys(deref(document.components.schemas.Source).properties).filter(
  (name) => !["id", "space_id", "name", "license_id", "license"].includes(name),
);

const SETTING_DEFAULTS = Object.fromEntries(
  Object.entries(schemaDefaults("SourceCreateParams")).filter(([name]) => SETTING_FIELDS.includes(name)),
) as SourceSettings;

type SourceBody = Partial<SourceSettings> & { name?: string; license_id?: number | null };

function find(ctx: Ctx<"sources.get" | "sources.update" | "sources.delete">): SourceRecord {
  const source = ctx.store.sources.get(ctx.params.id);
  if (!source || !me(ctx).visible.has(source.spaceId)) throw notFound();
  return source;
}

function checkName(ctx: Ctx<"sources.create" | "sources.update">, spaceId: number, name: string, self?: SourceRecord): void {
  const taken = [...ctx.store.sources.values()].some((s) => s.spaceId === spaceId && s.name === name && s !== self);
  if (taken) throw invalid(["name", "A source with this name already exists."]);
}

/** 400 unless `licenseId` is a license the caller sees that no other source holds. */
function checkLicense(ctx: Ctx<"sources.create" | "sources.update">, licenseId: number, self?: SourceRecord): void {
  const license = ctx.store.licenses.get(licenseId);
  if (!license || !ctx.store.licenseVisibleTo(me(ctx), license)) throw invalid(["license_id", `Invalid pk "${licenseId}" - object does not exist.`]);
  const holder = ctx.store.sourceBoundTo(licenseId);
  if (holder && holder !== self) throw invalid(["license_id", "This license is already bound to another source."]);
}

/** Copies the setting fields present in `body`; anything else (`license`, `use_pps_timestamp`) is ignored. */
function applySettings(settings: SourceSettings, body: SourceBody): void {
  for (const field of SETTING_FIELDS) {
    if (Object.hasOwn(body, field)) (settings as Record<string, unknown>)[field] = structuredClone((body as Record<string, unknown>)[field]);
  }
}

function bind(ctx: Ctx<"sources.create" | "sources.update">, source: SourceRecord, licenseId: number | null): void {
  if (licenseId !== null && licenseId !== source.licenseId) ctx.store.countUsage(source.spaceId, 4);
  source.licenseId = licenseId;
}

export const sources: Handlers<"sources.create" | "sources.list" | "sources.get" | "sources.update" | "sources.delete"> = {
  "sources.create": (ctx) => {
    const body = ctx.body as SourceBody & { name: string };
    const space = actingSpace(ctx);
    checkName(ctx, space.id, body.name);
    const licenseId = body.license_id ?? null;
    if (licenseId !== null) checkLicense(ctx, licenseId);
    const source: SourceRecord = { id: ctx.store.nextId("source"), spaceId: space.id, name: body.name, licenseId: null, settings: structuredClone(SETTING_DEFAULTS) };
    applySettings(source.settings, body);
    bind(ctx, source, licenseId);
    ctx.store.sources.set(source.id, source);
    return created(ctx.store.sourceJson(source));
  },

  "sources.list": (ctx) => {
    const { q, spaces_ids, ...window } = ctx.query;
    const spaces = listedSpaces(ctx, spaces_ids);
    const list = [...ctx.store.sources.values()]
      .filter((s) => spaces.has(s.spaceId) && matchesQ(s.name, q))
      .sort((a, b) => a.id - b.id)
      .map((s) => ctx.store.sourceJson(s));
    return ok(page(ctx, list, window));
  },

  "sources.get": (ctx) => ok(ctx.store.sourceJson(find(ctx))),

  "sources.update": (ctx) => {
    const source = find(ctx);
    const body = ctx.body as SourceBody;
    if (body.name !== undefined) checkName(ctx, source.spaceId, body.name, source);
    if (body.license_id !== undefined && body.license_id !== null) checkLicense(ctx, body.license_id, source);
    if (body.name !== undefined) source.name = body.name;
    if (body.license_id !== undefined) bind(ctx, source, body.license_id);
    applySettings(source.settings, body);
    return ok(ctx.store.sourceJson(source));
  },

  "sources.delete": (ctx) => {
    ctx.store.deleteSource(find(ctx));
    return { status: 202 };
  },
};
