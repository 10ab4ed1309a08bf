// `npm run build:engine`: compile lib/engine/assembly to lib/engine/build/engine.wasm and public/engine.wasm.
// Skips the compile (12–45 s on two cores) when a stamp shows the same sources and compiler already built both
// files; `--force` rebuilds anyway.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildEngine, ENGINE_WASM_PATH } from "./compile";

const here = path.dirname(fileURLToPath(import.meta.url));
const PUBLIC_WASM = path.resolve(here, "../../public/engine.wasm");
const STAMP = `${ENGINE_WASM_PATH}.sha256`;

function sourcesHash(): string {
  const h = createHash("sha256");
  const assembly = path.join(here, "assembly");
  const files = readdirSync(assembly)
    .sort()
    .map((n) => path.join(assembly, n));
  const compiler = path.resolve(here, "../../node_modules/assemblyscript/package.json");
  for (const f of [...files, path.join(here, "compile.ts"), compiler]) {
    h.update(path.basename(f)).update("\0");
    if (existsSync(f)) h.update(readFileSync(f));
    h.update("\0");
  }
  return h.digest("hex");
}

async function main(): Promise<void> {
  const hash = sourcesHash();
  const upToDate =
    !process.argv.includes("--force") &&
    existsSync(ENGINE_WASM_PATH) &&
    existsSync(PUBLIC_WASM) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, "utf8") === hash;
  if (upToDate) {
    console.log("engine.wasm: up to date");
    return;
  }
  await buildEngine();
  writeFileSync(STAMP, hash);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
