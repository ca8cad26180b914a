import { paginate } from "../../src/wrappers/pagination";
import { raw, unwrap, useStandIn } from "./helpers";

const standIn = useStandIn();

test("paged lists answer {count, next, previous, results} with absolute next/previous URLs", async () => {
  const client = await standIn.login();
  for (let i = 1; i <= 5; i++) await unwrap(client.sources.create({ name: `cam-${i}` }));

  const first = await unwrap(client.sources.list({ q: "CAM", limit: 2 }));
  expect(first.count).toBe(5);
  expect(first.results.map((s) => s.name)).toEqual(["cam-1", "cam-2"]);
  expect(first.previous).toBeNull();
  expect(first.next).toBe(`${standIn.server.apiUrl}/v1/sources/?q=CAM&limit=2&offset=2`);

  // next/previous are real URLs of the stand-in.
  const { key } = await unwrap(client.tokens.create());
  const second = await raw(first.next!, { token: key });
  expect(second.status).toBe(200);
  expect(second.body.results.map((s: { name: string }) => s.name)).toEqual(["cam-3", "cam-4"]);
  expect(second.body.previous).toBe(`${standIn.server.apiUrl}/v1/sources/?q=CAM&limit=2&offset=0`);
  const third = await raw(second.body.next, { token: key });
  expect(third.body.results.map((s: { name: string }) => s.name)).toEqual(["cam-5"]);
  expect(third.body.next).toBeNull();

  // Defaults: limit 20, offset 0; an offset past the end is an empty page.
  const all = await unwrap(client.sources.list());
  expect(all).toMatchObject({ count: 5, next: null, previous: null });
  expect((await unwrap(client.sources.list({ offset: 10 }))).results).toEqual([]);

  const names: string[] = [];
  for await (const source of paginate((page) => client.sources.list(page), { pageSize: 2 })) names.push(source.name);
  expect(names).toEqual(["cam-1", "cam-2", "cam-3", "cam-4", "cam-5"]);
});

test("every paged list uses the same envelope", async () => {
  const client = await standIn.login();
  for (const page of [
    await unwrap(client.spaces.list({ limit: 1 })),
    await unwrap(client.licenses.sources.list()),
    await unwrap(client.entries.list()),
    await unwrap(client.groups.list()),
    await unwrap(client.notifications.list()),
    await unwrap(client.billing.usage()),
  ]) {
    expect(Object.keys(page).sort()).toEqual(["count", "next", "previous", "results"]);
  }
});
