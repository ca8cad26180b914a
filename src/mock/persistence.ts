/**
 * `stateFile`: the stand-in's state kept in a JSON file across restarts. It is read once
 * at start (when the file exists) and checked, written at once (so a path that cannot be
 * written is refused at start, not at the first change), then after changes, debounced,
 * and on close. Every write goes to a temporary file in the same folder that then replaces
 * the old one (`rename` is atomic), so a crash never leaves a half-written state behind.
 */
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEMO_USER, type MockUser, type Store } from "./state";

/** What a field of a saved record holds: a JSON type, or a type `encode` tags. */
type Kind = "number" | "string" | "boolean" | "object" | "number|null" | "set" | "bytes" | "f64";
interface Shape {
  [field: string]: Kind | Shape;
}

const FACE: Shape = { id: "string", signature: "f64", size: "number", age: "number", sex: "number", mood: "string", exposure: "number", pan: "number", tilt: "number" };
const TOKEN: Shape = { id: "number", key: "string", permanent: "boolean", isActive: "boolean", created: "number", expires: "number|null" };

/**
 * The store's tables: the id sequence of each (none for tables keyed otherwise), and what
 * its records hold, checked on loading (the fields the store reads without checking; a
 * wrong one would fail every request that touches it).
 */
const TABLES = {
  users: { sequence: "user", record: { id: "number", username: "string", password: "string", manager: "boolean" } },
  spaces: { sequence: "space", record: { id: "number", userId: "number", name: "string", isDefault: "boolean", thresholds: { exact: "number", ha: "number", junk: "number" } } },
  tokens: { sequence: "token", record: { ...TOKEN, kind: "string", userId: "number", spaceId: "number|null" } },
  streamTokens: { sequence: "streamToken", record: { ...TOKEN, spaceId: "number" } },
  licenses: { sequence: "license", record: { id: "number", userId: "number", name: "string", entryStorageDays: "number", isActive: "boolean", created: "number" } },
  sources: { sequence: "source", record: { id: "number", spaceId: "number", name: "string", licenseId: "number|null", settings: "object" } },
  persons: { sequence: undefined, record: { pid: "string", spaceId: "number", face: FACE, created: "number", source: "object", initial: "object" } },
  entries: { sequence: "entry", record: { spaceId: "number", face: FACE, data: "object" } },
  groups: { sequence: "group", record: { id: "number", spaceId: "number", name: "string", members: "set" } },
  notifications: { sequence: "notification", record: { spaceId: "number", data: "object" } },
  usage: { sequence: undefined, record: "number" },
  media: { sequence: undefined, record: { bytes: "bytes" } },
} as const satisfies Partial<Record<keyof Store, { sequence: string | undefined; record: Kind | Shape }>>;

type TableName = keyof typeof TABLES;

/** Fields that refer to a record of another table, which must exist. */
const REFERENCES: Record<string, TableName> = { userId: "users", spaceId: "spaces", licenseId: "licenses" };

const FORMAT = 1;
// Writes wait this long for more changes, so a burst of requests is one write.
const DEBOUNCE_MS = 200;

/** JSON cannot hold Maps, Sets, bytes or typed arrays: tag them. */
function encode(value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [encode(k), encode(v)]) };
  if (value instanceof Set) return { $set: [...value].map(encode) };
  if (value instanceof Float64Array) return { $f64: Array.from(value) };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString("base64") };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

/** A state file that is JSON but not a state the stand-in wrote: what is wrong, and where. */
class ShapeError extends Error {}

/** `encode` undone; a tag holding the wrong type is a ShapeError naming `where`. */
function decode(value: unknown, where: string): unknown {
  if (Array.isArray(value)) return value.map((item, i) => decode(item, `${where}[${i}]`));
  if (!value || typeof value !== "object") return value;
  const tagged = value as Record<string, unknown>;
  const wrong = (expected: string) => new ShapeError(`${where} holds ${describe(Object.values(tagged)[0])}, expected ${expected}`);
  if ("$map" in tagged) {
    const pairs = tagged.$map;
    if (!Array.isArray(pairs) || !pairs.every((pair) => Array.isArray(pair) && pair.length === 2)) throw wrong("a list of [key, value] pairs");
    return new Map(pairs.map(([k, v], i) => [decode(k, `${where} key ${i}`), decode(v, `${where}[${JSON.stringify(k)}]`)]));
  }
  if ("$set" in tagged) {
    if (!Array.isArray(tagged.$set)) throw wrong("a list");
    return new Set(tagged.$set.map((item, i) => decode(item, `${where}[${i}]`)));
  }
  if ("$f64" in tagged) {
    if (!Array.isArray(tagged.$f64) || !tagged.$f64.every(Number.isFinite)) throw wrong("a list of numbers");
    return Float64Array.from(tagged.$f64 as number[]);
  }
  if ("$bytes" in tagged) {
    if (typeof tagged.$bytes !== "string") throw wrong("base64 text");
    return Buffer.from(tagged.$bytes, "base64");
  }
  return Object.fromEntries(Object.entries(tagged).map(([k, v]) => [k, decode(v, `${where}.${k}`)]));
}

/** The kind of a decoded value, in the words of `Kind`. */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Set) return "set";
  if (value instanceof Float64Array) return "f64";
  if (Buffer.isBuffer(value)) return "bytes";
  if (value instanceof Map) return "a map";
  return typeof value;
}

/** Throws a ShapeError naming the first field of `value` (at `where`) that `shape` does not allow. */
function check(value: unknown, shape: Kind | Shape, where: string): void {
  if (typeof shape === "object") {
    if (describe(value) !== "object") throw new ShapeError(`${where} is ${describe(value)}, expected an object`);
    for (const [field, kind] of Object.entries(shape)) check((value as Record<string, unknown>)[field], kind, `${where}.${field}`);
    return;
  }
  const kinds = shape.split("|");
  const kind = describe(value);
  if (!kinds.includes(kind) || (kind === "number" && !Number.isFinite(value))) throw new ShapeError(`${where} is ${value === undefined ? "missing" : kind}, expected ${shape}`);
}

export class StateFile {
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: Store,
    readonly file: string,
  ) {}

  /**
   * Loads `file` into the store when it exists (the users given still exist afterwards,
   * with their fixed tokens), writes it, and returns the writer that keeps it up to date.
   * A file that cannot be read, is not a state the stand-in wrote, or cannot be written
   * is an Error naming it and what is wrong.
   */
  static async open(store: Store, file: string, users: readonly MockUser[] = []): Promise<StateFile> {
    const state = new StateFile(store, path.resolve(file));
    let text: string | undefined;
    try {
      text = await readFile(state.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new Error(`cannot read the state file ${state.file}: ${(error as Error).message}`);
    }
    if (text !== undefined) state.#restore(text, users);
    try {
      await state.#write();
    } catch (error) {
      throw new Error(`cannot write the state file ${state.file}: ${(error as Error).message}`);
    }
    return state;
  }

  /** Something may have changed: write soon. */
  changed(): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, DEBOUNCE_MS);
  }

  /** Writes the state now (after any write in progress). */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#writing = this.#writing.then(() => this.#write()).catch((error: unknown) => {
      console.error(`neuroio stand-in: could not write the state to ${this.file}: ${(error as Error).message}`);
    });
    return this.#writing;
  }

  async #write(): Promise<void> {
    const tables = Object.fromEntries(Object.keys(TABLES).map((name) => [name, encode(this.store[name as keyof typeof TABLES])]));
    const text = JSON.stringify({ format: FORMAT, tables });
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, text);
      await rename(temporary, this.file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  #restore(text: string, users: readonly MockUser[]): void {
    const tables = this.#read(text);
    for (const [name, { sequence }] of Object.entries(TABLES)) {
      const table = this.store[name as TableName] as Map<unknown, unknown>;
      table.clear();
      for (const [key, value] of tables[name as TableName]) table.set(key, value);
      // The id sequences continue after the largest id restored.
      if (sequence) {
        let largest = 0;
        for (const id of table.keys()) largest = Math.max(largest, id as number);
        this.store.continueIdsAfter(sequence, largest);
      }
    }
    // A file of an earlier version holds every upload, refused ones too: keep those in use.
    this.store.dropUnusedMedia();
    // The users configured for this run exist, with their fixed tokens.
    const configured: readonly MockUser[] = users.some((u) => u.username === DEMO_USER.username) ? users : [DEMO_USER, ...users];
    for (const user of configured) {
      const known = this.store.userByName(user.username);
      if (!known) {
        this.store.addUser(user);
        continue;
      }
      known.password = user.password;
      const hasKey = user.apiToken === undefined || [...this.store.tokens.values()].some((t) => t.key === user.apiToken);
      if (!hasKey) this.store.issueToken(known, known.manager ? "manager" : "account", null, true, user.apiToken);
    }
  }

  /** The tables of a state file's text, each checked against TABLES (nothing is restored from a file that fails). */
  #read(text: string): Record<TableName, Map<unknown, unknown>> {
    const refuse = (problem: string) => new Error(`${this.file} is not a stand-in state file: ${problem}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw refuse((error as Error).message);
    }
    const { format, tables: saved } = (parsed ?? {}) as { format?: unknown; tables?: unknown };
    if (format !== FORMAT) throw refuse(`format ${JSON.stringify(format)}, expected ${FORMAT}`);
    if (describe(saved) !== "object") throw refuse(`tables is ${describe(saved)}, expected an object`);
    const tables = {} as Record<TableName, Map<unknown, unknown>>;
    try {
      for (const [name, { sequence, record }] of Object.entries(TABLES)) {
        // A table the file lacks (one added since it was written) starts empty.
        const table = decode((saved as Record<string, unknown>)[name] ?? { $map: [] }, `tables.${name}`);
        if (!(table instanceof Map)) throw new ShapeError(`tables.${name} is ${describe(table)}, expected a map`);
        for (const [key, value] of table) {
          const where = `tables.${name}[${JSON.stringify(key)}]`;
          if (sequence ? !(Number.isSafeInteger(key) && (key as number) > 0) : typeof key !== "string") throw new ShapeError(`${where}: the key is not ${sequence ? "a positive integer" : "text"}`);
          check(value, record, where);
          // A record is kept under its own id (a person under its pid).
          const idField = typeof record === "object" ? (["id", "pid"] as const).find((f) => f in record) : undefined;
          const own = idField && (value as Record<string, unknown>)[idField];
          if (idField && own !== key) throw new ShapeError(`${where}.${idField} is ${JSON.stringify(own)}, not its key`);
        }
        tables[name as TableName] = table;
      }
      for (const [name, table] of Object.entries(tables)) {
        for (const [key, value] of table) {
          for (const [field, target] of Object.entries(REFERENCES)) {
            const ref = (value as Record<string, unknown>)?.[field];
            if (ref != null && !tables[target].has(ref)) throw new ShapeError(`tables.${name}[${JSON.stringify(key)}].${field} is ${ref}, which is not in tables.${target}`);
          }
        }
      }
      // Every account has its default space (the store relies on it).
      const withDefault = new Set([...tables.spaces.values()].filter((s) => (s as { isDefault: boolean }).isDefault).map((s) => (s as { userId: number }).userId));
      for (const user of tables.users.values() as Iterable<{ id: number; username: string }>) {
        if (!withDefault.has(user.id)) throw new ShapeError(`user ${JSON.stringify(user.username)} has no default space`);
      }
    } catch (error) {
      if (error instanceof ShapeError) throw refuse(error.message);
      throw error;
    }
    return tables;
  }
}
