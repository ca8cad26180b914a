import { InputError, type Client } from "../../src/wrappers";
import { type RecordingServer, useRecordingServer } from "../helpers";

// TypeScript callers cannot pass an unknown enum value; JavaScript callers can, and the
// client refuses it before anything is sent, wherever the field travels.
let server: RecordingServer;
let client: Client;

useRecordingServer((started, connected) => {
  server = started;
  client = connected;
});

const bogus = <T>(value: unknown) => value as T;

test.each<[string, string, (c: Client) => Promise<unknown>]>([
  ["query array", "result", (c) => c.entries.list({ result: ["new", bogus("newish")] })],
  ["query integer array", "sex", (c) => c.entries.list({ sex: [bogus(2)] })],
  ["query (billing)", "event_types", (c) => c.billing.usage({ event_types: [bogus(9)] })],
  [
    "JSON body",
    "http_method",
    (c) => c.notifications.create({ name: "hook", http_method: bogus(2), destination_url: "https://example.com/hook" }),
  ],
  ["JSON body array", "moods", (c) => c.notifications.update({ id: 1, moods: ["happiness", bogus("glee")] })],
  ["multipart text part", "result", (c) => c.utility.compare({ image1: new Uint8Array([1]), image2: new Uint8Array([2]), result: bogus("close") })],
])("an unknown enum value in a %s (%s) is refused before sending", async (_where, field, call) => {
  const thrown = await call(client).catch((e: unknown) => e);
  expect(thrown).toBeInstanceOf(InputError);
  expect((thrown as InputError).field).toBe(field);
  expect((thrown as InputError).message).toMatch(/unknown value/);
  expect(server.requests).toHaveLength(0);
});

test("known enum values go out unchanged", async () => {
  await client.entries.list({ result: ["new", "nm"], sex: [0, 1], mood: ["happiness"] });
  expect(server.only().query).toBe("result=new,nm&sex=0,1&mood=happiness");
});
