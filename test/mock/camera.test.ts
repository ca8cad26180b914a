/** Camera simulation: `server.simulateCamera` and `POST /_mock/camera` record camera entries on purpose. */
import { drawFace } from "../../src/mock";
import { raw, unwrap, useStandIn } from "./helpers";

const standIn = useStandIn();

async function setUp(name: string) {
  const account = await standIn.login();
  const space = await unwrap(account.spaces.create({ name }));
  const token = (await unwrap(account.spaces.token({ id: space.id }))).key;
  const client = standIn.withToken(token);
  const source = await unwrap(client.sources.create({ name: `${name}-cam` }));
  return { client, source, token };
}

test("server.simulateCamera produces exact, ha, junk, nm and det entries for a person's photo", async () => {
  const { client, source } = await setUp("camera-fn");
  const photo = drawFace("camera-person");
  const person = await unwrap(client.persons.create({ image: photo, source: source.name }));
  const seen = (as?: "exact" | "ha" | "junk" | "nm" | "det") => standIn.server.simulateCamera({ source: source.id, image: photo, as });

  expect(seen()).toMatchObject({ result: "exact", pid: person.pid, confidence: 100, source: { id: source.id } });
  expect(seen("exact")).toMatchObject({ result: "exact", pid: person.pid });
  expect(seen("ha")).toMatchObject({ result: "ha", pid: person.pid });
  expect(seen("junk")).toMatchObject({ result: "junk", pid: person.pid });
  expect(seen("nm")).toMatchObject({ result: "nm", pid: null });
  expect(seen("det")).toMatchObject({ result: "det", pid: null, confidence: null });
  // By name too; a photo of someone else is no match.
  expect(standIn.server.simulateCamera({ source: source.name, image: drawFace("nobody") })).toMatchObject({ result: "nm" });

  const listed = (await unwrap(client.entries.list({ sources_ids: [source.id] }))).results.map((e) => e.result);
  expect(listed).toEqual(["nm", "det", "nm", "junk", "ha", "exact", "exact", "new"]);
  expect(() => standIn.server.simulateCamera({ source: "no-such-cam", image: photo })).toThrow(/no source/);
});

test("POST /_mock/camera does the same over HTTP, with the API's token and visibility", async () => {
  const { client, source, token } = await setUp("camera-http");
  const photo = drawFace("http-person");
  const person = await unwrap(client.persons.create({ image: photo, source: source.name }));
  const url = `${standIn.server.apiUrl.replace(/\/api$/, "")}/_mock/camera`;

  const ha = await raw(url, { method: "POST", token, json: { source: source.name, image: Buffer.from(photo).toString("base64"), as: "ha" } });
  expect(ha).toMatchObject({ status: 201, body: { result: "ha", pid: person.pid } });
  const dataUrl = `data:image/png;base64,${Buffer.from(photo).toString("base64")}`;
  expect((await raw(url, { method: "POST", token, json: { source: source.id, image: dataUrl, as: "det" } })).body).toMatchObject({ result: "det" });
  const drawn = await raw(url, { method: "POST", token, json: { source: source.id, seed: "a stranger" } });
  expect(drawn).toMatchObject({ status: 201, body: { result: "nm" } });
  const [latest] = (await unwrap(client.entries.list({ limit: 1 }))).results;
  expect(latest).toEqual(drawn.body);

  expect((await raw(url, { method: "POST", json: { source: source.id, seed: "x" } })).status).toBe(401);
  const other = await setUp("camera-other");
  expect((await raw(url, { method: "POST", token: other.token, json: { source: source.id, seed: "x" } })).body.fields[0].name).toBe("source");
  expect((await raw(url, { method: "POST", token, json: { source: source.id, seed: "x", as: "maybe" } })).body.fields[0].name).toBe("as");
  expect((await raw(url, { method: "POST", token, json: { source: source.id, image: Buffer.from("text").toString("base64") } })).body.fields[0]).toMatchObject({ name: "image", message: expect.stringContaining("not an image") });
  expect((await raw(`${url}/nothing`, { token })).status).toBe(404);
});

test("as exact, ha or junk with no person in the space to match is refused naming as, over HTTP too; nm and det need none", async () => {
  const { client, source, token } = await setUp("camera-empty");
  const photo = drawFace("camera-nobody-yet");
  const url = `${standIn.server.apiUrl.replace(/\/api$/, "")}/_mock/camera`;
  for (const as of ["exact", "ha", "junk"] as const) {
    expect(() => standIn.server.simulateCamera({ source: source.id, image: photo, as })).toThrow(`as ${as} needs a person made from this photo in the space of source "camera-empty-cam" to match, and there is none`);
    const answer = await raw(url, { method: "POST", token, json: { source: source.name, image: Buffer.from(photo).toString("base64"), as } });
    expect(answer).toMatchObject({ status: 400, body: { fields: [{ name: "as", message: expect.stringContaining("needs a person made from this photo") }] } });
  }
  // Even where the source would create a person from a face it does not know.
  await unwrap(client.sources.update({ id: source.id, auto_create_persons: true }));
  expect(() => standIn.server.simulateCamera({ source: source.id, image: photo, as: "exact" })).toThrow(/needs a person made from this photo/);
  await unwrap(client.sources.update({ id: source.id, auto_create_persons: false }));
  expect((await unwrap(client.entries.list({ sources_ids: [source.id] }))).results).toEqual([]);
  expect(standIn.server.simulateCamera({ source: source.id, image: photo, as: "nm" })).toMatchObject({ result: "nm" });
  expect(standIn.server.simulateCamera({ source: source.id, image: photo, as: "det" })).toMatchObject({ result: "det" });

  // With persons in the space, a photo none of them was made from has no one to match either.
  await unwrap(client.persons.create({ image: drawFace("camera-somebody"), source: source.name }));
  expect(() => standIn.server.simulateCamera({ source: source.id, image: photo, as: "ha" })).toThrow(/as ha needs a person made from this photo in the space of source "camera-empty-cam" to match, and there is none/);
  const person = await unwrap(client.persons.create({ image: photo, source: source.name }));
  expect(standIn.server.simulateCamera({ source: source.id, image: photo, as: "ha" })).toMatchObject({ result: "ha", pid: person.pid });
  expect((await unwrap(client.entries.list({ sources_ids: [source.id] }))).results.map((e) => e.result)).toEqual(["ha", "new", "new", "det", "nm"]);
});

test("GET /_mock/notifications/{id}/deliveries reads a notification's delivery log", async () => {
  const { client, source, token } = await setUp("camera-log");
  const hook = await unwrap(client.notifications.create({ name: "remote", http_method: 0, destination_url: "https://hooks.example.com/x", results: ["nm"] }));
  standIn.server.simulateCamera({ source: source.id, image: drawFace("log-face") });
  await standIn.server.webhooks.idle();
  const base = standIn.server.apiUrl.replace(/\/api$/, "");
  const log = await raw(`${base}/_mock/notifications/${hook.id}/deliveries`, { token });
  expect(log).toMatchObject({ status: 200, body: [{ notificationId: hook.id, outcome: "not-delivered" }] });
  const other = await setUp("camera-log-other");
  expect((await raw(`${base}/_mock/notifications/${hook.id}/deliveries`, { token: other.token })).status).toBe(404);
});

test("every outcome works under every valid threshold setting, or is a 400 naming as (never a 500)", async () => {
  const { client, source, token } = await setUp("camera-extremes");
  const photo = drawFace("extreme-person");
  const person = await unwrap(client.persons.create({ image: photo, source: source.name }));
  const url = `${standIn.server.apiUrl.replace(/\/api$/, "")}/_mock/camera`;
  const outcomes = ["exact", "ha", "junk", "nm", "det"] as const;
  // What each setting allows: a level no score reaches (ha and junk at 0/0/0), or only
  // scores no photo here reaches (junk at 0.05–0.1), is refused.
  const settings: Array<[thresholds: { exact: number; ha: number; junk: number }, possible: string[]]> = [
    [{ exact: 0, ha: 0, junk: 0 }, ["exact", "det"]],
    [{ exact: 100, ha: 0, junk: 0 }, ["exact", "ha", "det"]],
    [{ exact: 100, ha: 100, junk: 100 }, ["exact", "nm", "det"]],
    [{ exact: 100, ha: 50, junk: 1 }, ["exact", "ha", "junk", "nm", "det"]],
    [{ exact: 99.9, ha: 0.1, junk: 0.05 }, ["exact", "ha", "nm", "det"]],
  ];
  for (const [thresholds, possible] of settings) {
    await unwrap(client.settings.update(thresholds));
    for (const as of outcomes) {
      const answer = await raw(url, { method: "POST", token, json: { source: source.id, image: Buffer.from(photo).toString("base64"), as } });
      if (possible.includes(as)) {
        expect({ thresholds, as, answer }).toMatchObject({ answer: { status: 201, body: { result: as, pid: ["nm", "det"].includes(as) ? null : person.pid } } });
      } else {
        expect({ thresholds, as, answer }).toMatchObject({ answer: { status: 400, body: { fields: [{ name: "as", message: expect.stringContaining(`is ${as} under`) }] } } });
        expect(() => standIn.server.simulateCamera({ source: source.id, image: photo, as })).toThrow(/thresholds/);
      }
    }
  }
}, 120_000);
