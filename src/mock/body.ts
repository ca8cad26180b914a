/**
 * Bounded reads of a request body, shared by the API hosts and the control endpoints: a
 * body is refused (413) as soon as it passes its limit, never read whole first.
 */
import type { IncomingMessage } from "node:http";
import { HttpError } from "./handlers/common";

/** The client went away mid-request: nothing to answer and nothing to report. */
export class ClientGone extends Error {}

export const tooLarge = (limit: number, field?: string) =>
  new HttpError(413, {
    error_codes: [413],
    message: "Request payload is too large.",
    fields: field ? [{ name: field, message: `The file is larger than ${limit} bytes.`, error_code: 413 }] : [],
  });

/** The whole body, or 413 as soon as it passes `limit` (by Content-Length, or while reading). */
export function readAll(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData).pause();
      reject(tooLarge(limit));
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    whenGone(req, reject);
  });
}

/** Rejects with `ClientGone` when the client aborts the request before sending all of it. */
export function whenGone(req: IncomingMessage, reject: (error: Error) => void): void {
  req.on("error", () => reject(new ClientGone()));
  req.on("close", () => {
    if (!req.complete) reject(new ClientGone());
  });
}
