/**
 * The stand-in's state: everything it knows, in memory, and the platform rules that span
 * namespaces (tokens and what they can see, spaces, faces, entries, billing counters).
 * Handlers (`handlers/<tag>.ts`) read and change it; nothing else does.
 *
 * Model:
 * - every user owns one account, which always has a `default` space (it cannot be deleted);
 * - a token belongs to a user and has a kind: `account` (acts in the default space, sees
 *   every space of the account), `space` (acts in and sees only its space) or `manager`
 *   (a user created with `manager: true`; reaches IAM only, acts in no space);
 * - sources, persons, entries, groups, notifications, thresholds and stream tokens belong
 *   to a space; licenses belong to the account, and a license bound to a source is seen
 *   only by tokens that see the source's space (`licenseVisibleTo`).
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { components } from "../generated/schema";
import { schemaDefaults } from "./document";
import { faceOf, levelOf, similarity, type Face, type Thresholds } from "./faces";

type S = components["schemas"];

/** The seeded user every stand-in starts with. */
export const DEMO_USER = Object.freeze({ username: "demo", password: "demo-password" });

export const TEMPORARY_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_PERMANENT_TOKENS = 5;

export interface MockUser {
  username: string;
  password: string;
  /** Tokens of this user are manager tokens: they reach IAM only (403 on the API host and billing). */
  manager?: boolean;
  /** Seeds a permanent token with this key for the user, so tests and examples can use a fixed key. */
  apiToken?: string;
}

export type TokenKind = "account" | "space" | "manager";

export interface UserRecord {
  id: number;
  username: string;
  password: string;
  manager: boolean;
}

export interface SpaceRecord {
  id: number;
  userId: number;
  name: string;
  isDefault: boolean;
  thresholds: Thresholds;
}

interface TokenFields {
  id: number;
  key: string;
  permanent: boolean;
  isActive: boolean;
  created: number;
  /** ms epoch; null for permanent tokens. */
  expires: number | null;
}

export interface TokenRecord extends TokenFields {
  kind: TokenKind;
  userId: number;
  /** The space of a space token; null for account and manager tokens. */
  spaceId: number | null;
}

export interface StreamTokenRecord extends TokenFields {
  spaceId: number;
}

export interface LicenseRecord {
  id: number;
  userId: number;
  name: string;
  entryStorageDays: number;
  isActive: boolean;
  created: number;
}

/** The source settings: every `Source` field except the identity and license ones. */
export type SourceSettings = Omit<S["Source"], "id" | "space_id" | "name" | "license_id" | "license">;

export interface SourceRecord {
  id: number;
  spaceId: number;
  name: string;
  licenseId: number | null;
  settings: SourceSettings;
}

export interface PersonRecord {
  pid: string;
  spaceId: number;
  /** The face the person is recognised by (replaced by re-initialisation). */
  face: Face;
  created: number;
  source: S["SourceRef"];
  initial: {
    faceImage: string | null;
    fullImage: string | null;
    facesize: number;
    liveness: S["Liveness"] | null;
    age: number | null;
    sex: S["Sex"] | null;
  };
}

export interface EntryRecord {
  spaceId: number;
  face: Face;
  /** The entry as the API answers it. */
  data: S["Entry"];
}

export interface GroupRecord {
  id: number;
  spaceId: number;
  name: string;
  /** Member pids in the order they were added. */
  members: Set<string>;
}

export interface NotificationRecord {
  spaceId: number;
  data: S["Notification"];
}

/** Who is calling: the token and everything derived from it. */
export interface Caller {
  token: TokenRecord;
  user: UserRecord;
  kind: TokenKind;
  /** The space the token acts in: the default space (account), its space (space), none (manager). */
  space: SpaceRecord | undefined;
  /** Ids of the spaces whose data the token can see. */
  visible: Set<number>;
}

/** A face upload: the bytes, kept while an entry or person refers to them, so that their image URLs serve them. */
export interface Upload {
  bytes: Buffer;
}

export interface RecordEntryInput {
  /** Undefined for a search, which names no source; the entry then lands in `spaceId`. */
  source: SourceRecord | undefined;
  spaceId?: number;
  face: Face;
  /** The photo the face was seen in, kept for the entry's images; left out for a face taken from another entry, whose photo is kept already. */
  upload?: Upload;
  result: S["EntryResult"];
  person: PersonRecord | undefined;
  confidence: number | null;
  /** Whether age, sex and mood were estimated. */
  asm: boolean;
  liveness?: S["Liveness"] | null;
}

export interface StoreOptions {
  users?: MockUser[];
  clock?: () => number;
}

const THRESHOLD_DEFAULTS = schemaDefaults("Thresholds") as unknown as Thresholds;

/** `2021-05-28T10:37:51.433000+00:00`: ISO 8601 with microseconds and an offset, as NeuroIO writes times. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000+00:00");
}

/** `YYYY-MM` (UTC) of a moment. */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

export class Store {
  readonly clock: () => number;
  readonly users = new Map<number, UserRecord>();
  readonly spaces = new Map<number, SpaceRecord>();
  readonly tokens = new Map<number, TokenRecord>();
  readonly streamTokens = new Map<number, StreamTokenRecord>();
  readonly licenses = new Map<number, LicenseRecord>();
  readonly sources = new Map<number, SourceRecord>();
  readonly persons = new Map<string, PersonRecord>();
  readonly entries = new Map<number, EntryRecord>();
  readonly groups = new Map<number, GroupRecord>();
  readonly notifications = new Map<number, NotificationRecord>();
  /** Billing counters by `${spaceId}|${eventType}|${month}`. */
  readonly usage = new Map<string, number>();
  /** Uploaded images by face id, served under `mediaBaseUrl`; only those an entry or person refers to (`dropUnusedMedia`). */
  readonly media = new Map<string, Upload>();
  /** Where entry images are served; set by the server once it listens. */
  mediaBaseUrl = "http://127.0.0.1/media";
  /** Called for every recorded entry (the server publishes it on the events feed). */
  onEntry: ((spaceId: number, entry: S["Entry"]) => void) | undefined;

  #ids = new Map<string, number>();

  constructor(options: StoreOptions = {}) {
    this.clock = options.clock ?? Date.now;
    const given = options.users ?? [];
    const seeded = given.some((u) => u.username === DEMO_USER.username) ? given : [DEMO_USER, ...given];
    for (const user of seeded) this.addUser(user);
  }

  /** Continues a table's ids after `id` (a restored state's largest), so that new ids never collide. */
  continueIdsAfter(table: string, id: number): void {
    this.#ids.set(table, Math.max(this.#ids.get(table) ?? 0, id));
  }

  nextId(table: string): number {
    const id = (this.#ids.get(table) ?? 0) + 1;
    this.#ids.set(table, id);
    return id;
  }

  // -- users and accounts -------------------------------------------------------------

  addUser({ username, password, manager = false, apiToken }: MockUser): UserRecord {
    if ([...this.users.values()].some((u) => u.username === username)) throw new Error(`user ${username} already exists`);
    const user: UserRecord = { id: this.nextId("user"), username, password, manager };
    this.users.set(user.id, user);
    this.createSpace(user, "default", true);
    if (apiToken !== undefined) this.issueToken(user, manager ? "manager" : "account", null, true, apiToken);
    return user;
  }

  userByName(username: string): UserRecord | undefined {
    return [...this.users.values()].find((u) => u.username === username);
  }

  // -- spaces ---------------------------------------------------------------------------

  createSpace(user: UserRecord, name: string, isDefault = false): SpaceRecord {
    const space: SpaceRecord = { id: this.nextId("space"), userId: user.id, name, isDefault, thresholds: { ...THRESHOLD_DEFAULTS } };
    this.spaces.set(space.id, space);
    return space;
  }

  spacesOf(userId: number): SpaceRecord[] {
    return [...this.spaces.values()].filter((s) => s.userId === userId);
  }

  defaultSpace(userId: number): SpaceRecord {
    const space = this.spacesOf(userId).find((s) => s.isDefault);
    if (!space) throw new Error(`user ${userId} has no default space`);
    return space;
  }

  /** Removes a space and everything in it, its space tokens and stream tokens included. */
  deleteSpace(space: SpaceRecord): void {
    this.spaces.delete(space.id);
    for (const source of [...this.sources.values()]) if (source.spaceId === space.id) this.deleteSource(source);
    const tables: Map<unknown, { spaceId: number | null }>[] = [
      this.tokens,
      this.streamTokens,
      this.persons,
      this.entries,
      this.groups,
      this.notifications,
    ];
    for (const table of tables) for (const [key, value] of table) if (value.spaceId === space.id) table.delete(key);
    this.dropUnusedMedia();
  }

  static spaceJson(space: SpaceRecord): S["Space"] {
    return { id: space.id, name: space.name };
  }

  // -- tokens ---------------------------------------------------------------------------

  issueToken(user: UserRecord, kind: TokenKind, spaceId: number | null, permanent: boolean, key?: string): TokenRecord {
    const created = this.clock();
    const token: TokenRecord = {
      id: this.nextId("token"),
      key: key ?? randomBytes(20).toString("hex"),
      kind,
      userId: user.id,
      spaceId,
      permanent,
      isActive: true,
      created,
      expires: permanent ? null : created + TEMPORARY_TOKEN_TTL_MS,
    };
    this.tokens.set(token.id, token);
    return token;
  }

  /** A temporary token for a login: a manager token for managers, an account token otherwise. */
  login(username: string, password: string): { user: UserRecord; token: TokenRecord } | undefined {
    const user = this.userByName(username);
    if (!user || user.password !== password) return undefined;
    return { user, token: this.issueToken(user, user.manager ? "manager" : "account", null, false) };
  }

  /** The caller a token key stands for, or undefined when it is unknown, inactive or expired. */
  authenticate(key: string): Caller | undefined {
    const token = [...this.tokens.values()].find((t) => t.key === key);
    if (!token || !token.isActive || (token.expires !== null && this.clock() >= token.expires)) return undefined;
    const user = this.users.get(token.userId);
    if (!user) return undefined;
    const spaces = this.spacesOf(user.id);
    if (token.kind === "space") {
      const space = this.spaces.get(token.spaceId ?? -1);
      return space ? { token, user, kind: "space", space, visible: new Set([space.id]) } : undefined;
    }
    const space = token.kind === "account" ? this.defaultSpace(user.id) : undefined;
    return { token, user, kind: token.kind, space, visible: new Set(spaces.map((s) => s.id)) };
  }

  /** The tokens managed together with the caller's: same user, same kind, same space. */
  tokensLike(caller: Caller): TokenRecord[] {
    return [...this.tokens.values()].filter(
      (t) => t.userId === caller.user.id && t.kind === caller.kind && t.spaceId === caller.token.spaceId,
    );
  }

  static tokenJson(token: TokenFields): S["Token"] {
    return {
      id: token.id,
      key: token.key,
      is_active: token.isActive,
      created: isoTime(token.created),
      expires: token.expires === null ? null : isoTime(token.expires),
    };
  }

  issueStreamToken(spaceId: number, permanent: boolean): StreamTokenRecord {
    const created = this.clock();
    const token: StreamTokenRecord = {
      id: this.nextId("streamToken"),
      key: randomBytes(16).toString("hex"),
      spaceId,
      permanent,
      isActive: true,
      created,
      expires: permanent ? null : created + TEMPORARY_TOKEN_TTL_MS,
    };
    this.streamTokens.set(token.id, token);
    return token;
  }

  // -- licenses and sources -------------------------------------------------------------

  licenseJson(license: LicenseRecord): S["License"] {
    return {
      id: license.id,
      name: license.name,
      entry_storage_days: license.entryStorageDays,
      is_active: license.isActive,
      created: isoTime(license.created),
      unavailable_at: null,
    };
  }

  /** True when the caller may see (and change) the license: one of its account's, unbound or bound to a source it sees. */
  licenseVisibleTo(caller: Caller, license: LicenseRecord): boolean {
    if (license.userId !== caller.user.id) return false;
    const bound = this.sourceBoundTo(license.id);
    return bound === undefined || caller.visible.has(bound.spaceId);
  }

  sourceBoundTo(licenseId: number): SourceRecord | undefined {
    return [...this.sources.values()].find((s) => s.licenseId === licenseId);
  }

  sourceJson(source: SourceRecord): S["Source"] {
    const license = source.licenseId === null ? undefined : this.licenses.get(source.licenseId);
    return {
      id: source.id,
      space_id: source.spaceId,
      name: source.name,
      license_id: source.licenseId,
      license: license ? this.licenseJson(license) : null,
      ...structuredClone(source.settings),
    };
  }

  /** A source by name among the given spaces (the token's own space first). */
  sourceByName(name: string, spaceIds: Set<number>, preferSpace?: number): SourceRecord | undefined {
    const matches = [...this.sources.values()].filter((s) => s.name === name && spaceIds.has(s.spaceId));
    return matches.find((s) => s.spaceId === preferSpace) ?? matches[0];
  }

  /** Removes a source and the entries recorded from it; persons created from it stay. */
  deleteSource(source: SourceRecord): void {
    this.sources.delete(source.id);
    for (const [id, entry] of this.entries) if (entry.data.source?.id === source.id) this.entries.delete(id);
    this.dropUnusedMedia();
  }

  // -- faces, persons and entries -------------------------------------------------------

  /**
   * Drops the photos no entry or person refers to any more. A person's initial images are
   * those of its face (set together by the entry that created or re-initialised it).
   */
  dropUnusedMedia(): void {
    const used = new Set<string>();
    for (const entry of this.entries.values()) used.add(entry.face.id);
    for (const person of this.persons.values()) used.add(person.face.id);
    for (const faceId of this.media.keys()) if (!used.has(faceId)) this.media.delete(faceId);
  }

  /** The best-matching person among the persons of the given spaces, with the similarity. */
  bestMatch(face: Face, spaceIds: Set<number>): { person: PersonRecord | undefined; score: number } {
    let best: { person: PersonRecord | undefined; score: number } = { person: undefined, score: 0 };
    for (const person of this.persons.values()) {
      if (!spaceIds.has(person.spaceId)) continue;
      const score = similarity(face, person.face);
      if (score > best.score) best = { person, score };
    }
    return best;
  }

  createPerson(space: SpaceRecord, source: SourceRecord, face: Face): PersonRecord {
    const person: PersonRecord = {
      pid: randomUUID(),
      spaceId: space.id,
      face,
      created: this.clock(),
      source: { id: source.id, name: source.name },
      initial: { faceImage: null, fullImage: null, facesize: face.size, liveness: null, age: null, sex: null },
    };
    this.persons.set(person.pid, person);
    this.countUsage(space.id, 2);
    return person;
  }

  deletePerson(person: PersonRecord): void {
    this.persons.delete(person.pid);
    for (const group of this.groups.values()) group.members.delete(person.pid);
    this.dropUnusedMedia();
  }

  /** Removes an entry, and its photo when nothing else shows it. */
  deleteEntry(entry: EntryRecord): void {
    this.entries.delete(entry.data.id);
    this.dropUnusedMedia();
  }

  /** Records an entry in the source's space (with its photo), counts it for billing and publishes it. */
  recordEntry(input: RecordEntryInput): EntryRecord {
    const { source, face, person, result, asm } = input;
    if (input.upload && !this.media.has(face.id)) this.media.set(face.id, input.upload);
    const now = this.clock();
    const id = this.nextId("entry");
    const kept = source?.settings.store_images_for_results ?? null;
    const keep = kept === null || kept.includes(result);
    const spaceId = source?.spaceId ?? input.spaceId!;
    const space = this.spaces.get(spaceId)!;
    const image = (kind: "face" | "full") => (keep ? `${this.mediaBaseUrl}/${face.id}/${kind}` : null);
    const data: S["Entry"] = {
      id,
      created: isoTime(now),
      detected: isoTime(now),
      result,
      pid: person?.pid ?? null,
      pid_created: person ? isoTime(person.created) : null,
      confidence: input.confidence,
      source: source ? { id: source.id, name: source.name } : null,
      space: Store.spaceJson(space),
      face_image: image("face"),
      full_image: image("full"),
      initial_face_image: person?.initial.faceImage ?? null,
      initial_full_image: person?.initial.fullImage ?? null,
      facesize: face.size,
      age: asm ? face.age : null,
      sex: asm ? face.sex : null,
      mood: asm ? face.mood : null,
      liveness: input.liveness ?? null,
      exposure: face.exposure,
      pan: face.pan,
      tilt: face.tilt,
    };
    // A person created (or re-initialised) from this photo is recognised by this face, and
    // has its images as initial ones.
    const formerFace = result === "reinit" ? person?.face : undefined;
    if (person && (result === "new" || result === "reinit")) {
      person.face = face;
      person.initial = {
        faceImage: data.face_image,
        fullImage: data.full_image,
        facesize: face.size,
        liveness: data.liveness,
        age: asm ? face.age : null,
        sex: asm ? face.sex : null,
      };
      data.initial_face_image = data.face_image;
      data.initial_full_image = data.full_image;
    }
    const entry: EntryRecord = { spaceId, face, data };
    this.entries.set(id, entry);
    // The photo of the face a re-initialisation replaced may have nothing left that shows it.
    if (formerFace && formerFace.id !== face.id) this.dropUnusedMedia();
    this.countUsage(spaceId, 3);
    this.onEntry?.(spaceId, structuredClone(data));
    return entry;
  }

  /**
   * Test hook: a face seen by a source's camera stream, processed as the platform does it
   * (there is no stream ingestion in the HTTP API). Records and publishes one entry:
   * `det` when the face is smaller than `identify_facesize_threshold`; otherwise the match
   * level among the persons of the source's space (`exact`/`ha`/`junk`/`nm`), or `new` when
   * the source's `auto_create_*` settings create a person. Liveness is checked (default
   * outcome `passed`) when the source has `auto_check_liveness`.
   */
  simulateStreamFace(input: { sourceId: number; image: Uint8Array; liveness?: S["Liveness"]; facesize?: number }): S["Entry"] {
    const source = this.sources.get(input.sourceId);
    if (!source) throw new Error(`no source ${input.sourceId}`);
    const upload = { bytes: Buffer.from(input.image) };
    const seen = faceOf(upload.bytes);
    // A face farther from the camera is smaller (below identify_facesize_threshold: `det`).
    const face = input.facesize === undefined ? seen : { ...seen, size: input.facesize };
    const s = source.settings;
    const space = this.spaces.get(source.spaceId)!;
    const liveness = s.auto_check_liveness ? (input.liveness ?? "passed") : null;
    const base = { source, face, upload, asm: s.auto_identify_asm, liveness };
    if (face.size < s.identify_facesize_threshold) {
      return this.recordEntry({ ...base, result: "det", person: undefined, confidence: null, asm: false }).data;
    }
    const { person, score } = this.bestMatch(face, new Set([space.id]));
    const level = person ? levelOf(score, space.thresholds) : "nm";
    const mayCreate =
      s.auto_create_persons &&
      face.size >= s.auto_create_facesize_threshold &&
      (!s.auto_check_liveness || !s.auto_create_liveness_only || liveness === "passed") &&
      (level === "nm" || (level === "ha" && s.auto_create_on_ha) || (level === "junk" && s.auto_create_on_junk));
    if (mayCreate) {
      const created = this.createPerson(space, source, face);
      return this.recordEntry({ ...base, result: "new", person: created, confidence: 100 }).data;
    }
    if (level === "nm") return this.recordEntry({ ...base, result: "nm", person: undefined, confidence: score }).data;
    return this.recordEntry({ ...base, result: level, person, confidence: score }).data;
  }

  // -- billing --------------------------------------------------------------------------

  /** Adds to a space's counter of one billing event type in the current month. */
  countUsage(spaceId: number, eventType: S["BillingEventType"], amount = 1): void {
    const key = `${spaceId}|${eventType}|${monthOf(this.clock())}`;
    this.usage.set(key, (this.usage.get(key) ?? 0) + amount);
  }

  usageRecords(): S["BillingUsage"][] {
    return [...this.usage].map(([key, count]) => {
      const [spaceId, eventType, month] = key.split("|");
      return { space_id: Number(spaceId), event_type: Number(eventType) as S["BillingEventType"], month: month!, count };
    });
  }
}
