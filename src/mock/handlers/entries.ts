/** `entries`: the recorded result of every face processed, and per-person statistics (API). */
import type { components } from "../../generated/schema";
import { parseDateFilter } from "../dates";
import { isoTime, type PersonRecord } from "../state";
import { listedSpaces, me, noContent, notFound, ok, page, type Ctx, type Handlers } from "./common";

type Entry = components["schemas"]["Entry"];

/** A person the caller can see, or 404. */
export function visiblePerson(ctx: Ctx<"entries.get" | "persons.delete" | "persons.reinitByPhoto">, pid: string): PersonRecord {
  const person = ctx.store.persons.get(pid);
  if (!person || !me(ctx).visible.has(person.spaceId)) throw notFound();
  return person;
}

const anyOf = <T>(wanted: readonly T[] | undefined, value: T) => !wanted?.length || wanted.includes(value);

export const entries: Handlers<"entries.list" | "entries.get" | "entries.delete"> = {
  "entries.list": (ctx) => {
    const q = ctx.query;
    const spaces = listedSpaces(ctx, q.spaces_ids);
    const from = parseDateFilter(q.date_from, -Infinity);
    const to = parseDateFilter(q.date_to, Infinity);
    const matches = (e: Entry) =>
      anyOf(q.pid, e.pid ?? "") &&
      anyOf(q.result, e.result) &&
      (q.age_from === undefined || (e.age !== null && e.age >= q.age_from)) &&
      (q.age_to === undefined || (e.age !== null && e.age <= q.age_to)) &&
      (!q.sex?.length || (e.sex !== null && q.sex.includes(e.sex))) &&
      (!q.mood?.length || (e.mood !== null && q.mood.includes(e.mood))) &&
      (!q.liveness?.length || (e.liveness !== null && q.liveness.includes(e.liveness))) &&
      anyOf(q.sources_ids, e.source?.id) &&
      Date.parse(e.created) >= from &&
      Date.parse(e.created) <= to &&
      (q.id_from === undefined || e.id >= q.id_from);
    const list = [...ctx.store.entries.values()]
      .filter((e) => spaces.has(e.spaceId) && matches(e.data))
      .map((e) => e.data)
      .sort((a, b) => b.id - a.id);
    return ok(page(ctx, list, { limit: q.limit, offset: q.offset }));
  },

  "entries.get": (ctx) => {
    const person = visiblePerson(ctx, ctx.params.pid);
    // Only entries of spaces the caller sees count, as everywhere.
    const visible = me(ctx).visible;
    const own = [...ctx.store.entries.values()].filter((e) => visible.has(e.spaceId) && e.data.pid === person.pid).map((e) => e.data);
    const count = (test: (e: Entry) => boolean) => own.filter(test).length;
    return ok({
      pid: person.pid,
      pid_created: isoTime(person.created),
      pid_source: person.source,
      age: person.initial.age,
      sex: person.initial.sex,
      initial_face_image: person.initial.faceImage,
      initial_full_image: person.initial.fullImage,
      initial_facesize: person.initial.facesize,
      initial_liveness: person.initial.liveness,
      total: own.length,
      exact: count((e) => e.result === "exact"),
      ha: count((e) => e.result === "ha"),
      junk: count((e) => e.result === "junk"),
      reinit: count((e) => e.result === "reinit"),
      liveness: {
        passed: count((e) => e.liveness === "passed"),
        failed: count((e) => e.liveness === "failed"),
        undetermined: count((e) => e.liveness === "undetermined"),
      },
    });
  },

  "entries.delete": (ctx) => {
    const entry = ctx.store.entries.get(ctx.params.id);
    if (!entry || !me(ctx).visible.has(entry.spaceId)) throw notFound();
    ctx.store.deleteEntry(entry);
    return noContent();
  },
};
