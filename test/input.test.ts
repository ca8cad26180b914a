/**
 * Bad input, as a careless JavaScript caller or values computed at run time give it: every
 * case rejects with an InputError naming the operation and the field, and the server
 * receives nothing. The checks come from the document's constraints
 * (src/generated/operations.ts); nothing here is a rule of its own.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { OPERATIONS } from "../src/generated/operations";
import { InputError, paginate, type Client } from "../src/wrappers";
import { jpegBytes, type RecordingServer, useRecordingServer } from "./helpers";

let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

/** Any value, past the type checker, as plain JavaScript would pass it. */
const js = (value: unknown) => value as never;
const image = jpegBytes();
const hook = "https://example.com/hook";

type Case = [operation: string, field: string, call: (c: Client) => Promise<unknown>];

const CASES: Case[] = [
  // auth, whoami
  ["auth.login", "username", (c) => c.auth.login(js({ password: "x" }))],
  ["auth.login", "password", (c) => c.auth.login(js({ username: "demo", password: 42 }))],
  ["auth.login", "input", (c) => c.auth.login(js("demo:secret"))],
  ["auth.login", "otp", (c) => c.auth.login(js({ username: "demo", password: "x", otp: "123" }))],
  ["auth.passwordChange", "new_password", (c) => c.auth.passwordChange(js({ old_password: "a" }))],
  ["auth.passwordChange", "reset_tokens", (c) => c.auth.passwordChange(js({ old_password: "a", new_password: "b", reset_tokens: "yes" }))],
  // The wire's password and password2 are the caller's new_password.
  ["auth.passwordChange", "new_password", (c) => c.auth.passwordChange({ old_password: "a", new_password: "b".repeat(129) })],
  ["auth.passwordChange", "new_password", (c) => c.auth.passwordChange({ old_password: "a", new_password: "b\uD800" })],
  // tokens
  ["tokens.delete", "token_id_or_key", (c) => c.tokens.delete({ token_id_or_key: "." })],
  ["tokens.delete", "token_id_or_key", (c) => c.tokens.delete({ token_id_or_key: ".." })],
  ["tokens.delete", "token_id_or_key", (c) => c.tokens.delete({ token_id_or_key: "%2e" })],
  ["tokens.delete", "token_id_or_key", (c) => c.tokens.delete({ token_id_or_key: "%2E%2e" })],
  ["tokens.delete", "token_id_or_key", (c) => c.tokens.delete({ token_id_or_key: "" })],
  ["tokens.get", "token_id_or_key", (c) => c.tokens.get({ token_id_or_key: js(undefined) })],
  ["tokens.get", "token_id_or_key", (c) => c.tokens.get({ token_id_or_key: js(1.5) })],
  ["tokens.update", "is_active", (c) => c.tokens.update(js({ token_id_or_key: 3 }))],
  ["tokens.list", "permanent", (c) => c.tokens.list({ permanent: js("false") })],
  ["tokens.list", "limit", (c) => c.tokens.list({ limit: 0 })],
  ["tokens.list", "offset", (c) => c.tokens.list({ offset: -1 })],
  ["tokens.create", "permanent", (c) => c.tokens.create({ permanent: js(1) })],
  // spaces
  ["spaces.token", "id", (c) => c.spaces.token(js({ id: "..", permanent: true }))],
  ["spaces.get", "id", (c) => c.spaces.get({ id: NaN })],
  ["spaces.get", "id", (c) => c.spaces.get({ id: Infinity })],
  ["spaces.get", "id", (c) => c.spaces.get({ id: js("7") })],
  ["spaces.delete", "id", (c) => c.spaces.delete({ id: 2.5 })],
  ["spaces.create", "name", (c) => c.spaces.create(js({}))],
  ["spaces.update", "name", (c) => c.spaces.update({ id: 1, name: js(null) })],
  ["spaces.list", "q", (c) => c.spaces.list({ q: js({ name: "x" }) })],
  ["spaces.list", "limit", (c) => c.spaces.list({ limit: js("10") })],
  // lists, licenses, billing
  ["licenses.sources.get", "id", (c) => c.licenses.sources.get({ id: js(".") })],
  ["licenses.sources.create", "name", (c) => c.licenses.sources.create(js({ entry_storage_days: 5 }))],
  ["licenses.sources.list", "date_from", (c) => c.licenses.sources.list({ date_from: new Date("not a date") })],
  ["licenses.sources.list", "date_to", (c) => c.licenses.sources.list({ date_to: "yesterday" })],
  ["licenses.sources.list", "is_bound", (c) => c.licenses.sources.list({ is_bound: js("no") })],
  ["billing.usage", "month_from", (c) => c.billing.usage({ month_from: "2021-13" })],
  ["billing.usage", "month_to", (c) => c.billing.usage({ month_to: "May 2021" })],
  ["billing.usageTotal", "event_types[0]", (c) => c.billing.usageTotal({ event_types: [js(9)] })],
  ["billing.usageTotal", "spaces_ids[1]", (c) => c.billing.usageTotal({ spaces_ids: [1, js("2")] })],
  // sources
  ["sources.get", "id", (c) => c.sources.get({ id: js("..") })],
  ["sources.create", "name", (c) => c.sources.create(js({ license_id: 1 }))],
  ["sources.create", "store_images_for_results[0]", (c) => c.sources.create({ name: "cam", store_images_for_results: [js("maybe")] })],
  ["sources.create", "auto_create_persons", (c) => c.sources.create({ name: "cam", auto_create_persons: js("true") })],
  ["sources.update", "id", (c) => c.sources.update(js({ name: "cam" }))],
  ["sources.list", "spaces_ids", (c) => c.sources.list({ spaces_ids: js(5) })],
  // entries
  ["entries.list", "result[1]", (c) => c.entries.list({ result: ["new", js("newish")] })],
  ["entries.list", "sex[0]", (c) => c.entries.list({ sex: [js(2)] })],
  ["entries.list", "mood[0]", (c) => c.entries.list({ mood: [js("glee")] })],
  ["entries.list", "liveness[0]", (c) => c.entries.list({ liveness: [js("maybe")] })],
  ["entries.list", "date_from", (c) => c.entries.list({ date_from: new Date(NaN) })],
  ["entries.list", "date_to", (c) => c.entries.list({ date_to: "2021-02-30Tnoon" })],
  // impossible dates (RFC 3339: a real calendar day, hours to 23, minutes and seconds to 59)
  ["entries.list", "date_from", (c) => c.entries.list({ date_from: "2021-02-30" })],
  ["entries.list", "date_from", (c) => c.entries.list({ date_from: "2021-02-29T10:00:00Z" })],
  ["entries.list", "date_from", (c) => c.entries.list({ date_from: "1900-02-29" })],
  ["entries.list", "date_to", (c) => c.entries.list({ date_to: "2021-13-01" })],
  ["entries.list", "date_to", (c) => c.entries.list({ date_to: "2021-04-31T12:00:00" })],
  ["entries.list", "date_to", (c) => c.entries.list({ date_to: "2021-05-01T24:00" })],
  ["entries.list", "date_to", (c) => c.entries.list({ date_to: "2021-05-01T23:60:00Z" })],
  ["entries.list", "date_to", (c) => c.entries.list({ date_to: "2021-05-01T23:59:61Z" })],
  ["entries.list", "date_to", (c) => c.entries.list({ date_to: "2021-05-01T23:00:00+24:00" })],
  ["licenses.sources.list", "date_from", (c) => c.licenses.sources.list({ date_from: "2021-00-10" })],
  ["entries.list", "since", (c) => c.entries.list(js({ since: "2021-01-01" }))],
  // an empty list filter has no wire form: left out, it would answer everything
  ["entries.list", "pid", (c) => c.entries.list({ pid: [] })],
  ["billing.usage", "spaces_ids", (c) => c.billing.usage({ spaces_ids: [] })],
  ["entries.get", "pid", (c) => c.entries.get({ pid: "" })],
  ["entries.get", "pid", (c) => c.entries.get({ pid: "." })],
  ["entries.delete", "id", (c) => c.entries.delete({ id: js(null) })],
  // persons
  ["persons.create", "image", (c) => c.persons.create(js({ source: "cam" }))],
  ["persons.create", "image", (c) => c.persons.create(js({ image: "photo.jpg", source: "cam" }))],
  ["persons.create", "image", (c) => c.persons.create({ image: new Uint8Array(0), source: "cam" })],
  ["persons.create", "create_on_ha", (c) => c.persons.create({ image, source: "cam", create_on_ha: js("often") })],
  ["persons.delete", "pid", (c) => c.persons.delete({ pid: ".." })],
  ["persons.reinitByPhoto", "pid", (c) => c.persons.reinitByPhoto({ pid: "%2E", image, source: "cam" })],
  ["persons.createByEntry", "id", (c) => c.persons.createByEntry(js({}))],
  ["persons.search", "identify_asm", (c) => c.persons.search({ image, identify_asm: js("yes") })],
  // groups
  ["groups.add", "pids", (c) => c.groups.add({ pids: Array.from({ length: 101 }, (_, i) => `p${i}`), groups_ids: [1] })],
  ["groups.remove", "pids", (c) => c.groups.remove({ pids: [], groups_ids: [1] })],
  ["groups.add", "groups_ids", (c) => c.groups.add(js({ pids: ["p"] }))],
  ["groups.get", "id", (c) => c.groups.get({ id: js("%2e%2e") })],
  ["groups.persons", "pids", (c) => c.groups.persons({ id: 1, pids: js("p1,p2") })],
  ["groups.create", "name", (c) => c.groups.create({ name: js(7) })],
  ["groups.list", "pids_include[0]", (c) => c.groups.list({ pids_include: js([["p1"]]) })],
  // notifications
  ["notifications.create", "http_method", (c) => c.notifications.create({ name: "hook", http_method: js(2), destination_url: hook })],
  ["notifications.create", "destination_url", (c) => c.notifications.create({ name: "hook", http_method: 0, destination_url: "not a url" })],
  ["notifications.update", "moods[1]", (c) => c.notifications.update({ id: 1, moods: ["happiness", js("glee")] })],
  ["notifications.update", "id", (c) => c.notifications.update(js({ id: "", name: "x" }))],
  // settings, streams
  ["settings.update", "exact", (c) => c.settings.update({ exact: 101 })],
  ["settings.update", "ha", (c) => c.settings.update({ ha: -1 })],
  ["settings.update", "junk", (c) => c.settings.update({ junk: js("60") })],
  ["streams.tokens.get", "token_id_or_key", (c) => c.streams.tokens.get({ token_id_or_key: ".." })],
  ["streams.tokens.delete", "token_id_or_key", (c) => c.streams.tokens.delete({ token_id_or_key: "%2e%2E" })],
  ["streams.tokens.update", "is_active", (c) => c.streams.tokens.update({ token_id_or_key: 1, is_active: js("false") })],
  // utility, faceid
  ["utility.compare", "image2", (c) => c.utility.compare(js({ image1: image }))],
  ["utility.compare", "result", (c) => c.utility.compare({ image1: image, image2: image, result: js("close") })],
  ["utility.compare", "result", (c) => c.utility.compare({ image1: image, image2: image, result: js("nm") })],
  ["utility.asm", "image", (c) => c.utility.asm({ image: js(12345) })],
  ["faceid.compare", "photo", (c) => c.faceid.compare(js({}))],
  ["faceid.verification", "photo_id", (c) => c.faceid.verification(js({ photo_face: image }))],
  // unknown fields of the override, and fields given to operations without input (their one argument is the options)
  ["auth.passwordChange", "password", (c) => c.auth.passwordChange(js({ old_password: "a", new_password: "b", password: "b" }))],
  ["auth.passwordChange", "resetTokens", (c) => c.auth.passwordChange(js({ old_password: "a", new_password: "b", resetTokens: true }))],
  ["whoami.me", "fields", (c) => c.whoami.me(js({ fields: "all" }))],
  // a misspelt field is refused whatever its value: given as undefined, it still hides the mistake
  ["spaces.list", "query", (c) => c.spaces.list(js({ query: undefined }))],
  // unknown per-call options
  ["spaces.list", "timeout", (c) => c.spaces.list({}, js({ timeout: 5 }))],
  ["sources.get", "retries", (c) => c.sources.get({ id: 1 }, js({ retries: 0 }))],
  // file media types the document does not accept for the field (it names image/jpeg, image/png)
  ["persons.create", "image", (c) => c.persons.create({ image: { data: image, type: "text/plain" }, source: "cam" })],
  ["utility.compare", "image2", (c) => c.utility.compare({ image1: image, image2: new Blob([image], { type: "image/gif" }) })],
  ["persons.search", "image", (c) => c.persons.search({ image: Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]) })],
  // lone UTF-16 surrogates, wherever a string goes: path, query, JSON body, multipart text, a file name
  ["tokens.get", "token_id_or_key", (c) => c.tokens.get({ token_id_or_key: "key\uD800" })],
  ["spaces.list", "q", (c) => c.spaces.list({ q: "\uDC00abc" })],
  ["spaces.create", "name", (c) => c.spaces.create({ name: "cam \uD83D" })],
  ["groups.add", "pids[1]", (c) => c.groups.add({ pids: ["p1", "p\uDFFF"], groups_ids: [1] })],
  ["persons.create", "source", (c) => c.persons.create({ image, source: "\uD800" })],
  ["persons.create", "image.filename", (c) => c.persons.create({ image: { data: image, filename: "\uD800.jpg" }, source: "cam" })],
  // sparse arrays: a hole is checked as the undefined it is (JSON would send it as null)
  // eslint-disable-next-line no-sparse-arrays
  ["groups.add", "pids[0]", (c) => c.groups.add({ pids: js([, "p1"]), groups_ids: [1] })],
  ["entries.list", "sex[0]", (c) => c.entries.list({ sex: js(new Array(2)) })],
  // a Date outside years 1–9999 has no RFC 3339 form (toISOString writes +010000-…)
  ["entries.list", "date_from", (c) => c.entries.list({ date_from: new Date("+010000-01-01T00:00:00Z") })],
  // the whole input as a Date or a Map: it has no fields, and would pass as none given
  ["sources.list", "input", (c) => c.sources.list(js(new Map([["q", "cam"]])))],
  ["spaces.list", "input", (c) => c.spaces.list(js(new Date()))],
  // an image's description with a misspelt key, or a name that is not a string
  ["persons.create", "image.filname", (c) => c.persons.create({ image: js({ data: image, filname: "a.jpg" }), source: "cam" })],
  ["persons.search", "image.type", (c) => c.persons.search({ image: { data: image, type: js(5) } })],
  // fields are the input's own: one inherited from a prototype (a class's getter) would not be sent
  ["sources.delete", "id", (c) => c.sources.delete(js(Object.create({ id: 42 })))],
  ["sources.get", "id", (c) => c.sources.get(js(new (class { get id() { return 42; } })()))],
];

test(`the table has at least 60 cases across every namespace`, () => {
  expect(CASES.length).toBeGreaterThanOrEqual(60);
  const namespaces = new Set(Object.keys(OPERATIONS).map((id) => id.split(".")[0]));
  const covered = new Set(CASES.map(([operation]) => operation.split(".")[0]));
  // lists and version take no input at all (whoami neither, but a field given to it is refused).
  expect([...namespaces].filter((ns) => !covered.has(ns))).toEqual(["lists", "version"]);
});

test.each(CASES)("%s refuses a bad %s before sending", async (operation, field, call) => {
  const thrown = await call(client).catch((e: unknown) => e);
  expect(thrown).toBeInstanceOf(InputError);
  expect(thrown).toMatchObject({ operation, field });
  expect((thrown as Error).message.startsWith(`${operation}: ${field}: `)).toBe(true);
  expect(server.requests).toHaveLength(0);
});

// Every operation with a path parameter, from the generated table: `.`, `..`, their
// percent-encoded forms and the empty string would make the request reach another path.
const PATH_OPERATIONS = Object.entries(OPERATIONS).flatMap(([id, spec]) =>
  Object.entries(spec.input as Record<string, { in: string; schema: { type?: unknown; anyOf?: unknown } }>)
    .filter(([, field]) => field.in === "path")
    .map(([name, field]) => [id, name, JSON.stringify(field.schema).includes('"string"')] as const),
);

test("the document has operations with path parameters", () => {
  expect(PATH_OPERATIONS.length).toBeGreaterThan(20);
});

describe.each(PATH_OPERATIONS)("%s path parameter %s", (operationId, name, isString) => {
  const call = (value: unknown) => {
    let owner: any = client; // eslint-disable-line @typescript-eslint/no-explicit-any
    const parts = operationId.split(".");
    for (const part of parts.slice(0, -1)) owner = owner[part];
    return owner[parts.at(-1)!]({ [name]: value, image, image1: image, image2: image }) as Promise<unknown>;
  };
  const bad = isString ? [".", "..", "%2e", "%2E%2e", "", " "] : ["1", 1.5, NaN, -Infinity, {}];
  test.each(bad)("refuses %p", async (value) => {
    const thrown = await call(value).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(InputError);
    expect(thrown).toMatchObject({ operation: operationId });
    expect(server.requests).toHaveLength(0);
  });
});

test("a secret field's problem never quotes its value", async () => {
  const problems = await Promise.all([
    client.auth.login(js({ username: "demo", password: 86753090 })),
    client.auth.passwordChange(js({ old_password: 86753090, new_password: "b" })),
    client.tokens.delete({ token_id_or_key: "." }),
  ].map((call) => call.catch((e: InputError) => e.message)));
  expect(problems).toEqual([
    "auth.login: password: expected a string, got [redacted]",
    "auth.passwordChange: old_password: expected a string, got [redacted]",
    "tokens.delete: token_id_or_key: [redacted] is not a valid path segment",
  ]);
  expect(server.requests).toHaveLength(0);
});

test("a string path parameter is sent percent-encoded as one segment", async () => {
  await client.tokens.get({ token_id_or_key: "a/../b?c#d" });
  expect(server.only().path).toBe("/v1/tokens/a%2F..%2Fb%3Fc%23d/");
});

test("Dates in date-time filters go out as ISO 8601; valid values pass unchanged", async () => {
  await client.entries.list({ date_from: new Date("2021-05-01T00:00:00Z"), result: ["new", "nm"], sex: [0, 1], mood: ["happiness"] });
  expect(server.only().query).toBe("date_from=2021-05-01T00%3A00%3A00.000Z&result=new,nm&sex=0,1&mood=happiness");
});

test("an invalid Date in a date filter is refused once, not once per date form it fails", async () => {
  const refused = await client.entries.list({ date_from: new Date("not a date") }).catch((e: InputError) => e);
  expect(refused).toMatchObject({ field: "date_from", problem: "expected a string, got an invalid Date" });
  expect(server.requests).toHaveLength(0);
});

test("real calendar days pass: leap days of leap years, the last second of a day, offsets", async () => {
  for (const date of ["2024-02-29", "2000-02-29T00:00:00Z", "2021-12-31T23:59:59.999+14:00", "2021-04-30 08:15", "2021-01-31T00:00:00-0530"]) {
    await client.entries.list({ date_from: date });
  }
  expect(server.requests).toHaveLength(5);
});

test("a well-formed surrogate pair (an emoji) passes in the path, the query and a JSON body", async () => {
  await client.tokens.get({ token_id_or_key: "key😀" });
  await client.spaces.list({ q: "😀" });
  await client.spaces.create({ name: "cam 😀" });
  expect(server.requests.map((r) => r.url)).toEqual(["/v1/tokens/key%F0%9F%98%80/", "/v1/spaces/?q=%F0%9F%98%80", "/v1/spaces/"]);
  expect(server.requests[2]!.json).toEqual({ name: "cam 😀" });
});

test("string lengths count characters, as JSON Schema does: an emoji is one", async () => {
  await client.auth.passwordChange({ old_password: "a", new_password: "😀".repeat(128) });
  expect(server.only().json).toMatchObject({ password: "😀".repeat(128) });
  const refused = await client.auth.passwordChange({ old_password: "a", new_password: "😀".repeat(129) }).catch((e: InputError) => e);
  expect(refused).toMatchObject({ field: "new_password", problem: "must be at most 128 characters long, got 129" });
  expect(server.requests).toHaveLength(1);
});

test("an operation without input also takes (input, options), as plain JavaScript may call it: the options are kept", async () => {
  const loose = (method: unknown) => method as (...args: unknown[]) => Promise<unknown>;
  const aborted = AbortSignal.abort(new Error("stopped by the caller"));
  await expect(loose(client.whoami.me)(undefined, { signal: aborted })).rejects.toThrow("stopped by the caller");
  await expect(loose(client.version.get)({}, { signal: aborted })).rejects.toThrow("stopped by the caller");
  await expect(loose(client.whoami.me)({ fields: "all" }, {})).rejects.toMatchObject({ field: "fields", operation: "whoami.me" });
  expect(server.requests).toHaveLength(0);
});

test("a polyfilled AbortSignal without `reason` rejects the call with an AbortError, not undefined", async () => {
  const polyfilled = { aborted: true, addEventListener() {}, removeEventListener() {} } as unknown as AbortSignal;
  const error = await client.spaces.list({}, { signal: polyfilled }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  expect(error).toMatchObject({ name: "AbortError", message: "The operation was aborted" });
  const paged = await paginate((page) => client.spaces.list(page), { signal: polyfilled }).next().catch((e: unknown) => e);
  expect(paged).toMatchObject({ name: "AbortError" });
  expect(server.requests).toHaveLength(0);
});

test("paginate() refuses a bad page size, signal or page function naming it, before the first request", async () => {
  const first = (options: object, fetchPage: unknown = (page: object) => client.spaces.list(page)) =>
    paginate(fetchPage as never, options as never).next().catch((e: unknown) => e);
  expect(await first({ pageSize: 0 })).toMatchObject({ name: "InputError", field: "pageSize", problem: "must be an integer from 1 to 9007199254740991, got 0" });
  expect(await first({ pageSize: "10" })).toMatchObject({ name: "InputError", field: "pageSize" });
  expect(await first({ signal: {} })).toMatchObject({ name: "InputError", field: "signal" });
  expect(await first({}, "sources.list")).toMatchObject({ name: "InputError", field: "fetchPage" });
  expect(server.requests).toHaveLength(0);
});

test("every per-call option is still taken", async () => {
  const signal = new AbortController().signal;
  await client.spaces.list({}, { signal, timeoutMs: 5_000, maxRetries: 0, deadlineMs: 10_000, maxResponseBytes: 1_000_000 });
  await client.whoami.me({ timeoutMs: 5_000 });
  expect(server.requests).toHaveLength(2);
});

test("files of an accepted or unknown media type go out: JPEG, PNG with parameters, untyped bytes, application/octet-stream", async () => {
  await client.persons.search({ image });
  await client.persons.search({ image: new Blob([image], { type: "image/PNG; x=1" }) });
  await client.persons.search({ image: new Blob([Uint8Array.from([1, 2, 3])]) });
  await client.persons.search({ image: { data: Uint8Array.from([1, 2, 3]), type: "application/octet-stream" } });
  expect(server.requests.map((r) => r.files.image?.contentType)).toEqual(["image/jpeg", "image/png", "application/octet-stream", "application/octet-stream"]);
});

/** Runs the generator of the operation layer on a document of one path, `/v1/widgets/`: "generated", or the error it stops with. */
function generateWidgets(pathItem: object): string {
  const document = {
    openapi: "3.1.0",
    info: { title: "widgets", version: "1" },
    paths: { "/v1/widgets/": { servers: [{ url: "https://api.neuroio.com" }], ...pathItem } },
  };
  const script = `
    const { operationsLayer, withCodeSamples } = await import(${JSON.stringify(pathToFileURL(path.join(__dirname, "../scripts/operations.mjs")).href)});
    try { operationsLayer(${JSON.stringify(document)}); withCodeSamples(${JSON.stringify(document)}); console.log("generated"); } catch (error) { console.log(error.message); }`;
  return execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 120_000 }).trim();
}

// The checker reads a fixed set of keywords and formats (scripts/operations.mjs); one the
// document uses beyond them would otherwise go unchecked without a word.
test("generating from a document whose input uses a keyword or format the checker does not read fails, naming the field", () => {
  const generate = (schema: object): string =>
    generateWidgets({ get: { operationId: "widgets.list", parameters: [{ name: "limit", in: "query", schema }], responses: { 200: { description: "ok" } } } });
  expect(generate({ type: "integer", minimum: 1, description: "page size" })).toBe("generated");
  expect(generate({ type: "integer", exclusiveMinimum: 0 })).toBe(
    "widgets.list: limit: src/wrappers/input.ts does not check `exclusiveMinimum`; teach it, then add it to CONSTRAINTS in scripts/operations.mjs",
  );
  expect(generate({ anyOf: [{ type: "integer" }, { type: "string", format: "email" }] })).toMatch(/^widgets\.list: limit: .* does not know the format email;/);
  // A secret is a field's own value (the client keeps it out of errors and hooks); one inside a list would not be kept.
  expect(generate({ type: "array", items: { type: "string", format: "password" } })).toMatch(/^widgets\.list: limit: format password below the field's own value/);
  // An empty list has no wire form in a query: left out, the filter would answer everything.
  expect(generate({ type: "array", items: { type: "integer" } })).toBe("widgets.list: limit: a query array needs minItems: 1; an empty one has no wire form");
  expect(generate({ type: "array", minItems: 1, items: { type: "integer" } })).toBe(
    "widgets.list: limit: a query array needs style: form, explode: false; the client sends it comma-joined (ids=1,2)",
  );
}, 240_000);

// What the generator cannot make a checked, sendable input of stops it, naming the operation.
test("generation fails on a header or cookie parameter, a query array left to explode, a list in a multipart body, a bad operationId, servers on an operation", () => {
  const list = (parameters: object[], extra: object = {}) =>
    generateWidgets({ get: { operationId: "widgets.list", parameters, responses: { 200: { description: "ok" } }, ...extra } });
  const ids = { name: "ids", in: "query", schema: { type: "array", minItems: 1, items: { type: "integer" } } };
  expect(list([{ ...ids, style: "form", explode: false }])).toBe("generated");
  expect(list([{ ...ids, explode: true }])).toBe("widgets.list: ids: a query array needs style: form, explode: false; the client sends it comma-joined (ids=1,2)");
  expect(list([{ name: "X-Trace", in: "header", required: true, schema: { type: "string" } }])).toBe(
    "widgets.list: X-Trace: a header parameter; the client takes path and query parameters and body fields only",
  );
  expect(list([{ name: "session", in: "cookie", schema: { type: "string" } }])).toMatch(/^widgets\.list: session: a cookie parameter;/);
  // OpenAPI has these three ignored: the media types and the security scheme say them.
  expect(list([{ name: "Accept", in: "header", schema: { type: "string" } }, { name: "Authorization", in: "header", schema: { type: "string" } }])).toBe("generated");
  expect(generateWidgets({ get: { operationId: "ping", responses: { 200: { description: "ok" } } } })).toBe(
    'operationId "ping": must be the SDK call path, dotted camelCase (e.g. streams.tokens.deleteList)',
  );
  expect(generateWidgets({ get: { operationId: "widgets.get-all", responses: { 200: { description: "ok" } } } })).toMatch(/^operationId "widgets\.get-all": must be/);
  expect(
    generateWidgets({
      get: { operationId: "widgets.list", responses: { 200: { description: "ok" } } },
      post: { operationId: "widgets.list.create", responses: { 201: { description: "created" } } },
    }),
  ).toBe("operationId widgets.list: also the namespace of widgets.list.create; a call path cannot be both");
  expect(list([], { servers: [{ url: "https://iam.neuroio.com" }] })).toBe(
    "widgets.list: servers on an operation; a NeuroIO host is per path, so give the path item its servers",
  );
  const upload = {
    type: "object",
    required: ["image"],
    properties: { image: { type: "string", format: "binary" }, tags: { type: "array", items: { type: "string" } } },
  };
  expect(
    generateWidgets({
      post: { operationId: "widgets.create", requestBody: { content: { "multipart/form-data": { schema: upload } } }, responses: { 201: { description: "created" } } },
    }),
  ).toBe("widgets.create: tags is a list in a multipart body; the client sends one part per field, so give it one value");
}, 240_000);

test("a required query parameter is in the docs' samples, from its example; without one, generation fails", () => {
  const kind = { name: "kind", in: "query", required: true, schema: { type: "string" } };
  const samples = (parameter: object) => {
    const document = {
      openapi: "3.1.0",
      info: { title: "widgets", version: "1" },
      paths: { "/v1/widgets/": { servers: [{ url: "https://api.neuroio.com" }], get: { operationId: "widgets.list", parameters: [parameter], responses: { 200: { description: "ok" } } } } },
    };
    const script = `
      const { withCodeSamples } = await import(${JSON.stringify(pathToFileURL(path.join(__dirname, "../scripts/operations.mjs")).href)});
      try { console.log(JSON.stringify(withCodeSamples(${JSON.stringify(document)}).paths["/v1/widgets/"].get["x-codeSamples"].map((s) => s.source))); } catch (error) { console.log(JSON.stringify(error.message)); }`;
    return JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 120_000 })) as string[] | string;
  };
  const [sdk, curl] = samples({ ...kind, example: "round cam" }) as string[];
  expect(sdk).toContain('await client.widgets.list({ kind: "round cam" });');
  expect(curl).toContain('curl -X GET "https://api.neuroio.com/v1/widgets/?kind=round%20cam"');
  expect(samples(kind)).toBe("widgets.list: the docs' sample call would lack the required kind; give the parameter an example");
  expect((samples({ ...kind, schema: { type: "string", example: "dome" } }) as string[])[0]).toContain('client.widgets.list({ kind: "dome" })');
  expect((samples({ ...kind, examples: { Dome: { value: "dome" } } }) as string[])[0]).toContain('client.widgets.list({ kind: "dome" })');
}, 240_000);

// The operation table marks path parameters only; the other fields go in the body when there
// is one, else in the query (FieldSpec.in). An operation with both would be sent wrong.
test("generating from a document where an operation takes query parameters and a body fails, naming them", () => {
  const create = (parameters: object[]) => ({
    post: {
      operationId: "widgets.create",
      parameters,
      requestBody: { content: { "application/json": { schema: { type: "object", properties: { name: { type: "string" } } } } } },
      responses: { 201: { description: "created" } },
    },
  });
  expect(generateWidgets(create([]))).toBe("generated");
  expect(generateWidgets(create([{ name: "dry_run", in: "query", schema: { type: "boolean" } }]))).toBe(
    "widgets.create: query parameters (dry_run) beside a request body; the client sends every field but a path parameter in the body",
  );
}, 240_000);

// A body's fields come from its object schema, `allOf` parts merged (as the types merge
// them); the docs' sample call is made from its example, so a required field needs one.
test("a request body's allOf parts give its fields; anyOf or oneOf, or a required field without an example, fails generation", () => {
  const create = (schema: object) =>
    generateWidgets({
      post: { operationId: "widgets.create", requestBody: { content: { "application/json": { schema } } }, responses: { 201: { description: "created" } } },
    });
  const named = { type: "object", required: ["name"], properties: { name: { type: "string" } } };
  const sized = { type: "object", properties: { size: { type: "integer", minimum: 1 } } };
  expect(create({ allOf: [named, sized] })).toBe("widgets.create: the docs' sample call would lack the required name; give the request body an example with them");
  expect(create({ allOf: [named, sized], examples: [{ name: "w", size: 2 }] })).toBe("generated");
  expect(create({ ...sized, required: ["size"], examples: [{ size: 2 }] })).toBe("generated");
  // A part's fields are the table's: their constraints are read (here one the checker does not know).
  expect(create({ allOf: [named, { properties: { size: { type: "integer", exclusiveMinimum: 0 } } }], examples: [{ name: "w" }] })).toBe(
    "widgets.create: size: src/wrappers/input.ts does not check `exclusiveMinimum`; teach it, then add it to CONSTRAINTS in scripts/operations.mjs",
  );
  expect(create({ oneOf: [named, sized] })).toBe(
    "widgets.create: a request body of anyOf or oneOf; the client checks and sends the fields of one object (properties, or allOf of them)",
  );
}, 240_000);
