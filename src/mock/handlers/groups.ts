/**
 * `groups`: person groups (API). A group lives in the token's space and holds persons of
 * that space; at most 100 pids per add/remove request (the document's `maxItems`, checked
 * by request validation) and 100,000 persons per group.
 */
import type { GroupRecord } from "../state";
import { actingSpace, created, invalid, listedSpaces, matchesQ, me, noContent, notFound, ok, page, type Ctx, type Handlers } from "./common";

export const MAX_GROUP_SIZE = 100_000;

function groupJson(group: GroupRecord) {
  return { id: group.id, space_id: group.spaceId, name: group.name, persons_count: group.members.size };
}

function find(ctx: Ctx<"groups.get" | "groups.update" | "groups.delete" | "groups.persons">): GroupRecord {
  const group = ctx.store.groups.get(ctx.params.id);
  if (!group || !me(ctx).visible.has(group.spaceId)) throw notFound();
  return group;
}

/** The groups and persons of an add/remove body, all visible and in the same space, or 400. */
function resolve(ctx: Ctx<"groups.add" | "groups.remove">) {
  const { store, body } = ctx;
  const { visible } = me(ctx);
  const groups = body.groups_ids.map((id) => {
    const group = store.groups.get(id);
    if (!group || !visible.has(group.spaceId)) throw invalid(["groups_ids", `Invalid pk "${id}" - object does not exist.`]);
    return group;
  });
  for (const pid of body.pids) {
    const person = store.persons.get(pid);
    if (!person || !visible.has(person.spaceId)) throw invalid(["pids", `Invalid pk "${pid}" - object does not exist.`]);
    const elsewhere = groups.find((g) => g.spaceId !== person.spaceId);
    if (elsewhere) throw invalid(["pids", `Person "${pid}" is not in the space of group ${elsewhere.id}.`]);
  }
  return { groups, pids: [...new Set(body.pids)] };
}

export const groups: Handlers<
  "groups.create" | "groups.list" | "groups.get" | "groups.update" | "groups.delete" | "groups.persons" | "groups.add" | "groups.remove"
> = {
  "groups.create": (ctx) => {
    const group: GroupRecord = { id: ctx.store.nextId("group"), spaceId: actingSpace(ctx).id, name: ctx.body.name, members: new Set() };
    ctx.store.groups.set(group.id, group);
    return created(groupJson(group));
  },

  "groups.list": (ctx) => {
    const { q, pids_include, pids_exclude, groups_ids, spaces_ids, ...window } = ctx.query;
    const spaces = listedSpaces(ctx, spaces_ids);
    const list = [...ctx.store.groups.values()]
      .filter((g) => spaces.has(g.spaceId) && matchesQ(g.name, q))
      .filter((g) => !groups_ids?.length || groups_ids.includes(g.id))
      .filter((g) => !pids_include?.length || pids_include.some((pid) => g.members.has(pid)))
      .filter((g) => !pids_exclude?.length || !pids_exclude.some((pid) => g.members.has(pid)))
      .sort((a, b) => a.id - b.id);
    return ok(page(ctx, list.map(groupJson), window));
  },

  "groups.get": (ctx) => ok(groupJson(find(ctx))),

  "groups.update": (ctx) => {
    const group = find(ctx);
    if (ctx.body.name !== undefined) group.name = ctx.body.name;
    return ok(groupJson(group));
  },

  "groups.delete": (ctx) => {
    ctx.store.groups.delete(find(ctx).id);
    return noContent();
  },

  "groups.persons": (ctx) => {
    const group = find(ctx);
    const { pids, limit, offset } = ctx.query;
    const members = [...group.members]
      .filter((pid) => !pids?.length || pids.includes(pid))
      .map((pid) => ({ pid, pid_source: ctx.store.persons.get(pid)?.source.name ?? "" }));
    return ok(page(ctx, members, { limit, offset }));
  },

  "groups.add": (ctx) => {
    const { groups, pids } = resolve(ctx);
    for (const group of groups) {
      const added = pids.filter((pid) => !group.members.has(pid)).length;
      if (group.members.size + added > MAX_GROUP_SIZE) {
        throw invalid(["groups_ids", `Group ${group.id} would hold more than ${MAX_GROUP_SIZE} persons.`]);
      }
    }
    for (const group of groups) for (const pid of pids) group.members.add(pid);
    return ok({ pids: ctx.body.pids, groups_ids: ctx.body.groups_ids });
  },

  "groups.remove": (ctx) => {
    const { groups, pids } = resolve(ctx);
    for (const group of groups) for (const pid of pids) group.members.delete(pid);
    return ok({ pids: ctx.body.pids, groups_ids: ctx.body.groups_ids });
  },
};
