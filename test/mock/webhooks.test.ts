/**
 * Webhooks: entries that pass an active notification's filters are sent to its
 * destination (a loopback receiver started here), with bounded retries and a delivery log;
 * non-loopback destinations are logged as not delivered and never contacted.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { WebhookPayload } from "../../src/mock";
import { image, unwrap, useStandIn } from "./helpers";

interface Received {
  method: string;
  url: URL;
  body: string;
}

/** A loopback HTTP receiver answering each request with the next status of `statuses` (then 200). */
async function startReceiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const waiting: Array<() => void> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ method: req.method!, url: new URL(req.url!, "http://127.0.0.1"), body: Buffer.concat(chunks).toString() });
      res.writeHead(statuses.shift() ?? 200);
      res.end();
      waiting.splice(0).forEach((wake) => wake());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

const standIn = useStandIn({ webhooks: { retryDelayMs: 10, maxAttempts: 3 } });
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.received.length = 0;
  receiver.statuses.length = 0;
});

/** A fresh space (its own notifications) with a source, and a client acting in it. */
async function space(name: string) {
  const account = await standIn.login();
  const created = await unwrap(account.spaces.create({ name }));
  const client = standIn.withToken((await unwrap(account.spaces.token({ id: created.id }))).key);
  const source = await unwrap(client.sources.create({ name: `${name}-cam` }));
  return { client, source };
}

const payloadOf = (r: Received) => JSON.parse(r.body) as WebhookPayload;

test("a matching entry is POSTed as {id, data, groups}; the log says delivered", async () => {
  const { client, source } = await space("hooks-post");
  const hook = await unwrap(
    client.notifications.create({ name: "new faces", http_method: 0, destination_url: `${receiver.url}/hook`, results: ["new"], sources: [source.id] }),
  );
  const person = await unwrap(client.persons.create({ image: image("hooked"), source: source.name }));
  await unwrap(client.persons.search({ image: image("hooked") })); // an `exact` entry: filtered out
  await standIn.server.webhooks.idle();

  expect(receiver.received).toHaveLength(1);
  const [request] = receiver.received;
  expect(request!.method).toBe("POST");
  expect(request!.url.pathname).toBe("/hook");
  const [entry] = (await unwrap(client.entries.list({ pid: [person.pid!], result: ["new"] }))).results;
  expect(payloadOf(request!)).toEqual({ id: entry!.id, data: entry, groups: [] });
  expect(standIn.server.webhooks.log(hook.id)).toEqual([
    { notificationId: hook.id, entryId: entry!.id, method: "POST", url: `${receiver.url}/hook`, outcome: "delivered", attempts: [{ at: expect.any(String), status: 200 }] },
  ]);
});

test("GET carries the same payload in the query; an inactive notification sends nothing", async () => {
  const { client, source } = await space("hooks-get");
  const get = await unwrap(client.notifications.create({ name: "get", http_method: 1, destination_url: `${receiver.url}/get?key=1` }));
  const off = await unwrap(client.notifications.create({ name: "off", http_method: 0, destination_url: `${receiver.url}/off`, is_active: false }));
  await unwrap(client.persons.create({ image: image("getter"), source: source.name }));
  await standIn.server.webhooks.idle();
  expect(receiver.received.map((r) => [r.method, r.url.pathname])).toEqual([["GET", "/get"]]);
  const query = receiver.received[0]!.url.searchParams;
  expect(query.get("key")).toBe("1");
  expect(JSON.parse(query.get("payload")!)).toMatchObject({ data: { result: "new" }, groups: [] });
  expect(standIn.server.webhooks.log(get.id)[0]!.outcome).toBe("delivered");
  expect(standIn.server.webhooks.log(off.id)).toEqual([]);
});

test("filters: person groups (named in the payload), age range, sex, moods, liveness", async () => {
  const { client, source } = await space("hooks-filters");
  const vip = await unwrap(client.persons.create({ image: image("vip"), source: source.name, identify_asm: true }));
  const group = await unwrap(client.groups.create({ name: "VIP" }));
  await unwrap(client.groups.add({ pids: [vip.pid!], groups_ids: [group.id] }));
  const url = `${receiver.url}/filters`;
  const byGroup = await unwrap(client.notifications.create({ name: "vip", http_method: 0, destination_url: url, persons_groups: [group.id] }));
  const tooOld = await unwrap(client.notifications.create({ name: "old", http_method: 0, destination_url: url, age_from: vip.age! + 1 }));
  const otherSex = await unwrap(client.notifications.create({ name: "sex", http_method: 0, destination_url: url, sex: [vip.sex === 0 ? 1 : 0] }));
  const mood = await unwrap(client.notifications.create({ name: "mood", http_method: 0, destination_url: url, moods: [vip.mood!], age_from: vip.age!, age_to: vip.age! }));
  const failedLiveness = await unwrap(client.notifications.create({ name: "live", http_method: 0, destination_url: url, liveness: ["failed"] }));

  await unwrap(client.sources.update({ id: source.id, auto_check_liveness: true, auto_identify_asm: true }));
  const seen = standIn.server.state.simulateStreamFace({ sourceId: source.id, image: image("vip"), liveness: "failed" });
  const stranger = standIn.server.state.simulateStreamFace({ sourceId: source.id, image: image("stranger"), liveness: "passed" });
  await standIn.server.webhooks.idle();

  const log = (id: number) => standIn.server.webhooks.log(id).map((d) => d.entryId);
  expect(log(byGroup.id)).toEqual([seen.id]);
  expect(receiver.received.map(payloadOf).find((p) => p.id === seen.id)!.groups).toEqual(["VIP"]);
  expect(log(tooOld.id)).not.toContain(seen.id);
  expect(log(otherSex.id)).not.toContain(seen.id);
  expect(log(mood.id)).toContain(seen.id);
  expect(log(failedLiveness.id)).toEqual([seen.id]);
  // The stranger is in no group (and passed liveness).
  expect(stranger.pid === null || stranger.result === "new").toBe(true);
  expect(log(byGroup.id)).not.toContain(stranger.id);
});

test("retries: 5xx and 429 are retried (at most maxAttempts), other 4xx are final", async () => {
  const { client, source } = await space("hooks-retry");
  const hook = await unwrap(client.notifications.create({ name: "flaky", http_method: 0, destination_url: `${receiver.url}/flaky` }));
  receiver.statuses.push(503, 429); // then 200
  await unwrap(client.persons.create({ image: image("retry-1"), source: source.name }));
  await standIn.server.webhooks.idle();
  expect(standIn.server.webhooks.log(hook.id)[0]).toMatchObject({ outcome: "delivered", attempts: [{ status: 503 }, { status: 429 }, { status: 200 }] });

  receiver.statuses.push(500, 500, 500, 500);
  await unwrap(client.persons.create({ image: image("retry-2"), source: source.name }));
  await standIn.server.webhooks.idle();
  expect(standIn.server.webhooks.log(hook.id)[1]).toMatchObject({ outcome: "failed", attempts: [{ status: 500 }, { status: 500 }, { status: 500 }] });

  receiver.statuses.length = 0;
  receiver.statuses.push(404);
  await unwrap(client.persons.create({ image: image("retry-3"), source: source.name }));
  await standIn.server.webhooks.idle();
  expect(standIn.server.webhooks.log(hook.id)[2]).toMatchObject({ outcome: "failed", attempts: [{ status: 404 }] });
  expect(receiver.received).toHaveLength(3 + 3 + 1);
});

test("a destination that is not loopback is logged as not delivered and never contacted", async () => {
  const { client, source } = await space("hooks-remote");
  const remote = await unwrap(client.notifications.create({ name: "remote", http_method: 0, destination_url: "https://hooks.example.com/neuroio" }));
  await unwrap(client.persons.create({ image: image("remote"), source: source.name }));
  await standIn.server.webhooks.idle();
  expect(standIn.server.webhooks.log(remote.id)).toEqual([
    expect.objectContaining({ outcome: "not-delivered", attempts: [], reason: expect.stringContaining("not a loopback host") }),
  ]);
});
