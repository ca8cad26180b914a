import { namingFields, raw, unwrap, useStandIn } from "./helpers";

const standIn = useStandIn();

async function token() {
  const client = await standIn.login();
  return { client, key: (await unwrap(client.tokens.create())).key };
}

describe("request validation from the document", () => {
  test("invalid JSON bodies are 400s naming every bad field", async () => {
    const { client, key } = await token();
    // Raw, since the client itself refuses the unknown enum value before sending.
    const { status, body } = await raw(`${standIn.server.apiUrl}/v1/sources/`, {
      method: "POST",
      token: key,
      json: { name: "", identify_facesize_threshold: -1, use_pps_time: "yes", store_images_for_results: ["maybe"] },
    });
    expect(status).toBe(400);
    expect(body).toEqual(namingFields("name", "identify_facesize_threshold", "use_pps_time", "store_images_for_results"));
    expect((body as { fields: { message: string }[] }).fields[0]!.message).toBe("This field may not be blank.");
    await expect(client.sources.create({ name: "x", store_images_for_results: ["maybe" as "nm"] })).rejects.toThrow(
      "store_images_for_results[0]: unknown value",
    );

    const notification = await raw(`${standIn.server.apiUrl}/v1/notifications/`, {
      method: "POST",
      token: key,
      json: { name: "hook", http_method: 0, destination_url: "not a url" },
    });
    expect(notification.body.fields).toEqual([{ name: "destination_url", message: "Enter a valid URL.", error_code: 400 }]);
  });

  test("formats and patterns are checked as the client checks them: the same values refused by both", async () => {
    const { client, key } = await token();
    const api = standIn.server.apiUrl;
    // A day that is not in the calendar (Date.parse would roll it over to March 2).
    for (const date of ["2021-02-30", "2021-02-30T10:00:00Z"]) {
      expect(await raw(`${api}/v1/entries/?date_from=${date}`, { token: key })).toMatchObject({ status: 400, body: namingFields("date_from") });
      await expect(client.entries.list({ date_from: date })).rejects.toMatchObject({ field: "date_from" });
    }
    // A URI that is not a web address, where a webhook goes.
    const hook = { name: "hook", http_method: 0 as const, destination_url: "mailto:ops@example.com" };
    expect(await raw(`${api}/v1/notifications/`, { method: "POST", token: key, json: hook })).toMatchObject({ status: 400, body: namingFields("destination_url") });
    await expect(client.notifications.create(hook)).rejects.toMatchObject({ field: "destination_url" });
  });

  test("missing bodies and required fields are named", async () => {
    const { key } = await token();
    expect(await raw(`${standIn.server.iamUrl}/v1/auth/token/`, { method: "POST" })).toEqual({
      status: 400,
      body: namingFields("username", "password"),
    });
    expect(await raw(`${standIn.server.apiUrl}/v1/groups/persons/`, { method: "POST", token: key, json: {} })).toEqual({
      status: 400,
      body: { error_codes: [400], message: "Validation error.", fields: [{ name: "name", message: "This field is required.", error_code: 400 }] },
    });
  });

  test("query and path parameters are validated", async () => {
    const { key } = await token();
    const bad = await raw(`${standIn.server.apiUrl}/v1/entries/?limit=0&sex=2&date_from=yesterday&result=new,maybe`, { token: key });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { name: string }) => f.name).sort()).toEqual(["date_from", "limit", "result", "sex"]);
    expect(await raw(`${standIn.server.apiUrl}/v1/entries/abc/`, { method: "DELETE", token: key })).toEqual({ status: 400, body: namingFields("id") });
    // Comma-joined arrays, as both SDKs send them (Python percent-encodes the comma).
    expect((await raw(`${standIn.server.apiUrl}/v1/entries/?sex=0%2C1&result=new,nm`, { token: key })).status).toBe(200);
  });

  test("numbers are finite, and integer parameters are decimal digits only", async () => {
    const { key } = await token();
    const api = standIn.server.apiUrl;
    // JSON's 1e309 parses to Infinity, which no integer field takes.
    for (const [field, value] of [["identify_facesize_threshold", "1e309"], ["auto_create_facesize_threshold", "-1e309"]] as const) {
      const response = await fetch(`${api}/v1/sources/`, {
        method: "POST",
        headers: { Authorization: `Token ${key}`, "Content-Type": "application/json" },
        body: `{"name": "infinite ${field}", "${field}": ${value}}`,
      });
      expect({ field, status: response.status, body: await response.json() }).toEqual({ field, status: 400, body: namingFields(field) });
    }
    const { body: source } = await raw(`${api}/v1/sources/`, { method: "POST", token: key, json: { name: "decimal" } });
    expect((await raw(`${api}/v1/sources/${source.id}/`, { token: key })).status).toBe(200);
    // Path integers in another form are no URL of the operation (404); query integers are 400s naming them.
    for (const form of ["0x1", "1e0", "1.0", "%201", "+1"].map((f) => f.replace("1", String(source.id)))) {
      expect({ form, ...(await raw(`${api}/v1/sources/${form}/`, { token: key })) }).toEqual({ form, status: 404, body: { error_codes: [404], message: "Not found.", fields: [] } });
    }
    expect(await raw(`${api}/v1/groups/persons/0x1/pids/`, { token: key })).toEqual({ status: 400, body: namingFields("id") });
    for (const query of ["offset=Infinity", "offset=0x10", "offset=1e1", "offset=%201", "spaces_ids=1%2C0x2"]) {
      const name = query.split("=")[0]!;
      expect({ query, ...(await raw(`${api}/v1/sources/?${query}`, { token: key })) }).toEqual({ query, status: 400, body: namingFields(name) });
    }
    expect((await raw(`${api}/v1/sources/?offset=0&limit=007&spaces_ids=1%2C2`, { token: key })).status).toBe(200);
  });

  test("a JSON body that does not parse is a 400", async () => {
    const { key } = await token();
    const response = await raw(`${standIn.server.apiUrl}/v1/sources/`, {
      method: "POST",
      token: key,
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error_codes: [400], message: expect.stringMatching(/^JSON parse error/), fields: [] });
  });

  test("authentication comes before validation: no token, 401 even for an invalid body", async () => {
    expect(await raw(`${standIn.server.apiUrl}/v1/sources/`, { method: "POST", json: {} })).toEqual({
      status: 401,
      body: { error_codes: [401], message: "Invalid token.", fields: [] },
    });
  });
});

describe("routing", () => {
  test("unknown routes, the other host's operations and slashless paths are 404 ErrorBodies", async () => {
    const { key } = await token();
    const notFound = (body: { error_codes: number[]; message: string; fields: unknown[] }) => {
      expect(body).toEqual({ error_codes: [404], message: expect.any(String), fields: [] });
    };
    for (const url of [
      `${standIn.server.apiUrl}/v1/nothing/`,
      `${standIn.server.iamUrl}/v1/sources/`, // an API operation asked of the IAM host
      `${standIn.server.apiUrl}/v1/whoami/`, // an IAM operation asked of the API host
      `${standIn.server.apiUrl}/v1/sources`, // every path ends with a slash
      `${standIn.server.apiUrl.replace(/\/api$/, "")}/v1/sources/`, // no host prefix
    ]) {
      const response = await raw(url, { token: key });
      expect(response.status).toBe(404);
      notFound(response.body);
    }
  });

  test("a method the path does not have is 405", async () => {
    const { key } = await token();
    const response = await raw(`${standIn.server.apiUrl}/v1/sources/1/`, { method: "POST", token: key, json: { name: "x" } });
    expect(response).toEqual({ status: 405, body: { error_codes: [405], message: 'Method "POST" not allowed.', fields: [] } });
  });
});

describe("response validation", () => {
  test("an answer that drifts from the document is a 500 and a recorded violation", async () => {
    const { client } = await token();
    const state = standIn.server.state;
    const space = [...state.spaces.values()].find((s) => s.name === "default")!;
    const name = space.name;
    (space as { name: unknown }).name = 42; // Space.name must be a string
    const quiet = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { response, error } = await client.whoami.me();
      expect(response.status).toBe(500);
      expect(error?.message).toMatch(/whoami\.me does not match the OpenAPI document/);
      expect(standIn.server.violations).toEqual([
        expect.objectContaining({
          operationId: "whoami.me",
          status: 200,
          errors: expect.arrayContaining(["body/space/name must be string {\"type\":\"string\"}"]),
        }),
      ]);
    } finally {
      space.name = name;
      standIn.server.violations.length = 0;
      quiet.mockRestore();
    }
  });
});
