/**
 * `tokens`: the caller's tokens (IAM). A token manages the tokens of its own kind: account
 * tokens the user's account tokens, space tokens the tokens of their space, manager tokens
 * the user's manager tokens.
 */
import { MAX_PERMANENT_TOKENS, Store, type Caller, type TokenRecord } from "../state";
import { created, invalid, me, noContent, notFound, ok, slice, type Ctx, type Handlers } from "./common";

type TokenOp = "tokens.get" | "tokens.update" | "tokens.delete";

function find(ctx: Ctx<TokenOp>): TokenRecord {
  const wanted = String(ctx.params.token_id_or_key);
  const token = ctx.store.tokensLike(me(ctx)).find((t) => String(t.id) === wanted || t.key === wanted);
  if (!token) throw notFound();
  return token;
}

/** 400 when the caller's account or space already holds the most permanent tokens allowed. */
export function checkPermanentLimit(tokens: Array<{ permanent: boolean }>, message = "You can have at most 5 permanent tokens."): void {
  if (tokens.filter((t) => t.permanent).length >= MAX_PERMANENT_TOKENS) throw invalid(["permanent", message]);
}

export function issueLike(ctx: Ctx<"tokens.create">, caller: Caller, permanent: boolean): TokenRecord {
  if (permanent) checkPermanentLimit(ctx.store.tokensLike(caller));
  return ctx.store.issueToken(caller.user, caller.kind, caller.token.spaceId, permanent);
}

export const tokens: Handlers<"tokens.create" | "tokens.list" | "tokens.get" | "tokens.update" | "tokens.delete" | "tokens.deleteList"> = {
  "tokens.create": (ctx) => created(Store.tokenJson(issueLike(ctx, me(ctx), ctx.body.permanent ?? false))),

  "tokens.list": (ctx) => {
    const { permanent, ...window } = ctx.query;
    const list = ctx.store
      .tokensLike(me(ctx))
      .filter((t) => permanent === undefined || t.permanent === permanent)
      .sort((a, b) => a.id - b.id);
    return ok(slice(list, window).map(Store.tokenJson));
  },

  "tokens.get": (ctx) => ok(Store.tokenJson(find(ctx))),

  "tokens.update": (ctx) => {
    const token = find(ctx);
    token.isActive = ctx.body.is_active;
    return ok(Store.tokenJson(token));
  },

  "tokens.delete": (ctx) => {
    ctx.store.tokens.delete(find(ctx).id);
    return noContent();
  },

  "tokens.deleteList": (ctx) => {
    const { permanent } = ctx.query;
    for (const token of ctx.store.tokensLike(me(ctx))) {
      if (permanent === undefined || token.permanent === permanent) ctx.store.tokens.delete(token.id);
    }
    return noContent();
  },
};
