import { InputError, NeuroIOError, unwrap, type Client } from "../../src/wrappers";
import { example, TEST_TOKEN, type RecordingServer, useRecordingServer } from "../helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

describe("billing.usage()", () => {
  test("sends comma-joined spaces_ids and event_types, months, limit and offset to the IAM host", async () => {
    const { data, error, response } = await client.billing.usage({
      spaces_ids: [1, 2, 3],
      event_types: [1, 3],
      month_from: "2021-01",
      month_to: "2021-12",
      limit: 10,
      offset: 30,
    });
    const req = server.only();
    expect(req).toMatchObject({
      host: "iam",
      method: "GET",
      path: "/v1/billing/usage/",
      query: "spaces_ids=1,2,3&event_types=1,3&month_from=2021-01&month_to=2021-12&limit=10&offset=30",
    });
    expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(example("billing.usage"));
  });

  test("without filters sends no query string", async () => {
    await client.billing.usage();
    expect(server.only()).toMatchObject({ path: "/v1/billing/usage/", query: "" });
  });

  test("refuses an empty array filter: it has no wire form, and left out it would ask for every space", async () => {
    await expect(client.billing.usage({ spaces_ids: [], month_from: "2021-02" })).rejects.toMatchObject({ field: "spaces_ids", problem: "needs at least 1 item" });
    expect(server.requests).toHaveLength(0);
  });

  test.each([
    ["month_from", "2021-13"],
    ["month_from", "2021-1"],
    ["month_to", "21-01"],
    ["month_to", "2021-01-01"],
    ["month_from", ""],
  ])("refuses %s=%j before sending (InputError naming the field)", async (field, value) => {
    const pending = client.billing.usage({ [field]: value });
    const thrown = await pending.catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).field).toBe(field);
    expect((thrown as InputError).message).toContain(field);
    expect(server.requests).toHaveLength(0);
  });

  test("a month that is not a string (from JavaScript) is refused", async () => {
    const thrown = await client.billing.usage({ month_from: 202101 as unknown as string }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).field).toBe("month_from");
    expect(server.requests).toHaveLength(0);
  });

  test("a 403 answer gives the ErrorBody; unwrap() throws NeuroIOError with status 403", async () => {
    const body = { error_codes: [403], message: "You do not have permission to perform this action.", fields: [] };
    server.respondNext({ status: 403, body }, { status: 403, body });
    const { data, error, response } = await client.billing.usage({ month_from: "2021-01" });
    expect(data).toBeUndefined();
    expect(response.status).toBe(403);
    expect(error).toEqual(body);
    const thrown = await unwrap(client.billing.usage()).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NeuroIOError);
    expect(thrown).toMatchObject({ status: 403, error_codes: [403], fields: [] });
  });
});

describe("billing.usageTotal()", () => {
  test("sends comma-joined filters to /v1/billing/usage/total/", async () => {
    const { data, response } = await client.billing.usageTotal({
      spaces_ids: [4, 5],
      event_types: [2],
      month_from: "2020-11",
      month_to: "2021-02",
    });
    expect(server.only()).toMatchObject({
      host: "iam",
      method: "GET",
      path: "/v1/billing/usage/total/",
      query: "spaces_ids=4,5&event_types=2&month_from=2020-11&month_to=2021-02",
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(example("billing.usageTotal"));
  });

  test("refuses a bad month_to before sending", async () => {
    await expect(client.billing.usageTotal({ month_to: "2021/05" })).rejects.toMatchObject({ name: "InputError", field: "month_to" });
    expect(server.requests).toHaveLength(0);
  });
});
