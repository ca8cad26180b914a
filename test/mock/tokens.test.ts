import { image, namingFields, raw, unwrap, useStandIn } from "./helpers";

const standIn = useStandIn();

describe("tokens", () => {
  test("an account holds at most 5 permanent tokens; the sixth is a 400 naming permanent", async () => {
    const client = await standIn.login();
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await unwrap(client.tokens.create({ permanent: true })));
    expect(created.every((t) => t.expires === null && t.is_active)).toBe(true);

    const sixth = await client.tokens.create({ permanent: true });
    expect(sixth.response.status).toBe(400);
    expect(sixth.error).toEqual({
      error_codes: [400],
      message: "Validation error.",
      fields: [{ name: "permanent", message: "You can have at most 5 permanent tokens.", error_code: 400 }],
    });
    // Temporary tokens are not limited.
    expect((await client.tokens.create({ permanent: false })).response.status).toBe(201);
    expect((await client.tokens.create()).response.status).toBe(201);

    // Deleting one makes room again.
    await unwrap(client.tokens.delete({ token_id_or_key: created[0]!.key }));
    expect((await client.tokens.create({ permanent: true })).response.status).toBe(201);
    await unwrap(client.tokens.deleteList({ permanent: true }));
    expect(await unwrap(client.tokens.list({ permanent: true }))).toEqual([]);
  });

  test("tokens.list is a bare array filtered by permanent and sliced by limit/offset", async () => {
    const client = await standIn.login();
    await unwrap(client.tokens.deleteList({ permanent: false })); // the caller's own token included
    expect((await client.whoami.me()).response.status).toBe(401);

    const fresh = await standIn.login();
    const a = await unwrap(fresh.tokens.create({ permanent: true }));
    const b = await unwrap(fresh.tokens.create({ permanent: true }));
    const all = await unwrap(fresh.tokens.list());
    expect(Array.isArray(all)).toBe(true);
    expect(all.map((t) => t.id)).toEqual([...all.map((t) => t.id)].sort((x, y) => x - y));
    expect(await unwrap(fresh.tokens.list({ permanent: true }))).toEqual([a, b]);
    expect(await unwrap(fresh.tokens.list({ permanent: true, limit: 1, offset: 1 }))).toEqual([b]);
    expect(await unwrap(fresh.tokens.get({ token_id_or_key: a.key }))).toEqual(a);
    expect(await unwrap(fresh.tokens.get({ token_id_or_key: a.id }))).toEqual(a);
    expect((await fresh.tokens.get({ token_id_or_key: 999_999 })).response.status).toBe(404);
    await unwrap(fresh.tokens.deleteList({ permanent: true }));
  });

  test("tokens.update takes the Python SDK's form body too", async () => {
    const client = await standIn.login();
    const token = await unwrap(client.tokens.create());
    const { key: caller } = (await unwrap(client.tokens.list({ permanent: false }))).at(0)!;
    const response = await raw(`${standIn.server.iamUrl}/v1/tokens/${token.id}/`, {
      method: "PATCH",
      token: caller,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "is_active=false",
    });
    expect(response).toEqual({ status: 200, body: { ...token, is_active: false } });
    const missing = await raw(`${standIn.server.iamUrl}/v1/tokens/${token.id}/`, { method: "PATCH", token: caller, json: {} });
    expect(missing).toEqual({ status: 400, body: namingFields("is_active") });
  });

  test("a space holds at most 5 permanent space tokens, counted apart from the account's", async () => {
    const client = await standIn.login();
    const space = await unwrap(client.spaces.create({ name: "limits" }));
    for (let i = 0; i < 5; i++) await unwrap(client.spaces.token({ id: space.id, permanent: true }));
    const sixth = await client.spaces.token({ id: space.id, permanent: true });
    expect(sixth.error).toEqual(namingFields("permanent"));
    // A space token creates tokens of its own space, under the same limit.
    const temporary = await unwrap(client.spaces.token({ id: space.id }));
    const spaceClient = standIn.withToken(temporary.key);
    expect((await spaceClient.tokens.create({ permanent: true })).error).toEqual(namingFields("permanent"));
    const more = await unwrap(spaceClient.tokens.create({ permanent: false }));
    expect((await standIn.withToken(more.key).whoami.me()).data?.space).toEqual(space);
    // The account's own limit is untouched.
    expect((await client.tokens.create({ permanent: true })).response.status).toBe(201);
    await unwrap(client.tokens.deleteList({ permanent: true }));
  });

  test("stream tokens: temporary by default, at most 5 permanent per space", async () => {
    const client = await standIn.login();
    const temporary = await unwrap(client.streams.tokens.create());
    expect(temporary.expires).not.toBeNull();
    for (let i = 0; i < 5; i++) await unwrap(client.streams.tokens.create({ permanent: true }));
    expect((await client.streams.tokens.create({ permanent: true })).error).toEqual(namingFields("permanent"));
    expect(await unwrap(client.streams.tokens.list({ permanent: false }))).toEqual([temporary]);
    const off = await unwrap(client.streams.tokens.update({ token_id_or_key: temporary.key, is_active: false }));
    expect(off.is_active).toBe(false);
    await unwrap(client.streams.tokens.deleteList({ permanent: true }));
    expect((await unwrap(client.streams.tokens.list())).map((t) => t.id)).toEqual([temporary.id]);
    await unwrap(client.streams.tokens.delete({ token_id_or_key: temporary.id }));
    expect((await client.streams.tokens.get({ token_id_or_key: temporary.id })).response.status).toBe(404);
    // A stream token is not an API token.
    const stream = await unwrap(client.streams.tokens.create());
    expect((await standIn.withToken(stream.key).persons.search({ image: image(1) })).response.status).toBe(401);
  });
});
