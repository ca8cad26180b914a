import WebSocket from "ws";
import { image, namingFields, raw, unwrap, useStandIn, type StandIn } from "./helpers";

const standIn = useStandIn();

async function setUp(s: StandIn, sourceName: string) {
  const client = await s.login();
  const source = await unwrap(client.sources.create({ name: sourceName }));
  return { client, source };
}

describe("persons from photos", () => {
  test("a created person is found again by search with the same image (exact, same pid)", async () => {
    const { client } = await setUp(standIn, "door");
    const photo = image("alice");
    const created = await client.persons.create({ image: photo, source: "door", identify_asm: false });
    expect(created.response.status).toBe(201);
    expect(created.data).toEqual({ result: "new", pid: expect.stringMatching(/^[0-9a-f-]{36}$/), confidence: 100 });

    const found = await unwrap(client.persons.search({ image: photo }));
    expect(found).toEqual({ result: "exact", pid: created.data!.pid, confidence: 100 });
    // The same bytes from a fresh copy are still the same face.
    expect((await unwrap(client.persons.search({ image: new Uint8Array(photo) }))).pid).toBe(created.data!.pid);
  });

  test("an unknown face is a no-match: result nm, pid null", async () => {
    const { client } = await setUp(standIn, "door-2");
    await unwrap(client.persons.create({ image: image("known"), source: "door-2" }));
    const result = await unwrap(client.persons.search({ image: image("stranger") }));
    expect(result).toEqual({ result: "nm", pid: null, confidence: expect.any(Number) });
    expect(result.confidence).toBeLessThan(68.84);
  });

  test("creating a known face returns the existing person with 200, and stores nothing", async () => {
    const { client } = await setUp(standIn, "door-3");
    const first = await unwrap(client.persons.create({ image: image("bob"), source: "door-3" }));
    const before = (await unwrap(client.entries.list({ pid: [first.pid!] }))).count;
    const again = await client.persons.create({ image: image("bob"), source: "door-3" });
    expect(again.response.status).toBe(200);
    expect(again.data).toMatchObject({ result: "exact", pid: first.pid, confidence: 100 });
    expect((await unwrap(client.entries.list({ pid: [first.pid!] }))).count).toBe(before);
  });

  test("identify_asm adds age, sex and mood (deterministic per image); the source's manual_identify_asm is the default", async () => {
    const client = await standIn.login();
    await unwrap(client.sources.create({ name: "asm-on" }));
    await unwrap(client.sources.create({ name: "asm-off", manual_identify_asm: false }));
    const withAsm = await unwrap(client.persons.create({ image: image("asm-1"), source: "asm-on" }));
    expect(withAsm).toEqual({ result: "new", pid: expect.any(String), confidence: 100, age: expect.any(Number), sex: expect.any(Number), mood: expect.any(String) });
    const without = await unwrap(client.persons.create({ image: image("asm-2"), source: "asm-off" }));
    expect(Object.keys(without).sort()).toEqual(["confidence", "pid", "result"]);
    const asm = await unwrap(client.utility.asm({ image: image("asm-1") }));
    expect(asm).toEqual({ age: withAsm.age, sex: withAsm.sex, mood: withAsm.mood });
  });

  test("a face smaller than facesize, or an unknown source, is a 400 naming the field", async () => {
    const { client } = await setUp(standIn, "door-4");
    expect((await client.persons.create({ image: image("tiny"), source: "door-4", facesize: 10_000_000 })).error).toEqual(namingFields("image"));
    expect((await client.persons.create({ image: image("tiny"), source: "nope" })).error).toEqual(namingFields("source"));
  });

  test("lower thresholds let different photos match; create_on_ha creates anyway", async () => {
    const client = await standIn.login();
    const space = await unwrap(client.spaces.create({ name: "loose" }));
    const loose = standIn.withToken((await unwrap(client.spaces.token({ id: space.id }))).key);
    await unwrap(loose.sources.create({ name: "cam" }));
    const first = await unwrap(loose.persons.create({ image: image("p1"), source: "cam" }));
    // Different photos score well above 0 (mostly 25–45): with these thresholds any pair is an `ha` match.
    await unwrap(loose.settings.update({ exact: 99, ha: 1, junk: 0 }));
    const match = await loose.persons.create({ image: image("p2"), source: "cam", identify_asm: false });
    expect(match.response.status).toBe(200);
    expect(match.data).toEqual({ result: "ha", pid: first.pid, confidence: expect.any(Number) });
    expect((await unwrap(loose.persons.search({ image: image("p3") }))).result).toBe("ha");
    const forced = await loose.persons.create({ image: image("p2"), source: "cam", create_on_ha: true });
    expect(forced.response.status).toBe(201);
    expect(forced.data?.pid).not.toBe(first.pid);
    await unwrap(loose.settings.reset());
  });

  test("persons.delete: gone from search and stats, entries kept", async () => {
    const { client } = await setUp(standIn, "door-5");
    const person = await unwrap(client.persons.create({ image: image("carol"), source: "door-5" }));
    expect((await client.persons.delete({ pid: person.pid! })).response.status).toBe(204);
    expect((await unwrap(client.persons.search({ image: image("carol") }))).result).toBe("nm");
    expect((await client.entries.get({ pid: person.pid! })).response.status).toBe(404);
    expect((await unwrap(client.entries.list({ pid: [person.pid!] }))).count).toBe(1);
    expect((await client.persons.delete({ pid: person.pid! })).response.status).toBe(404);
  });
});

describe("entries", () => {
  test("every create and reinit records an entry with realistic fields; stats count them", async () => {
    const { client, source } = await setUp(standIn, "lobby");
    const photo = image("dave");
    const person = await unwrap(client.persons.create({ image: photo, source: "lobby", identify_asm: true }));
    const { results } = await unwrap(client.entries.list({ pid: [person.pid!] }));
    expect(results).toHaveLength(1);
    const entry = results[0]!;
    expect(entry).toMatchObject({
      result: "new",
      pid: person.pid,
      confidence: 100,
      source: { id: source.id, name: "lobby" },
      space: { name: "default" },
      age: person.age,
      sex: person.sex,
      mood: person.mood,
      liveness: null,
    });
    expect(entry.initial_face_image).toBe(entry.face_image);
    expect(entry.facesize).toBeGreaterThanOrEqual(25_000);
    // The image URLs serve the uploaded bytes.
    const served = new Uint8Array(await (await fetch(entry.face_image!)).arrayBuffer());
    expect(Buffer.from(served).equals(Buffer.from(photo))).toBe(true);

    // Re-initialise from that entry, then from a new photo (which must match: lower the thresholds).
    expect((await client.persons.reinit({ id: entry.id })).response.status).toBe(204);
    await unwrap(client.settings.update({ ha: 1, junk: 0 }));
    const reinit = await client.persons.reinitByPhoto({ pid: person.pid!, image: image("dave-2"), source: "lobby" });
    expect(reinit.response.status).toBe(204);
    await unwrap(client.settings.update({ exact: 79.3, ha: 75.5, junk: 68.84 }));
    // Now the new photo is dave's face, and the old one no longer is.
    expect((await unwrap(client.persons.search({ image: image("dave-2") }))).pid).toBe(person.pid);
    const notMatching = await client.persons.reinitByPhoto({ pid: person.pid!, image: image("someone-else"), source: "lobby" });
    expect(notMatching.error).toEqual(namingFields("image"));

    const stats = await unwrap(client.entries.get({ pid: person.pid! }));
    expect(stats).toMatchObject({
      pid: person.pid,
      pid_source: { id: source.id, name: "lobby" },
      total: 4,
      reinit: 2,
      exact: 1, // the search that found dave recorded an exact entry
      liveness: { passed: 0, failed: 0, undetermined: 0 },
    });
    const all = await unwrap(client.entries.list({ pid: [person.pid!] }));
    expect(all.results.map((e) => e.result)).toEqual(["exact", "reinit", "reinit", "new"]);
    expect(all.results[0]!.source).toBeNull(); // a search names no source
    expect(all.results[1]!.initial_face_image).toBe(all.results[1]!.face_image);

    expect((await client.entries.delete({ id: all.results[0]!.id })).response.status).toBe(204);
    expect((await unwrap(client.entries.get({ pid: person.pid! }))).total).toBe(3);
    expect((await client.entries.delete({ id: all.results[0]!.id })).response.status).toBe(404);
  });

  test("stream faces (test hook): exact/nm/det entries, stats, create from an nm entry, customer", async () => {
    const { client, source } = await setUp(standIn, "street");
    const person = await unwrap(client.persons.create({ image: image("erin"), source: "street" }));
    const state = standIn.server.state;
    await unwrap(client.sources.update({ id: source.id, auto_check_liveness: true }));
    const exact = state.simulateStreamFace({ sourceId: source.id, image: image("erin"), liveness: "failed" });
    expect(exact).toMatchObject({ result: "exact", pid: person.pid, confidence: 100, liveness: "failed" });
    const nm = state.simulateStreamFace({ sourceId: source.id, image: image("frank") });
    expect(nm).toMatchObject({ result: "nm", pid: null, pid_created: null, initial_face_image: null, liveness: "passed" });
    await unwrap(client.sources.update({ id: source.id, identify_facesize_threshold: 1_000_000 }));
    expect(state.simulateStreamFace({ sourceId: source.id, image: image("far away") })).toMatchObject({ result: "det", confidence: null, age: null });

    const stats = await unwrap(client.entries.get({ pid: person.pid! }));
    expect(stats).toMatchObject({ total: 2, exact: 1, liveness: { passed: 0, failed: 1, undetermined: 0 } });
    expect(await unwrap(client.utility.customer({ source: "street" }))).toEqual({ pid: person.pid });
    expect((await client.utility.customer({ source: "street", offset: 5 })).response.status).toBe(404);
    expect((await client.utility.customer({ source: "no such source" })).response.status).toBe(404);

    // Filters: results, liveness, sources_ids, id_from.
    const nmOnly = await unwrap(client.entries.list({ result: ["nm"], sources_ids: [source.id] }));
    expect(nmOnly.results.map((e) => e.id)).toEqual([nm.id]);
    expect((await unwrap(client.entries.list({ liveness: ["failed"], sources_ids: [source.id] }))).results.map((e) => e.id)).toEqual([exact.id]);
    expect((await unwrap(client.entries.list({ id_from: nm.id, sources_ids: [source.id] }))).count).toBe(2);

    // Person from the nm entry: a new person with its own `new` entry; the nm entry is unchanged.
    const frank = await client.persons.createByEntry({ id: nm.id });
    expect(frank.response.status).toBe(201);
    expect(frank.data).toMatchObject({ result: "new", pid: expect.any(String), confidence: 100 });
    expect((await unwrap(client.persons.search({ image: image("frank") }))).pid).toBe(frank.data!.pid);
    expect((await client.persons.createByEntry({ id: exact.id })).error).toEqual(namingFields("id"));
    expect((await client.persons.createByEntry({ id: 999_999 })).error).toEqual(namingFields("id"));
    expect((await client.persons.reinit({ id: nm.id })).error).toEqual(namingFields("id"));
  });

  test("every entry is published on the events feed of its space", async () => {
    const client = await standIn.login();
    const { space } = await unwrap(client.whoami.me());
    const token = (await unwrap(client.tokens.create())).key;
    await unwrap(client.sources.create({ name: "events-cam" }));

    const socket = new WebSocket(standIn.server.eventsUrl);
    const frames: unknown[] = [];
    socket.on("message", (data) => frames.push(JSON.parse(data.toString())));
    await new Promise((resolve) => socket.once("open", resolve));
    socket.send(JSON.stringify({ action: "AUTH", data: { token } }));
    await waitFor(() => frames.length === 1);
    expect(frames[0]).toEqual({ auth: "ok" });

    const person = await unwrap(client.persons.create({ image: image("george"), source: "events-cam" }));
    await waitFor(() => frames.length === 2);
    const [entry] = (await unwrap(client.entries.list({ pid: [person.pid!] }))).results;
    expect(frames[1]).toEqual({ id: entry!.id, data: entry });
    expect(entry!.space).toEqual(space);
    socket.close();
  });
});

describe("uploaded images", () => {
  test("are kept only while an entry or a person refers to them", async () => {
    const { client, source } = await setUp(standIn, "media-cam");
    const media = standIn.server.state.media;
    const kept = () => new Set(media.keys());
    const before = kept();

    // Refused or answered without creating anything: nothing is kept.
    const person = await unwrap(client.persons.create({ image: image("media-1"), source: "media-cam" }));
    const afterCreate = kept();
    expect(afterCreate.size).toBe(before.size + 1);
    expect((await client.persons.create({ image: image("media-small"), source: "media-cam", facesize: 10_000_000 })).error).toEqual(namingFields("image"));
    expect((await client.persons.create({ image: new Uint8Array(image("media-1")), source: "media-cam" })).response.status).toBe(200);
    const notMatching = await client.persons.reinitByPhoto({ pid: person.pid!, image: image("media-other"), source: "media-cam" });
    expect(notMatching.error).toEqual(namingFields("image"));
    expect(kept()).toEqual(afterCreate);

    // A search's photo is its entry's image, until the entry is deleted.
    await unwrap(client.persons.search({ image: image("media-searched") }));
    const [searched] = (await unwrap(client.entries.list({ result: ["nm"], limit: 1 }))).results;
    expect((await fetch(searched!.face_image!)).status).toBe(200);
    expect(kept().size).toBe(afterCreate.size + 1);
    expect((await client.entries.delete({ id: searched!.id })).response.status).toBe(204);
    expect((await fetch(searched!.face_image!)).status).toBe(404);
    expect(kept()).toEqual(afterCreate);

    // A person's initial image stays while the person or one of its entries remains.
    const [created] = (await unwrap(client.entries.list({ pid: [person.pid!] }))).results;
    expect((await client.entries.delete({ id: created!.id })).response.status).toBe(204);
    expect((await unwrap(client.entries.get({ pid: person.pid! }))).initial_face_image).toBe(created!.face_image);
    expect((await fetch(created!.face_image!)).status).toBe(200);
    expect((await client.persons.delete({ pid: person.pid! })).response.status).toBe(204);
    expect((await fetch(created!.face_image!)).status).toBe(404);

    // Deleting a source deletes its entries, and with them their images.
    const other = await unwrap(client.persons.create({ image: image("media-2"), source: "media-cam" }));
    await unwrap(client.persons.delete({ pid: other.pid! }));
    expect(kept().size).toBe(before.size + 1);
    expect((await client.sources.delete({ id: source.id })).response.status).toBe(202);
    expect(kept()).toEqual(before);
  });
});

describe("multipart requests", () => {
  test("a missing image is a 400 naming it; text parts are coerced (Python's True/False too)", async () => {
    const client = await standIn.login();
    await unwrap(client.sources.create({ name: "form-cam" }));
    const { key } = await unwrap(client.tokens.create());
    const url = `${standIn.server.apiUrl}/v1/persons/`;

    const noImage = new FormData();
    noImage.append("source", "form-cam");
    noImage.append("create_on_ha", "maybe");
    expect(await raw(url, { method: "POST", token: key, body: noImage })).toEqual({ status: 400, body: namingFields("create_on_ha", "image") });

    const textImage = new FormData();
    textImage.append("image", "not a file");
    textImage.append("source", "form-cam");
    const asText = await raw(url, { method: "POST", token: key, body: textImage });
    expect(asText.body.fields).toEqual([{ name: "image", message: expect.stringContaining("not a file"), error_code: 400 }]);

    const python = new FormData();
    python.append("image", new Blob([image("python") as Uint8Array<ArrayBuffer>], { type: "image/jpeg" }), "image");
    python.append("source", "form-cam");
    python.append("identify_asm", "False");
    python.append("facesize", "100");
    const created = await raw(url, { method: "POST", token: key, body: python });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(["confidence", "pid", "result"]);
  });

  test("a file over the upload limit gets 413", async () => {
    const client = await standIn.login();
    const { key } = await unwrap(client.tokens.create());
    const big = new FormData();
    big.append("image", new Blob([new Uint8Array(6 * 1024 * 1024 + 1)], { type: "image/jpeg" }), "big.jpg");
    const response = await raw(`${standIn.server.apiUrl}/v1/persons/search/`, { method: "POST", token: key, body: big });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      error_codes: [413],
      message: "Request payload is too large.",
      fields: [{ name: "image", message: "The file is larger than 6291456 bytes.", error_code: 413 }],
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
