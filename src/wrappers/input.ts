import { InputError, redact } from "./errors";
import type { FieldSpec, OperationSpec, SchemaSpec } from "./operation";

/**
 * The one input checker: every field of a call against the constraints the document gives
 * it (src/generated/operations.ts), before anything is sent. It reads the keywords and
 * formats the document uses (CONSTRAINTS and FORMATS in scripts/operations.mjs, which
 * refuses any other). TypeScript callers mostly cannot get these wrong; JavaScript callers
 * and values computed at run time can.
 */
export function checkInput(operation: string, spec: OperationSpec, input: unknown): void {
  const fail = (field: string, problem: string): never => {
    throw new InputError(field, problem, operation);
  };
  // Not an array, Map or Set (iterable), nor a Date: they have no fields, and would pass as none given.
  if (input !== undefined && (typeof input !== "object" || input === null || Symbol.iterator in input || input instanceof Date)) {
    fail("input", `expected an object of fields, got ${describeValue(input)}`);
  }
  const given = (input ?? {}) as Record<string, unknown>;
  checkNames(given, spec.input, `a field of ${operation}`, operation);
  for (const [name, field] of Object.entries(spec.input)) {
    // Own fields only, as they are sent (one from a prototype, a getter of a class, is not).
    const value = Object.prototype.propertyIsEnumerable.call(given, name) ? given[name] : undefined;
    // A secret's problem is told without its value (a password given as a number, say);
    // an object's description names only its kind.
    const failField: Fail = field.secret && typeof value !== "object" ? (at, problem) => fail(at, redact(problem, [describeValue(value)])) : fail;
    if (value === undefined) {
      if (field.required) failField(name, "is required");
      continue;
    }
    if (value === null && !nullable(field.schema)) failField(name, field.required ? "is required" : "must not be null");
    if (field.in === "path") checkPathSegment(name, field, value, failField);
    // Any other field is in the body, or in the query when the operation takes no body.
    else if (field.schema.format !== "binary") check(name, field.schema, value, failField, spec.body === undefined);
  }
}

/**
 * Refuses a name in `given` that is not a key of `known` (`what` it would be: "a field of
 * sources.list", "an option of the client"), whatever its value: a misspelt field would be
 * dropped without a word, a misspelt option (`timeout`) leave the default in force.
 */
export function checkNames(given: object, known: object, what: string, operation?: string): void {
  for (const name of Object.keys(given)) {
    if (Object.hasOwn(known, name)) continue;
    const names = Object.keys(known);
    throw new InputError(name, `is not ${what}${names.length ? `; expected ${names.join(", ")}` : " (it takes no input)"}`, operation);
  }
}

type Fail = (field: string, problem: string) => never;

/**
 * A path parameter fills one segment of the path: an integer id must be an integer, and a
 * string must not be empty, `.` or `..` (raw or percent-encoded), which would make the
 * request reach another endpoint.
 */
function checkPathSegment(name: string, field: FieldSpec, value: unknown, fail: Fail): void {
  if (typeof value === "string") {
    if (!allows(field.schema, "string")) fail(name, `expected an integer id, got ${describeValue(value)}`);
    if (value.trim() === "") fail(name, "must not be empty");
    let decoded = value;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      // Not an escape sequence: sent percent-encoded as it is.
    }
    if (decoded === "." || decoded === "..") fail(name, `${describeValue(value)} is not a valid path segment`);
  }
  check(name, field.schema, value, fail, false);
}

// In u-mode \p{Cs} matches only a surrogate without its pair: a string that is not well-formed UTF-16.
export const LONE_SURROGATE = /\p{Cs}/u;
export const NOT_UNICODE = "contains a lone UTF-16 surrogate (not valid Unicode text)";

function allows(schema: SchemaSpec, type: string): boolean {
  if (schema.anyOf) return schema.anyOf.some((s) => allows(s, type));
  const types = typeOf(schema);
  return types.length === 0 || types.includes(type) || (type === "integer" && types.includes("number"));
}

function typeOf(schema: SchemaSpec): readonly string[] {
  return schema.type === undefined ? [] : typeof schema.type === "string" ? [schema.type] : schema.type;
}

function nullable(schema: SchemaSpec): boolean {
  return typeOf(schema).includes("null") || (schema.enum?.includes(null) ?? false) || (schema.anyOf?.some(nullable) ?? false);
}

/** Checks one value against its schema; `query` allows Date for date-time strings. */
function check(field: string, schema: SchemaSpec, value: unknown, fail: Fail, query: boolean): void {
  if (schema.anyOf) {
    const problems: string[] = [];
    for (const option of schema.anyOf) {
      try {
        check(field, option, value, fail, query);
        return;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push(error.problem);
      }
    }
    fail(field, [...new Set(problems)].join("; or ")); // an invalid Date fails each date form alike
  }
  if (value === null) {
    if (nullable(schema)) return;
    fail(field, "must not be null");
  }
  if (schema.enum && !schema.enum.includes(value as never)) {
    fail(field, `unknown value ${describeValue(value)}; expected one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  }
  const types = typeOf(schema).filter((t) => t !== "null");
  if (types.length === 0) return;
  const type = types.find((t) => matches(t, value, schema, query));
  if (type === undefined) fail(field, `expected ${types.map(article).join(" or ")}, got ${describeValue(value)}`);
  switch (type) {
    case "integer":
    case "number":
      return checkNumber(field, schema, value as number, fail);
    case "string":
      if (value instanceof Date) return; // checked valid by matches(); sent as ISO 8601
      return checkString(field, schema, value as string, fail);
    case "array":
      return checkArray(field, schema, value as unknown[], fail, query);
  }
}

function matches(type: string, value: unknown, schema: SchemaSpec, query: boolean): boolean {
  switch (type) {
    case "integer":
      return Number.isSafeInteger(value);
    case "number":
      return Number.isFinite(value); // false for anything but a number: no coercion
    case "string":
      return typeof value === "string" || (query && schema.format === "date-time" && isValidDate(value));
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

function checkNumber(field: string, schema: SchemaSpec, value: number, fail: Fail): void {
  if (schema.minimum !== undefined && value < schema.minimum) fail(field, `must be at least ${schema.minimum}, got ${value}`);
  if (schema.maximum !== undefined && value > schema.maximum) fail(field, `must be at most ${schema.maximum}, got ${value}`);
}

// Formats whose wrong values the server would refuse anyway; checked here so that the
// caller learns which field before anything is sent. The stand-in checks them the same way.
export const FORMATS: Record<string, (value: string) => boolean> = {
  // RFC 3339 (a space for the `T` allowed, as Python's str(datetime) writes it); no offset
  // means UTC. Each part within its range: Date.parse rolls 2021-02-30 over to March 2.
  "date-time": (v) => {
    const m = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(?:Z|[+-](\d\d):?(\d\d))?$/i.exec(v);
    // No leap second (:60): the server's Python datetime has none.
    return m !== null && isDay(+m[1]!, +m[2]!, +m[3]!) && +m[4]! <= 23 && +m[5]! <= 59 && +(m[6] ?? 0) <= 59 && +(m[7] ?? 0) <= 23 && +(m[8] ?? 0) <= 59;
  },
  date: (v) => {
    const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(v);
    return m !== null && isDay(+m[1]!, +m[2]!, +m[3]!);
  },
  uri: (v) => URL.canParse(v),
};

/** A Date whose ISO 8601 form is a valid date-time: a time (not NaN) in years 1 to 9999. */
function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime()) && FORMATS["date-time"]!(value.toISOString());
}

/** A day of the Gregorian calendar, leap years included (RFC 3339 §5.7); year 0000 is refused, as Python's date refuses it. */
function isDay(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return year >= 1 && days !== undefined && day >= 1 && day <= days;
}

/**
 * A string is well-formed UTF-16 (a lone surrogate cannot be percent-encoded, and goes into
 * JSON as an escape the server cannot decode to text) and within the schema's constraints.
 */
function checkString(field: string, schema: SchemaSpec, value: string, fail: Fail): void {
  if (LONE_SURROGATE.test(value)) fail(field, NOT_UNICODE);
  // In characters, as JSON Schema (and the server) count them: an emoji is one, two UTF-16 units.
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength) {
    fail(field, schema.minLength === 1 ? "must not be empty" : `must be at least ${schema.minLength} characters long`);
  }
  if (schema.maxLength !== undefined && length > schema.maxLength) fail(field, `must be at most ${schema.maxLength} characters long, got ${length}`);
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) {
    fail(field, `${describeValue(value)} does not match the pattern ${schema.pattern}`);
  }
  const format = schema.format && FORMATS[schema.format];
  if (format && !format(value)) fail(field, `${describeValue(value)} is not a valid ${schema.format}`);
}

function checkArray(field: string, schema: SchemaSpec, value: unknown[], fail: Fail, query: boolean): void {
  if (schema.minItems !== undefined && value.length < schema.minItems) fail(field, `needs at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"}`);
  if (schema.maxItems !== undefined && value.length > schema.maxItems) fail(field, `at most ${schema.maxItems} items per request, got ${value.length}`);
  if (schema.uniqueItems && new Set(value).size !== value.length) fail(field, "items must be unique");
  // Every index, a hole of a sparse array too (forEach would skip it, and JSON send it as null).
  if (schema.items) for (let i = 0; i < value.length; i++) check(`${field}[${i}]`, schema.items, value[i], fail, query);
}

function article(type: string): string {
  return { integer: "an integer", array: "an array", object: "an object" }[type] ?? `a ${type}`;
}

/** A short description of a caller's value for an error message (strings cut at 40 characters); the input and option checks share it. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return String(value);
  if (value instanceof Date) return isValidDate(value) ? "a Date" : "an invalid Date";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? (value.constructor?.name ?? "an object") : typeof value;
}
