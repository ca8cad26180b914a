// The one place that turns the hand-written multi-file document (openapi/) into its
// generated forms: the bundled JSON and the TypeScript types. Used by generate, bundle
// and the drift check, so all three agree byte for byte.
import { bundle, loadConfig } from "@redocly/openapi-core";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import ts from "typescript";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const bundlePath = path.join(root, "src/generated/openapi.json");
export const typesPath = path.join(root, "src/generated/schema.ts");

/** Bundles openapi/openapi.yaml into one document with internal $refs only. */
export async function bundleSpec() {
  const config = await loadConfig({ configPath: path.join(root, "redocly.yaml") });
  const { bundle: result, problems } = await bundle({
    ref: path.join(root, "openapi/openapi.yaml"),
    config,
  });
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new Error(`bundling failed:\n${errors.map((p) => `- ${p.message}`).join("\n")}`);
  }
  return result.parsed;
}

export function bundleText(document) {
  return `${JSON.stringify(document, null, 2)}\n`;
}

const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"));

/** openapi-typescript output for the bundled document; binary parts become Blob. */
export async function typesText(document) {
  const ast = await openapiTS(structuredClone(document), {
    rootTypes: true,
    rootTypesNoSchemaPrefix: false,
    // A field with a server default is still optional to send.
    defaultNonNullable: false,
    enumValues: true,
    transform(schemaObject) {
      if (schemaObject.format === "binary") return BLOB;
      return undefined;
    },
  });
  return COMMENT_HEADER + astToString(ast);
}
