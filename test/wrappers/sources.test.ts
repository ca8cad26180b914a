import { NeuroIOError, unwrap, type Client } from "../../src/wrappers";
import { example, NOT_FOUND, TEST_TOKEN, validationError, type RecordingServer, useRecordingServer } from "../helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

describe("sources.create()", () => {
  test("POSTs the settings as JSON to the API host, keeping explicit nulls", async () => {
    const { data, response } = await client.sources.create({
      name: "Entrance camera",
      license_id: null,
      auto_create_persons: true,
      auto_check_liveness: false,
      auto_check_angle_threshold: 12.5,
      store_images_for_results: ["exact", "ha", "nm"],
    });
    const req = server.only();
    expect(req).toMatchObject({ host: "api", method: "POST", path: "/v1/sources/", query: "" });
    expect(req.contentType).toBe("application/json");
    expect(req.json).toEqual({
      name: "Entrance camera",
      license_id: null,
      auto_create_persons: true,
      auto_check_liveness: false,
      auto_check_angle_threshold: 12.5,
      store_images_for_results: ["exact", "ha", "nm"],
    });
    expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
    expect(response.status).toBe(201);
    expect(data).toEqual(example("sources.create"));
  });

  test("sends only the name when only the name is given (defaults left to the server)", async () => {
    await client.sources.create({ name: "kiosk" });
    expect(server.only().json).toEqual({ name: "kiosk" });
  });

  test("a duplicate name is a typed validation error", async () => {
    server.respondNext({ status: 400, body: validationError("name", "Source with this name already exists.") });
    const { data, error, response } = await client.sources.create({ name: "kiosk" });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error?.error_codes).toEqual([400]);
    expect(error?.fields).toEqual([{ name: "name", message: "Source with this name already exists.", error_code: 400 }]);
  });
});

describe("sources.list()", () => {
  test("sends q, comma-joined spaces_ids=1,2,3, limit and offset", async () => {
    const { data, response } = await client.sources.list({ q: "cam", spaces_ids: [1, 2, 3], limit: 20, offset: 40 });
    expect(server.only()).toMatchObject({
      host: "api",
      method: "GET",
      path: "/v1/sources/",
      query: "q=cam&spaces_ids=1,2,3&limit=20&offset=40",
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("sources.list"));
  });

  test("a single space id is sent without a comma", async () => {
    await client.sources.list({ spaces_ids: [7] });
    expect(server.only().query).toBe("spaces_ids=7");
  });
});

describe("sources.get()", () => {
  test("GETs /v1/sources/{id}/ on the API host", async () => {
    const { data, response } = await client.sources.get({ id: 3 });
    expect(server.only()).toMatchObject({ host: "api", method: "GET", path: "/v1/sources/3/", query: "" });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("sources.get"));
  });

  test("an unknown source is a 404; unwrap() throws NeuroIOError", async () => {
    server.respondNext({ status: 404, body: NOT_FOUND });
    const thrown = await unwrap(client.sources.get({ id: 404 })).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NeuroIOError);
    expect(thrown).toMatchObject({ status: 404, error_codes: [404], fields: [], message: "Not found." });
  });
});

test("sources.update() PATCHes only the given fields (license_id: null unbinds), without the id", async () => {
  const { data, response } = await client.sources.update({ id: 3, identify_facesize_threshold: 9000, license_id: null });
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "PATCH", path: "/v1/sources/3/", query: "" });
  expect(req.contentType).toBe("application/json");
  expect(req.json).toEqual({ identify_facesize_threshold: 9000, license_id: null });
  expect(response.status).toBe(200);
  expect(data).toEqual(example("sources.update"));
});

test("sources.delete() DELETEs /v1/sources/{id}/ and gets 202 without data", async () => {
  const { data, error, response } = await client.sources.delete({ id: 3 });
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "DELETE", path: "/v1/sources/3/", query: "" });
  expect(req.body.length).toBe(0);
  expect(response.status).toBe(202);
  expect(data).toBeUndefined();
  expect(error).toBeUndefined();
});
