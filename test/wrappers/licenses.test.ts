import { NeuroIOError, unwrap, type Client } from "../../src/wrappers";
import { example, NOT_FOUND, TEST_TOKEN, validationError, type RecordingServer, useRecordingServer } from "../helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

describe("licenses.sources.create()", () => {
  test("POSTs name and entry_storage_days as JSON to the IAM host", async () => {
    const { data, response } = await client.licenses.sources.create({ name: "Entrance cameras", entry_storage_days: 30 });
    const req = server.only();
    expect(req).toMatchObject({ host: "iam", method: "POST", path: "/v1/licenses/sources/", query: "" });
    expect(req.contentType).toBe("application/json");
    expect(req.json).toEqual({ name: "Entrance cameras", entry_storage_days: 30 });
    expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
    expect(response.status).toBe(201);
    expect(data).toEqual(example("licenses.sources.create"));
  });

  test("leaves entry_storage_days out when it is not given", async () => {
    await client.licenses.sources.create({ name: "x" });
    expect(server.only().json).toEqual({ name: "x" });
  });

  test("a validation error is typed", async () => {
    server.respondNext({ status: 400, body: validationError("entry_storage_days", "Ensure this value is greater than or equal to 1.") });
    const { error, response } = await client.licenses.sources.create({ name: "x", entry_storage_days: 100000 });
    expect(response.status).toBe(400);
    expect(error?.error_codes).toEqual([400]);
    expect(error?.fields.map((f) => f.name)).toEqual(["entry_storage_days"]);
  });
});

describe("licenses.sources.list()", () => {
  test("sends q, ISO 8601 dates (encoded), is_bound=false, limit and offset", async () => {
    const { data, response } = await client.licenses.sources.list({
      q: "cam",
      date_from: "2021-05-01T00:00:00+00:00",
      date_to: "2021-05-31T23:59:59Z",
      is_bound: false,
      limit: 50,
      offset: 0,
    });
    expect(server.only()).toMatchObject({
      host: "iam",
      method: "GET",
      path: "/v1/licenses/sources/",
      query: "q=cam&date_from=2021-05-01T00%3A00%3A00%2B00%3A00&date_to=2021-05-31T23%3A59%3A59Z&is_bound=false&limit=50&offset=0",
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("licenses.sources.list"));
  });

  test("sends is_bound=true", async () => {
    await client.licenses.sources.list({ is_bound: true });
    expect(server.only().query).toBe("is_bound=true");
  });
});

describe("licenses.sources.get()", () => {
  test("GETs /v1/licenses/sources/{id}/", async () => {
    const { data, response } = await client.licenses.sources.get({ id: 12 });
    expect(server.only()).toMatchObject({ host: "iam", method: "GET", path: "/v1/licenses/sources/12/", query: "" });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("licenses.sources.get"));
  });

  test("an unknown license is a 404; unwrap() throws NeuroIOError", async () => {
    server.respondNext({ status: 404, body: NOT_FOUND }, { status: 404, body: NOT_FOUND });
    const { error, response } = await client.licenses.sources.get({ id: 99 });
    expect(response.status).toBe(404);
    expect(error).toEqual(NOT_FOUND);
    await expect(unwrap(client.licenses.sources.get({ id: 99 }))).rejects.toBeInstanceOf(NeuroIOError);
  });
});

test("licenses.sources.update() PATCHes only the given fields, without the id", async () => {
  const { data, response } = await client.licenses.sources.update({ id: 12, entry_storage_days: 90, is_active: false });
  const req = server.only();
  expect(req).toMatchObject({ host: "iam", method: "PATCH", path: "/v1/licenses/sources/12/", query: "" });
  expect(req.contentType).toBe("application/json");
  expect(req.json).toEqual({ entry_storage_days: 90, is_active: false });
  expect(response.status).toBe(200);
  expect(data).toEqual(example("licenses.sources.update"));
});

test("licenses.sources.delete() DELETEs /v1/licenses/sources/{id}/ and gets 204", async () => {
  const { data, error, response } = await client.licenses.sources.delete({ id: 12 });
  const req = server.only();
  expect(req).toMatchObject({ host: "iam", method: "DELETE", path: "/v1/licenses/sources/12/", query: "" });
  expect(req.body.length).toBe(0);
  expect(response.status).toBe(204);
  expect(data).toBeUndefined();
  expect(error).toBeUndefined();
});
