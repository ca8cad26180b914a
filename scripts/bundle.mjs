// npm run bundle — write the bundled OpenAPI document as JSON (src/generated/openapi.json),
// the form that tools, the stand-in server and the published package read.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { bundlePath, bundleSpec, bundleText } from "./spec.mjs";

await writeFile(bundlePath, bundleText(await bundleSpec()));
console.log(`wrote ${path.relative(process.cwd(), bundlePath)}`);
