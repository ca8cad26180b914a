/**
 * The stand-in's face recognition: deterministic, from the image bytes alone. There is no
 * image decoding; any non-empty upload "shows one face", and everything about that face is
 * derived from a SHA-256 of the bytes:
 *
 * - identical bytes are the same face (similarity 100);
 * - two different images score a fixed pseudo-random similarity between 20 and 65, below
 *   the default `junk` threshold (68.84), so by default they never match. Lower the space's
 *   thresholds (`settings.update`) to make different images match at `junk`/`ha`/`exact`;
 * - face size, age, sex, mood, exposure, pan and tilt are fixed per image. Face sizes are
 *   30000–49999, above the default facesize thresholds (25000), so uploads pass them
 *   unless a caller asks for a larger `facesize`.
 */
import { createHash } from "node:crypto";
import { moodValues, type components } from "../generated/schema";

type Mood = components["schemas"]["Mood"];
type Sex = components["schemas"]["Sex"];
export type MatchLevel = "exact" | "ha" | "junk" | "nm";

export interface Thresholds {
  exact: number;
  ha: number;
  junk: number;
}

export interface Face {
  /** SHA-256 of the image bytes, hex: the face's identity. */
  id: string;
  /** Face area in pixels. */
  size: number;
  age: number;
  sex: Sex;
  mood: Mood;
  exposure: number;
  pan: number;
  tilt: number;
}

// Real moods only: `nm`/`det` are what the platform reports when it could not estimate one.
const MOODS: readonly Mood[] = moodValues.filter((mood) => mood !== "nm" && mood !== "det");

export function faceOf(bytes: Uint8Array): Face {
  const id = createHash("sha256").update(bytes).digest("hex");
  const h = Buffer.from(id, "hex");
  return {
    id,
    size: 30_000 + (h.readUInt16BE(0) % 20_000),
    age: 18 + (h[2]! % 50),
    sex: (h[3]! % 2) as Sex,
    mood: MOODS[h[4]! % MOODS.length]!,
    exposure: round(0.35 + (h[5]! / 255) * 0.55, 2),
    pan: round(((h[6]! / 255) * 2 - 1) * 20, 1),
    tilt: round(((h[7]! / 255) * 2 - 1) * 12, 1),
  };
}

/** Similarity of two faces in percent: 100 for the same face, 20–65 otherwise (symmetric). */
export function similarity(a: Face, b: Face): number {
  if (a.id === b.id) return 100;
  const [x, y] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
  const h = createHash("sha256").update(`${x}:${y}`).digest();
  return round(20 + (h.readUInt32BE(0) / 0xffffffff) * 45, 2);
}

/** The level a similarity reaches under a space's thresholds. */
export function levelOf(score: number, t: Thresholds): MatchLevel {
  if (score >= t.exact) return "exact";
  if (score >= t.ha) return "ha";
  if (score >= t.junk) return "junk";
  return "nm";
}

const RANK: Record<MatchLevel, number> = { exact: 3, ha: 2, junk: 1, nm: 0 };

/** True when `level` is at least as strict as `required` (`exact` > `ha` > `junk`). */
export function reaches(level: MatchLevel, required: "exact" | "ha" | "junk"): boolean {
  return RANK[level] >= RANK[required];
}

/** A number derived from an image, for stand-in values that must not change between runs. */
export function digestNumber(bytes: Uint8Array, salt: string): number {
  return createHash("sha256").update(salt).update(bytes).digest().readUInt32BE(0);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
