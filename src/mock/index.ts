/**
 * `neuroio/mock`: a local, stateful NeuroIO stand-in for development and tests, driven by
 * the SDK's OpenAPI document.
 *
 *     const server = await startMockServer();
 *     const client = await Client.login(DEMO_USER, { iamUrl: server.iamUrl, apiUrl: server.apiUrl });
 *     …
 *     await server.close();
 */
export { startMockServer, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_UPLOAD_BYTES, type MockServer, type MockServerOptions } from "./server";
export { DEMO_USER, MAX_PERMANENT_TOKENS, TEMPORARY_TOKEN_TTL_MS, Store, type MockUser, type TokenKind } from "./state";
export type { ResponseViolation } from "./openapi";
export type { EventsServer } from "./events-server";
export type { CorsOption } from "./cors";
export type { CameraInput, CameraOutcome } from "./camera";
export type { Webhooks, WebhookOptions, WebhookPayload, Delivery, DeliveryAttempt } from "./webhooks";
export { main as runMockCli } from "./cli";
export { drawFace } from "./sample-faces";
export { similarFace } from "./faces";
