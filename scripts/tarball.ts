/**
 * The package as a user gets it: `npm pack` the tarball, then install it with npm, yarn 1 or
 * pnpm into a fresh directory, the way a user would, with nothing from this machine's caches
 * or settings. Its dependencies come from a registry on 127.0.0.1 that serves the packages
 * `npm ci` put in this repository's node_modules (the exact versions of package-lock.json,
 * with their own package.json, engines included), so installing reaches no network.
 *
 * Used by test/package.test.ts and `node scripts/size.mjs --package`.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");
export const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/** The package managers a user may install with; each is a devDependency (yarn 1, pnpm) or Node's own npm. */
export const INSTALLERS = ["npm", "npm --engine-strict", "yarn", "pnpm"] as const;
export type Installer = (typeof INSTALLERS)[number];

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

/**
 * The environment of every tool run here: npm's own variables (npm_config_*, npm_package_*,
 * set when this runs under `npm test`) left out, so a nested npm cannot act on this
 * repository or on this machine's settings, and with `home` a fresh HOME (and XDG folders),
 * so that yarn and pnpm start with empty caches and stores like on a new machine.
 */
export function cleanEnv(home?: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== "INIT_CWD"));
  if (!home) return env;
  return {
    ...env,
    HOME: home,
    USERPROFILE: home,
    XDG_CACHE_HOME: path.join(home, ".cache"),
    XDG_CONFIG_HOME: path.join(home, ".config"),
    XDG_DATA_HOME: path.join(home, ".local", "share"),
    XDG_STATE_HOME: path.join(home, ".local", "state"),
    COREPACK_ENABLE_STRICT: "0",
  };
}

/** Runs a command; rejects with its whole output when it fails. */
export async function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv()): Promise<{ stdout: string; stderr: string }> {
  try {
    return await execFileAsync(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60_000 });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) failed: ${e.message}\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  }
}

export interface Packed {
  tarball: string;
  /** Bytes of the .tgz. */
  size: number;
  /** Bytes of the files in it. */
  unpackedSize: number;
  files: { path: string; size: number }[];
}

/** `npm pack` of `project` (default: this repository) into `destination`. Build first: this does not. */
export async function pack(destination: string, project = ROOT): Promise<Packed> {
  const [packed] = await packFolders(destination, [project]);
  return packed!;
}

/** `npm pack` of package folders, in one npm run. */
async function packFolders(destination: string, folders: string[]): Promise<Packed[]> {
  // --ignore-scripts: no `prepack` (for this package, a second build: the caller has built).
  const { stdout } = await sh(NPM, ["pack", ...folders, "--json", "--ignore-scripts", "--pack-destination", destination], folders[0]!);
  const infos = JSON.parse(stdout) as { filename: string; size: number; unpackedSize: number; files: { path: string; size: number }[] }[];
  return infos.map((info) => ({ tarball: path.join(destination, info.filename.replace(/^@/, "").replace(/\//, "-")), size: info.size, unpackedSize: info.unpackedSize, files: info.files }));
}

/** The folder of `name` as Node resolves it from a package folder inside `root`/node_modules, or undefined. */
function resolveInstalled(name: string, fromDir: string, root: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === root || path.dirname(dir) === dir) return undefined;
  }
}

export interface LocalRegistry {
  url: string;
  /** name@version of every package it serves. */
  packages: string[];
  close(): Promise<void>;
}

/**
 * Starts a registry on 127.0.0.1 serving the dependency tree of `project`'s package.json
 * (dependencies, optional dependencies when installed, required peer dependencies), each
 * package as `project`/node_modules holds it, re-packed with `npm pack`.
 */
export async function startRegistry(work: string, project = ROOT): Promise<LocalRegistry> {
  const top = JSON.parse(await readFile(path.join(project, "package.json"), "utf8")) as Manifest;
  const found = new Map<string, { manifest: Manifest; dir: string }>(); // by name@version
  const walk = async (manifest: Manifest, fromDir: string) => {
    const requiredPeers = Object.keys(manifest.peerDependencies ?? {}).filter((n) => !manifest.peerDependenciesMeta?.[n]?.optional);
    const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {}), ...requiredPeers];
    for (const name of names) {
      const dir = resolveInstalled(name, fromDir, project);
      if (!dir) {
        if (name in (manifest.optionalDependencies ?? {})) continue;
        throw new Error(`${manifest.name} needs ${name}, which is not in ${project}/node_modules: run npm ci`);
      }
      const dep = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as Manifest;
      const id = `${dep.name}@${dep.version}`;
      if (found.has(id)) continue;
      found.set(id, { manifest: dep, dir });
      await walk(dep, dir);
    }
  };
  await walk(top, project);

  const tarballs = path.join(await mkdtemp(path.join(work, "registry-")), "tarballs");
  await mkdir(tarballs);
  const entries = [...found.values()];
  const packed = entries.length === 0 ? [] : await packFolders(tarballs, entries.map((e) => e.dir));

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const packuments = new Map<string, { name: string; "dist-tags": { latest: string }; versions: Record<string, Manifest>; time: Record<string, string> }>();
  const files = new Map<string, string>(); // URL path -> tarball on disk
  for (const [i, { manifest }] of entries.entries()) {
    const { tarball } = packed[i]!;
    const bytes = await readFile(tarball);
    const file = `/-/${path.basename(tarball)}`;
    files.set(file, tarball);
    const doc = packuments.get(manifest.name) ?? { name: manifest.name, "dist-tags": { latest: manifest.version }, versions: {}, time: {} };
    doc.versions[manifest.version] = {
      ...manifest,
      _id: `${manifest.name}@${manifest.version}`,
      dist: {
        tarball: url + file.slice(1),
        shasum: createHash("sha1").update(bytes).digest("hex"),
        integrity: `sha512-${createHash("sha512").update(bytes).digest("base64")}`,
      },
    };
    // Publication times, which pnpm reads (minimumReleaseAge): the tarball files' date.
    doc.time[manifest.version] = (await stat(path.join(entries[i]!.dir, "package.json"))).mtime.toISOString();
    packuments.set(manifest.name, doc);
  }

  server.on("request", (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", url).pathname);
    const tarball = files.get(pathname);
    if (tarball) {
      readFile(tarball).then(
        (bytes) => res.writeHead(200, { "content-type": "application/octet-stream", "content-length": bytes.length }).end(bytes),
        () => res.writeHead(500).end(),
      );
      return;
    }
    const doc = packuments.get(pathname.slice(1));
    if (doc) res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(doc));
    else res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "Not found" }));
  });

  return {
    url,
    packages: [...found.keys()].sort(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Installed {
  dir: string;
  /** Everything the package manager printed. */
  output: string;
  /** The environment it ran with (fresh HOME), for running the installed package's programs. */
  env: NodeJS.ProcessEnv;
}

/**
 * Installs `tarball` with `installer` into a fresh project under `work`, taking its
 * dependencies from `registry` only, with a fresh HOME (empty caches, no user settings).
 */
export async function install(installer: Installer, tarball: string, registry: LocalRegistry, work: string): Promise<Installed> {
  const base = await mkdtemp(path.join(work, `${installer.replace(/\W+/g, "-")}-`));
  const home = path.join(base, "home");
  const dir = path.join(base, "app");
  await mkdir(home);
  await mkdir(dir);
  const env = cleanEnv(home);
  // Read by npm, yarn 1 and pnpm alike.
  const npmrc = [`registry=${registry.url}`, "update-notifier=false", "fund=false", "audit=false"];
  await writeFile(path.join(home, ".npmrc"), npmrc.join("\n") + "\n");
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "neuroio-consumer", version: "1.0.0", private: true, license: "MIT" }, null, 2));

  const node = (script: string) => [process.execPath, [path.join(ROOT, "node_modules", script)]] as const;
  const [cmd, pre, args] =
    installer === "yarn"
      ? [...node("yarn/bin/yarn.js"), ["add", `file:${tarball}`, "--registry", registry.url, "--non-interactive", "--no-progress"]]
      : installer === "pnpm"
        ? [...node("pnpm/bin/pnpm.cjs"), ["add", tarball, "--registry", registry.url, "--reporter", "append-only"]]
        : [NPM, [], ["install", tarball, "--registry", registry.url, "--no-audit", "--no-fund", ...(installer === "npm --engine-strict" ? ["--engine-strict"] : [])]];
  const { stdout, stderr } = await sh(cmd, [...pre, ...args], dir, env);
  return { dir, output: stdout + stderr, env };
}

export interface InstallSize {
  /** name@version of every installed package, the installed one included. */
  packages: string[];
  /** Bytes of every file under node_modules, each file once (as du counts hard and symbolic links). */
  bytes: number;
  /** The same files' disk usage (allocated blocks, what `du -s` shows). */
  diskBytes: number;
}

/** What an install put in `dir`/node_modules, whatever its layout (npm and yarn: flat; pnpm: links into .pnpm/). */
export async function installSize(dir: string): Promise<InstallSize> {
  const packages = new Set<string>();
  const seen = new Set<string>(); // device:inode
  let bytes = 0;
  let diskBytes = 0;
  const visit = async (folder: string): Promise<void> => {
    for (const name of await readdir(folder)) {
      const full = path.join(folder, name);
      const info = await stat(full).catch(() => undefined); // follows links; a dangling one is skipped
      if (!info || seen.has(`${info.dev}:${info.ino}`)) continue;
      seen.add(`${info.dev}:${info.ino}`);
      diskBytes += info.blocks * 512;
      if (!info.isDirectory()) {
        bytes += info.size;
        continue;
      }
      // A package is a folder with a package.json right under node_modules (or node_modules/@scope).
      const parent = path.basename(folder);
      const isPackage = parent === "node_modules" || (parent.startsWith("@") && path.basename(path.dirname(folder)) === "node_modules");
      if (isPackage && existsSync(path.join(full, "package.json"))) {
        const manifest = JSON.parse(await readFile(path.join(full, "package.json"), "utf8")) as Manifest;
        packages.add(`${manifest.name}@${manifest.version}`);
      }
      await visit(full);
    }
  };
  await visit(path.join(dir, "node_modules"));
  return { packages: [...packages].sort(), bytes, diskBytes };
}
