/** `streams`: stream tokens of the token's space (API); at most 5 permanent ones per space. */
import { Store, type StreamTokenRecord } from "../state";
import { checkPermanentLimit } from "./tokens";
import { actingSpace, created, noContent, notFound, ok, slice, type Ctx, type Handlers } from "./common";

function ofSpace(ctx: Ctx<"streams.tokens.create" | "streams.tokens.list" | "streams.tokens.deleteList" | TokenOp>): StreamTokenRecord[] {
  const space = actingSpace(ctx);
  return [...ctx.store.streamTokens.values()].filter((t) => t.spaceId === space.id).sort((a, b) => a.id - b.id);
}

type TokenOp = "streams.tokens.get" | "streams.tokens.update" | "streams.tokens.delete";

function find(ctx: Ctx<TokenOp>): StreamTokenRecord {
  const wanted = String(ctx.params.token_id_or_key);
  const token = ofSpace(ctx).find((t) => String(t.id) === wanted || t.key === wanted);
  if (!token) throw notFound();
  return token;
}

export const streams: Handlers<
  "streams.tokens.create" | "streams.tokens.list" | "streams.tokens.get" | "streams.tokens.update" | "streams.tokens.delete" | "streams.tokens.deleteList"
> = {
  "streams.tokens.create": (ctx) => {
    const permanent = ctx.body?.permanent ?? false;
    if (permanent) checkPermanentLimit(ofSpace(ctx), "The limit of 5 permanent tokens is reached.");
    return created(Store.tokenJson(ctx.store.issueStreamToken(actingSpace(ctx).id, permanent)));
  },

  "streams.tokens.list": (ctx) => {
    const { permanent, ...window } = ctx.query;
    return ok(slice(ofSpace(ctx).filter((t) => permanent === undefined || t.permanent === permanent), window).map(Store.tokenJson));
  },

  "streams.tokens.get": (ctx) => ok(Store.tokenJson(find(ctx))),

  "streams.tokens.update": (ctx) => {
    const token = find(ctx);
    token.isActive = ctx.body.is_active;
    return ok(Store.tokenJson(token));
  },

  "streams.tokens.delete": (ctx) => {
    ctx.store.streamTokens.delete(find(ctx).id);
    return noContent();
  },

  "streams.tokens.deleteList": (ctx) => {
    const { permanent } = ctx.query;
    for (const token of ofSpace(ctx)) if (permanent === undefined || token.permanent === permanent) ctx.store.streamTokens.delete(token.id);
    return noContent();
  },
};
