/**
 * Camera simulation: what a source's camera stream would record when it sees a face in a
 * photo (the platform's stream ingestion has no HTTP API). `simulateCamera` records and
 * publishes one entry (events feed and webhooks included), processed as the platform does:
 * `det` for a face smaller than the source's `identify_facesize_threshold`, otherwise the
 * match level among the persons of the source's space (`exact`/`ha`/`junk`/`nm`), or `new`
 * when the source's `auto_create_*` settings create a person.
 *
 * `as` picks the outcome on purpose: the camera sees the photo altered (`similarFace`) to
 * score in the middle of that level's band of the space's thresholds against the photo
 * itself, so against the person created from it: `exact`, `ha`, `junk` or `nm` (below
 * `junk`). `det` sees the face too small to identify. A match (`exact`, `ha`, `junk`)
 * needs that person in the source's space. A level the photo would not reach against the
 * space's persons (no person made from the photo there, or another who matches it better)
 * or that the thresholds leave no score the stand-in can make (`ha` when `exact` is 0) is a
 * CameraInputError naming `as`, not an entry of another level. (A source whose `auto_create_*`
 * settings create a person records `nm` as `new`, as the platform does.)
 */
import { entryResultValues, type components } from "../generated/schema";
import { decodeImage, encodePng, faceOf, levelOf, similarFace, similarity, type Thresholds } from "./faces";
import type { SourceRecord, Store } from "./state";

type S = components["schemas"];
/** Every entry result but `new` (the source's `auto_create_*` settings decide it) and `reinit` (persons.reinit makes it). */
export type CameraOutcome = Exclude<S["EntryResult"], "new" | "reinit">;

export interface CameraInput {
  /** The source's id or name. */
  source: number | string;
  /** A PNG or JPEG photo showing the face. */
  image: Uint8Array;
  /**
   * The outcome to produce on purpose; left out, the photo decides. `exact`, `ha` and
   * `junk` match the person made from this photo, who must be in the source's space (else
   * a CameraInputError naming `as`); `nm` and `det` need no person.
   */
  as?: CameraOutcome;
  /** The liveness outcome, for a source with `auto_check_liveness` (default `passed`). */
  liveness?: S["Liveness"];
}

export const CAMERA_OUTCOMES: readonly CameraOutcome[] = entryResultValues.filter((r): r is CameraOutcome => r !== "new" && r !== "reinit");

/** A camera input the stand-in cannot act on; `field` names it (`POST /_mock/camera` answers 400 naming it). */
export class CameraInputError extends Error {
  constructor(
    readonly field: keyof CameraInput,
    message: string,
  ) {
    super(message);
  }
}

/** Records the entry a source's camera makes of a photo, and returns it. */
export function simulateCamera(store: Store, input: CameraInput, visible?: Set<number>): S["Entry"] {
  const source = findSource(store, input.source, visible);
  if (input.as !== undefined && !CAMERA_OUTCOMES.includes(input.as)) throw new CameraInputError("as", `as must be one of ${CAMERA_OUTCOMES.join(", ")}`);
  const thresholds = store.spaces.get(source.spaceId)!.thresholds;
  const image = input.as === undefined || input.as === "det" ? input.image : photoScoring(input.image, input.as, thresholds);
  if (input.as !== undefined && input.as !== "det") {
    // The photo scores the level against itself; the entry is the best match among the
    // space's persons, which is another level when none was made from the photo (or
    // another outscores that one). Checked before anything is recorded.
    const { person, score } = store.bestMatch(faceOf(image), new Set([source.spaceId]));
    const level = person ? levelOf(score, thresholds) : "nm";
    const space = `the space of source ${JSON.stringify(source.name)}`;
    if (level !== input.as) {
      throw new CameraInputError(
        "as",
        level === "nm"
          ? `as ${input.as} needs a person made from this photo in ${space} to match, and there is none (create one from the photo first)`
          : `as ${input.as}: the photo would be ${level} against the persons of ${space}: another person there matches it better`,
      );
    }
  }
  return store.simulateStreamFace({
    sourceId: source.id,
    image,
    liveness: input.liveness,
    facesize: input.as === "det" ? Math.max(0, source.settings.identify_facesize_threshold - 1) : undefined,
  });
}

/**
 * A photo of the face that reaches `level` against `photo` under the thresholds. First the
 * photo altered to score in the middle of the level's band; `similarFace` only makes
 * scores from about 35 to 98, so then the photo itself (100) and its negative (0, the
 * opposite signature), which reach the bands at either end. Each is checked, as the
 * thresholds may leave a level no score, or only one no photo here reaches (e.g. `ha` at
 * 10–20): that is a CameraInputError naming `as`, never a wrong entry.
 */
function photoScoring(photo: Uint8Array, level: Exclude<CameraOutcome, "det">, t: Thresholds): Uint8Array {
  const target: Record<typeof level, number> = {
    exact: Math.min(99, (t.exact + 100) / 2),
    ha: (t.ha + t.exact) / 2,
    junk: (t.junk + t.ha) / 2,
    nm: Math.max(1, t.junk - 15),
  };
  const own = faceOf(photo);
  const candidates = [() => (target[level] > 0 && target[level] <= 100 ? similarFace(photo, target[level]) : undefined), () => photo, () => negative(photo)];
  for (const candidate of candidates) {
    const image = candidate();
    if (image && levelOf(similarity(faceOf(image), own), t) === level) return image;
  }
  throw new CameraInputError("as", `No photo the stand-in can make is ${level} under the space's thresholds (exact ${t.exact}, ha ${t.ha}, junk ${t.junk}).`);
}

/** The photo with every colour inverted: its signature is the photo's, negated (similarity 0). */
function negative(photo: Uint8Array): Uint8Array {
  const pixels = decodeImage(photo);
  return encodePng({ ...pixels, data: pixels.data.map((value, i) => (i % 4 === 3 ? value : 255 - value)) });
}

function findSource(store: Store, source: number | string, visible?: Set<number>): SourceRecord {
  const found = [...store.sources.values()].find(
    (s) => (typeof source === "number" ? s.id === source : s.name === source) && (!visible || visible.has(s.spaceId)),
  );
  if (!found) throw new CameraInputError("source", `no source ${JSON.stringify(source)}${visible ? " visible to this token" : ""}`);
  return found;
}
