import { NeuroIOError, unwrap, type Client } from "../../src/wrappers";
import { example, TEST_TOKEN, type RecordingServer, useRecordingServer } from "../helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

test("lists.spaces.all() GETs /v1/lists/spaces/ on the IAM host", async () => {
  const { data, error, response } = await client.lists.spaces.all();
  const req = server.only();
  expect(req).toMatchObject({ host: "iam", method: "GET", path: "/v1/lists/spaces/", query: "" });
  expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
  expect(req.body.length).toBe(0);
  expect(error).toBeUndefined();
  expect(response.status).toBe(200);
  expect(data).toEqual(example("lists.spaces.all"));
  expect(Array.isArray(data)).toBe(true);
});

test("lists.spaces.all() with a rejected token: 401 ErrorBody; unwrap() throws", async () => {
  const body = example("lists.spaces.all", 401);
  server.respondNext({ status: 401, body }, { status: 401, body });
  const { data, error, response } = await client.lists.spaces.all();
  expect(data).toBeUndefined();
  expect(response.status).toBe(401);
  expect(error).toEqual(body);

  const thrown = await unwrap(client.lists.spaces.all()).catch((e: unknown) => e);
  expect(thrown).toBeInstanceOf(NeuroIOError);
  expect((thrown as NeuroIOError).status).toBe(401);
  expect((thrown as NeuroIOError).error_codes).toEqual(body.error_codes);
});
