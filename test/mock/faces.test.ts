/**
 * Faces from pixels: uploads are decoded (PNG, JPEG), non-images are refused, the same
 * photo re-encoded or resized is the same person, a different photo is not, and
 * `similarFace` and the sample assets produce each match level on purpose.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import { drawFace, similarFace } from "../../src/mock";
import { image, namingFields, raw, unwrap, useStandIn } from "./helpers";

const standIn = useStandIn();
const asset = async (name: string) => new Uint8Array(await readFile(path.join(__dirname, "..", "..", "examples", "assets", name)));

function pixelsOf(png: Uint8Array) {
  return PNG.sync.read(Buffer.from(png));
}

/** The photo as a JPEG at `quality`. */
function asJpeg(png: Uint8Array, quality = 70): Uint8Array {
  const { width, height, data } = pixelsOf(png);
  return new Uint8Array(jpeg.encode({ width, height, data }, quality).data);
}

/** The photo scaled to `size`×`size` (nearest neighbour), as PNG. */
function resized(png: Uint8Array, size: number): Uint8Array {
  const source = pixelsOf(png);
  const out = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (Math.floor((y * source.height) / size) * source.width + Math.floor((x * source.width) / size)) * 4;
      source.data.copy(out.data, (y * size + x) * 4, from, from + 4);
    }
  }
  return new Uint8Array(PNG.sync.write(out));
}

async function withSource(name: string) {
  const client = await standIn.login();
  await unwrap(client.sources.create({ name }));
  return client;
}

describe("uploads are decoded", () => {
  test("a file that is not an image, or a corrupt one, is a 400 naming the field", async () => {
    const client = await withSource("decode-cam");
    const text = new TextEncoder().encode("hello, I am not a photo");
    const notImage = { error_codes: [400], message: "Validation error.", fields: [{ name: "image", message: expect.stringContaining("not an image"), error_code: 400 }] };
    expect((await client.persons.create({ image: text, source: "decode-cam" })).error).toEqual(notImage);
    expect((await client.utility.asm({ image: text })).error).toEqual(notImage);
    expect((await client.persons.search({ image: text })).error).toEqual(notImage);
    const truncated = asJpeg(image("cut")).slice(0, 200);
    expect((await client.persons.create({ image: truncated, source: "decode-cam" })).error).toEqual(notImage);
    const compare = await client.utility.compare({ image1: image("a"), image2: text });
    expect(compare.error).toEqual(namingFields("image2"));
  });

  test("a photo of one flat colour has no face (400)", async () => {
    const client = await withSource("flat-cam");
    const flat = new PNG({ width: 40, height: 40 });
    flat.data.fill(200);
    const answer = await client.persons.create({ image: new Uint8Array(PNG.sync.write(flat)), source: "flat-cam" });
    expect(answer.error?.fields).toEqual([{ name: "image", message: "No face found in the image.", error_code: 400 }]);
  });

  test("PNG and JPEG are both read", async () => {
    const client = await withSource("format-cam");
    expect((await client.persons.create({ image: asJpeg(image("jpeg-person"), 90), source: "format-cam" })).response.status).toBe(201);
    expect((await client.persons.create({ image: image("png-person"), source: "format-cam" })).response.status).toBe(201);
  });
});

describe("identity from pixels", () => {
  test("the same photo re-encoded or slightly resized is the same person; a different photo is not", async () => {
    const client = await withSource("id-cam");
    const photo = drawFace("ida", 128);
    const person = await unwrap(client.persons.create({ image: photo, source: "id-cam", identify_asm: true }));
    for (const variant of [asJpeg(photo, 60), resized(photo, 112), resized(photo, 144)]) {
      const found = await unwrap(client.persons.search({ image: variant, identify_asm: true }));
      expect(found).toMatchObject({ result: "exact", pid: person.pid });
      expect(found.confidence).toBeGreaterThan(85);
      // A re-upload of the same face is a duplicate, not a new person.
      expect((await client.persons.create({ image: variant, source: "id-cam" })).data).toMatchObject({ result: "exact", pid: person.pid });
    }
    const other = await unwrap(client.persons.search({ image: image("someone else") }));
    expect(other).toMatchObject({ result: "nm", pid: null });
    expect(other.confidence).toBeLessThan(68.84);
  });

  test("similarFace produces each level on purpose (default thresholds)", async () => {
    const client = await withSource("level-cam");
    const photo = image("lev");
    const person = await unwrap(client.persons.create({ image: photo, source: "level-cam" }));
    const cases = [
      [90, "exact"],
      [77, "ha"],
      [72, "junk"],
      [50, "nm"],
    ] as const;
    for (const [percent, level] of cases) {
      const answer = await unwrap(client.persons.search({ image: similarFace(photo, percent) }));
      expect(answer.result).toBe(level);
      expect(answer.confidence).toBeCloseTo(percent, 0);
      expect(answer.pid).toBe(level === "nm" ? null : person.pid);
      expect((await unwrap(client.utility.compare({ image1: photo, image2: similarFace(photo, percent), result: "junk" }))).result).toBe(level);
    }
  });

  test("the sample assets match Ada at exact, ha and junk; Grace is someone else", async () => {
    const client = await withSource("asset-cam");
    const ada = await unwrap(client.persons.create({ image: await asset("face-ada.png"), source: "asset-cam" }));
    const expected = { "face-ada.jpg": "exact", "face-ada-ha.png": "ha", "face-ada-junk.png": "junk", "face-grace.png": "nm" } as const;
    for (const [name, level] of Object.entries(expected)) {
      const found = await unwrap(client.persons.search({ image: await asset(name) }));
      expect([name, found.result, found.pid]).toEqual([name, level, level === "nm" ? null : ada.pid]);
    }
  });

  test("age, sex and mood are the same for the re-encoded photo", async () => {
    const client = await withSource("asm-cam");
    const photo = await asset("face-ada.png");
    expect(await unwrap(client.utility.asm({ image: asJpeg(photo, 85) }))).toEqual(await unwrap(client.utility.asm({ image: photo })));
  });
});

test("a multipart upload of text as the image part is refused before it reaches a handler", async () => {
  const client = await standIn.login();
  const { key } = await unwrap(client.tokens.create());
  const form = new FormData();
  form.append("image", new Blob(["GIF89a not really"], { type: "image/gif" }), "x.gif");
  const answer = await raw(`${standIn.server.apiUrl}/v1/utility/asm/`, { method: "POST", token: key, body: form });
  expect(answer.status).toBe(400);
  expect(answer.body.fields[0].name).toBe("image");
});
