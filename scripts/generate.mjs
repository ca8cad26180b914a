// npm run generate            — write src/generated/ from openapi/
// npm run check:generated     — fail when the committed src/generated/ is stale
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { bundlePath, typesPath, bundleSpec, bundleText, typesText } from "./spec.mjs";

const check = process.argv.includes("--check");
const document = await bundleSpec();
const outputs = [
  [bundlePath, bundleText(document)],
  [typesPath, await typesText(document)],
];

if (check) {
  const stale = [];
  for (const [file, text] of outputs) {
    const committed = await readFile(file, "utf8").catch(() => "");
    if (committed !== text) stale.push(path.relative(process.cwd(), file));
  }
  if (stale.length > 0) {
    console.error(`src/generated is stale (${stale.join(", ")}): run \`npm run generate\` and commit.`);
    process.exit(1);
  }
  console.log("src/generated matches openapi/.");
} else {
  for (const [file, text] of outputs) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
