import { InputError, NeuroIOError, unwrap, type Client } from "../../src/wrappers";
import { example, NOT_FOUND, TEST_TOKEN, validationError, type RecordingServer, useRecordingServer } from "../helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

const PIDS = ["749c9583-5ae9-4b72-a8f9-e1018d99af7e", "0f1c4a8e-3b0d-4c47-9a6e-5d2f1b7c8e90"];
const manyPids = (n: number) => Array.from({ length: n }, (_, i) => `pid-${i}`);

test("groups.create() POSTs the name as JSON to the API host", async () => {
  const { data, response } = await client.groups.create({ name: "VIP customers" });
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "POST", path: "/v1/groups/persons/", query: "" });
  expect(req.contentType).toBe("application/json");
  expect(req.json).toEqual({ name: "VIP customers" });
  expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
  expect(response.status).toBe(201);
  expect(data).toEqual(example("groups.create"));
});

test("groups.list() sends q and comma-joined pids_include, pids_exclude, groups_ids, spaces_ids", async () => {
  const { data, response } = await client.groups.list({
    q: "vip",
    pids_include: PIDS,
    pids_exclude: ["x"],
    groups_ids: [1, 2],
    spaces_ids: [1, 2, 3],
    limit: 5,
    offset: 10,
  });
  expect(server.only()).toMatchObject({
    host: "api",
    method: "GET",
    path: "/v1/groups/persons/",
    query: `q=vip&pids_include=${PIDS.join(",")}&pids_exclude=x&groups_ids=1,2&spaces_ids=1,2,3&limit=5&offset=10`,
  });
  expect(response.status).toBe(200);
  expect(data).toEqual(example("groups.list"));
});

describe("groups.get()", () => {
  test("GETs /v1/groups/persons/{id}/", async () => {
    const { data, response } = await client.groups.get({ id: 4 });
    expect(server.only()).toMatchObject({ host: "api", method: "GET", path: "/v1/groups/persons/4/", query: "" });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("groups.get"));
  });

  test("an unknown group is a 404; unwrap() throws NeuroIOError", async () => {
    server.respondNext({ status: 404, body: NOT_FOUND }, { status: 404, body: NOT_FOUND });
    const { error, response } = await client.groups.get({ id: 404 });
    expect(response.status).toBe(404);
    expect(error?.error_codes).toEqual([404]);
    expect(error?.fields).toEqual([]);
    const thrown = await unwrap(client.groups.get({ id: 404 })).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NeuroIOError);
    expect((thrown as NeuroIOError).status).toBe(404);
  });
});

test("groups.update() PATCHes the name without the id", async () => {
  const { data, response } = await client.groups.update({ id: 4, name: "Regular customers" });
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "PATCH", path: "/v1/groups/persons/4/", query: "" });
  expect(req.contentType).toBe("application/json");
  expect(req.json).toEqual({ name: "Regular customers" });
  expect(response.status).toBe(200);
  expect(data).toEqual(example("groups.update"));
});

test("groups.delete() DELETEs /v1/groups/persons/{id}/ and gets 204", async () => {
  const { data, response } = await client.groups.delete({ id: 4 });
  const req = server.only();
  expect(req).toMatchObject({ host: "api", method: "DELETE", path: "/v1/groups/persons/4/", query: "" });
  expect(req.body.length).toBe(0);
  expect(response.status).toBe(204);
  expect(data).toBeUndefined();
});

describe("groups.persons()", () => {
  test("GETs /v1/groups/persons/{id}/pids/ with comma-joined pids, without the id in the query", async () => {
    const { data, response } = await client.groups.persons({ id: 4, pids: PIDS, limit: 100, offset: 0 });
    expect(server.only()).toMatchObject({
      host: "api",
      method: "GET",
      path: "/v1/groups/persons/4/pids/",
      query: `pids=${PIDS.join(",")}&limit=100&offset=0`,
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("groups.persons"));
  });

  test("with only the id sends no query string", async () => {
    await client.groups.persons({ id: 4 });
    expect(server.only()).toMatchObject({ path: "/v1/groups/persons/4/pids/", query: "" });
  });
});

describe("groups.add()", () => {
  test("POSTs pids and groups_ids as JSON to /v1/groups/persons/pids/", async () => {
    const { data, response } = await client.groups.add({ pids: PIDS, groups_ids: [1, 2] });
    const req = server.only();
    expect(req).toMatchObject({ host: "api", method: "POST", path: "/v1/groups/persons/pids/", query: "" });
    expect(req.contentType).toBe("application/json");
    expect(req.json).toEqual({ pids: PIDS, groups_ids: [1, 2] });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("groups.add"));
  });

  test("accepts exactly 100 pids", async () => {
    await client.groups.add({ pids: manyPids(100), groups_ids: [1] });
    expect(server.only().json.pids).toHaveLength(100);
  });

  test("refuses 101 pids before sending (InputError naming pids)", async () => {
    const thrown = await client.groups.add({ pids: manyPids(101), groups_ids: [1] }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).field).toBe("pids");
    expect((thrown as InputError).message).toContain("101");
    expect(server.requests).toHaveLength(0);
  });

  test("an unknown group is a typed validation error", async () => {
    server.respondNext({ status: 400, body: validationError("groups_ids", "Invalid pk \"99\" - object does not exist.") });
    const { error, response } = await client.groups.add({ pids: PIDS, groups_ids: [99] });
    expect(response.status).toBe(400);
    expect(error?.fields[0]?.name).toBe("groups_ids");
  });
});

describe("groups.remove()", () => {
  test("is a DELETE with a JSON body", async () => {
    const { data, response } = await client.groups.remove({ pids: PIDS, groups_ids: [2] });
    const req = server.only();
    expect(req).toMatchObject({ host: "api", method: "DELETE", path: "/v1/groups/persons/pids/", query: "" });
    expect(req.contentType).toBe("application/json");
    expect(req.json).toEqual({ pids: PIDS, groups_ids: [2] });
    expect(req.body.toString("utf8")).toBe(JSON.stringify({ pids: PIDS, groups_ids: [2] }));
    expect(req.operationId).toBe("groups.remove");
    expect(response.status).toBe(200);
    expect(data).toEqual(example("groups.remove"));
  });

  test("refuses more than 100 pids before sending", async () => {
    await expect(client.groups.remove({ pids: manyPids(150), groups_ids: [2] })).rejects.toMatchObject({
      name: "InputError",
      field: "pids",
    });
    expect(server.requests).toHaveLength(0);
  });
});
