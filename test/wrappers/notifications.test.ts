import { NeuroIOError, unwrap, type Client } from "../../src/wrappers";
import { example, NOT_FOUND, TEST_TOKEN, validationError, type RecordingServer, useRecordingServer } from "../helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

describe("notifications.create()", () => {
  test("POSTs the webhook with its filters as JSON to the API host", async () => {
    const body = {
      name: "VIP at the entrance",
      is_active: true,
      http_method: 0 as const,
      destination_url: "https://hooks.example.com/neuroio/entries",
      results: ["exact" as const, "ha" as const],
      moods: ["happiness" as const],
      liveness: ["passed" as const],
      age_from: 18,
      age_to: 99,
      sex: [1 as const],
      sources: [3],
      persons_groups: [1],
    };
    const { data, response } = await client.notifications.create(body);
    const req = server.only();
    expect(req).toMatchObject({ host: "api", method: "POST", path: "/v1/notifications/", query: "" });
    expect(req.contentType).toBe("application/json");
    expect(req.json).toEqual(body);
    expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
    expect(response.status).toBe(201);
    expect(data).toEqual(example("notifications.create"));
  });

  test("sends only the required fields when only they are given", async () => {
    await client.notifications.create({ name: "all", http_method: 1, destination_url: "https://example.com/h" });
    expect(server.only().json).toEqual({ name: "all", http_method: 1, destination_url: "https://example.com/h" });
  });

  test("a bad URL is a typed validation error", async () => {
    server.respondNext({ status: 400, body: validationError("destination_url", "Enter a valid URL.") });
    const { data, error, response } = await client.notifications.create({ name: "x", http_method: 0, destination_url: "http://localhost:1/hook" });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error?.fields).toEqual([{ name: "destination_url", message: "Enter a valid URL.", error_code: 400 }]);
  });
});

test("notifications.list() sends q, comma-joined spaces_ids, limit and offset", async () => {
  const { data, response } = await client.notifications.list({ q: "vip", spaces_ids: [1, 2, 3], limit: 3, offset: 6 });
  expect(server.only()).toMatchObject({
    host: "api",
    method: "GET",
    path: "/v1/notifications/",
    query: "q=vip&spaces_ids=1,2,3&limit=3&offset=6",
  });
  expect(response.status).toBe(200);
  expect(data).toEqual(example("notifications.list"));
});

describe("notifications.get()", () => {
  test("GETs /v1/notifications/{id}/", async () => {
    const { data, response } = await client.notifications.get({ id: 8 });
    expect(server.only()).toMatchObject({ host: "api", method: "GET", path: "/v1/notifications/8/", query: "" });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("notifications.get"));
  });

  test("an unknown notification is a 404; unwrap() throws NeuroIOError", async () => {
    server.respondNext({ status: 404, body: NOT_FOUND });
    const thrown = await unwrap(client.notifications.get({ id: 404 })).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NeuroIOError);
    expect(thrown).toMatchObject({ status: 404, error_codes: [404], fields: [] });
  });
});

test("notifications.update() PATCHes only the given fields (null clears an age bound), without the id", async () => {
  const { data, response } = await client.notifications.update({ id: 8, is_active: false, age_from: null, results: [] });
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "PATCH", path: "/v1/notifications/8/", query: "" });
  expect(req.contentType).toBe("application/json");
  expect(req.json).toEqual({ is_active: false, age_from: null, results: [] });
  expect(response.status).toBe(200);
  expect(data).toEqual(example("notifications.update"));
});

test("notifications.delete() DELETEs /v1/notifications/{id}/ and gets 204", async () => {
  const { data, response } = await client.notifications.delete({ id: 8 });
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "DELETE", path: "/v1/notifications/8/", query: "" });
  expect(req.body.length).toBe(0);
  expect(response.status).toBe(204);
  expect(data).toBeUndefined();
});
