/**
 * `neuroio/mock`: a local, stateful NeuroIO stand-in for development and tests, driven by
 * the SDK's OpenAPI document.
 *
 *     const server = await startMockServer();
 *     const client = await Client.login(DEMO_USER, { iamUrl: server.iamUrl, apiUrl: server.apiUrl });
 *     …
 *     await server.close();
 */
import { checkCorsOption } from "./cors";
import { startMockServer as startServer, type MockServer, type MockServerOptions } from "./server";

export { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_UPLOAD_BYTES, type MockServer, type MockServerOptions } from "./server";

/**
 * Starts the stand-in and resolves once it listens. A `cors` option that is none of its
 * choices, or lists an origin no page has (`http://localhost:5173/`, with its trailing
 * slash, or `garbage`), is refused with an Error naming `cors`: it would only refuse every
 * request of the page it was meant for.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  if (options.cors !== undefined) checkCorsOption(options.cors, "cors");
  return startServer(options);
}

export { DEMO_USER, MAX_PERMANENT_TOKENS, TEMPORARY_TOKEN_TTL_MS, Store, type MockUser, type TokenKind } from "./state";
export type { ResponseViolation } from "./openapi";
export type { EventsServer } from "./events-server";
export type { CorsOption } from "./cors";
export type { CameraInput, CameraOutcome } from "./camera";
export type { Webhooks, WebhookOptions, WebhookPayload, Delivery, DeliveryAttempt } from "./webhooks";
export { main as runMockCli } from "./cli";
export { drawFace } from "./sample-faces";
export { similarFace } from "./faces";
