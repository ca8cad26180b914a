/** `settings`: the similarity thresholds of the token's space (API). */
import { schemaDefaults } from "../document";
import type { Thresholds } from "../faces";
import type { SpaceRecord } from "../state";
import { actingSpace, ok, type Handlers } from "./common";

const DEFAULTS = schemaDefaults("Thresholds") as unknown as Thresholds;

const thresholdsJson = (space: SpaceRecord) => ({ space_id: space.id, ...space.thresholds });

export const settings: Handlers<"settings.get" | "settings.update" | "settings.reset"> = {
  "settings.get": (ctx) => ok(thresholdsJson(actingSpace(ctx))),

  "settings.update": (ctx) => {
    const space = actingSpace(ctx);
    const { exact, ha, junk } = ctx.body;
    space.thresholds = { exact: exact ?? space.thresholds.exact, ha: ha ?? space.thresholds.ha, junk: junk ?? space.thresholds.junk };
    return ok(thresholdsJson(space));
  },

  "settings.reset": (ctx) => {
    const space = actingSpace(ctx);
    space.thresholds = { ...DEFAULTS };
    return ok(thresholdsJson(space));
  },
};
