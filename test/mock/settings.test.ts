import { namingFields, raw, unwrap, useStandIn } from "./helpers";

const standIn = useStandIn();

test("thresholds: defaults 79.3/75.5/68.84, partial update, reset", async () => {
  const client = await standIn.login();
  const { space } = await unwrap(client.whoami.me());
  expect(await unwrap(client.settings.get())).toEqual({ space_id: space!.id, exact: 79.3, ha: 75.5, junk: 68.84 });
  expect(await unwrap(client.settings.update({ exact: 90, ha: 80 }))).toEqual({ space_id: space!.id, exact: 90, ha: 80, junk: 68.84 });
  const { key } = await unwrap(client.tokens.create());
  // Raw: the SDK refuses the out-of-range value before sending.
  const tooHigh = await raw(`${standIn.server.apiUrl}/v1/settings/thresholds/`, { method: "PATCH", token: key, json: { junk: 101 } });
  expect(tooHigh).toEqual({ status: 400, body: namingFields("junk") });
  expect(await unwrap(client.settings.reset())).toEqual({ space_id: space!.id, exact: 79.3, ha: 75.5, junk: 68.84 });
  expect(await unwrap(client.settings.get())).toEqual({ space_id: space!.id, exact: 79.3, ha: 75.5, junk: 68.84 });
});

test("thresholds update takes the Python SDK's form body (decimal strings)", async () => {
  const client = await standIn.login();
  const { key } = await unwrap(client.tokens.create());
  const response = await raw(`${standIn.server.apiUrl}/v1/settings/thresholds/`, {
    method: "PATCH",
    token: key,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "exact=91.5&ha=81&junk=71.25",
  });
  expect(response).toEqual({ status: 200, body: { space_id: expect.any(Number), exact: 91.5, ha: 81, junk: 71.25 } });
  const bad = await raw(`${standIn.server.apiUrl}/v1/settings/thresholds/`, {
    method: "PATCH",
    token: key,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "exact=high",
  });
  expect(bad).toEqual({ status: 400, body: namingFields("exact") });
  await unwrap(client.settings.reset());
});
