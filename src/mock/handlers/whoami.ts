/** `whoami`: the user and space of the calling token (IAM). */
import { Store } from "../state";
import { me, ok, type Handlers } from "./common";

export const whoami: Handlers<"whoami.me"> = {
  "whoami.me": (ctx) => {
    const { user, space } = me(ctx);
    return ok({ username: user.username, space: space ? Store.spaceJson(space) : null });
  },
};
