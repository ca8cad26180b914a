// Upload bodies for the bench: shared by the Node worker and, as source text, the browser page.

/** Bytes that look like a JPEG (SOI marker, then noise that does not compress). */
export function jpegLike(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let x = 0x9e3779b9;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}
