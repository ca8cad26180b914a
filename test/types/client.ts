/**
 * Type tests, checked by `tsc --noEmit` (CI) and by test/types.test.ts, which also checks
 * that each `@ts-expect-error` is there for the reason its comment names (the TS code):
 * without the directive, that very line must fail with that code.
 *
 * Nothing here runs.
 */
import { openAsBlob } from "node:fs";
import { Client, paginate, unwrap, type components, type ErrorBody, type ImageInput } from "../../src/wrappers";

type Schemas = components["schemas"];
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

declare const client: Client;
declare const bytes: Uint8Array<ArrayBuffer>;

export async function results() {
  const login = await client.auth.login({ username: "usr", password: "pwd" });
  assertType<Equal<typeof login.data, Schemas["LoginResponse"] | undefined>>();
  if (login.error) {
    const codes: number[] = login.error.error_codes;
    const fields: Schemas["ErrorField"][] = login.error.fields;
    void codes, fields;
  }

  const source = await client.sources.get({ id: 1 });
  assertType<Equal<typeof source.data, Schemas["Source"] | undefined>>();
  assertType<Equal<typeof source.response, Response>>();

  const page = await unwrap(client.sources.list({ spaces_ids: [1, 2, 3] }));
  assertType<Equal<typeof page, Schemas["SourcePage"]>>();

  const usage = await unwrap(client.billing.usage({ month_from: "2021-01", event_types: [1, 4] }));
  assertType<Equal<typeof usage, Schemas["BillingUsagePage"]>>();

  const removed = await client.groups.remove({ pids: ["a"], groups_ids: [1] });
  assertType<Equal<typeof removed.data, Schemas["GroupPersonsResult"] | undefined>>();

  const error: ErrorBody | undefined = (await client.version.get()).error;
  void error;

  const authed: Client = client.withToken("k").withOptions({ timeoutMs: 1000 });
  const loggedIn: Promise<Client> = Client.login({ username: "usr", password: "pwd" });
  void authed, loggedIn;
}

export async function images() {
  const forms: ImageInput[] = [
    new Blob([bytes], { type: "image/jpeg" }),
    new File([bytes], "face.jpg", { type: "image/jpeg" }),
    bytes,
    Buffer.from(bytes),
    bytes.buffer,
    { data: bytes, filename: "face.jpg", type: "image/jpeg" },
    await openAsBlob("face.jpg"),
  ];
  for (const image of forms) {
    await client.persons.create({ image, source: "cam", create_on_ha: true });
    await client.utility.compare({ image1: image, image2: image, result: "exact" });
  }
}

export async function refused() {
  // A missing required field.
  // @ts-expect-error TS2345 id is required
  await client.sources.get({});
  // @ts-expect-error TS2345 name is required
  await client.sources.create({});
  // @ts-expect-error TS2345 groups_ids is required
  await client.groups.remove({ pids: ["a"] });
  // @ts-expect-error TS2345 is_active is required
  await client.tokens.update({ token_id_or_key: 1 });
  // @ts-expect-error TS2345 image is required
  await client.persons.create({ source: "cam" });
  // @ts-expect-error TS2345 new_password is required (the wire's password/password2 are not the input)
  await client.auth.passwordChange({ old_password: "a" });

  // A field that does not exist.
  await client.sources.create({
    name: "x",
    // @ts-expect-error TS2353 bogus is not a source field
    bogus: 1,
  });
  await client.sources.list({
    // @ts-expect-error TS2353 spaces is not a query parameter (spaces_ids is)
    spaces: [1],
  });
  await client.auth.passwordChange({
    old_password: "a",
    new_password: "b",
    // @ts-expect-error TS2353 password2 is filled in by the SDK
    password2: "b",
  });

  // A wrong type.
  // @ts-expect-error TS2322 id is an integer
  await client.sources.get({ id: "1" });
  // @ts-expect-error TS2322 permanent is a boolean
  await client.spaces.token({ id: 1, permanent: "yes" });
  // @ts-expect-error TS2322 a file path is not an image
  await client.persons.create({ image: "face.jpg", source: "cam" });
  // @ts-expect-error TS2322 spaces_ids is an array
  await client.sources.list({ spaces_ids: 1 });

  // A wrong enum value.
  // @ts-expect-error TS2322 "bogus" is not an EntryResult
  await client.entries.list({ result: ["bogus"] });
  // @ts-expect-error TS2322 http_method is 0 (POST) or 1 (GET)
  await client.notifications.create({ name: "n", http_method: 2, destination_url: "https://example.com" });
  // @ts-expect-error TS2322 event types are 1..4
  await client.billing.usage({ event_types: [5] });
  // @ts-expect-error TS2322 "maybe" is not an EntryResult
  await client.utility.compare({ image1: bytes, image2: bytes, result: "maybe" });
  // @ts-expect-error TS2322 mood "bored" is not a Mood
  await client.entries.list({ mood: ["bored"] });

  // Results must be checked before use.
  // @ts-expect-error TS2532 data is undefined on errors
  const version: string = (await client.version.get()).data.version;
  void version;

  // An operation that does not exist.
  // @ts-expect-error TS2339 there is no sources.remove
  await client.sources.remove({ id: 1 });

  // paginate() pages only an operation that answers a page.
  for await (const source of paginate((page) => client.sources.list(page))) {
    assertType<Equal<typeof source, Schemas["Source"]>>();
  }
  // @ts-expect-error TS2322 whoami.me answers one object, not a page
  void paginate(() => client.whoami.me());
}
