/**
 * `spaces`: the account's spaces and space tokens (IAM). Account and manager tokens see
 * every space of the account; a space token sees only its own space and may neither create
 * nor delete spaces (403).
 */
import { Store, type SpaceRecord } from "../state";
import { checkPermanentLimit } from "./tokens";
import { created, failure, forbidden, invalid, matchesQ, me, noContent, notFound, ok, page, type Ctx, type Handlers } from "./common";

/** The spaces the caller can see, by id. */
export function visibleSpaces(ctx: Ctx<"spaces.list" | "lists.spaces.all">): SpaceRecord[] {
  const { visible } = me(ctx);
  return [...ctx.store.spaces.values()].filter((s) => visible.has(s.id)).sort((a, b) => a.id - b.id);
}

function find(ctx: Ctx<"spaces.get" | "spaces.update" | "spaces.delete" | "spaces.token">): SpaceRecord {
  const space = ctx.store.spaces.get(ctx.params.id);
  if (!space || !me(ctx).visible.has(space.id)) throw notFound();
  return space;
}

function checkUniqueName(ctx: Ctx<"spaces.create" | "spaces.update">, name: string, except?: SpaceRecord): void {
  const taken = ctx.store.spacesOf(me(ctx).user.id).some((s) => s.name === name && s !== except);
  if (taken) throw invalid(["name", "A space with this name already exists."]);
}

export const spaces: Handlers<"spaces.create" | "spaces.list" | "spaces.get" | "spaces.update" | "spaces.delete" | "spaces.token"> = {
  "spaces.create": (ctx) => {
    const caller = me(ctx);
    if (caller.kind === "space") throw forbidden();
    checkUniqueName(ctx, ctx.body.name);
    return created(Store.spaceJson(ctx.store.createSpace(caller.user, ctx.body.name)));
  },

  "spaces.list": (ctx) => {
    const { q, ...window } = ctx.query;
    return ok(page(ctx, visibleSpaces(ctx).filter((s) => matchesQ(s.name, q)).map(Store.spaceJson), window));
  },

  "spaces.get": (ctx) => ok(Store.spaceJson(find(ctx))),

  "spaces.update": (ctx) => {
    const space = find(ctx);
    const { name } = ctx.body;
    if (name !== undefined && name !== space.name) {
      if (space.isDefault) throw invalid(["name", "The default space cannot be renamed."]);
      checkUniqueName(ctx, name, space);
      space.name = name;
    }
    return ok(Store.spaceJson(space));
  },

  "spaces.delete": (ctx) => {
    const space = find(ctx);
    if (me(ctx).kind === "space") throw forbidden();
    if (space.isDefault) throw failure(400, "The default space cannot be deleted.");
    ctx.store.deleteSpace(space);
    return noContent();
  },

  "spaces.token": (ctx) => {
    const space = find(ctx);
    const permanent = ctx.body.permanent ?? false;
    const user = me(ctx).user;
    if (permanent) checkPermanentLimit([...ctx.store.tokens.values()].filter((t) => t.kind === "space" && t.spaceId === space.id));
    return created(Store.tokenJson(ctx.store.issueToken(user, "space", space.id, permanent)));
  },
};
