/**
 * The stand-in's control endpoints, outside the API's paths (under `/_mock/`), for
 * scripts, pages and shells that cannot call the server object:
 *
 *     POST /_mock/camera                          a camera sees a face: records an entry
 *          JSON {source: id|name, image?: base64 or data: URL, seed?: string,
 *                as?: exact|ha|junk|nm|det, liveness?: passed|failed|undetermined}
 *          → 201 the Entry (`seed` draws a sample face instead of `image`); `as` exact,
 *          ha or junk needs the person made from the photo in the source's space: an
 *          outcome the stand-in cannot produce is a 400 naming `as`
 *     GET  /_mock/notifications/{id}/deliveries   a notification's webhook delivery log
 *
 * Both take the same `Authorization: Token <key>` as the API and only reach what that
 * token can see. Errors come back as NeuroIO's ErrorBody.
 */
import type { IncomingMessage } from "node:http";
import { readAll } from "./body";
import { livenessValues, type components } from "../generated/schema";
import { CAMERA_OUTCOMES, CameraInputError, simulateCamera, type CameraOutcome } from "./camera";
import { ImageError } from "./faces";
import { failure, HttpError, invalid, invalidToken, type Reply } from "./handlers/common";
import { drawFace } from "./sample-faces";
import type { Store } from "./state";
import type { Webhooks } from "./webhooks";

// A 6 MiB photo as base64, and the rest of the JSON.
const MAX_BODY_BYTES = 9 * 1024 * 1024;

export async function handleControl(store: Store, webhooks: Webhooks, req: IncomingMessage, path: string[]): Promise<Reply> {
  try {
    const header = req.headers["authorization"] ?? "";
    const caller = store.authenticate(/^Token\s+(\S+)\s*$/i.exec(header)?.[1] ?? "");
    const [what, id, sub] = path;
    if (req.method === "POST" && what === "camera" && id === undefined) {
      const body = await readJson(req);
      if (!caller) throw invalidToken();
      return { status: 201, body: camera(store, body, caller.visible) };
    }
    req.resume();
    if (req.method === "GET" && what === "notifications" && sub === "deliveries" && path.length === 3) {
      if (!caller) throw invalidToken();
      const notification = store.notifications.get(Number(id));
      if (!notification || !caller.visible.has(notification.spaceId)) throw failure(404, "Not found.");
      return { status: 200, body: webhooks.log(notification.data.id) };
    }
    throw failure(404, `Not found: ${req.method} /_mock/${path.join("/")}. Control endpoints: POST /_mock/camera, GET /_mock/notifications/{id}/deliveries.`);
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, body: error.body };
    throw error;
  }
}

function camera(store: Store, body: Record<string, unknown>, visible: Set<number>) {
  const { source, image, seed, as, liveness } = body;
  if (typeof source !== "number" && (typeof source !== "string" || source === "")) throw invalid(["source", "A source id or name is required."]);
  if (as !== undefined && !CAMERA_OUTCOMES.includes(as as CameraOutcome)) throw invalid(["as", `Not a valid choice; expected one of ${CAMERA_OUTCOMES.join(", ")}.`]);
  if (liveness !== undefined && !livenessValues.includes(liveness as never)) throw invalid(["liveness", `Not a valid choice; expected one of ${livenessValues.join(", ")}.`]);
  let bytes: Uint8Array;
  if (typeof image === "string" && image !== "") bytes = Buffer.from(image.replace(/^data:[^,]*,/, ""), "base64");
  else if (typeof seed === "string" && seed !== "") bytes = drawFace(seed);
  else throw invalid(["image", "Send a photo (base64) as image, or a seed to draw one."]);
  if (![...store.sources.values()].some((s) => (s.id === source || s.name === source) && visible.has(s.spaceId))) {
    throw invalid(["source", "Source with this name does not exist."]);
  }
  try {
    return simulateCamera(store, { source, image: bytes, as: as as CameraOutcome | undefined, liveness: liveness as components["schemas"]["Liveness"] | undefined }, visible);
  } catch (error) {
    if (error instanceof ImageError) throw invalid(["image", error.message]);
    if (error instanceof CameraInputError) throw invalid([error.field, error.message]);
    throw error;
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readAll(req, MAX_BODY_BYTES);
  try {
    const body: unknown = JSON.parse(raw.toString("utf8"));
    if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // Answered below.
  }
  throw failure(400, "The body must be a JSON object.");
}
