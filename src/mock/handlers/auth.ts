/** `auth`: log in, change the password (IAM). */
import { Store } from "../state";
import { failure, forbidden, invalid, me, noContent, ok, type Handlers } from "./common";

export const auth: Handlers<"auth.login" | "auth.passwordChange"> = {
  "auth.login": ({ store, body }) => {
    const login = store.login(body.username, body.password);
    if (!login) throw failure(400, "Username and password do not match.", 602);
    const space = login.user.manager ? null : Store.spaceJson(store.defaultSpace(login.user.id));
    return ok({ user: { username: login.user.username, space }, token: Store.tokenJson(login.token) });
  },

  "auth.passwordChange": (ctx) => {
    const { store, body } = ctx;
    const { user, kind } = me(ctx);
    // The password (and, with reset_tokens, every token of the account) is beyond a space token's one space.
    if (kind === "space") throw forbidden();
    if (body.old_password !== user.password) throw invalid(["old_password", "Incorrect password."]);
    if (body.password !== body.password2) throw invalid(["password2", "The two password fields didn't match."]);
    if (body.password === "") throw invalid(["password", "This field may not be blank."]);
    user.password = body.password;
    // reset_tokens revokes every token issued to the user so far, the calling one included.
    if (body.reset_tokens) for (const [id, token] of store.tokens) if (token.userId === user.id) store.tokens.delete(id);
    return noContent();
  },
};
