import { deref, document, schemaDefaults } from "../../src/mock/document";
import { image, namingFields, raw, unwrap, useStandIn } from "./helpers";

const standIn = useStandIn();

describe("sources", () => {
  test("a new source has every setting, defaulted as the document declares", async () => {
    const client = await standIn.login();
    const source = await unwrap(client.sources.create({ name: "defaults" }));
    const settings = Object.keys(deref(document.components.schemas.Source).properties);
    expect(Object.keys(source).sort()).toEqual([...settings].sort());
    expect(source).toMatchObject({
      ...Object.fromEntries(Object.entries(schemaDefaults("SourceCreateParams")).filter(([k]) => k !== "license_id")),
      name: "defaults",
      license_id: null,
      license: null,
      identify_facesize_threshold: 7000,
      manual_create_facesize_threshold: 25000,
      auto_create_facesize_threshold: 25000,
      manual_identify_asm: true,
      auto_check_angle_threshold: null,
      store_images_for_results: null,
    });
  });

  test("names are unique per space; updates are partial; unknown fields are ignored", async () => {
    const client = await standIn.login();
    const source = await unwrap(client.sources.create({ name: "unique", auto_create_persons: true }));
    expect((await client.sources.create({ name: "unique" })).error).toEqual(namingFields("name"));
    // The JS SDK's `use_pps_timestamp` (which this SDK refuses before sending) is ignored.
    const token = (await unwrap(client.tokens.create({}))).key;
    const { body: updated } = await raw(`${standIn.server.apiUrl}/v1/sources/${source.id}/`, {
      method: "PATCH",
      token,
      json: { identify_facesize_threshold: 9000, use_pps_timestamp: true },
    });
    expect(updated).toMatchObject({ name: "unique", auto_create_persons: true, identify_facesize_threshold: 9000, use_pps_time: false });
    expect(updated).not.toHaveProperty("use_pps_timestamp");
    expect((await client.sources.delete({ id: source.id })).response.status).toBe(202);
    expect((await client.sources.get({ id: source.id })).response.status).toBe(404);
  });

  test("store_images_for_results decides which entries keep images", async () => {
    const client = await standIn.login();
    await unwrap(client.sources.create({ name: "no-images", store_images_for_results: ["nm"] }));
    const person = await unwrap(client.persons.create({ image: image("imageless"), source: "no-images" }));
    const [entry] = (await unwrap(client.entries.list({ pid: [person.pid!] }))).results;
    expect(entry).toMatchObject({ face_image: null, full_image: null, initial_face_image: null });
  });
});

describe("licenses", () => {
  test("create, bind to a source (once), filter by is_bound, update, delete", async () => {
    const client = await standIn.login();
    const license = await unwrap(client.licenses.sources.create({ name: "Entrance" }));
    expect(license).toMatchObject({ name: "Entrance", entry_storage_days: 1, is_active: true, unavailable_at: null });
    const source = await unwrap(client.sources.create({ name: "licensed", license_id: license.id }));
    expect(source.license).toEqual(license);
    expect((await client.sources.create({ name: "second", license_id: license.id })).error).toEqual(namingFields("license_id"));
    expect((await client.sources.create({ name: "third", license_id: 999_999 })).error).toEqual(namingFields("license_id"));
    expect((await unwrap(client.licenses.sources.list({ is_bound: true }))).results.map((l) => l.id)).toContain(license.id);
    expect((await unwrap(client.licenses.sources.list({ is_bound: false }))).results.map((l) => l.id)).not.toContain(license.id);
    const updated = await unwrap(client.licenses.sources.update({ id: license.id, entry_storage_days: 30 }));
    expect(updated).toEqual({ ...license, entry_storage_days: 30 });
    expect((await unwrap(client.licenses.sources.list({ q: "entr", date_from: license.created, date_to: license.created }))).count).toBe(1);
    expect((await client.licenses.sources.delete({ id: license.id })).response.status).toBe(204);
    expect((await unwrap(client.sources.get({ id: source.id }))).license).toBeNull();
  });
});

describe("notifications", () => {
  test("CRUD with every filter returned, unset ones as [] or null", async () => {
    const client = await standIn.login();
    const source = await unwrap(client.sources.create({ name: "hooked" }));
    const created = await unwrap(
      client.notifications.create({ name: "VIP", http_method: 0, destination_url: "https://hooks.example.com/x", results: ["exact"], sources: [source.id] }),
    );
    expect(created).toMatchObject({
      name: "VIP",
      is_active: true,
      results: ["exact"],
      moods: [],
      liveness: [],
      sex: [],
      persons_groups: [],
      age_from: null,
      age_to: null,
      sources: [source.id],
    });
    const updated = await unwrap(client.notifications.update({ id: created.id, is_active: false, results: [] }));
    expect(updated).toEqual({ ...created, is_active: false, results: [] });
    expect(await unwrap(client.notifications.get({ id: created.id }))).toEqual(updated);
    expect((await unwrap(client.notifications.list({ q: "vip" }))).results).toEqual([updated]);
    expect((await client.notifications.update({ id: created.id, age_from: 30, age_to: 20 })).error).toEqual(namingFields("age_to"));
    expect((await client.notifications.create({ name: "bad", http_method: 1, destination_url: "https://x.example", sources: [999] })).error).toEqual(
      namingFields("sources"),
    );
    expect((await client.notifications.delete({ id: created.id })).response.status).toBe(204);
    expect((await client.notifications.get({ id: created.id })).response.status).toBe(404);
  });

  test("an update copies only the document's fields: `constructor`, `toString` and `__proto__` in the body are ignored", async () => {
    const { key } = await unwrap((await standIn.login()).tokens.create());
    const created = await raw(`${standIn.server.apiUrl}/v1/notifications/`, {
      method: "POST",
      token: key,
      json: { name: "proto", http_method: 0, destination_url: "http://127.0.0.1:9/hook" },
    });
    // Raw JSON text: JSON.parse makes `__proto__` an own key of the body, as the stand-in sees it.
    const updated = await raw(`${standIn.server.apiUrl}/v1/notifications/${created.body.id}/`, {
      method: "PATCH",
      token: key,
      headers: { "Content-Type": "application/json" },
      body: '{"name": "renamed", "constructor": "x", "toString": 5, "__proto__": {"is_active": false, "polluted": true}}',
    });
    expect(updated).toEqual({ status: 200, body: { ...created.body, name: "renamed" } });
    const stored = standIn.server.state.notifications.get(created.body.id)!.data;
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.keys(stored).sort()).toEqual(Object.keys(created.body).sort());
  });
});

describe("utility, faceid, version", () => {
  test("utility.compare: same bytes are similar (exact), different ones are not (nm)", async () => {
    const client = await standIn.login();
    expect(await unwrap(client.utility.compare({ image1: image("a"), image2: image("a") }))).toEqual({ similar: true, result: "exact" });
    expect(await unwrap(client.utility.compare({ image1: image("a"), image2: image("b") }))).toEqual({ similar: false, result: "nm" });
    // A level outside the document's MatchLevel: the client refuses it, and so does the stand-in.
    await expect(client.utility.compare({ image1: image("a"), image2: image("a"), result: "nm" as never })).rejects.toMatchObject({ field: "result" });
    const form = new FormData();
    for (const part of ["image1", "image2"]) form.append(part, new Blob([image("a") as Uint8Array<ArrayBuffer>], { type: "image/jpeg" }), `${part}.jpg`);
    form.append("result", "nm");
    const { key } = await unwrap(client.tokens.create());
    const refused = await raw(`${standIn.server.apiUrl}/v1/utility/compare/`, { method: "POST", token: key, body: form });
    expect(refused).toEqual({ status: 400, body: namingFields("result") });
  });

  test("utility.asm is deterministic per image", async () => {
    const client = await standIn.login();
    const first = await unwrap(client.utility.asm({ image: image("asm") }));
    expect(await unwrap(client.utility.asm({ image: image("asm") }))).toEqual(first);
    expect(first.age).toBeGreaterThanOrEqual(18);
  });

  test("faceid: id codes, verification (same photo → exact), compare, unknown id_code", async () => {
    const client = await standIn.login();
    expect(await unwrap(client.faceid.idCodes())).toEqual([{ code: "ru", name: "Russian passport" }]);
    const verified = await unwrap(client.faceid.verification({ photo_face: image("id"), photo_id: image("id"), id_code: "ru" }));
    expect(verified).toMatchObject({ similar: true, result: "exact", extra: { id_code: "ru" }, documents: [expect.any(Object)] });
    const other = await unwrap(client.faceid.verification({ photo_face: image("id"), photo_id: image("other"), id_code: "ru" }));
    expect(other).toMatchObject({ similar: false, result: "nm" });
    expect((await client.faceid.verification({ photo_face: image("id"), photo_id: image("id"), id_code: "xx" })).error).toEqual(
      namingFields("id_code"),
    );
    const compared = await unwrap(client.faceid.compare({ photo: image("selfie") }));
    expect(compared).toEqual(await unwrap(client.faceid.compare({ photo: image("selfie") })));
  });

  test("version.get answers the document's version", async () => {
    const client = await standIn.login();
    expect(await unwrap(client.version.get())).toEqual({ version: document.info.version });
  });
});
