/**
 * The parts of the client that only some clients need, each loaded on its first use:
 * CommonJS (the CJS build, jest) requires it; an ES module has no require and uses a
 * literal import(), which the ESM build, and a web bundler after it, make a chunk of its
 * own. A page that never needs one never loads it (scripts/size.mjs measures them apart).
 */
function onDemand<M>(load: () => M | Promise<M>): () => Promise<M> {
  let loaded: M | undefined;
  return async () => (loaded ??= await load());
}

/** middleware.ts with openapi-fetch, on the first call of a client with middleware. */
export const loadMiddleware = onDemand((): Promise<typeof import("./middleware")> => (typeof require === "function" ? require("./middleware") : import("./middleware.js")));

/** uploads.ts, on the first call with a multipart body. */
export const loadUploads = onDemand((): Promise<typeof import("./uploads")> => (typeof require === "function" ? require("./uploads") : import("./uploads.js")));

/** login.ts, on the first `Client.login()`. */
export const loadLogin = onDemand((): Promise<typeof import("./login")> => (typeof require === "function" ? require("./login") : import("./login.js")));

/** overrides.ts, on the first call of an overridden operation (`auth.passwordChange`). */
export const loadOverrides = onDemand((): Promise<typeof import("./overrides")> => (typeof require === "function" ? require("./overrides") : import("./overrides.js")));
