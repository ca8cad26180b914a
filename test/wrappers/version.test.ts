import { NeuroIOError, unwrap, type Client } from "../../src/wrappers";
import { example, TEST_TOKEN, type RecordingServer, useRecordingServer } from "../helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

test("version.get() GETs /v1/version/ on the API host", async () => {
  const { data, error, response } = await client.version.get();
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "GET", path: "/v1/version/", query: "" });
  expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
  expect(req.body.length).toBe(0);
  expect(error).toBeUndefined();
  expect(response.status).toBe(200);
  expect(data).toEqual(example("version.get"));
  expect(typeof data?.version).toBe("string");
});

test("version.get() with a rejected token: 401 ErrorBody; unwrap() throws NeuroIOError", async () => {
  const body = example("version.get", 401);
  server.respondNext({ status: 401, body }, { status: 401, body });
  const { data, error, response } = await client.version.get();
  expect(data).toBeUndefined();
  expect(response.status).toBe(401);
  expect(error).toEqual(body);
  const thrown = await unwrap(client.version.get()).catch((e: unknown) => e);
  expect(thrown).toBeInstanceOf(NeuroIOError);
  expect(thrown).toMatchObject({ status: 401, error_codes: body.error_codes, message: body.message });
});
