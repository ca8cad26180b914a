import { NeuroIOError, unwrap, type Client } from "../../src/wrappers";
import { example, TEST_TOKEN, type RecordingServer, useRecordingServer } from "../helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

test("whoami.me() GETs /v1/whoami/ on the IAM host with the token", async () => {
  const { data, error, response } = await client.whoami.me();

  const req = server.only();
  expect(req).toMatchObject({ host: "iam", method: "GET", path: "/v1/whoami/", query: "" });
  expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
  expect(req.contentType).toBeUndefined();
  expect(req.body.length).toBe(0);

  expect(error).toBeUndefined();
  expect(response.status).toBe(200);
  expect(data).toEqual(example("whoami.me"));
  expect(typeof data?.username).toBe("string");
});

test("whoami.me() with a rejected token gives the 401 ErrorBody; unwrap() throws", async () => {
  const body = example("whoami.me", 401);
  server.respondNext({ status: 401, body }, { status: 401, body });

  const { data, error, response } = await client.whoami.me();
  expect(data).toBeUndefined();
  expect(response.status).toBe(401);
  expect(error).toEqual(body);
  expect(Array.isArray(error?.error_codes)).toBe(true);
  expect(error?.fields).toEqual([]);

  const thrown = unwrap(client.whoami.me());
  await expect(thrown).rejects.toBeInstanceOf(NeuroIOError);
  server.respondNext({ status: 401, body });
  await expect(unwrap(client.whoami.me())).rejects.toMatchObject({
    name: "NeuroIOError",
    status: 401,
    error_codes: body.error_codes,
  });
  await expect(unwrap(client.whoami.me())).resolves.toEqual(example("whoami.me"));
});
