import { NeuroIOError, unwrap, type Client } from "../../src/wrappers";
import { example, NOT_FOUND, TEST_TOKEN, validationError, type RecordingServer, useRecordingServer } from "../helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

describe("tokens.create()", () => {
  test("POSTs permanent as a JSON boolean to the IAM host", async () => {
    const { data, error, response } = await client.tokens.create({ permanent: true });
    const req = server.only();
    expect(req).toMatchObject({ host: "iam", method: "POST", path: "/v1/tokens/", query: "" });
    expect(req.contentType).toBe("application/json");
    expect(req.json).toEqual({ permanent: true });
    expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
    expect(data).toEqual(example("tokens.create"));
  });

  test("without arguments sends an empty JSON object (the server's default: temporary)", async () => {
    await client.tokens.create();
    expect(server.only().json).toEqual({});
  });

  test("a validation error comes back typed", async () => {
    server.respondNext({ status: 400, body: validationError("permanent", "Too many permanent tokens.") });
    const { error, response } = await client.tokens.create({ permanent: true });
    expect(response.status).toBe(400);
    expect(error?.fields[0]?.name).toBe("permanent");
  });
});

describe("tokens.list()", () => {
  test("sends permanent=false, limit and offset in the query", async () => {
    const { data, response } = await client.tokens.list({ permanent: false, limit: 10, offset: 20 });
    const req = server.only();
    expect(req).toMatchObject({ host: "iam", method: "GET", path: "/v1/tokens/", query: "permanent=false&limit=10&offset=20" });
    expect(req.body.length).toBe(0);
    expect(response.status).toBe(200);
    expect(data).toEqual(example("tokens.list"));
  });

  test("without filters sends no query string", async () => {
    await client.tokens.list();
    expect(server.only()).toMatchObject({ path: "/v1/tokens/", query: "", url: "/v1/tokens/" });
  });
});

describe("tokens.get()", () => {
  test("puts an integer id in the path", async () => {
    const { data, response } = await client.tokens.get({ token_id_or_key: 5 });
    expect(server.only()).toMatchObject({ host: "iam", method: "GET", path: "/v1/tokens/5/", query: "" });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("tokens.get"));
  });

  test("puts a key in the path", async () => {
    await client.tokens.get({ token_id_or_key: "7f2c9a41d0b84e6f" });
    expect(server.only().path).toBe("/v1/tokens/7f2c9a41d0b84e6f/");
  });

  test("an unknown token is a 404 ErrorBody; unwrap() throws NeuroIOError with status 404", async () => {
    server.respondNext({ status: 404, body: NOT_FOUND }, { status: 404, body: NOT_FOUND });
    const { data, error, response } = await client.tokens.get({ token_id_or_key: 999 });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual(NOT_FOUND);

    const thrown = await unwrap(client.tokens.get({ token_id_or_key: 999 })).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NeuroIOError);
    expect(thrown).toMatchObject({ status: 404, error_codes: [404], fields: [], message: "Not found." });
  });
});

test("tokens.update() PATCHes is_active as JSON, without the path parameter in the body", async () => {
  const { data, response } = await client.tokens.update({ token_id_or_key: 5, is_active: false });
  const req = server.only();
  expect(req).toMatchObject({ host: "iam", method: "PATCH", path: "/v1/tokens/5/", query: "" });
  expect(req.contentType).toBe("application/json");
  expect(req.json).toEqual({ is_active: false });
  expect(response.status).toBe(200);
  expect(data).toEqual(example("tokens.update"));
});

test("tokens.delete() DELETEs /v1/tokens/{id}/ without a body and gets 204", async () => {
  const { data, error, response } = await client.tokens.delete({ token_id_or_key: "abcd" });
  const req = server.only();
  expect(req).toMatchObject({ host: "iam", method: "DELETE", path: "/v1/tokens/abcd/", query: "" });
  expect(req.body.length).toBe(0);
  expect(req.contentType).toBeUndefined();
  expect(response.status).toBe(204);
  expect(data).toBeUndefined();
  expect(error).toBeUndefined();
});

describe("tokens.deleteList()", () => {
  test("sends permanent=true in the query of a DELETE", async () => {
    const { response } = await client.tokens.deleteList({ permanent: true });
    const req = server.only();
    expect(req).toMatchObject({ host: "iam", method: "DELETE", path: "/v1/tokens/", query: "permanent=true" });
    expect(req.body.length).toBe(0);
    expect(response.status).toBe(204);
  });

  test("without a filter deletes all (no query string)", async () => {
    await client.tokens.deleteList();
    expect(server.only()).toMatchObject({ method: "DELETE", path: "/v1/tokens/", query: "" });
  });
});
