/**
 * Webhook delivery: for every recorded entry that passes all filters of an active
 * notification of its space, the stand-in sends the notification's `http_method` to its
 * `destination_url`, with the entry in the events feed's shape:
 *
 *     POST  body (JSON): {"id": <entry id>, "data": <Entry>, "groups": [<group names>]}
 *     GET   the same JSON in the query: ?payload=<url-encoded JSON>
 *
 * `groups` names every group of the entry's person (`[]` without one), as the document
 * says notifications carry them. A delivery is tried up to `maxAttempts` times (network
 * errors, 408, 429 and 5xx are retried with a growing pause; other answers are final) and
 * recorded in the notification's delivery log.
 *
 * It is a development server: by default it only sends to loopback destinations
 * (`localhost`, `127.x.x.x`, `[::1]`); any other is logged as not delivered and never
 * contacted, unless `allowedHosts` says otherwise. Redirects are not followed, so a
 * loopback receiver cannot send the request elsewhere.
 */
import type { components } from "../generated/schema";
import type { Store } from "./state";

type Entry = components["schemas"]["Entry"];
type Notification = components["schemas"]["Notification"];

export interface WebhookOptions {
  /**
   * Destinations the stand-in may contact: `"loopback"` (default), `"any"`, or a list of
   * host names (loopback is always allowed). Others are logged as not delivered.
   */
  allowedHosts?: "loopback" | "any" | readonly string[];
  /** Tries per delivery, the first included. Default 3. */
  maxAttempts?: number;
  /** Time limit of one try, in ms. Default 5000. */
  timeoutMs?: number;
  /** Pause before the first retry, in ms, doubled for each further one. Default 250. */
  retryDelayMs?: number;
}

/** The webhook body (POST) or the `payload` query parameter (GET). */
export interface WebhookPayload {
  id: number;
  data: Entry;
  groups: string[];
}

export interface DeliveryAttempt {
  /** ISO 8601. */
  at: string;
  /** The answer's status; undefined when none came. */
  status?: number;
  error?: string;
}

export interface Delivery {
  notificationId: number;
  entryId: number;
  method: "POST" | "GET";
  url: string;
  /** `pending` while tries remain; `not-delivered` when the destination may not be contacted. */
  outcome: "pending" | "delivered" | "failed" | "not-delivered";
  /** Why it was not delivered, for `not-delivered`. */
  reason?: string;
  attempts: DeliveryAttempt[];
}

// The log keeps the latest deliveries of each notification.
const LOG_LIMIT = 200;
const RETRIED = new Set([408, 429]);
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export class Webhooks {
  readonly #store: Store;
  readonly #allowed: WebhookOptions["allowedHosts"];
  readonly #maxAttempts: number;
  readonly #timeoutMs: number;
  readonly #retryDelayMs: number;
  readonly #logs = new Map<number, Delivery[]>();
  readonly #pending = new Set<Promise<void>>();
  readonly #stop = new AbortController();

  constructor(store: Store, options: WebhookOptions = {}) {
    this.#store = store;
    this.#allowed = options.allowedHosts ?? "loopback";
    this.#maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.#timeoutMs = options.timeoutMs ?? 5000;
    this.#retryDelayMs = options.retryDelayMs ?? 250;
  }

  /** The delivery log of one notification, oldest first (a copy). */
  log(notificationId: number): Delivery[] {
    return structuredClone(this.#logs.get(notificationId) ?? []);
  }

  /** Resolves once every delivery started so far has finished (delivered, failed or not sent). */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  /** Sends an entry to every active notification of its space whose filters it passes. */
  entryRecorded(spaceId: number, entry: Entry): void {
    if (this.#stop.signal.aborted) return;
    for (const { spaceId: owner, data: notification } of this.#store.notifications.values()) {
      if (owner !== spaceId || !notification.is_active || !this.#matches(notification, entry)) continue;
      const task = this.#deliver(notification, entry).finally(() => this.#pending.delete(task));
      this.#pending.add(task);
    }
  }

  /** Stops retrying and abandons deliveries in flight. */
  async close(): Promise<void> {
    this.#stop.abort();
    await this.idle();
  }

  #groupsOf(pid: string | null) {
    if (pid === null) return [];
    return [...this.#store.groups.values()].filter((g) => g.members.has(pid));
  }

  #matches(n: Notification, e: Entry): boolean {
    const anyOf = <T>(wanted: readonly T[], value: T | null) => wanted.length === 0 || (value !== null && wanted.includes(value));
    return (
      anyOf(n.results, e.result) &&
      anyOf(n.moods, e.mood) &&
      anyOf(n.sex, e.sex) &&
      anyOf(n.liveness, e.liveness) &&
      anyOf(n.sources, e.source?.id ?? null) &&
      (n.age_from === null || (e.age !== null && e.age >= n.age_from)) &&
      (n.age_to === null || (e.age !== null && e.age <= n.age_to)) &&
      (n.persons_groups.length === 0 || this.#groupsOf(e.pid).some((g) => n.persons_groups.includes(g.id)))
    );
  }

  #mayContact(url: URL): boolean {
    if (LOOPBACK_HOST.test(url.hostname)) return true;
    if (this.#allowed === "any") return true;
    return Array.isArray(this.#allowed) && this.#allowed.includes(url.hostname);
  }

  #record(delivery: Delivery): void {
    const log = this.#logs.get(delivery.notificationId) ?? [];
    log.push(delivery);
    if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
    this.#logs.set(delivery.notificationId, log);
  }

  async #deliver(notification: Notification, entry: Entry): Promise<void> {
    const method = notification.http_method === 1 ? "GET" : "POST";
    const payload: WebhookPayload = { id: entry.id, data: entry, groups: this.#groupsOf(entry.pid).map((g) => g.name) };
    const json = JSON.stringify(payload);
    let url: URL;
    try {
      url = new URL(notification.destination_url);
    } catch {
      return this.#record({ notificationId: notification.id, entryId: entry.id, method, url: notification.destination_url, outcome: "not-delivered", reason: "not a valid URL", attempts: [] });
    }
    const delivery: Delivery = { notificationId: notification.id, entryId: entry.id, method, url: url.href, outcome: "pending", attempts: [] };
    this.#record(delivery);
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      delivery.outcome = "not-delivered";
      delivery.reason = `the stand-in sends webhooks over http and https only, not ${url.protocol}`;
      return;
    }
    if (!this.#mayContact(url)) {
      delivery.outcome = "not-delivered";
      delivery.reason = `${url.hostname} is not a loopback host; the stand-in only contacts hosts allowed by its webhooks.allowedHosts option`;
      return;
    }
    if (method === "GET") url.searchParams.set("payload", json);
    for (let attempt = 1; attempt <= this.#maxAttempts; attempt++) {
      if (this.#stop.signal.aborted) break;
      const record: DeliveryAttempt = { at: new Date(this.#store.clock()).toISOString() };
      delivery.attempts.push(record);
      let retry = false;
      try {
        const response = await fetch(url, {
          method,
          headers: method === "POST" ? { "content-type": "application/json", "user-agent": "neuroio-stand-in" } : { "user-agent": "neuroio-stand-in" },
          body: method === "POST" ? json : undefined,
          redirect: "manual",
          signal: AbortSignal.any([this.#stop.signal, AbortSignal.timeout(this.#timeoutMs)]),
        });
        await response.body?.cancel();
        record.status = response.status;
        if (response.status >= 200 && response.status < 300) {
          delivery.outcome = "delivered";
          return;
        }
        retry = response.status >= 500 || RETRIED.has(response.status);
      } catch (error) {
        record.error = describe(error);
        retry = true;
      }
      if (!retry || attempt === this.#maxAttempts) break;
      await pause(this.#retryDelayMs * 2 ** (attempt - 1), this.#stop.signal);
    }
    delivery.outcome = "failed";
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}
