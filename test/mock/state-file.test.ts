/** `stateFile` (`--state`): a file that is not a state the stand-in wrote, or a path it cannot write, is refused at start. */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DEMO_USER, startMockServer } from "../../src/mock";
import { Client, unwrap } from "../../src/wrappers";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "neuroio-state-file-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The state file a fresh stand-in writes, parsed. */
async function freshState(): Promise<{ format: number; tables: Record<string, { $map: Array<[unknown, any]> }> }> {
  const stateFile = path.join(dir, "fresh.json");
  const server = await startMockServer({ stateFile });
  await server.close();
  return JSON.parse(await readFile(stateFile, "utf8"));
}

test("a path that cannot be written is refused at start, and leaves no temporary file", async () => {
  await expect(startMockServer({ stateFile: path.join(dir, "missing", "state.json") })).rejects.toThrow(/^cannot write the state file .*missing\/state\.json: ENOENT/);
  await expect(startMockServer({ stateFile: "/proc/neuroio-state.json" })).rejects.toThrow(/^cannot write the state file \/proc\/neuroio-state\.json/);
  // A new file is written at start: the path is known to work before the first change.
  const stateFile = path.join(dir, "new.json");
  const server = await startMockServer({ stateFile });
  try {
    expect(JSON.parse(await readFile(stateFile, "utf8"))).toMatchObject({ format: 1, tables: { users: { $map: [[1, { username: "demo" }]] } } });
    expect(await readdir(dir)).toEqual(["new.json"]);
  } finally {
    await server.close();
  }
});

test("JSON of the wrong shape is refused at start, naming the file and what is wrong", async () => {
  const state = await freshState();
  const stateFile = path.join(dir, "state.json");
  const broken: Array<[change: (s: any) => void, problem: string]> = [
    [(s) => (s.tables.spaces.$map[0][1] = null), "tables.spaces[1] is null, expected an object"],
    [(s) => (s.tables.users = []), "tables.users is a list, expected a map"],
    [(s) => (s.tables.tokens = { $map: 5 }), "tables.tokens holds number, expected a list of [key, value] pairs"],
    [(s) => (s.tables = null), "tables is null, expected an object"],
    [(s) => (s.format = 2), "format 2, expected 1"],
    [(s) => (s.tables.users.$map[0][1].username = 7), "tables.users[1].username is number, expected string"],
    [(s) => delete s.tables.spaces.$map[0][1].thresholds.ha, "tables.spaces[1].thresholds.ha is missing, expected number"],
    [(s) => (s.tables.spaces.$map[0][1].id = 2), "tables.spaces[1].id is 2, not its key"],
    [(s) => (s.tables.spaces.$map[0][0] = "1"), 'tables.spaces["1"]: the key is not a positive integer'],
    [(s) => (s.tables.spaces.$map[0][1].userId = 9), "tables.spaces[1].userId is 9, which is not in tables.users"],
    [(s) => (s.tables.spaces.$map = []), 'user "demo" has no default space'],
    [(s) => (s.tables.media = { $map: [["face", { bytes: { $bytes: 5 } }]] }), 'tables.media["face"].bytes holds number, expected base64 text'],
  ];
  for (const [change, problem] of broken) {
    const copy = structuredClone(state);
    change(copy);
    await writeFile(stateFile, JSON.stringify(copy));
    await expect(startMockServer({ stateFile })).rejects.toThrow(`${stateFile} is not a stand-in state file: ${problem}`);
  }
  // The file as written loads, and a table it lacks (one added since) starts empty.
  const older = structuredClone(state);
  delete older.tables.notifications;
  await writeFile(stateFile, JSON.stringify(older));
  const server = await startMockServer({ stateFile });
  try {
    const login = await fetch(`${server.iamUrl}/v1/auth/token/`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "demo", password: "demo-password" }),
    });
    expect(login.status).toBe(200);
  } finally {
    await server.close();
  }
});

test("ids continue after the largest one restored, however large, without counting up to it", async () => {
  const state = await freshState();
  const stateFile = path.join(dir, "state.json");
  // The demo user's default space, moved to a huge id (its key, its id, and what refers to it).
  const huge = 1e15;
  const space = state.tables.spaces!.$map[0]!;
  space[0] = huge;
  space[1].id = huge;
  for (const [, token] of state.tables.tokens!.$map) if (token.spaceId === 1) token.spaceId = huge;
  await writeFile(stateFile, JSON.stringify(state));
  const server = await startMockServer({ stateFile }); // before, this counted up to 1e15 and never listened
  try {
    const client = await Client.login(DEMO_USER, { iamUrl: server.iamUrl, apiUrl: server.apiUrl });
    expect((await unwrap(client.spaces.create({ name: "next" }))).id).toBe(huge + 1);
  } finally {
    await server.close();
  }
});
