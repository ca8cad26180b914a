/**
 * runtime.ts as the package's browser build has it: a page may not set User-Agent, its
 * transport is fetch, its fetch never says why a request failed (a TypeError without a
 * cause) and its WebSocket is the browser's.
 */
import type { WebSocketConstructor } from "./events";
import type * as Runtime from "./runtime";

export const USER_AGENT: typeof Runtime.USER_AGENT = undefined;

export const defaultTransport: typeof Runtime.defaultTransport = (fetchTransport) => fetchTransport;

export const decodingFailure: typeof Runtime.decodingFailure = () => undefined;

export const webSocketClass: typeof Runtime.webSocketClass = async () => {
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (!global) throw new Error("this browser has no WebSocket");
  return global;
};
