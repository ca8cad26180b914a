import {
  billingEventTypeValues,
  entryResultValues,
  httpMethodValues,
  livenessValues,
  moodValues,
  sexValues,
} from "../generated/schema";
import { InputError } from "./errors";

/**
 * Checks of caller input that the client can make before sending anything: what a
 * TypeScript caller cannot get wrong but a JavaScript caller can, and the limits NeuroIO
 * documents.
 */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `YYYY-MM`, as billing filters want. */
export function checkMonth(field: string, value: string | undefined): void {
  if (value !== undefined && (typeof value !== "string" || !MONTH.test(value))) {
    throw new InputError(field, `incorrect month format ${JSON.stringify(value)}, should be YYYY-MM`);
  }
}

/** At most `max` items (NeuroIO takes at most 100 pids per group add/remove). */
export function checkMaxItems(field: string, list: readonly unknown[] | undefined, max: number): void {
  if (list !== undefined && list.length > max) {
    throw new InputError(field, `at most ${max} items per request, got ${list.length}`);
  }
}

/** Every given value is one of the spec's enum values. */
export function checkEnum<T>(field: string, value: T | readonly T[] | undefined, allowed: readonly T[]): void {
  if (value === undefined || value === null) return;
  for (const item of Array.isArray(value) ? value : [value as T]) {
    if (!allowed.includes(item)) {
      throw new InputError(field, `unknown value ${JSON.stringify(item)}; expected one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`);
    }
  }
}

/** A required value is present (JavaScript callers can leave anything out). */
export function checkRequired(field: string, value: unknown): void {
  if (value === undefined || value === null || value === "") throw new InputError(field, "is required");
}

// The spec's enums by the wire names that carry them: across NeuroIO one name always means
// one enum (a `result` filter, a notification's `results`, a compare `result` level, …).
const ENUMS: Record<string, readonly unknown[]> = {
  result: entryResultValues,
  results: entryResultValues,
  store_images_for_results: entryResultValues,
  mood: moodValues,
  moods: moodValues,
  liveness: livenessValues,
  sex: sexValues,
  http_method: httpMethodValues,
  event_types: billingEventTypeValues,
};

/** Every enum-valued field of a query or body holds the spec's values. */
export function checkEnums(input: unknown): void {
  if (typeof input !== "object" || input === null || input instanceof FormData) return;
  for (const [field, value] of Object.entries(input)) {
    const allowed = ENUMS[field];
    if (allowed) checkEnum(field, value, allowed);
  }
}
