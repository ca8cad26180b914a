import { image, namingFields, raw, unwrap, useStandIn } from "./helpers";

const standIn = useStandIn({
  users: [
    { username: "bob", password: "bob-pw" },
    { username: "boss", password: "boss-pw", manager: true },
  ],
});

describe("space isolation", () => {
  test("a space token only sees its own space's sources, persons, entries and groups", async () => {
    const account = await standIn.login();
    const defaultSpace = (await unwrap(account.whoami.me())).space!;
    const warehouse = await unwrap(account.spaces.create({ name: "Warehouse" }));
    const spaceClient = standIn.withToken((await unwrap(account.spaces.token({ id: warehouse.id }))).key);

    // Data in the default space, through the account token.
    const gate = await unwrap(account.sources.create({ name: "gate" }));
    const person = await unwrap(account.persons.create({ image: image("default-person"), source: "gate" }));
    const group = await unwrap(account.groups.create({ name: "staff" }));
    const [entry] = (await unwrap(account.entries.list({ pid: [person.pid!] }))).results;

    // Data in the warehouse, through the space token.
    const dock = await unwrap(spaceClient.sources.create({ name: "dock" }));
    expect(dock.space_id).toBe(warehouse.id);
    expect(gate.space_id).toBe(defaultSpace.id);

    // The space token cannot see the default space's data…
    expect((await unwrap(spaceClient.sources.list())).results.map((s) => s.name)).toEqual(["dock"]);
    expect((await spaceClient.sources.get({ id: gate.id })).response.status).toBe(404);
    expect((await spaceClient.sources.get({ id: gate.id })).error).toEqual({ error_codes: [404], message: "Not found.", fields: [] });
    expect((await spaceClient.sources.update({ id: gate.id, name: "mine" })).response.status).toBe(404);
    expect((await spaceClient.sources.delete({ id: gate.id })).response.status).toBe(404);
    expect((await spaceClient.entries.get({ pid: person.pid! })).response.status).toBe(404);
    expect((await spaceClient.persons.delete({ pid: person.pid! })).response.status).toBe(404);
    expect((await spaceClient.groups.get({ id: group.id })).response.status).toBe(404);
    expect((await spaceClient.entries.delete({ id: entry!.id })).response.status).toBe(404);
    expect((await unwrap(spaceClient.entries.list())).count).toBe(0);
    // …nor upload to its sources, nor find its persons.
    const upload = await spaceClient.persons.create({ image: image("x"), source: "gate" });
    expect(upload.error?.fields).toEqual([{ name: "source", message: "Source with this name does not exist.", error_code: 400 }]);
    expect(await unwrap(spaceClient.persons.search({ image: image("default-person") }))).toEqual({ result: "nm", pid: null, confidence: 0 });
    expect((await unwrap(spaceClient.spaces.list())).results).toEqual([warehouse]);
    expect((await spaceClient.spaces.get({ id: defaultSpace.id })).response.status).toBe(404);
    expect(await unwrap(spaceClient.lists.spaces.all())).toEqual([warehouse]);
    expect((await unwrap(spaceClient.whoami.me())).space).toEqual(warehouse);

    // The account token sees every space of the account and can narrow with spaces_ids.
    expect((await unwrap(account.sources.list())).results.map((s) => s.name)).toEqual(["gate", "dock"]);
    expect((await unwrap(account.sources.list({ spaces_ids: [warehouse.id] }))).results.map((s) => s.name)).toEqual(["dock"]);
    expect((await unwrap(account.sources.get({ id: dock.id }))).name).toBe("dock");
    // A space token may neither create nor delete spaces.
    expect((await spaceClient.spaces.create({ name: "other" })).response.status).toBe(403);
    expect((await spaceClient.spaces.delete({ id: warehouse.id })).response.status).toBe(403);
  });

  test("a person is seen and changed only from its own space, even through an account token's entries", async () => {
    const account = await standIn.login();
    const defaultSpace = (await unwrap(account.whoami.me())).space!;
    const vault = await unwrap(account.spaces.create({ name: "Vault" }));
    const vaultClient = standIn.withToken((await unwrap(account.spaces.token({ id: vault.id }))).key);
    const defaultClient = standIn.withToken((await unwrap(account.spaces.token({ id: defaultSpace.id }))).key);
    await unwrap(vaultClient.sources.create({ name: "vault-cam" }));
    const lobby = await unwrap(account.sources.create({ name: "lobby-cam" }));
    const photo = image("vault-person");
    const person = await unwrap(vaultClient.persons.create({ image: photo, source: "vault-cam" }));

    // The account token finds the vault's person; the search's entry lands in the person's space.
    expect(await unwrap(account.persons.search({ image: photo }))).toMatchObject({ result: "exact", pid: person.pid });
    expect((await unwrap(defaultClient.entries.list({ pid: [person.pid!] }))).count).toBe(0);
    const vaultEntries = (await unwrap(vaultClient.entries.list({ pid: [person.pid!] }))).results;
    expect(vaultEntries.map((e) => [e.result, e.space.id])).toEqual([["exact", vault.id], ["new", vault.id]]);

    // Re-initialisation by photo takes a source of the person's own space only.
    const fromLobby = await account.persons.reinitByPhoto({ pid: person.pid!, image: photo, source: "lobby-cam" });
    expect(fromLobby.error).toEqual(namingFields("source"));
    expect((await account.persons.reinitByPhoto({ pid: person.pid!, image: photo, source: "vault-cam" })).response.status).toBe(204);
    const vaultTotal = (await unwrap(vaultClient.entries.get({ pid: person.pid! }))).total;

    // An entry of the default space tied to the vault's person (as one recorded before
    // these rules) neither re-initialises that person nor counts in the vault's stats.
    const { state } = standIn.server;
    const stray = state.recordEntry({
      source: state.sources.get(lobby.id),
      face: state.persons.get(person.pid!)!.face,
      result: "exact",
      person: state.persons.get(person.pid!),
      confidence: 100,
      asm: false,
    });
    expect((await defaultClient.persons.reinit({ id: stray.data.id })).error).toEqual(namingFields("id"));
    expect((await unwrap(vaultClient.entries.get({ pid: person.pid! }))).total).toBe(vaultTotal);
    expect((await unwrap(account.entries.get({ pid: person.pid! }))).total).toBe(vaultTotal + 1);
  });

  test("thresholds, groups and notifications are per space", async () => {
    const account = await standIn.login();
    const lab = await unwrap(account.spaces.create({ name: "Lab" }));
    const labClient = standIn.withToken((await unwrap(account.spaces.token({ id: lab.id }))).key);
    await unwrap(labClient.settings.update({ exact: 95 }));
    expect((await unwrap(labClient.settings.get())).exact).toBe(95);
    expect((await unwrap(account.settings.get())).exact).toBe(79.3);
    expect((await unwrap(labClient.groups.create({ name: "lab group" }))).space_id).toBe(lab.id);
  });

  test("another account's ids answer 404", async () => {
    const demo = await standIn.login();
    const bob = await standIn.login("bob", "bob-pw");
    const source = await unwrap(demo.sources.create({ name: "demo-only" }));
    const license = await unwrap(demo.licenses.sources.create({ name: "demo license" }));
    const space = await unwrap(demo.spaces.create({ name: "demo space" }));
    expect((await bob.sources.get({ id: source.id })).response.status).toBe(404);
    expect((await bob.licenses.sources.get({ id: license.id })).response.status).toBe(404);
    expect((await bob.spaces.get({ id: space.id })).response.status).toBe(404);
    expect((await bob.spaces.token({ id: space.id })).response.status).toBe(404);
    expect((await unwrap(bob.sources.list())).results).toEqual([]);
    // Bob's source with the same name does not clash with demo's.
    expect((await bob.sources.create({ name: "demo-only" })).response.status).toBe(201);
  });

  test("the default space cannot be deleted; others can, with their data and tokens", async () => {
    const account = await standIn.login();
    const { space: defaultSpace } = await unwrap(account.whoami.me());
    const { error, response } = await account.spaces.delete({ id: defaultSpace!.id });
    expect(response.status).toBe(400);
    expect(error).toEqual({ error_codes: [400], message: "The default space cannot be deleted.", fields: [] });

    const temp = await unwrap(account.spaces.create({ name: "Temp" }));
    const token = await unwrap(account.spaces.token({ id: temp.id }));
    const tempClient = standIn.withToken(token.key);
    const source = await unwrap(tempClient.sources.create({ name: "temp-cam" }));
    expect((await account.spaces.delete({ id: temp.id })).response.status).toBe(204);
    expect((await account.spaces.get({ id: temp.id })).response.status).toBe(404);
    expect((await account.sources.get({ id: source.id })).response.status).toBe(404);
    expect((await tempClient.whoami.me()).response.status).toBe(401);
  });
});

describe("manager tokens", () => {
  test("reach IAM, get 403 on every API operation and on billing", async () => {
    const manager = await standIn.login("boss", "boss-pw");
    expect(await unwrap(manager.whoami.me())).toEqual({ username: "boss", space: null });
    const space = await unwrap(manager.spaces.create({ name: "Managed" }));
    expect((await unwrap(manager.spaces.list())).results.map((s) => s.name)).toEqual(["default", "Managed"]);
    expect((await manager.licenses.sources.create({ name: "m" })).response.status).toBe(201);
    const token = await unwrap(manager.tokens.create({ permanent: false }));
    expect((await standIn.withToken(token.key).whoami.me()).response.status).toBe(200);

    const forbidden = { error_codes: [403], message: "You do not have permission to perform this action.", fields: [] };
    for (const result of [
      await manager.sources.list(),
      await manager.version.get(),
      await manager.settings.get(),
      await manager.persons.search({ image: image(1) }),
      await manager.billing.usage(),
      await manager.billing.usageTotal(),
    ]) {
      expect(result.response.status).toBe(403);
      expect(result.error).toEqual(forbidden);
    }
    // 403 comes before validation: an invalid body (which the SDK would refuse) still answers 403.
    {
      const invalid = await raw(`${standIn.server.apiUrl}/v1/sources/`, { method: "POST", token: token.key, json: { name: "" } });
      expect(invalid).toEqual({ status: 403, body: forbidden });
    }
    // A space token the manager creates is a space token, with API access.
    const spaceToken = await unwrap(manager.spaces.token({ id: space.id }));
    expect((await standIn.withToken(spaceToken.key).sources.list()).response.status).toBe(200);
  });
});
