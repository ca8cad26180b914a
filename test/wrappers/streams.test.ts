import { NeuroIOError, unwrap, type Client } from "../../src/wrappers";
import { example, NOT_FOUND, TEST_TOKEN, type RecordingServer, useRecordingServer } from "../helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

describe("streams.tokens.create()", () => {
  test("POSTs permanent as JSON to the API host (not IAM)", async () => {
    const { data, response } = await client.streams.tokens.create({ permanent: false });
    const req = server.only();
    expect(req).toMatchObject({ host: "api", method: "POST", path: "/v1/streams/tokens/", query: "" });
    expect(req.contentType).toBe("application/json");
    expect(req.json).toEqual({ permanent: false });
    expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
    expect(response.status).toBe(201);
    expect(data).toEqual(example("streams.tokens.create"));
  });

  test("without arguments sends an empty JSON object", async () => {
    await client.streams.tokens.create();
    expect(server.only().json).toEqual({});
  });
});

test("streams.tokens.list() sends permanent=true, limit and offset", async () => {
  const { data, response } = await client.streams.tokens.list({ permanent: true, limit: 5, offset: 5 });
  expect(server.only()).toMatchObject({ host: "api", method: "GET", path: "/v1/streams/tokens/", query: "permanent=true&limit=5&offset=5" });
  expect(response.status).toBe(200);
  expect(data).toEqual(example("streams.tokens.list"));
});

describe("streams.tokens.get()", () => {
  test("GETs /v1/streams/tokens/{token_id_or_key}/", async () => {
    const { data, response } = await client.streams.tokens.get({ token_id_or_key: 3 });
    expect(server.only()).toMatchObject({ host: "api", method: "GET", path: "/v1/streams/tokens/3/", query: "" });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("streams.tokens.get"));
  });

  test("an unknown token is a 404; unwrap() throws NeuroIOError", async () => {
    server.respondNext({ status: 404, body: NOT_FOUND }, { status: 404, body: NOT_FOUND });
    const { error, response } = await client.streams.tokens.get({ token_id_or_key: "missing" });
    expect(response.status).toBe(404);
    expect(error).toEqual(NOT_FOUND);
    const thrown = await unwrap(client.streams.tokens.get({ token_id_or_key: "missing" })).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NeuroIOError);
    expect(thrown).toMatchObject({ status: 404, error_codes: [404] });
  });
});

test("streams.tokens.update() PATCHes is_active without the path parameter", async () => {
  const { data, response } = await client.streams.tokens.update({ token_id_or_key: "7f2c9a41", is_active: false });
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "PATCH", path: "/v1/streams/tokens/7f2c9a41/", query: "" });
  expect(req.contentType).toBe("application/json");
  expect(req.json).toEqual({ is_active: false });
  expect(response.status).toBe(200);
  expect(data).toEqual(example("streams.tokens.update"));
});

test("streams.tokens.delete() DELETEs one token and gets 204", async () => {
  const { data, response } = await client.streams.tokens.delete({ token_id_or_key: 3 });
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "DELETE", path: "/v1/streams/tokens/3/", query: "" });
  expect(req.body.length).toBe(0);
  expect(response.status).toBe(204);
  expect(data).toBeUndefined();
});

describe("streams.tokens.deleteList()", () => {
  test("sends permanent=false in the query of a DELETE", async () => {
    const { response } = await client.streams.tokens.deleteList({ permanent: false });
    expect(server.only()).toMatchObject({ host: "api", method: "DELETE", path: "/v1/streams/tokens/", query: "permanent=false" });
    expect(response.status).toBe(204);
  });

  test("without a filter sends no query string", async () => {
    await client.streams.tokens.deleteList();
    expect(server.only()).toMatchObject({ method: "DELETE", path: "/v1/streams/tokens/", query: "" });
  });
});
