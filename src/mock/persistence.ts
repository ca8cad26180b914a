/**
 * `stateFile`: the stand-in's state kept in a JSON file across restarts. It is read once
 * at start (when the file exists) and written after changes, debounced, and on close.
 * Every write goes to a temporary file in the same folder that then replaces the old one
 * (`rename` is atomic), so a crash never leaves a half-written state behind.
 */
import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEMO_USER, type MockUser, type Store } from "./state";

/** The store's tables, and the id sequence of each (none for tables keyed otherwise). */
const TABLES = {
  users: "user",
  spaces: "space",
  tokens: "token",
  streamTokens: "streamToken",
  licenses: "license",
  sources: "source",
  persons: undefined,
  entries: "entry",
  groups: "group",
  notifications: "notification",
  usage: undefined,
  media: undefined,
} as const satisfies Partial<Record<keyof Store, string | undefined>>;

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

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (!value || typeof value !== "object") return value;
  const tagged = value as Record<string, unknown>;
  if ("$map" in tagged) return new Map((tagged.$map as unknown[][]).map(([k, v]) => [decode(k), decode(v)]));
  if ("$set" in tagged) return new Set((tagged.$set as unknown[]).map(decode));
  if ("$f64" in tagged) return Float64Array.from(tagged.$f64 as number[]);
  if ("$bytes" in tagged) return Buffer.from(tagged.$bytes as string, "base64");
  return Object.fromEntries(Object.entries(tagged).map(([k, v]) => [k, decode(v)]));
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
   * with their fixed tokens), and returns the writer that keeps it up to date.
   */
  static async open(store: Store, file: string, users: readonly MockUser[] = []): Promise<StateFile> {
    const state = new StateFile(store, path.resolve(file));
    let text: string | undefined;
    try {
      text = await readFile(state.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    if (text !== undefined) state.#restore(text, users);
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
    await writeFile(temporary, text);
    await rename(temporary, this.file);
  }

  #restore(text: string, users: readonly MockUser[]): void {
    let parsed: { format?: number; tables?: Record<string, unknown> };
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new Error(`${this.file} is not a stand-in state file: ${(error as Error).message}`);
    }
    if (parsed.format !== FORMAT || !parsed.tables) throw new Error(`${this.file} is not a stand-in state file (format ${parsed.format})`);
    for (const [name, sequence] of Object.entries(TABLES)) {
      const table = this.store[name as keyof typeof TABLES] as Map<unknown, unknown>;
      table.clear();
      const saved = decode(parsed.tables[name]);
      if (saved instanceof Map) for (const [key, value] of saved) table.set(key, value);
      // The id sequences continue after the largest id restored.
      if (sequence) {
        const largest = Math.max(0, ...[...table.keys()].filter((k): k is number => typeof k === "number"));
        if (largest > 0) while (this.store.nextId(sequence) < largest);
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
}
