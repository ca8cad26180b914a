import { NeuroIOError, unwrap, type Client } from "../../src/wrappers";
import { example, TEST_TOKEN, validationError, type RecordingServer, useRecordingServer } from "../helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

test("settings.get() GETs /v1/settings/thresholds/ on the API host", async () => {
  const { data, error, response } = await client.settings.get();
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "GET", path: "/v1/settings/thresholds/", query: "" });
  expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
  expect(req.body.length).toBe(0);
  expect(error).toBeUndefined();
  expect(response.status).toBe(200);
  expect(data).toEqual(example("settings.get"));
});

describe("settings.update()", () => {
  test("PATCHes all three thresholds as JSON numbers", async () => {
    const { data, response } = await client.settings.update({ exact: 90, ha: 80.5, junk: 70 });
    const req = server.only();
    expect(req).toMatchObject({ host: "api", method: "PATCH", path: "/v1/settings/thresholds/", query: "" });
    expect(req.contentType).toBe("application/json");
    expect(req.json).toEqual({ exact: 90, ha: 80.5, junk: 70 });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("settings.update"));
  });

  test("sends only the thresholds given", async () => {
    await client.settings.update({ junk: 60 });
    expect(server.only().json).toEqual({ junk: 60 });
  });

  test("an out-of-range value is a typed validation error; unwrap() throws NeuroIOError", async () => {
    const body = validationError("exact", "Ensure this value is less than or equal to 100.");
    server.respondNext({ status: 400, body }, { status: 400, body });
    const { data, error, response } = await client.settings.update({ exact: 100 });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error?.fields[0]?.name).toBe("exact");

    const thrown = await unwrap(client.settings.update({ exact: 100 })).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NeuroIOError);
    expect(thrown).toMatchObject({ status: 400, error_codes: [400], fields: body.fields });
  });
});

test("settings.reset() POSTs /v1/settings/thresholds/reset/ without a body", async () => {
  const { data, response } = await client.settings.reset();
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "POST", path: "/v1/settings/thresholds/reset/", query: "" });
  expect(req.body.length).toBe(0);
  expect(req.contentType).toBeUndefined();
  expect(response.status).toBe(200);
  expect(data).toEqual(example("settings.reset"));
});
