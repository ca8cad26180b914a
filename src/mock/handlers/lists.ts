/** `lists`: unpaged full lists for pickers (IAM). */
import { Store } from "../state";
import { ok, type Handlers } from "./common";
import { visibleSpaces } from "./spaces";

export const lists: Handlers<"lists.spaces.all"> = {
  "lists.spaces.all": (ctx) => ok(visibleSpaces(ctx).map(Store.spaceJson)),
};
