/**
 * The stand-in's stateful handlers, by operationId: one module per namespace (tag). An
 * operation of the document without one is answered from the document's examples (see
 * ../openapi.ts), so a newly added operation works before it has a handler.
 */
import { auth } from "./auth";
import { billing } from "./billing";
import type { Handler, OperationId } from "./common";
import { entries } from "./entries";
import { faceid } from "./faceid";
import { groups } from "./groups";
import { licenses } from "./licenses";
import { lists } from "./lists";
import { notifications } from "./notifications";
import { persons } from "./persons";
import { settings } from "./settings";
import { sources } from "./sources";
import { spaces } from "./spaces";
import { streams } from "./streams";
import { tokens } from "./tokens";
import { utility } from "./utility";
import { version } from "./version";
import { whoami } from "./whoami";

export const handlers: { [O in OperationId]?: Handler<O> } = {
  ...auth,
  ...whoami,
  ...tokens,
  ...spaces,
  ...lists,
  ...licenses,
  ...billing,
  ...sources,
  ...entries,
  ...persons,
  ...groups,
  ...notifications,
  ...settings,
  ...streams,
  ...utility,
  ...faceid,
  ...version,
};
