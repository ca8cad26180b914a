import { NeuroIOError, unwrap, type Client } from "../../src/wrappers";
import { example, NOT_FOUND, TEST_TOKEN, validationError, type RecordingServer, useRecordingServer } from "../helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

describe("entries.list()", () => {
  test("sends every filter: comma-joined arrays, ISO 8601 dates, integers", async () => {
    const { data, error, response } = await client.entries.list({
      pid: ["749c9583-5ae9-4b72-a8f9-e1018d99af7e", "0f1c4a8e"],
      result: ["exact", "ha"],
      age_from: 18,
      age_to: 65,
      sex: [0, 1],
      mood: ["happiness", "neutral"],
      liveness: ["passed", "undetermined"],
      sources_ids: [3, 4],
      spaces_ids: [1, 2, 3],
      date_from: "2021-05-28T10:37:51.433760+00:00",
      date_to: "2021-05-29T00:00:00Z",
      id_from: 1000,
      limit: 20,
      offset: 0,
    });
    const req = server.only();
    expect(req).toMatchObject({ host: "api", method: "GET", path: "/v1/entries/" });
    expect(req.query).toBe(
      [
        "pid=749c9583-5ae9-4b72-a8f9-e1018d99af7e,0f1c4a8e",
        "result=exact,ha",
        "age_from=18",
        "age_to=65",
        "sex=0,1",
        "mood=happiness,neutral",
        "liveness=passed,undetermined",
        "sources_ids=3,4",
        "spaces_ids=1,2,3",
        "date_from=2021-05-28T10%3A37%3A51.433760%2B00%3A00",
        "date_to=2021-05-29T00%3A00%3A00Z",
        "id_from=1000",
        "limit=20",
        "offset=0",
      ].join("&"),
    );
    expect(new URLSearchParams(req.query).get("date_from")).toBe("2021-05-28T10:37:51.433760+00:00");
    expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(example("entries.list"));
  });

  test("takes Date objects for date_from/date_to and sends them as ISO 8601", async () => {
    await client.entries.list({ date_from: new Date(Date.UTC(2021, 4, 28, 10, 37, 51, 433)), date_to: "2021-05-29T00:00:00Z" });
    const query = new URLSearchParams(server.only().query);
    expect(query.get("date_from")).toBe("2021-05-28T10:37:51.433Z");
    expect(query.get("date_to")).toBe("2021-05-29T00:00:00Z");
  });

  test("without filters sends no query string", async () => {
    await client.entries.list();
    expect(server.only()).toMatchObject({ path: "/v1/entries/", query: "" });
  });

  test("a bad filter value is a typed validation error", async () => {
    server.respondNext({ status: 400, body: validationError("date_from", "Datetime has wrong format.") });
    const { data, error, response } = await client.entries.list({ date_from: "3000-01-01T00:00:00Z" });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error?.fields[0]?.name).toBe("date_from");
  });
});

describe("entries.get()", () => {
  test("GETs /v1/entries/stats/pid/{pid}/", async () => {
    const pid = "749c9583-5ae9-4b72-a8f9-e1018d99af7e";
    const { data, response } = await client.entries.get({ pid });
    expect(server.only()).toMatchObject({ host: "api", method: "GET", path: `/v1/entries/stats/pid/${pid}/`, query: "" });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("entries.get"));
  });

  test("an unknown person is a 404; unwrap() throws NeuroIOError", async () => {
    server.respondNext({ status: 404, body: NOT_FOUND });
    const thrown = await unwrap(client.entries.get({ pid: "nobody" })).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NeuroIOError);
    expect(thrown).toMatchObject({ status: 404, error_codes: [404], fields: [] });
  });
});

test("entries.delete() DELETEs /v1/entries/{id}/ and gets 204", async () => {
  const { data, error, response } = await client.entries.delete({ id: 1052 });
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "DELETE", path: "/v1/entries/1052/", query: "" });
  expect(req.body.length).toBe(0);
  expect(response.status).toBe(204);
  expect(data).toBeUndefined();
  expect(error).toBeUndefined();
});
