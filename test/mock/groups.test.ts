import { InputError } from "../../src/wrappers";
import { image, namingFields, raw, unwrap, useStandIn } from "./helpers";

const standIn = useStandIn();

async function personsIn(count: number, sourceName: string) {
  const client = await standIn.login();
  await unwrap(client.sources.create({ name: sourceName }));
  const pids: string[] = [];
  for (let i = 0; i < count; i++) pids.push((await unwrap(client.persons.create({ image: image(`${sourceName}-${i}`), source: sourceName }))).pid!);
  return { client, pids };
}

describe("groups", () => {
  test("add and remove persons; members are paged with next/previous", async () => {
    const { client, pids } = await personsIn(5, "groups-cam");
    const group = await unwrap(client.groups.create({ name: "Regulars" }));
    expect(group).toEqual({ id: expect.any(Number), space_id: expect.any(Number), name: "Regulars", persons_count: 0 });

    expect(await unwrap(client.groups.add({ pids, groups_ids: [group.id] }))).toEqual({ pids, groups_ids: [group.id] });
    // Adding again is not an error.
    await unwrap(client.groups.add({ pids: [pids[0]!], groups_ids: [group.id] }));
    expect((await unwrap(client.groups.get({ id: group.id }))).persons_count).toBe(5);

    const first = await unwrap(client.groups.persons({ id: group.id, limit: 2 }));
    expect(first.count).toBe(5);
    expect(first.results).toEqual(pids.slice(0, 2).map((pid) => ({ pid, pid_source: "groups-cam" })));
    expect(first.previous).toBeNull();
    expect(new URL(first.next!).searchParams.get("offset")).toBe("2");
    const last = await unwrap(client.groups.persons({ id: group.id, limit: 2, offset: 4 }));
    expect(last.next).toBeNull();
    expect(last.results.map((m) => m.pid)).toEqual([pids[4]]);
    expect(new URL(last.previous!).searchParams.get("offset")).toBe("2");

    await unwrap(client.groups.remove({ pids: pids.slice(0, 3), groups_ids: [group.id] }));
    expect((await unwrap(client.groups.persons({ id: group.id }))).results.map((m) => m.pid)).toEqual(pids.slice(3));
    expect((await unwrap(client.groups.list({ pids_include: [pids[4]!] }))).results.map((g) => g.id)).toEqual([group.id]);
    expect((await unwrap(client.groups.list({ pids_exclude: [pids[4]!], groups_ids: [group.id] }))).count).toBe(0);

    // A deleted person leaves its groups.
    await unwrap(client.persons.delete({ pid: pids[4]! }));
    expect((await unwrap(client.groups.get({ id: group.id }))).persons_count).toBe(1);
    expect((await unwrap(client.groups.update({ id: group.id, name: "VIP" }))).name).toBe("VIP");
    expect((await client.groups.delete({ id: group.id })).response.status).toBe(204);
    expect((await client.groups.persons({ id: group.id })).response.status).toBe(404);
  });

  test("at most 100 pids per add/remove: the client refuses, and the server enforces it too", async () => {
    const client = await standIn.login();
    const group = await unwrap(client.groups.create({ name: "Big" }));
    const pids = Array.from({ length: 101 }, (_, i) => `pid-${i}`);
    // (Sync throw or rejection, whichever the client does.)
    await expect((async () => client.groups.add({ pids, groups_ids: [group.id] }))()).rejects.toThrow(InputError);

    const { key } = await unwrap(client.tokens.create());
    const url = `${standIn.server.apiUrl}/v1/groups/persons/pids/`;
    const tooMany = {
      error_codes: [400],
      message: "Validation error.",
      fields: [{ name: "pids", message: "Ensure this field has no more than 100 elements.", error_code: 400 }],
    };
    expect(await raw(url, { method: "POST", token: key, json: { pids, groups_ids: [group.id] } })).toEqual({ status: 400, body: tooMany });
    expect(await raw(url, { method: "DELETE", token: key, json: { pids, groups_ids: [group.id] } })).toEqual({ status: 400, body: tooMany });
    expect(await raw(url, { method: "POST", token: key, json: { pids: [], groups_ids: [] } })).toEqual({
      status: 400,
      body: namingFields("pids", "groups_ids"),
    });
  });

  test("exactly 100 pids are accepted; unknown pids or groups are 400s naming the field", async () => {
    const { client, pids } = await personsIn(100, "hundred-cam");
    const group = await unwrap(client.groups.create({ name: "Hundred" }));
    await unwrap(client.groups.add({ pids, groups_ids: [group.id] }));
    expect((await unwrap(client.groups.get({ id: group.id }))).persons_count).toBe(100);
    expect((await client.groups.add({ pids: ["no-such-pid"], groups_ids: [group.id] })).error).toEqual(namingFields("pids"));
    expect((await client.groups.add({ pids: [pids[0]!], groups_ids: [999_999] })).error).toEqual(namingFields("groups_ids"));
  });
});
