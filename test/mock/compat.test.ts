/**
 * What the official clients send and the stand-in must take as the platform does: the JS
 * SDK's `PUT` updates (the documented alias of `PATCH`), date-only and offset-less date
 * filters (UTC), and the events URL with a trailing slash.
 */
import WebSocket from "ws";
import { image, raw, unwrap, useStandIn } from "./helpers";

const standIn = useStandIn();

async function tokenOf(): Promise<string> {
  const client = await standIn.login();
  return (await unwrap(client.tokens.create())).key;
}

describe("PUT is the alias of the partial PATCH update", () => {
  test("a PUT with a partial body updates only the fields it names, on both hosts", async () => {
    const token = await tokenOf();
    const { apiUrl, iamUrl } = standIn.server;
    const source = await raw(`${apiUrl}/v1/sources/`, { method: "POST", token, json: { name: "put-cam", auto_create_persons: true } });
    expect(source.status).toBe(201);
    const put = await raw(`${apiUrl}/v1/sources/${source.body.id}/`, { method: "PUT", token, json: { identify_facesize_threshold: 9000 } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: "put-cam", auto_create_persons: true, identify_facesize_threshold: 9000 });

    const space = await raw(`${iamUrl}/v1/spaces/`, { method: "POST", token, json: { name: "before" } });
    const renamed = await raw(`${iamUrl}/v1/spaces/${space.body.id}/`, { method: "PUT", token, json: { name: "after" } });
    expect(renamed).toEqual({ status: 200, body: { id: space.body.id, name: "after" } });

    const thresholds = await raw(`${apiUrl}/v1/settings/thresholds/`, { method: "PUT", token, json: { exact: 90 } });
    expect(thresholds.body).toMatchObject({ exact: 90, ha: 75.5, junk: 68.84 });
    // Validated as the PATCH is.
    const bad = await raw(`${apiUrl}/v1/settings/thresholds/`, { method: "PUT", token, json: { exact: "high" } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].name).toBe("exact");
  });

  test("a path without an update still answers PUT with 405", async () => {
    const token = await tokenOf();
    const answer = await raw(`${standIn.server.apiUrl}/v1/entries/`, { method: "PUT", token, json: {} });
    expect(answer.status).toBe(405);
  });
});

describe("date filters", () => {
  test("a date alone and a date-time without an offset are read as UTC", async () => {
    const client = await standIn.login();
    const token = (await unwrap(client.tokens.create())).key;
    await unwrap(client.sources.create({ name: "date-cam" }));
    const person = await unwrap(client.persons.create({ image: image("dated"), source: "date-cam" }));
    const [entry] = (await unwrap(client.entries.list({ pid: [person.pid!] }))).results;
    const created = new Date(entry!.created);
    const utc = created.toISOString().slice(0, 23); // no offset
    const day = created.toISOString().slice(0, 10);
    const list = async (query: string) =>
      (await raw(`${standIn.server.apiUrl}/v1/entries/?pid=${person.pid}&${query}`, { token })).body;

    expect((await list(`date_from=2000-01-01`)).count).toBe(1);
    expect((await list(`date_from=${day}`)).count).toBe(1);
    expect((await list(`date_to=2000-01-01`)).count).toBe(0);
    // Offset-less, as Python's str(datetime.utcnow()) writes it (a space, not T): UTC.
    expect((await list(`date_from=${encodeURIComponent(utc.replace("T", " "))}`)).count).toBe(1);
    expect((await list(`date_to=${encodeURIComponent(utc)}`)).count).toBe(1);
    const oneSecondLater = new Date(created.getTime() + 1000).toISOString().slice(0, 19);
    expect((await list(`date_from=${oneSecondLater}`)).count).toBe(0);
    expect((await raw(`${standIn.server.iamUrl}/v1/licenses/sources/?date_from=2000-01-01`, { token })).status).toBe(200);
    const bad = await raw(`${standIn.server.apiUrl}/v1/entries/?date_from=2000-13-45`, { token });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].name).toBe("date_from");
  });
});

test("the events feed answers with and without a trailing slash", async () => {
  const token = await tokenOf();
  for (const url of [standIn.server.eventsUrl, `${standIn.server.eventsUrl}/`]) {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    const answer = new Promise((resolve) => socket.once("message", (data) => resolve(JSON.parse(data.toString()))));
    socket.send(JSON.stringify({ action: "AUTH", data: { token } }));
    expect(await answer).toEqual({ auth: "ok" });
    socket.close();
  }
});
