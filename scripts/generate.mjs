// npm run generate            — write src/generated/ from openapi/
// npm run check:generated     — fail, with a unified diff, when the committed src/generated/ is stale
import { readFile, readdir, writeFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { root, bundlePath, typesPath, bundleSpec, bundleText, typesText } from "./spec.mjs";
import { operationsLayer, withCodeSamples } from "./operations.mjs";

const check = process.argv.includes("--check");
const document = await bundleSpec();
const { operationsText, uploadsText, answerSecretsText, namespacesText } = operationsLayer(document);
const outputs = [
  [bundlePath, bundleText(withCodeSamples(document))],
  [typesPath, await typesText(document)],
  [path.join(root, "src/generated/operations.ts"), operationsText],
  [path.join(root, "src/generated/uploads.ts"), uploadsText],
  [path.join(root, "src/generated/answer-secrets.ts"), answerSecretsText],
  [path.join(root, "src/generated/namespaces.ts"), namespacesText],
];

if (check) {
  const scratch = await mkdtemp(path.join(tmpdir(), "neuroio-generated-"));
  let stale = 0;
  for (const [file, text] of outputs) {
    const committed = await readFile(file, "utf8").catch(() => "");
    if (committed === text) continue;
    stale++;
    const relative = path.relative(root, file);
    const fresh = path.join(scratch, path.basename(file));
    await writeFile(fresh, text);
    const diff = spawnSync("diff", ["-u", "--label", `${relative} (committed)`, "--label", `${relative} (generated)`, file, fresh], { encoding: "utf8" });
    process.stderr.write(diff.stdout || `${relative} is missing\n`);
  }
  await rm(scratch, { recursive: true, force: true });
  // A file the generator does not write (README.md aside) is one edited in by hand.
  const written = new Set(outputs.map(([file]) => path.basename(file)));
  for (const name of await readdir(path.join(root, "src/generated"))) {
    if (name === "README.md" || written.has(name)) continue;
    stale++;
    process.stderr.write(`src/generated/${name} is not generated: remove it, or generate it from the document\n`);
  }
  if (stale > 0) {
    console.error(`\nsrc/generated is stale (${stale} file${stale === 1 ? "" : "s"}): run \`npm run generate\` and commit.`);
    process.exit(1);
  }
  console.log("src/generated matches openapi/.");
} else {
  for (const [file, text] of outputs) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    console.log(`wrote ${path.relative(root, file)}`);
  }
}
