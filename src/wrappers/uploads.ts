import { FILE_FIELDS } from "../generated/uploads";
import { InputError } from "./errors";
import { LONE_SURROGATE, NOT_UNICODE } from "./input";
import type { OperationId } from "./operation";

type Bytes = Blob | ArrayBuffer | ArrayBufferView;

/**
 * An image as a Node or browser user holds it: a Blob or File (also what Node's
 * `fs.openAsBlob(path)` returns, which streams from disk), bytes (Uint8Array, Buffer,
 * ArrayBuffer), or bytes with a file name and media type.
 */
export type ImageInput = Bytes | { data: Bytes; filename?: string | undefined; type?: string | undefined };

/** A multipart body type with its binary parts widened to every accepted image form. */
export type WithImages<Body> = { [K in keyof Body]: Body[K] extends Blob ? ImageInput : Body[K] };

/**
 * A multipart body as NeuroIO reads it, built before anything is sent: every file part is
 * there and the whole body fits the upload limit; text parts go out as NeuroIO reads them
 * (booleans as `true`/`false`). The boundary is left to fetch.
 */
export function toFormData(operation: OperationId, body: Record<string, unknown>, maxBytes: number): FormData {
  const accepted = FILE_FIELDS[operation] ?? {}; // file field → the media types it accepts
  const fileFields = Object.keys(accepted);
  const form = new FormData();
  let total = 0;
  let largest = { field: "", size: -1 };
  for (const field of fileFields) {
    if (body[field] === undefined || body[field] === null) throw new InputError(field, "an image is required", operation);
  }
  for (const [field, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    if (fileFields.includes(field)) {
      const { blob, filename } = toBlob(operation, field, value as ImageInput);
      checkMediaType(operation, field, blob.type, accepted[field]!);
      form.append(field, blob, filename);
      total += blob.size;
      if (blob.size > largest.size) largest = { field, size: blob.size };
    } else {
      const text = String(value);
      form.append(field, text);
      total += text.length;
    }
  }
  if (total > maxBytes) {
    throw new InputError(largest.field, `upload of ${total} bytes is over the ${maxBytes}-byte limit`, operation);
  }
  return form;
}

function toBlob(operation: string, field: string, input: ImageInput): { blob: Blob; filename: string } {
  const described = isDescribed(input) ? input : { data: input };
  // A misspelt key (`filname`) would be dropped without a word.
  for (const [key, value] of Object.entries(described)) {
    if (!Object.hasOwn(DESCRIBED_KEYS, key)) throw new InputError(`${field}.${key}`, "is not a key of an image; expected data, filename, type", operation);
    if (key !== "data" && value !== undefined && typeof value !== "string") throw new InputError(`${field}.${key}`, "must be a string", operation);
    if (typeof value === "string" && LONE_SURROGATE.test(value)) throw new InputError(`${field}.${key}`, NOT_UNICODE, operation);
  }
  const { data } = described;
  let blob: Blob;
  if (data instanceof Blob) blob = data;
  else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: described.type ?? sniff(bytes) });
  } else {
    throw new InputError(field, "expected a Blob, File, Uint8Array, Buffer, ArrayBuffer or { data, filename, type }", operation);
  }
  if (described.type && blob.type !== described.type) blob = blob.slice(0, blob.size, described.type);
  if (blob.size === 0) throw new InputError(field, "the image is empty", operation);
  const ownName = typeof File !== "undefined" && blob instanceof File ? blob.name : undefined;
  return { blob, filename: described.filename ?? ownName ?? `${field}${extension(blob.type)}` };
}

/**
 * A file whose media type is known (given as `type`, the Blob's own, or sniffed from the
 * bytes) must be one the document accepts for the field (`encoding.<field>.contentType`;
 * NeuroIO: image/jpeg, image/png). An unknown one (no type, application/octet-stream) goes
 * out as it is: the server reads the bytes, and refusing here would second-guess it.
 */
function checkMediaType(operation: string, field: string, type: string, accepted: readonly string[]): void {
  const essence = type.split(";")[0]!.trim().toLowerCase();
  if (accepted.length === 0 || essence === "" || essence === "application/octet-stream" || accepted.includes(essence)) return;
  throw new InputError(field, `media type ${JSON.stringify(type)} is not accepted; expected ${accepted.join(" or ")}`, operation);
}

const DESCRIBED_KEYS = { data: true, filename: true, type: true };

function isDescribed(input: ImageInput): input is { data: Bytes; filename?: string | undefined; type?: string | undefined } {
  return typeof input === "object" && input !== null && "data" in input && !(input instanceof Blob) && !ArrayBuffer.isView(input);
}

/** The media type of common image bytes, so raw bytes still arrive as an image. */
function sniff(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "image/jpeg";
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[8] === 0x57 && bytes[9] === 0x45) return "image/webp";
  return "application/octet-stream";
}

function extension(type: string): string {
  return { "image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp" }[type] ?? "";
}
