// What the Node worker and the browser page both run (the page gets these functions as source text).

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

/**
 * `total` calls, at most `concurrency` in flight. No named inner function: tsx names those
 * with a helper of its own, which the page's copy would not have.
 */
export async function run(call: () => Promise<void>, total: number, concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) {
        next++;
        await call();
      }
    }),
  );
}

/** Each item once per block, every other block in reverse order: A B C, C B A, A B C, … */
export function turns<T>(items: readonly T[], blocks: number): T[] {
  return Array.from({ length: blocks }, (_, block) => (block % 2 ? [...items].reverse() : [...items])).flat();
}
