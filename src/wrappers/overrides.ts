import { InputError } from "./errors";
import { checkNames } from "./input";
import type { ResultOf } from "./operation";
import type { Session } from "./session";

/**
 * The operations whose SDK method is not the wire operation as the document describes it,
 * each with its reason. Every other operation is generated code only. Loaded on the first
 * call of one of them (on-demand.ts), which few apps make.
 *
 * - `auth.passwordChange`: NeuroIO wants the new password twice (`password`, `password2`),
 *   as a form would; the SDK takes it once as `new_password` and sends both. After a
 *   successful change, a client made by `Client.login` keeps the new password for its
 *   re-logins.
 */

/** `auth.passwordChange` input: the new password is sent as both `password` and `password2`. */
export interface PasswordChangeParams {
  old_password: string;
  new_password: string;
  /** Revoke every earlier token. Default (server): false. */
  reset_tokens?: boolean | undefined;
}

/** The input types of the overridden methods, in place of the document's. */
export interface OverrideInputs {
  "auth.passwordChange": PasswordChangeParams;
}

/** An overridden method: its own input, the wire call to make, and the client's session. */
export type Override<O extends keyof OverrideInputs> = (
  input: OverrideInputs[O],
  sendWire: (wireInput: unknown) => Promise<ResultOf<O>>,
  session: Session,
) => Promise<ResultOf<O>>;

const PASSWORD_CHANGE_FIELDS: Record<keyof PasswordChangeParams, true> = { old_password: true, new_password: true, reset_tokens: true };

export const overrides: { [O in keyof OverrideInputs]: Override<O> } = {
  "auth.passwordChange": async (input, sendWire, session) => {
    // The SDK's own fields, checked as checkInput checks the document's: the wire names
    // (`password`, `password2`) are the SDK's to fill in.
    checkNames(input ?? {}, PASSWORD_CHANGE_FIELDS, "a field of auth.passwordChange", "auth.passwordChange");
    const { old_password, new_password, reset_tokens } = (input ?? {}) as Partial<PasswordChangeParams>;
    if (typeof new_password !== "string" || new_password === "") {
      throw new InputError("new_password", "is required (a non-empty string)", "auth.passwordChange");
    }
    const result = await sendWire({ old_password, password: new_password, password2: new_password, reset_tokens }).catch((error: unknown) => {
      // The wire's `password` and `password2` are the caller's `new_password`: name that.
      if (error instanceof InputError && (error.field === "password" || error.field === "password2")) {
        throw new InputError("new_password", error.problem, error.operation);
      }
      throw error;
    });
    if (result.error === undefined) session.passwordChanged(new_password);
    return result;
  },
};
