import { NeuroIOError, unwrap, type Client } from "../../src/wrappers";
import { example, NOT_FOUND, TEST_TOKEN, validationError, type RecordingServer, useRecordingServer } from "../helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

test("spaces.create() POSTs the name as JSON to the IAM host", async () => {
  const { data, response } = await client.spaces.create({ name: "Warehouse" });
  const req = server.only();
  expect(req).toMatchObject({ host: "iam", method: "POST", path: "/v1/spaces/", query: "" });
  expect(req.contentType).toBe("application/json");
  expect(req.json).toEqual({ name: "Warehouse" });
  expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
  expect(response.status).toBe(201);
  expect(data).toEqual(example("spaces.create"));
});

describe("spaces.list()", () => {
  test("sends q, limit and offset (percent-encoded)", async () => {
    const { data, response } = await client.spaces.list({ q: "north & south", limit: 2, offset: 4 });
    expect(server.only()).toMatchObject({ host: "iam", method: "GET", path: "/v1/spaces/", query: "q=north%20%26%20south&limit=2&offset=4" });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("spaces.list"));
  });

  test("leaves out filters that are not given", async () => {
    await client.spaces.list({ limit: 1 });
    expect(server.only().query).toBe("limit=1");
  });
});

test("spaces.get() GETs /v1/spaces/{id}/", async () => {
  const { data, response } = await client.spaces.get({ id: 3 });
  expect(server.only()).toMatchObject({ host: "iam", method: "GET", path: "/v1/spaces/3/", query: "" });
  expect(response.status).toBe(200);
  expect(data).toEqual(example("spaces.get"));
});

describe("spaces.update()", () => {
  test("PATCHes the name, without the id in the body", async () => {
    const { data, response } = await client.spaces.update({ id: 3, name: "Warehouse north" });
    const req = server.only();
    expect(req).toMatchObject({ host: "iam", method: "PATCH", path: "/v1/spaces/3/", query: "" });
    expect(req.contentType).toBe("application/json");
    expect(req.json).toEqual({ name: "Warehouse north" });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("spaces.update"));
  });

  test("a validation error is typed: error_codes and fields", async () => {
    server.respondNext({ status: 400, body: validationError("name", "Space with this name already exists.") });
    const { data, error, response } = await client.spaces.update({ id: 3, name: "default" });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error?.error_codes).toEqual([400]);
    expect(error?.fields).toEqual([{ name: "name", message: "Space with this name already exists.", error_code: 400 }]);
  });
});

describe("spaces.delete()", () => {
  test("DELETEs /v1/spaces/{id}/ and gets 202 without a body", async () => {
    const { data, error, response } = await client.spaces.delete({ id: 3 });
    const req = server.only();
    expect(req).toMatchObject({ host: "iam", method: "DELETE", path: "/v1/spaces/3/", query: "" });
    expect(req.body.length).toBe(0);
    expect(response.status).toBe(202);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  test("a 202 that carries a body anyway still resolves, with no data", async () => {
    server.respondNext({ status: 202, body: { detail: "scheduled" } });
    const { data, error, response } = await client.spaces.delete({ id: 3 });
    expect(response.status).toBe(202);
    expect(data).toBeUndefined();
    expect(error).toBeUndefined();
  });

  test("an unknown space is a 404; unwrap() throws NeuroIOError", async () => {
    server.respondNext({ status: 404, body: NOT_FOUND });
    const thrown = await unwrap(client.spaces.delete({ id: 404 })).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NeuroIOError);
    expect(thrown).toMatchObject({ status: 404, error_codes: [404], fields: [] });
  });
});

describe("spaces.token()", () => {
  test("POSTs /v1/spaces/{id}/tokens/ with permanent, without the id in the body", async () => {
    const { data, response } = await client.spaces.token({ id: 3, permanent: true });
    const req = server.only();
    expect(req).toMatchObject({ host: "iam", method: "POST", path: "/v1/spaces/3/tokens/", query: "" });
    expect(req.contentType).toBe("application/json");
    expect(req.json).toEqual({ permanent: true });
    expect(response.status).toBe(201);
    expect(data).toEqual(example("spaces.token"));
  });

  test("without permanent sends an empty JSON object", async () => {
    await client.spaces.token({ id: 3 });
    expect(server.only().json).toEqual({});
  });
});
