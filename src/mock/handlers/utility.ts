/** `utility`: stateless face utilities (API): compare two photos, age/sex/mood, the latest customer. */
import { levelOf, reaches, similarity } from "../faces";
import { actingSpace, me, notFound, ok, requestedLevel, uploadedFace, type Handlers } from "./common";

export const utility: Handlers<"utility.compare" | "utility.asm" | "utility.customer"> = {
  "utility.compare": (ctx) => {
    const required = requestedLevel(ctx.body.result);
    const a = uploadedFace(ctx, "image1").face;
    const b = uploadedFace(ctx, "image2").face;
    const result = levelOf(similarity(a, b), actingSpace(ctx).thresholds);
    return ok({ similar: reaches(result, required), result });
  },

  "utility.asm": (ctx) => {
    const { age, sex, mood } = uploadedFace(ctx, "image").face;
    return ok({ age, sex, mood });
  },

  "utility.customer": (ctx) => {
    const { source, offset = 0 } = ctx.query;
    const caller = me(ctx);
    if (source !== undefined && !ctx.store.sourceByName(source, caller.visible)) throw notFound();
    const tied = [...ctx.store.entries.values()]
      .filter((e) => caller.visible.has(e.spaceId) && e.data.pid !== null && (source === undefined || e.data.source?.name === source))
      .sort((a, b) => b.data.id - a.data.id);
    const pid = tied[offset]?.data.pid;
    if (!pid) throw notFound();
    return ok({ pid });
  },
};
