/**
 * The stand-in's face recognition: deterministic, from the decoded pixels. There is no
 * face detector; a decodable photo with some contrast "shows one face" filling the frame.
 *
 * - Uploads are decoded (PNG with pngjs, JPEG with jpeg-js). Anything else, or a corrupt
 *   image, is not an image (400); a photo of one flat colour has no face (400).
 * - The photo is normalised (grey levels, scaled to 32×32 by area averaging) and its
 *   low-frequency DCT coefficients (the 8×8 corner without the mean, as a perceptual hash
 *   takes them) are its **signature**. Brightness, contrast, re-encoding and resizing
 *   barely move it, so the same photo re-encoded or slightly resized is the same face.
 * - Similarity maps the angle between two signatures to 0–100 (`SIMILARITY`): re-encoded
 *   and resized photos score above 85 (`exact`), different photos below 52 (`nm`), and
 *   `similarFace(photo, percent)` makes a photo that scores `percent`, so `ha` and `junk`
 *   (or any level under any thresholds) can be produced on purpose.
 * - Age, sex, mood, exposure, pan and tilt derive from the signature (stable under the same
 *   transformations). The face size is not measured: 30000–49999 from the signature,
 *   above the default facesize thresholds (25000).
 */
import { createHash } from "node:crypto";
import { inflateSync } from "node:zlib";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
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
  /** SHA-256 of the uploaded bytes, hex: names the upload (entry image URLs). */
  id: string;
  /** The perceptual signature (unit length): what identifies the face. */
  signature: Float64Array;
  /** Face area in pixels. */
  size: number;
  age: number;
  sex: Sex;
  mood: Mood;
  exposure: number;
  pan: number;
  tilt: number;
}

/** Raised for an upload that is not a decodable image, or shows no face. */
export class ImageError extends Error {}

export const NOT_AN_IMAGE = "Upload a valid image. The file you uploaded was either not an image or a corrupted image.";
export const NO_FACE = "No face found in the image.";

/** Decoded pixels: RGBA, 4 bytes a pixel. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

// Limits for decoding. A compressed image can declare far more pixels than its bytes
// suggest (a 50 KB PNG of 20000×20000 decodes to 1.6 GB), so the declared size is checked
// before decoding: 25 megapixels is a 6000×4000 camera photo, 100 MB of RGBA.
const MAX_MEGAPIXELS = 25;
const MAX_DECODE_MB = 512;

/** Decodes a PNG or JPEG (by its signature bytes), or throws ImageError. */
export function decodeImage(bytes: Uint8Array): Pixels {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = declaredSize(buffer);
  if (declared && declared.width * declared.height > MAX_MEGAPIXELS * 1e6) {
    throw new ImageError(`The image is too large: ${declared.width}×${declared.height} pixels, at most ${MAX_MEGAPIXELS} megapixels.`);
  }
  try {
    if (isPng(buffer)) {
      const layout = pngLayout(buffer);
      if (layout === undefined) throw new ImageError(NOT_AN_IMAGE);
      // pngjs inflates an interlaced image without a limit: first inflate it here, within what its size allows.
      if (layout.interlaced) inflateSync(Buffer.concat(layout.data), { maxOutputLength: layout.rawBytes });
      const png = PNG.sync.read(buffer);
      return { width: png.width, height: png.height, data: png.data };
    }
    if (isJpeg(buffer)) {
      const image = jpeg.decode(buffer, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: MAX_DECODE_MB });
      return { width: image.width, height: image.height, data: image.data };
    }
  } catch {
    // A corrupt image is not an image either.
  }
  throw new ImageError(NOT_AN_IMAGE);
}

/** Samples a pixel by PNG colour type: grey, RGB, palette, grey and alpha, RGBA. */
const SAMPLES: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * A PNG's header and image data, from its chunks (each length 4, type 4, data, CRC 4):
 * undefined unless it has exactly one header (pngjs would take a second one, declaring any
 * size) and every chunk fits. `rawBytes`: the most its image data can inflate to (each row
 * a filter byte, an interlaced image's seven passes up to two rows more per eight).
 */
function pngLayout(buffer: Buffer): { width: number; height: number; interlaced: boolean; rawBytes: number; data: Buffer[] } | undefined {
  let header: { width: number; height: number; interlaced: boolean; rawBytes: number } | undefined;
  const data: Buffer[] = [];
  for (let at = 8; at + 12 <= buffer.length; ) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString("latin1", at + 4, at + 8);
    if (at + 12 + length > buffer.length) return undefined;
    if (type === "IHDR") {
      if (header !== undefined || length < 13) return undefined;
      const [width, height, depth, colour, interlace] = [buffer.readUInt32BE(at + 8), buffer.readUInt32BE(at + 12), buffer[at + 16]!, buffer[at + 17]!, buffer[at + 20]!];
      const rowBytes = Math.ceil((width * depth * (SAMPLES[colour] ?? 4)) / 8) + 1;
      header = { width, height, interlaced: interlace !== 0, rawBytes: interlace === 0 ? rowBytes * height : rowBytes * height + 4 * height + 64 };
    } else if (type === "IDAT") data.push(buffer.subarray(at + 8, at + 8 + length));
    else if (type === "IEND") break;
    at += 12 + length;
  }
  return header && { ...header, data };
}

/** The media type of an image the stand-in decoded (uploads are PNG or JPEG, by their bytes). */
export function imageType(bytes: Uint8Array): "image/png" | "image/jpeg" {
  return bytes[0] === 0x89 ? "image/png" : "image/jpeg";
}

const isPng = (buffer: Buffer) => buffer.length > 8 && buffer.readUInt32BE(0) === 0x89504e47;
const isJpeg = (buffer: Buffer) => buffer.length > 3 && buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff;

/** The width and height a PNG (IHDR) or JPEG (SOF marker) header declares; undefined when there is none to read. */
function declaredSize(buffer: Buffer): { width: number; height: number } | undefined {
  if (isPng(buffer)) return pngLayout(buffer);
  if (!isJpeg(buffer)) return undefined;
  // JPEG: segments after SOI (FF D8), each FF, marker, 2-byte length; a frame header (SOF0–SOF15
  // but DHT C4, JPG C8 and DAC CC) holds precision (1), height (2), width (2).
  for (let at = 2; at + 9 <= buffer.length && buffer[at] === 0xff; at += 2 + buffer.readUInt16BE(at + 2)) {
    const marker = buffer[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: buffer.readUInt16BE(at + 7), height: buffer.readUInt16BE(at + 5) };
    }
  }
  return undefined;
}

const GRID = 32;
const BAND = 8;

/** Grey levels (0–255, transparent parts white) scaled to GRID×GRID by area averaging. */
function normalise({ width, height, data }: Pixels): Float64Array {
  const out = new Float64Array(GRID * GRID);
  for (let gy = 0; gy < GRID; gy++) {
    const y0 = Math.floor((gy * height) / GRID);
    const y1 = Math.max(y0 + 1, Math.floor(((gy + 1) * height) / GRID));
    for (let gx = 0; gx < GRID; gx++) {
      const x0 = Math.floor((gx * width) / GRID);
      const x1 = Math.max(x0 + 1, Math.floor(((gx + 1) * width) / GRID));
      let sum = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = (Math.min(y, height - 1) * width + Math.min(x, width - 1)) * 4;
          const alpha = data[i + 3]! / 255;
          const grey = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
          sum += grey * alpha + 255 * (1 - alpha);
        }
      }
      out[gy * GRID + gx] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}

const COS = (() => {
  const table = new Float64Array(BAND * GRID);
  for (let u = 0; u < BAND; u++) for (let x = 0; x < GRID; x++) table[u * GRID + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * GRID));
  return table;
})();

/** The BAND×BAND low-frequency DCT-II coefficients of a grey grid, without the mean (u = v = 0). */
function coefficientsOf(grey: Float64Array): Float64Array {
  const out = new Float64Array(BAND * BAND - 1);
  for (let v = 0; v < BAND; v++) {
    for (let u = 0; u < BAND; u++) {
      if (u === 0 && v === 0) continue;
      let sum = 0;
      for (let y = 0; y < GRID; y++) {
        const cy = COS[v * GRID + y]!;
        for (let x = 0; x < GRID; x++) sum += grey[y * GRID + x]! * COS[u * GRID + x]! * cy;
      }
      out[v * BAND + u - 1] = sum;
    }
  }
  return out;
}

const norm = (v: Float64Array) => Math.sqrt(v.reduce((sum, c) => sum + c * c, 0));
const dot = (a: Float64Array, b: Float64Array) => a.reduce((sum, c, i) => sum + c * b[i]!, 0);

// Below this coefficient norm a photo is one flat colour (give or take compression noise).
const FLAT = 200;

/** The unit-length signature of decoded pixels; undefined for a flat image (no face). */
function signatureOf(pixels: Pixels): Float64Array | undefined {
  const coefficients = coefficientsOf(normalise(pixels));
  const length = norm(coefficients);
  return length < FLAT ? undefined : coefficients.map((c) => c / length);
}

// Real moods only: `nm`/`det` are what the platform reports when it could not estimate one.
const MOODS: readonly Mood[] = moodValues.filter((mood) => mood !== "nm" && mood !== "det");

/** The face in an image, or ImageError when it is not a decodable image or shows no face. */
export function faceOf(bytes: Uint8Array): Face {
  const signature = signatureOf(decodeImage(bytes));
  if (!signature) throw new ImageError(NO_FACE);
  const id = createHash("sha256").update(bytes).digest("hex");
  // Stable traits: each from the angle of a pair of strong, low-frequency coefficients,
  // which re-encoding or resizing moves by a fraction of a degree.
  const turn = (a: number, b: number) => (Math.atan2(signature[b]!, signature[a]!) / (2 * Math.PI) + 1) % 1;
  return {
    id,
    signature,
    size: 30_000 + Math.floor(turn(0, 7) * 20_000),
    age: 18 + Math.floor(turn(1, 8) * 50),
    sex: (signature[0]! + signature[7]! >= 0 ? 1 : 0) as Sex,
    mood: MOODS[Math.floor(turn(8, 1) * MOODS.length)]!,
    exposure: round(0.35 + turn(2, 9) * 0.55, 2),
    pan: round((turn(0, 1) * 2 - 1) * 20, 1),
    tilt: round((turn(7, 8) * 2 - 1) * 12, 1),
  };
}

/**
 * Similarity in percent from the angle between two signatures, piecewise linear through
 * these points (degrees → percent). The default thresholds (79.3 / 75.5 / 68.84) fall at
 * 8°, 11° and 14°: a photo re-encoded or resized by a few percent moves less than 5°
 * (above 85%), while photos of different faces are 19° apart and more (below 52%, most
 * of them 25–45%).
 */
const SIMILARITY: ReadonlyArray<readonly [degrees: number, percent: number]> = [
  [0, 100],
  [8, 79.3],
  [11, 75.5],
  [14, 68.84],
  [20, 50],
  [180, 0],
];

function percentAt(degrees: number): number {
  for (let i = 1; i < SIMILARITY.length; i++) {
    const [d1, p1] = SIMILARITY[i]!;
    const [d0, p0] = SIMILARITY[i - 1]!;
    if (degrees <= d1) return p0 + ((degrees - d0) / (d1 - d0)) * (p1 - p0);
  }
  return 0;
}

function degreesAt(percent: number): number {
  for (let i = 1; i < SIMILARITY.length; i++) {
    const [d1, p1] = SIMILARITY[i]!;
    const [d0, p0] = SIMILARITY[i - 1]!;
    if (percent >= p1) return d0 + ((p0 - percent) / (p0 - p1)) * (d1 - d0);
  }
  return 180;
}

/** Similarity of two faces in percent (symmetric; 100 for the same upload). */
export function similarity(a: Face, b: Face): number {
  if (a.id === b.id) return 100;
  const cosine = Math.max(-1, Math.min(1, dot(a.signature, b.signature)));
  return round(percentAt((Math.acos(cosine) * 180) / Math.PI), 2);
}

/**
 * A photo of the same face that the stand-in scores at about `percent` against `photo`
 * (±0.5; e.g. 77 for an `ha` match at the default thresholds, 72 for `junk`), as PNG bytes.
 * It is the photo at lower contrast with a faint pattern laid over it, chosen to move the
 * signature by exactly the angle that similarity stands for.
 */
export function similarFace(photo: Uint8Array, percent: number): Uint8Array {
  if (!(percent > 0 && percent <= 100)) throw new RangeError(`percent must be in (0, 100], got ${percent}`);
  const pixels = decodeImage(photo);
  const own = coefficientsOf(normalise(pixels));
  if (norm(own) < FLAT) throw new ImageError(NO_FACE);
  // Lower contrast first so the pattern rarely pushes a pixel out of 0–255.
  const CONTRAST = 0.5;
  const target = (degreesAt(percent) * Math.PI) / 180;
  // A fixed direction orthogonal to the face's signature, as long as tan(angle) times it.
  const random = createHash("sha256").update("similarFace").update(photo).digest();
  let direction = own.map((_, i) => Math.sin(random[i % random.length]! * 12.9898 + i * 78.233));
  direction = direction.map((c, i) => c - (dot(direction, own) / dot(own, own)) * own[i]!);
  const scale = (Math.tan(target) * norm(own) * CONTRAST) / norm(direction);
  // The pattern on the 32×32 grid whose coefficients are `direction * scale` (inverse DCT).
  const pattern = new Float64Array(GRID * GRID);
  for (let v = 0; v < BAND; v++) {
    for (let u = 0; u < BAND; u++) {
      if (u === 0 && v === 0) continue;
      const a = (direction[v * BAND + u - 1]! * scale) / ((u === 0 ? GRID : GRID / 2) * (v === 0 ? GRID : GRID / 2));
      for (let y = 0; y < GRID; y++) for (let x = 0; x < GRID; x++) pattern[y * GRID + x]! += a * COS[u * GRID + x]! * COS[v * GRID + y]!;
    }
  }
  const { width, height, data } = pixels;
  let mean = 0;
  for (let i = 0; i < data.length; i += 4) mean += (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
  mean /= width * height;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const shift = pattern[Math.floor((y * GRID) / height) * GRID + Math.floor((x * GRID) / width)]!;
      const i = (y * width + x) * 4;
      for (let k = 0; k < 3; k++) out[i + k] = Math.max(0, Math.min(255, Math.round(mean + (data[i + k]! - mean) * CONTRAST + shift)));
      out[i + 3] = 255;
    }
  }
  return encodePng({ width, height, data: out });
}

/** PNG bytes of RGBA pixels. */
export function encodePng(pixels: Pixels): Uint8Array {
  const png = new PNG({ width: pixels.width, height: pixels.height });
  png.data = Buffer.from(pixels.data);
  return new Uint8Array(PNG.sync.write(png));
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
