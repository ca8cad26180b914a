/**
 * npm start — the SDK's whole story, offline: starts the embedded NeuroIO stand-in on a
 * free loopback port and walks the documented flows with the real client, printing each
 * step. `npm start -- --live` runs only the read-only steps against the real hosts with
 * NEUROIO_API_TOKEN (or NEUROIO_USERNAME / NEUROIO_PASSWORD).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Client, NeuroIOError, unwrap, paginate, type ClientOptions } from "../src/wrappers/index";
import { EventsListener, type EntryEvent } from "../src/wrappers/events";
import { startMockServer, DEMO_USER } from "../src/mock/index";

const SAMPLE_IMAGE = path.join(__dirname, "../examples/assets/sample-face.png");
let stepNumber = 0;

/** Runs one step, printing its title and what it showed; any failure ends the run. */
async function step<T>(title: string, run: () => Promise<T>, show: (value: T) => string = () => ""): Promise<T> {
  stepNumber += 1;
  const label = `${String(stepNumber).padStart(2)}. ${title}`;
  try {
    const value = await run();
    const detail = show(value);
    console.log(`✔ ${label}${detail ? `\n      ${detail.replace(/\n/g, "\n      ")}` : ""}`);
    return value;
  } catch (error) {
    console.error(`✘ ${label}\n      ${describe(error)}`);
    throw new StepFailed();
  }
}

class StepFailed extends Error {}

function describe(error: unknown): string {
  if (error instanceof NeuroIOError) return `HTTP ${error.status} ${JSON.stringify(error.toJSON())}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Tokens are secrets: show only that there is one and its last characters. */
const masked = (key: string) => `••••${key.slice(-4)}`;

async function offline(): Promise<void> {
  const server = await startMockServer({ port: 0 });
  const hosts: ClientOptions = { iamUrl: server.iamUrl, apiUrl: server.apiUrl, eventsUrl: server.eventsUrl };
  console.log(`NeuroIO stand-in on ${server.iamUrl} (IAM), ${server.apiUrl} (API), ${server.eventsUrl} (events)\n`);
  let events: EventsListener | undefined;
  try {
    const anonymous = new Client(hosts);

    await step(
      "Log in with a wrong password",
      async () => {
        const { error, response } = await anonymous.auth.login({ username: DEMO_USER.username, password: "wrong" });
        if (!error || !error.error_codes.includes(602)) throw new Error(`expected error 602, got HTTP ${response.status}`);
        return error;
      },
      (error) => `HTTP 400 → ${JSON.stringify(error)}`,
    );

    const login = await step(
      "Log in (the seed's flow)",
      () => unwrap(anonymous.auth.login({ username: DEMO_USER.username, password: DEMO_USER.password })),
      (data) => `user ${data.user.username}, token ${masked(data.token.key)} expires ${data.token.expires}`,
    );

    const c = await step(
      "Re-create the client with the token",
      async () => {
        const authed = new Client({ ...hosts, apiToken: login.token.key });
        await unwrap(authed.whoami.me());
        return authed;
      },
      (authed) => `${JSON.stringify(authed)}`,
    );

    await step(
      "Change the password (and back)",
      async () => {
        const newPassword = `${DEMO_USER.password}-2`;
        const changed = await c.auth.passwordChange({ old_password: DEMO_USER.password, new_password: newPassword, reset_tokens: false });
        if (changed.response.status !== 204) throw new Error(`expected 204, got ${changed.response.status}`);
        const wrong = await c.auth.passwordChange({ old_password: "not-it", new_password: "x" });
        await unwrap(c.auth.passwordChange({ old_password: newPassword, new_password: DEMO_USER.password }));
        return wrong.error;
      },
      (wrong) => `204 No Content; a wrong old password answers ${JSON.stringify(wrong?.fields[0])}`,
    );

    const space = await step("Create a space", () => unwrap(c.spaces.create({ name: "Front office" })), (s) => JSON.stringify(s));
    const spaceToken = await step(
      "Create a token for that space",
      () => unwrap(c.spaces.token({ id: space.id, permanent: false })),
      (t) => `space token ${masked(t.key)}, active ${t.is_active}, expires ${t.expires}`,
    );
    const spaceClient = c.withToken(spaceToken.key);
    await step(
      "The space token only sees its space",
      async () => (await unwrap(spaceClient.whoami.me())).space,
      (s) => `whoami → space ${JSON.stringify(s)}`,
    );

    const source = await step(
      "Create a source",
      () => unwrap(c.sources.create({ name: "entrance-cam", manual_identify_asm: true })),
      (s) => `#${s.id} ${s.name}: identify_facesize_threshold ${s.identify_facesize_threshold}, auto_create_persons ${s.auto_create_persons}`,
    );

    const listener = (events = new EventsListener(c));
    const firstEvent = new Promise<EntryEvent>((resolve) => listener.on("entry", resolve));
    await step("Listen to entry events (WebSocket)", () => listener.connect(), () => `connected to ${server.eventsUrl}`);

    const image = new Uint8Array(await readFile(SAMPLE_IMAGE));
    const person = await step(
      "Create a person from examples/assets/sample-face.png",
      () => unwrap(c.persons.create({ image, source: source.name, identify_asm: true })),
      (p) => JSON.stringify(p),
    );
    await step(
      "An entry event arrives",
      () => withTimeout(firstEvent, 5_000, "no entry event within 5 s"),
      ({ id, data }) => `event #${id}: entry ${data.id}, result ${data.result}, pid ${data.pid}, source ${data.source?.name}, space ${data.space.name}`,
    );

    await step(
      "Search with the same photo finds the person",
      async () => {
        const found = await unwrap(c.persons.search({ image, identify_asm: false }));
        if (found.pid !== person.pid) throw new Error(`expected ${person.pid}, found ${found.pid}`);
        return found;
      },
      (found) => `${found.result} ${found.pid} (confidence ${found.confidence})`,
    );

    await step(
      "List the person's entries and stats",
      async () => {
        const entries = await unwrap(c.entries.list({ pid: [person.pid!] }));
        const stats = await unwrap(c.entries.get({ pid: person.pid! }));
        return { entries, stats };
      },
      ({ entries, stats }) =>
        `${entries.count} entries (${entries.results.map((e) => e.result).join(", ")}); stats: total ${stats.total}, exact ${stats.exact}`,
    );

    const group = await step(
      "Put the person in a group",
      async () => {
        const created = await unwrap(c.groups.create({ name: "Regulars" }));
        await unwrap(c.groups.add({ pids: [person.pid!], groups_ids: [created.id] }));
        const members = [];
        for await (const member of paginate((page) => c.groups.persons({ id: created.id, ...page }))) members.push(member);
        return { created, members };
      },
      ({ created, members }) => `group #${created.id} "${created.name}" members: ${members.map((m) => m.pid).join(", ")}`,
    );

    await step(
      "Update the thresholds, then reset them",
      async () => {
        const updated = await unwrap(c.settings.update({ exact: 85, ha: 77 }));
        const reset = await unwrap(c.settings.reset());
        return { updated, reset };
      },
      ({ updated, reset }) =>
        `updated exact ${updated.exact} / ha ${updated.ha} / junk ${updated.junk}; reset to ${reset.exact} / ${reset.ha} / ${reset.junk}`,
    );

    await step(
      "List tokens and clean up",
      async () => {
        const before = await unwrap(c.tokens.list());
        await unwrap(c.groups.delete({ id: group.created.id }));
        await unwrap(c.persons.delete({ pid: person.pid! }));
        await unwrap(c.sources.delete({ id: source.id }));
        await unwrap(c.spaces.delete({ id: space.id }));
        await unwrap(c.tokens.delete({ token_id_or_key: login.token.id }));
        const revoked = await c.whoami.me();
        return { before, revoked: revoked.response.status };
      },
      ({ before, revoked }) =>
        `${before.length} token(s) listed; group, person, source and space deleted; login token deleted → whoami answers ${revoked}`,
    );
  } finally {
    await events?.close();
    await server.close();
  }
}

async function live(): Promise<void> {
  const { NEUROIO_API_TOKEN: apiToken, NEUROIO_USERNAME: username, NEUROIO_PASSWORD: password } = process.env;
  let client: Client;
  if (apiToken) client = new Client({ apiToken });
  else if (username && password) client = await step("Log in", () => Client.login({ username, password }));
  else throw new Error("--live needs NEUROIO_API_TOKEN, or NEUROIO_USERNAME and NEUROIO_PASSWORD");
  await step("Who am I", () => unwrap(client.whoami.me()), (me) => JSON.stringify(me));
  await step("Sources", () => unwrap(client.sources.list({ limit: 5 })), (p) => `${p.count} sources`);
  await step("Entries", () => unwrap(client.entries.list({ limit: 5 })), (p) => `${p.count} entries`);
  await step("Thresholds", () => unwrap(client.settings.get()), (t) => JSON.stringify(t));
  await step("Tokens", () => unwrap(client.tokens.list()), (t) => `${t.length} tokens`);
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]);
}

const started = Date.now();
(process.argv.includes("--live") ? live() : offline()).then(
  () => console.log(`\nAll steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`),
  (error) => {
    if (!(error instanceof StepFailed)) console.error(describe(error));
    process.exitCode = 1;
  },
);
