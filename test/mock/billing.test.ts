import { image, namingFields, testClock, unwrap, useStandIn } from "./helpers";

const clock = testClock(Date.parse("2021-05-31T23:59:00Z"));
const standIn = useStandIn({ clock, users: [{ username: "carol", password: "carol-pw" }] });

test("billing counts API calls per space and month; IAM calls do not count", async () => {
  const client = await standIn.login("carol", "carol-pw");
  const { space } = await unwrap(client.whoami.me());
  const other = await unwrap(client.spaces.create({ name: "Other" }));
  const otherClient = standIn.withToken((await unwrap(client.spaces.token({ id: other.id }))).key);

  await unwrap(client.version.get()); // May, default space: 1
  await unwrap(client.sources.list()); // May, default space: 2
  await unwrap(otherClient.version.get()); // May, other space: 1
  clock.advance(2 * 60 * 1000); // June
  await unwrap(client.version.get()); // June, default space: 1
  await unwrap(client.whoami.me()); // IAM: not counted

  const usage = await unwrap(client.billing.usage({ event_types: [1] }));
  expect(usage).toEqual({
    count: 3,
    next: null,
    previous: null,
    results: [
      { space_id: space!.id, event_type: 1, month: "2021-05", count: 2 },
      { space_id: other.id, event_type: 1, month: "2021-05", count: 1 },
      { space_id: space!.id, event_type: 1, month: "2021-06", count: 1 },
    ],
  });
  expect((await unwrap(client.billing.usage({ event_types: [1], month_from: "2021-06" }))).results).toEqual([
    { space_id: space!.id, event_type: 1, month: "2021-06", count: 1 },
  ]);
  expect((await unwrap(client.billing.usage({ event_types: [1], spaces_ids: [other.id] }))).count).toBe(1);
  expect(await unwrap(client.billing.usageTotal({ event_types: [1], month_to: "2021-05" }))).toEqual({ results: [{ event_type: 1, count: 3 }] });

  // The space token only sees its own space.
  expect((await unwrap(otherClient.billing.usage({ event_types: [1] }))).results).toEqual([
    { space_id: other.id, event_type: 1, month: "2021-05", count: 1 },
  ]);
});

test("billing.usageTotal answers every event type, 0 where unused; persons and entries are counted too", async () => {
  const client = await standIn.login();
  await unwrap(client.sources.create({ name: "billing-cam" }));
  await unwrap(client.persons.create({ image: image("billing"), source: "billing-cam" }));
  const total = await unwrap(client.billing.usageTotal());
  expect(total.results.map((r) => r.event_type)).toEqual([1, 2, 3, 4]);
  expect(total.results.find((r) => r.event_type === 1)!.count).toBe(2); // sources.create, persons.create
  expect(total.results.find((r) => r.event_type === 2)!.count).toBe(1);
  expect(total.results.find((r) => r.event_type === 3)!.count).toBe(1);
  expect(total.results.find((r) => r.event_type === 4)!.count).toBe(0);
});

test("billing filters are validated", async () => {
  const client = await standIn.login();
  expect((await client.billing.usage({ month_from: "2021-07", month_to: "2021-06" })).error).toEqual(namingFields("month_to"));
  const { key } = await unwrap(client.tokens.create());
  const response = await fetch(`${standIn.server.iamUrl}/v1/billing/usage/?month_from=2021-13&event_types=1,9`, {
    headers: { Authorization: `Token ${key}` },
  });
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.fields.map((f: { name: string }) => f.name).sort()).toEqual(["event_types", "month_from"]);
  expect(body.fields.find((f: { name: string }) => f.name === "month_from").message).toBe("Incorrect month format, should be YYYY-MM.");
});
