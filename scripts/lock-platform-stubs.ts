/**
 * Completes package-lock.json with entries for other platforms' native binaries.
 *
 * Why: the registry on our build machines serves only some platform packages (e.g. linux-x64 builds of
 * Biome, Tailwind's oxide and Next's SWC, but not their darwin/win32/android builds). `npm install` skips the
 * 404s silently and leaves them out of the lock file, and `npm ci` then refuses the lock as "out of sync".
 * A lock produced on an open network lists every platform variant with its os/cpu/libc; npm skips the ones
 * that do not match the host without downloading them. This script adds exactly those entries (version and
 * platform fields, no integrity: npm fills it in when a machine of that platform installs it).
 *
 * Run after any dependency change: `node --import tsx scripts/lock-platform-stubs.ts`
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface LockEntry {
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

interface Platform {
  os: string[];
  cpu: string[];
  libc?: string[];
}

const OS = ["android", "darwin", "linux", "win32", "freebsd", "openbsd", "sunos", "aix"];
const CPU = ["arm64", "x64", "arm", "ia32", "ppc64", "s390x", "riscv64", "loong64", "wasm32"];

/** Platform of a package named like `@scope/tool-<os>-<cpu>[-<libc|abi>]`, or undefined if it is not one. */
export function platformOf(name: string): Platform | undefined {
  const tokens = name.split("/").pop()?.split("-") ?? [];
  if (tokens.includes("wasm32")) return { os: [], cpu: ["wasm32"] };
  const os = tokens.find((t) => OS.includes(t));
  const cpu = tokens.find((t) => CPU.includes(t)) ?? (tokens.includes("gnueabihf") ? "arm" : undefined);
  if (!os || !cpu) return undefined;
  const platform: Platform = { os: [os], cpu: [cpu] };
  if (os === "linux") {
    if (tokens.includes("musl")) platform.libc = ["musl"];
    else if (tokens.some((t) => t === "gnu" || t === "gnueabihf")) platform.libc = ["glibc"];
  }
  return platform;
}

function main(): void {
  const path = join(process.cwd(), "package-lock.json");
  const lock = JSON.parse(readFileSync(path, "utf8")) as { packages: Record<string, LockEntry> };
  const added: string[] = [];
  for (const [location, entry] of Object.entries(lock.packages)) {
    for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = `${location ? `${location}/` : ""}node_modules/${dep}`;
      const hoisted = `node_modules/${dep}`;
      if (lock.packages[nested] || lock.packages[hoisted]) continue;
      const platform = platformOf(dep);
      if (!platform) continue;
      if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) {
        throw new Error(
          `${dep}: optional dependency spec ${spec} is not an exact version; resolve it by hand`,
        );
      }
      const stub: LockEntry = { version: spec, ...platform, optional: true };
      if (entry.dev) stub.dev = true;
      if (entry.devOptional) stub.devOptional = true;
      if (entry.peer) stub.peer = true;
      lock.packages[hoisted] = stub;
      added.push(`${dep}@${spec}`);
    }
  }
  // npm writes packages in sorted key order; keep diffs stable.
  const root = lock.packages[""];
  const sorted: Record<string, LockEntry> = root ? { "": root } : {};
  for (const key of Object.keys(lock.packages)
    .filter((k) => k !== "")
    .sort()) {
    sorted[key] = lock.packages[key] as LockEntry;
  }
  lock.packages = sorted;
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(
    added.length ? `added ${added.length} platform entries:\n  ${added.join("\n  ")}` : "lock file complete",
  );
}

main();
