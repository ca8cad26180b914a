import { Client, NeuroIOError } from "../../src/wrappers";
import { TEMPORARY_TOKEN_TTL_MS } from "../../src/mock";
import { DEMO_USER, testClock, unwrap, useStandIn } from "./helpers";

const clock = testClock();
const standIn = useStandIn({ clock, users: [{ username: "alice", password: "alice-pw" }] });

describe("auth.login", () => {
  test("wrong credentials answer 400 with the seed's 602 body", async () => {
    const { data, error, response } = await standIn.anonymous().auth.login({ username: DEMO_USER.username, password: "wrong" });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error).toEqual({ error_codes: [602], message: "Username and password do not match.", fields: [] });
    const unknown = await standIn.anonymous().auth.login({ username: "nobody", password: DEMO_USER.password });
    expect(unknown.error?.error_codes).toEqual([602]);
  });

  test("the demo user logs in with a temporary token that expires 24 h later", async () => {
    const login = await unwrap(standIn.anonymous().auth.login(DEMO_USER));
    expect(login.user).toEqual({ username: "demo", space: { id: expect.any(Number), name: "default" } });
    expect(login.token).toMatchObject({ id: expect.any(Number), key: expect.stringMatching(/^[0-9a-f]{40}$/), is_active: true });
    expect(login.token.created).toBe("2021-05-28T10:37:51.433000+00:00");
    expect(Date.parse(login.token.expires!) - Date.parse(login.token.created)).toBe(TEMPORARY_TOKEN_TTL_MS);
  });

  test("Client.login returns a working client", async () => {
    const client = await Client.login(DEMO_USER, { iamUrl: standIn.server.iamUrl, apiUrl: standIn.server.apiUrl, maxRetries: 0 });
    expect(await unwrap(client.whoami.me())).toEqual({ username: "demo", space: { id: expect.any(Number), name: "default" } });
  });

  test("Client.login with wrong credentials throws NeuroIOError 602", async () => {
    const attempt = Client.login({ username: "demo", password: "nope" }, { iamUrl: standIn.server.iamUrl, apiUrl: standIn.server.apiUrl });
    await expect(attempt).rejects.toBeInstanceOf(NeuroIOError);
    await expect(attempt).rejects.toMatchObject({ status: 400, error_codes: [602] });
  });
});

describe("token validity", () => {
  test("a temporary token is refused with 401 once the clock passes its expiry", async () => {
    const client = await standIn.login();
    expect((await client.whoami.me()).response.status).toBe(200);
    expect((await client.sources.list()).response.status).toBe(200);
    clock.advance(TEMPORARY_TOKEN_TTL_MS - 1);
    expect((await client.whoami.me()).response.status).toBe(200);
    clock.advance(1);
    for (const result of [await client.whoami.me(), await client.sources.list()]) {
      expect(result.response.status).toBe(401);
      expect(result.error).toEqual({ error_codes: [401], message: "Invalid token.", fields: [] });
    }
  });

  test("a permanent token does not expire", async () => {
    const client = await standIn.login();
    const permanent = await unwrap(client.tokens.create({ permanent: true }));
    expect(permanent.expires).toBeNull();
    clock.advance(400 * TEMPORARY_TOKEN_TTL_MS);
    expect((await standIn.withToken(permanent.key).whoami.me()).response.status).toBe(200);
    await unwrap(standIn.withToken(permanent.key).tokens.delete({ token_id_or_key: permanent.id }));
  });

  test("missing, unknown, deactivated and deleted tokens get 401 in the error format", async () => {
    expect((await standIn.anonymous().whoami.me()).error).toEqual({ error_codes: [401], message: "Invalid token.", fields: [] });
    expect((await standIn.withToken("not-a-token").version.get()).response.status).toBe(401);

    const admin = await standIn.login();
    const token = await unwrap(admin.tokens.create({ permanent: false }));
    const other = standIn.withToken(token.key);
    expect((await other.whoami.me()).response.status).toBe(200);
    await unwrap(admin.tokens.update({ token_id_or_key: token.id, is_active: false }));
    expect((await other.whoami.me()).response.status).toBe(401);
    await unwrap(admin.tokens.update({ token_id_or_key: token.key, is_active: true }));
    expect((await other.whoami.me()).response.status).toBe(200);
    await unwrap(admin.tokens.delete({ token_id_or_key: token.id }));
    expect((await other.whoami.me()).response.status).toBe(401);
  });

  test("logging out is deleting the login token", async () => {
    const { token } = await unwrap(standIn.anonymous().auth.login(DEMO_USER));
    const client = standIn.withToken(token.key);
    expect((await client.tokens.delete({ token_id_or_key: token.id })).response.status).toBe(204);
    expect((await client.whoami.me()).response.status).toBe(401);
  });
});

describe("auth.passwordChange", () => {
  test("a wrong old password answers 400 naming old_password", async () => {
    const client = await standIn.login("alice", "alice-pw");
    const { error, response } = await client.auth.passwordChange({ old_password: "nope", new_password: "x" });
    expect(response.status).toBe(400);
    expect(error).toEqual({
      error_codes: [400],
      message: "Validation error.",
      fields: [{ name: "old_password", message: "Incorrect password.", error_code: 400 }],
    });
  });

  test("changing the password keeps earlier tokens unless reset_tokens", async () => {
    const first = await standIn.login("alice", "alice-pw");
    const second = await standIn.login("alice", "alice-pw");
    expect((await first.auth.passwordChange({ old_password: "alice-pw", new_password: "pw-2" })).response.status).toBe(204);
    expect((await second.whoami.me()).response.status).toBe(200);
    expect((await standIn.anonymous().auth.login({ username: "alice", password: "alice-pw" })).error?.error_codes).toEqual([602]);
    expect((await standIn.anonymous().auth.login({ username: "alice", password: "pw-2" })).response.status).toBe(200);
  });

  test("reset_tokens revokes every earlier token of the user, the caller's included", async () => {
    const caller = await standIn.login("alice", "pw-2");
    const other = await standIn.login("alice", "pw-2");
    const permanent = await unwrap(caller.tokens.create({ permanent: true }));
    const space = await unwrap(caller.spaces.create({ name: "alice-space" }));
    const spaceToken = await unwrap(caller.spaces.token({ id: space.id }));
    const demo = await standIn.login();

    const result = await caller.auth.passwordChange({ old_password: "pw-2", new_password: "pw-3", reset_tokens: true });
    expect(result.response.status).toBe(204);
    for (const client of [caller, other, standIn.withToken(permanent.key), standIn.withToken(spaceToken.key)]) {
      expect((await client.whoami.me()).response.status).toBe(401);
    }
    // Another user's tokens are untouched, and the new password logs in.
    expect((await demo.whoami.me()).response.status).toBe(200);
    const fresh = await standIn.login("alice", "pw-3");
    expect((await fresh.whoami.me()).response.status).toBe(200);
  });
});

test("whoami.me names the user and the space the token acts in", async () => {
  const client = await standIn.login();
  const me = await unwrap(client.whoami.me());
  expect(me).toEqual({ username: "demo", space: { id: expect.any(Number), name: "default" } });
});
