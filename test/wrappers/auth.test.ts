import { Client, NeuroIOError, unwrap } from "../../src/wrappers";
import { example, startRecordingServer, TEST_TOKEN, testClient, validationError, type RecordingServer } from "../helpers";

let server: RecordingServer;
let anonymous: Client;
let client: Client;

beforeAll(async () => {
  server = await startRecordingServer();
  anonymous = new Client({ iamUrl: server.iamUrl, apiUrl: server.apiUrl, maxRetries: 0 });
  client = testClient(server);
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("auth.login()", () => {
  test("POSTs the credentials as JSON to the IAM host and returns the token", async () => {
    const { data, error, response } = await anonymous.auth.login({ username: "usr", password: "pwd" });

    const req = server.only();
    expect(req).toMatchObject({ host: "iam", method: "POST", path: "/v1/auth/token/", query: "" });
    expect(req.contentType).toBe("application/json");
    expect(req.json).toEqual({ username: "usr", password: "pwd" });
    expect(req.headers.authorization).toBeUndefined();

    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toEqual(example("auth.login"));
    expect(data?.token.key).toBe("abcd");
    expect(data?.user.username).toBe("usr");
  });

  test("wrong credentials give the typed ErrorBody (602) and unwrap() throws NeuroIOError", async () => {
    const failed = example("auth.login", 400);
    server.respondNext({ status: 400, body: failed }, { status: 400, body: failed });

    const { data, error, response } = await anonymous.auth.login({ username: "usr", password: "nope" });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error?.error_codes).toContain(602);
    expect(error?.message).toBe("Username and password do not match.");
    expect(error?.fields).toEqual([]);

    const thrown = await unwrap(anonymous.auth.login({ username: "usr", password: "nope" })).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NeuroIOError);
    expect(thrown).toMatchObject({ status: 400, error_codes: [602], fields: [], message: "Username and password do not match." });
  });
});

describe("auth.passwordChange()", () => {
  test("sends new_password as password and password2, with reset_tokens, and gets 204", async () => {
    const { data, error, response } = await client.auth.passwordChange({
      old_password: "pwd",
      new_password: "newpwd",
      reset_tokens: false,
    });

    const req = server.only();
    expect(req).toMatchObject({ host: "iam", method: "POST", path: "/v1/auth/password/change/", query: "" });
    expect(req.contentType).toBe("application/json");
    expect(req.json).toEqual({ old_password: "pwd", password: "newpwd", password2: "newpwd", reset_tokens: false });
    expect(req.json).not.toHaveProperty("new_password");
    expect(req.headers.authorization).toBe(`Token ${TEST_TOKEN}`);

    expect(response.status).toBe(204);
    expect(error).toBeUndefined();
    expect(data).toBeUndefined();
  });

  test("leaves reset_tokens out when it is not given", async () => {
    await client.auth.passwordChange({ old_password: "pwd", new_password: "other" });
    const req = server.only();
    expect(req.json).toEqual({ old_password: "pwd", password: "other", password2: "other" });
    expect(Object.keys(req.json)).not.toContain("reset_tokens");
  });

  test("sends reset_tokens: true as a JSON boolean", async () => {
    await client.auth.passwordChange({ old_password: "pwd", new_password: "other", reset_tokens: true });
    expect(server.only().json.reset_tokens).toBe(true);
  });

  test("a wrong old password is a validation error naming old_password", async () => {
    server.respondNext({ status: 400, body: validationError("old_password", "Incorrect password.") });
    const { data, error, response } = await client.auth.passwordChange({ old_password: "bad", new_password: "newpwd" });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error?.error_codes).toEqual([400]);
    expect(error?.message).toBe("Validation error.");
    expect(error?.fields[0]).toEqual({ name: "old_password", message: "Incorrect password.", error_code: 400 });
  });
});
