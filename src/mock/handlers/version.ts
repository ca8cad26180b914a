/** `version`: the API version, the document's `info.version` (API). */
import { API_VERSION } from "../document";
import { ok, type Handlers } from "./common";

export const version: Handlers<"version.get"> = {
  "version.get": () => ok({ version: API_VERSION }),
};
