/**
 * Compiled by test/types.test.ts with `exactOptionalPropertyTypes: true`, as strict apps
 * set it: an optional field or option also takes `undefined` (it counts as absent), as the
 * docs' samples (`apiToken: process.env.NEUROIO_TOKEN`) rely on. Nothing here runs.
 */
import { Client, paginate } from "../../src/wrappers";
import { EventsListener } from "../../src/wrappers/events";

declare const maybeText: string | undefined;
declare const maybeNumber: number | undefined;
declare const maybeSignal: AbortSignal | undefined;

export async function optionalFieldsTakeUndefined() {
  const client = new Client({ apiToken: process.env.NEUROIO_TOKEN, iamUrl: maybeText, timeoutMs: maybeNumber, fetch: undefined });
  await client.sources.list({ q: maybeText, limit: maybeNumber }, { signal: maybeSignal, timeoutMs: maybeNumber });
  await client.spaces.update({ id: 1, name: maybeText });
  await client.utility.asm({ image: { data: new Uint8Array(1), filename: maybeText, type: maybeText } });
  await client.auth.passwordChange({ old_password: "a", new_password: "b", reset_tokens: undefined });
  for await (const source of paginate((page) => client.sources.list(page), { pageSize: maybeNumber, signal: maybeSignal })) void source;
  const events = new EventsListener(client, { pingIntervalMs: maybeNumber, reconnect: { factor: maybeNumber }, WebSocket: undefined });
  for await (const event of events.listen({ signal: maybeSignal, maxBufferedEvents: maybeNumber })) void event;
  // @ts-expect-error TS2322 a required field does not take undefined
  await client.sources.get({ id: maybeNumber });
}
