/**
 * Writes the sample faces in examples/assets (`npx tsx scripts/sample-faces.ts`): two
 * synthetic persons drawn by the stand-in's `drawFace`, and photos of the first that the
 * stand-in matches at each level on purpose (see src/mock/README.md, "Faces").
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import jpeg from "jpeg-js";
import { decodeImage, similarFace } from "../src/mock/faces";
import { drawFace } from "../src/mock/sample-faces";

const dir = path.join(__dirname, "..", "examples", "assets");
const ada = drawFace("Ada", 128);
const pixels = decodeImage(ada);
const files: Record<string, Uint8Array> = {
  "face-ada.png": ada,
  // The same photo as a JPEG: the same person (exact).
  "face-ada.jpg": new Uint8Array(jpeg.encode({ width: pixels.width, height: pixels.height, data: Buffer.from(pixels.data) }, 85).data),
  "face-ada-ha.png": similarFace(ada, 77),
  "face-ada-junk.png": similarFace(ada, 72),
  "face-grace.png": drawFace("Grace", 128),
};
for (const [name, bytes] of Object.entries(files)) void writeFile(path.join(dir, name), bytes).then(() => console.log(`wrote examples/assets/${name}`));
