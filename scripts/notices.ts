/**
 * The license notices of the third-party code bundled into the stand-in (dist/mock.js):
 * an esbuild plugin that, when the build ends, writes each bundled package's name, version,
 * license and license file to `dist/mock.js.LICENSES.txt`, which the package ships beside
 * it. Most of those licenses (MIT, BSD, ISC) ask that the notice travel with the code, and
 * a minified bundle keeps only the comments marked for it.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "esbuild";

export const bundledNotices = (outputFile: string): Plugin => ({
  name: "bundled-license-notices",
  setup(build) {
    build.initialOptions.metafile = true;
    build.onEnd((result) => {
      if (!result.metafile) return;
      const packages = new Set<string>();
      for (const input of Object.keys(result.metafile.inputs)) {
        // The package directory: the path up to the last node_modules/<name> (or <@scope/name>).
        const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
        if (match) packages.add(match[1]!);
      }
      const sections = [...packages].sort().map((dir) => notice(path.resolve(dir)));
      const header = `Third-party code bundled into ${path.basename(outputFile.replace(/\.LICENSES\.txt$/, ""))}: ${sections.length} packages, each with its license.\n`;
      writeFileSync(outputFile, [header, ...sections].join(`\n${"=".repeat(78)}\n\n`));
    });
  },
});

/** One package's notice: its name, version and license, then its license file(s), or a note that it has none. */
function notice(dir: string): string {
  const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name: string; version: string; license?: string; licenses?: { type?: string }[]; author?: unknown };
  // `licenses: [{ type }]` is the older form (busboy's).
  const license = pkg.license ?? pkg.licenses?.map((l) => l.type).join(" OR ");
  const files = readdirSync(dir).filter((file) => /^(licen[cs]e|copying|notice)/i.test(file)).sort();
  const texts = files.map((file) => readFileSync(path.join(dir, file), "utf8").trim());
  const author = typeof pkg.author === "string" ? pkg.author : (pkg.author as { name?: string } | undefined)?.name;
  const none = `(The package ships no license file; package.json says license ${license ?? "unknown"}${author ? `, author ${author}` : ""}.)`;
  return `${pkg.name} ${pkg.version} (${license ?? "license unknown"})\n\n${texts.length ? texts.join("\n\n") : none}\n`;
}
