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
 * `junk`). `det` sees the face too small to identify.
 */
import type { components } from "../generated/schema";
import { similarFace } from "./faces";
import type { SourceRecord, Store } from "./state";

type S = components["schemas"];
export type CameraOutcome = "exact" | "ha" | "junk" | "nm" | "det";

export interface CameraInput {
  /** The source's id or name. */
  source: number | string;
  /** A PNG or JPEG photo showing the face. */
  image: Uint8Array;
  /** The outcome to produce on purpose; left out, the photo decides. */
  as?: CameraOutcome;
  /** The liveness outcome, for a source with `auto_check_liveness` (default `passed`). */
  liveness?: S["Liveness"];
}

export const CAMERA_OUTCOMES: readonly CameraOutcome[] = ["exact", "ha", "junk", "nm", "det"];

/** Records the entry a source's camera makes of a photo, and returns it. */
export function simulateCamera(store: Store, input: CameraInput, visible?: Set<number>): S["Entry"] {
  const source = findSource(store, input.source, visible);
  if (input.as !== undefined && !CAMERA_OUTCOMES.includes(input.as)) throw new Error(`as must be one of ${CAMERA_OUTCOMES.join(", ")}`);
  const t = store.spaces.get(source.spaceId)!.thresholds;
  const target: Partial<Record<CameraOutcome, number>> = {
    exact: Math.min(99, (t.exact + 100) / 2),
    ha: (t.ha + t.exact) / 2,
    junk: (t.junk + t.ha) / 2,
    nm: Math.max(1, t.junk - 15),
  };
  const percent = input.as === undefined ? undefined : target[input.as];
  const image = percent === undefined ? input.image : similarFace(input.image, percent);
  return store.simulateStreamFace({
    sourceId: source.id,
    image,
    contentType: image[0] === 0x89 ? "image/png" : "image/jpeg",
    liveness: input.liveness,
    facesize: input.as === "det" ? Math.max(0, source.settings.identify_facesize_threshold - 1) : undefined,
  });
}

function findSource(store: Store, source: number | string, visible?: Set<number>): SourceRecord {
  const found = [...store.sources.values()].find(
    (s) => (typeof source === "number" ? s.id === source : s.name === source) && (!visible || visible.has(s.spaceId)),
  );
  if (!found) throw new Error(`no source ${JSON.stringify(source)}${visible ? " visible to this token" : ""}`);
  return found;
}
