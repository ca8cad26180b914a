/**
 * A bounded fuzz test of the stand-in: random requests derived from the OpenAPI document
 * (every operation, its parameters and body schemas, in JSON, form and multipart), mixed
 * with random paths, methods, headers, percent-escapes and malformed bodies, sent with the
 * tokens of two attackers: a space token of another space of the victim's account, and
 * another account's token. It fails on any 5xx, any crash or logged error, and any object
 * of the victim's space read or changed through an attacker's token.
 *
 * Bounded: FUZZ_REQUESTS requests (default 2,000) or FUZZ_SECONDS seconds (default 20),
 * whichever comes first. The run is reproducible from its seed (FUZZ_SEED; printed on failure).
 */
import http from "node:http";
import { deref, document, reader } from "../../src/mock/document";
import { startMockServer, type MockServer } from "../../src/mock";
import { image, raw, unwrap } from "./helpers";
import { Client } from "../../src/wrappers";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const MAX_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2000);
const MAX_MS = Number(process.env.FUZZ_SECONDS ?? 20) * 1000;
const CONCURRENCY = 8;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
const rnd = prng(SEED);

// Bad input of every kind a careless or hostile client sends.
const ESCAPES = ["%", "%zz", "%E4", "%C0%AF", "%00", "%2F", "%2e%2e", "..", ".", "%25", "%FF%FE", "%u0041", "%%", "a%2"];
const JUNK_STRINGS = ["", " ", "\u0000", "null", "true", "-1", "1e309", "NaN", "💥", "\ud800", "<script>", "' OR 1=1 --", "../../etc", "%E4", "x".repeat(300)];
const JUNK_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, [], {}, [null], { a: 1 }, ...JUNK_STRINGS];
const JUNK_SEGMENTS = ["v1", "v2", "iam", "api", "media", "events", "sources", "persons", "tokens", "spaces", "", "0", "-1", "abc", ...ESCAPES];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"];

/** encodeURIComponent, except that a lone surrogate is sent as the (invalid) UTF-8 bytes it stands for. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%ED%A0%80";
  }
}

interface Operation {
  method: string;
  template: string;
  prefix: "iam" | "api";
  operation: Json;
}

const OPERATIONS: Operation[] = reader.operations.map((op) => ({ method: op.method, template: op.path, prefix: op.host, operation: op.operation }));

/** The values the fuzzer aims at: the victim's and attackers' ids, keys and names. */
interface Pools {
  ids: number[];
  pids: string[];
  tokens: Array<number | string>;
  names: string[];
  images: Uint8Array[];
}

/** A value for a schema: mostly valid (and aimed at known ids), sometimes wrong. */
function valueFor(schemaRef: Json, name: string, pools: Pools, depth = 0): unknown {
  const schema = deref(schemaRef) ?? {};
  if (rnd.chance(0.08) || depth > 4) return rnd.pick(JUNK_VALUES);
  if (schema.oneOf || schema.anyOf) return valueFor(rnd.pick(schema.oneOf ?? schema.anyOf), name, pools, depth + 1);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: Json) => valueFor(s, name, pools, depth + 1)));
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return rnd.pick(schema.enum);
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type ?? "string"];
  const type = rnd.pick(types);
  switch (type) {
    case "null":
      return null;
    case "boolean":
      return rnd.chance(0.5);
    case "integer":
      if (/id|pk/.test(name) && rnd.chance(0.8)) return rnd.pick(pools.ids);
      return rnd.int(schema.minimum ?? -5, Math.min(schema.maximum ?? 100_000, 100_000));
    case "number":
      return Math.round(rnd.next() * (schema.maximum ?? 100) * 100) / 100;
    case "array": {
      const n = rnd.int(0, 3);
      return Array.from({ length: n }, () => valueFor(schema.items ?? {}, name, pools, depth + 1));
    }
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries<Json>(schema.properties ?? {})) {
        if ((schema.required ?? []).includes(key) || rnd.chance(0.5)) out[key] = valueFor(property, key, pools, depth + 1);
      }
      return out;
    }
    default:
      if (schema.format === "date-time") return rnd.pick(["2021-05-28T10:37:51Z", "2099-01-01T00:00:00+00:00", "yesterday", "2021-13-45T99:99"]);
      // Only loopback URLs: nothing the stand-in does with them may leave the machine.
      if (schema.format === "uri") return rnd.pick(["http://127.0.0.1:9/hook", "not a url", `http://127.0.0.1:9/${"p".repeat(3000)}`]);
      if (/pid/.test(name)) return rnd.pick(pools.pids);
      if (/password/.test(name) && rnd.chance(0.7)) return rnd.pick(["demo-password", "mallory-password"]);
      if (/month/.test(name)) return rnd.pick(["2021-05", "2021-13", "21-05"]);
      if (/name|source|^q$/.test(name) && rnd.chance(0.7)) return rnd.pick(pools.names);
      return rnd.pick([`fuzz ${rnd.int(0, 1e6)}`, ...JUNK_STRINGS]);
  }
}

function pathValue(name: string, pools: Pools): string {
  if (rnd.chance(0.15)) return rnd.pick(ESCAPES);
  if (name === "pid") return encode(rnd.pick(pools.pids));
  if (name === "token_id_or_key") return encode(String(rnd.pick(pools.tokens)));
  return String(rnd.chance(0.9) ? rnd.pick(pools.ids) : rnd.pick(["0", "-1", "1.5", "abc", "99999999999999999999"]));
}

function queryString(parameters: Json[], pools: Pools): string {
  const parts: string[] = [];
  for (const parameter of parameters.map(deref).filter((p) => p.in === "query")) {
    if (!rnd.chance(0.5)) continue;
    const value = valueFor(parameter.schema, parameter.name, pools);
    const text = Array.isArray(value) ? value.map(String).join(",") : String(value);
    parts.push(`${parameter.name}=${rnd.chance(0.1) ? rnd.pick(ESCAPES) : encode(text)}`);
  }
  if (rnd.chance(0.05)) parts.push(`${rnd.pick(ESCAPES)}=${rnd.pick(ESCAPES)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

function multipart(fields: Record<string, unknown>, binary: Set<string>, pools: Pools): { type: string; body: Buffer } {
  const boundary = `fuzz${rnd.int(0, 1e9)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const isFile = binary.has(name) && rnd.chance(0.9);
    const head = isFile
      ? `Content-Disposition: form-data; name="${name}"; filename="f.jpg"\r\nContent-Type: image/jpeg`
      : `Content-Disposition: form-data; name="${name}"`;
    const content = isFile ? Buffer.from(rnd.pick(pools.images)) : Buffer.from(typeof value === "string" ? value : JSON.stringify(value) ?? "");
    parts.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), content, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(rnd.chance(0.95) ? `--${boundary}--\r\n` : `--${boundary}`));
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

function requestFor(pools: Pools, token: () => string): FuzzRequest {
  const headers: Record<string, string> = {};
  const auth = rnd.next();
  if (auth < 0.8) headers.Authorization = `Token ${token()}`;
  else if (auth < 0.9) headers.Authorization = rnd.pick(["Token", "Token  ", "Bearer abc", "Token a b", "token x", "Basic ZGVtbzpkZW1v"]);
  if (rnd.chance(0.05)) headers.Host = rnd.pick(["[bad", "a b", "@", "x:99999", "évil", ""]);

  if (rnd.chance(0.12)) {
    const path = `/${Array.from({ length: rnd.int(1, 5) }, () => rnd.pick(JUNK_SEGMENTS)).join("/")}${rnd.chance(0.5) ? "/" : ""}`;
    return { method: rnd.pick(METHODS), path, headers, body: rnd.chance(0.3) ? Buffer.from(rnd.pick(JUNK_STRINGS)) : undefined };
  }

  const { method, template, prefix, operation } = rnd.pick(OPERATIONS);
  let path = `/${prefix}${template.replace(/\{([^}]+)\}/g, (_, name: string) => pathValue(name, pools))}`;
  if (rnd.chance(0.03)) path = path.replace(/\/$/, "");
  path += queryString(operation.parameters ?? [], pools);
  const content = deref(operation.requestBody)?.content ?? {};
  const mediaTypes = Object.keys(content);
  let body: Buffer | undefined;
  if (mediaTypes.length > 0 || rnd.chance(0.05)) {
    const mediaType = mediaTypes.length > 0 && rnd.chance(0.9) ? rnd.pick(mediaTypes) : rnd.pick(["application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]);
    const schema = deref(content[mediaType]?.schema ?? {});
    const value = valueFor(schema, "body", pools);
    const fields = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
    if (mediaType === "multipart/form-data") {
      const binary = new Set(Object.entries<Json>(schema.properties ?? {}).filter(([, p]) => p.format === "binary").map(([n]) => n));
      for (const name of binary) fields[name] ??= "";
      const form = rnd.chance(0.95) ? multipart(fields, binary, pools) : { type: "multipart/form-data", body: Buffer.from("--x\r\n") };
      headers["Content-Type"] = form.type;
      body = form.body;
    } else if (mediaType === "application/x-www-form-urlencoded") {
      headers["Content-Type"] = mediaType;
      body = Buffer.from(Object.entries(fields).map(([k, v]) => `${k}=${rnd.chance(0.1) ? rnd.pick(ESCAPES) : encode(String(v))}`).join("&"));
    } else {
      headers["Content-Type"] = mediaType;
      const json = JSON.stringify(value) ?? "";
      body = Buffer.from(rnd.chance(0.05) ? json.slice(0, Math.max(0, json.length - 2)) : json);
    }
  }
  return { method: rnd.chance(0.03) ? rnd.pick(METHODS) : method, path, headers, body };
}

function send(server: MockServer, agent: http.Agent, request: FuzzRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: server.port, agent, method: request.method, path: request.path, headers: request.headers });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(request.body);
  });
}

/** Everything of the victim's space, as a comparable string (billing counters aside). */
function victimState(server: MockServer, spaceId: number, licenseId: number): unknown {
  const s = server.state;
  const inSpace = <T extends { spaceId: number | null }>(table: Map<unknown, T>) => [...table.values()].filter((v) => v.spaceId === spaceId);
  const text = JSON.stringify(
    {
      space: s.spaces.get(spaceId),
      sources: inSpace(s.sources),
      persons: inSpace(s.persons),
      entries: inSpace(s.entries),
      groups: inSpace(s.groups).map((g) => ({ ...g, members: [...g.members] })),
      notifications: inSpace(s.notifications),
      tokens: inSpace(s.tokens),
      streamTokens: inSpace(s.streamTokens),
      license: s.licenses.get(licenseId),
    },
    (_, value) => (value instanceof Set ? [...value] : value),
  );
  return JSON.parse(text);
}

interface Victim {
  spaceId: number;
  /** Secrets only the victim knows (pid, token keys): in an answer they are a leak, unless the request sent them. */
  secrets: string[];
  /** The victim's named objects: an answer holding one of these id/name pairs read it. */
  objects: Array<{ id: number; name: string }>;
}

/** Where an answer shows something of the victim's: a secret, one of its objects, or its space. */
function leaks(body: unknown, victim: Victim, sent: string, at = "body"): string[] {
  if (typeof body === "string") return victim.secrets.filter((secret) => body.includes(secret) && !sent.includes(secret)).map((secret) => `${at} contains ${secret}`);
  if (typeof body !== "object" || body === null) return [];
  const found: string[] = [];
  const object = body as Record<string, unknown>;
  if (victim.objects.some((o) => o.id === object.id && o.name === object.name)) found.push(`${at} is the victim's ${JSON.stringify(object.name)}`);
  if (object.space_id === victim.spaceId) found.push(`${at}.space_id is the victim's space`);
  for (const [key, value] of Object.entries(object)) found.push(...leaks(value, victim, sent, `${at}.${key}`));
  return found;
}

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ validateResponses: true, users: [{ username: "mallory", password: "mallory-password" }] });
});
afterAll(() => server?.close());

test(`fuzz: no 5xx, no crash, no cross-space read or change (seed ${SEED})`, async () => {
  const errors = jest.spyOn(console, "error").mockImplementation(() => {});
  try {
    const hosts = { iamUrl: server.iamUrl, apiUrl: server.apiUrl, eventsUrl: server.eventsUrl, maxRetries: 0 };
    const marker = `victim${SEED}`;
    const demo = await Client.login({ username: "demo", password: "demo-password" }, hosts);

    // The victim: a second space of the demo account, full of objects, used through its own token.
    const victimSpace = await unwrap(demo.spaces.create({ name: `${marker} space` }));
    const victimKey = (await unwrap(demo.spaces.token({ id: victimSpace.id, permanent: true }))).key;
    const victim = new Client({ ...hosts, apiToken: victimKey });
    const license = await unwrap(victim.licenses.sources.create({ name: `${marker} license` }));
    const source = await unwrap(victim.sources.create({ name: `${marker} source`, license_id: license.id }));
    const face = image(`${marker} face`);
    const person = await unwrap(victim.persons.create({ image: face, source: source.name }));
    const group = await unwrap(victim.groups.create({ name: `${marker} group` }));
    await unwrap(victim.groups.add({ pids: [person.pid!], groups_ids: [group.id] }));
    const notification = await unwrap(victim.notifications.create({ name: `${marker} hook`, http_method: 0, destination_url: "http://127.0.0.1:9/victim" }));
    const streamToken = await unwrap(victim.streams.tokens.create({ permanent: true }));
    const entry = server.state.simulateStreamFace({ sourceId: source.id, image: face });
    const victimTokenId = [...server.state.tokens.values()].find((t) => t.key === victimKey)!.id;

    // The attackers: a space token of the demo account's default space, and another account.
    const demoUser = server.state.userByName("demo")!;
    const mallory = server.state.userByName("mallory")!;
    const defaultSpace = server.state.defaultSpace(demoUser.id);
    const attackerKeys = [
      () => server.state.issueToken(demoUser, "space", defaultSpace.id, true).key,
      () => server.state.issueToken(mallory, "account", null, true).key,
    ];
    let keys = attackerKeys.map((issue) => issue());
    // An attacker that revoked its own token (bulk delete, password reset) gets a fresh one.
    const token = () => {
      const i = rnd.int(0, keys.length - 1);
      if (!server.state.authenticate(keys[i]!)) keys[i] = attackerKeys[i]!();
      return keys[i]!;
    };
    const attacker = new Client({ ...hosts, apiToken: keys[0]! });
    const ownSource = await unwrap(attacker.sources.create({ name: "attacker source" }));
    const ownPerson = await unwrap(attacker.persons.create({ image: image("attacker"), source: ownSource.name }));
    const ownGroup = await unwrap(attacker.groups.create({ name: "attacker group" }));

    const pools: Pools = {
      ids: [victimSpace.id, license.id, source.id, group.id, notification.id, streamToken.id, entry.id, victimTokenId, defaultSpace.id, ownSource.id, ownGroup.id, 1, 2, 3],
      pids: [person.pid!, ownPerson.pid!, "00000000-0000-0000-0000-000000000000"],
      tokens: [victimKey, victimTokenId, streamToken.key, streamToken.id, 1, 2],
      names: [source.name, ownSource.name, `${marker} group`, "attacker group"],
      images: [face, image("attacker"), image(rnd.int(0, 1e6)), new Uint8Array(0)],
    };
    const victimView: Victim = {
      spaceId: victimSpace.id,
      secrets: [person.pid!, victimKey, streamToken.key],
      objects: [victimSpace, license, source, group, notification].map(({ id, name }) => ({ id, name })),
    };
    const before = victimState(server, victimSpace.id, license.id);

    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const started = Date.now();
    let sent = 0;
    const worker = async () => {
      while (sent < MAX_REQUESTS && Date.now() - started < MAX_MS && failures.length < 20) {
        sent++;
        const request = requestFor(pools, token);
        const where = `${request.method} ${request.path} ${JSON.stringify(request.headers)} ${request.body?.toString("utf8").slice(0, 300) ?? ""}`;
        let answer: { status: number; text: string };
        try {
          answer = await send(server, agent, request);
        } catch (error) {
          failures.push(`${where} → ${(error as Error).message}`);
          continue;
        }
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500) failures.push(`${where} → ${answer.status} ${answer.text.slice(0, 500)}`);
        let body: unknown = answer.text;
        try {
          body = JSON.parse(answer.text);
        } catch {
          // not JSON: scanned as text
        }
        const leaked = leaks(body, victimView, `${request.path} ${request.body?.toString("latin1") ?? ""}`);
        if (leaked.length > 0) failures.push(`${where} → ${answer.status} leaks: ${leaked.join("; ")}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();

    const summary = `seed ${SEED}: ${sent} requests in ${Date.now() - started} ms, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`;
    console.log(summary);
    expect({ seed: SEED, failures }).toEqual({ seed: SEED, failures: [] });
    expect(victimState(server, victimSpace.id, license.id)).toEqual(before);
    expect(server.violations).toEqual([]);
    // Still up, and quiet.
    expect((await raw(`${server.apiUrl}/v1/version/`, { token: victimKey })).status).toBe(200);
    expect(errors.mock.calls).toEqual([]);
    expect(sent).toBeGreaterThan(100);
  } finally {
    errors.mockRestore();
  }
}, 120_000);
