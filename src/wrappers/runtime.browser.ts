/**
 * runtime.ts as the package's browser build has it: a page may not set User-Agent, and its
 * transport is fetch.
 */
import type * as Runtime from "./runtime";

export const USER_AGENT: typeof Runtime.USER_AGENT = undefined;

export const defaultTransport: typeof Runtime.defaultTransport = (fetchTransport) => fetchTransport;
