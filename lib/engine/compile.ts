// Compiles lib/engine/assembly to lib/engine/build/engine.wasm (optimised, deterministic: no debug info, no
// source map, fixed options) and copies it to public/engine.wasm, where the browser fetches it.
// `npm run build:engine` runs it through build.ts; the Node loader calls `ensureEngineBuilt()` when the file is
// missing or stale. (Named compile.ts because `./build` would also match the build/ output directory.)

import { copyFile, mkdir, readdir, readFile, rename, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ENGINE_WASM_PATH = path.join(here, "build", "engine.wasm");
const PUBLIC_WASM_PATH = path.resolve(here, "../../public/engine.wasm");
const ASSEMBLY_DIR = path.join(here, "assembly");

/** Entry files: assembly/index.ts plus every assembly/*.entry.ts (how other rule modules add WASM exports). */
async function entryFiles(): Promise<string[]> {
  const extra = (await readdir(ASSEMBLY_DIR)).filter((n) => n.endsWith(".entry.ts")).sort();
  return [path.join(ASSEMBLY_DIR, "index.ts"), ...extra.map((n) => path.join(ASSEMBLY_DIR, n))];
}

export interface BuildResult {
  path: string;
  bytes: number;
  ms: number;
}

export async function buildEngine(options: { quiet?: boolean } = {}): Promise<BuildResult> {
  const started = performance.now();
  const asc = await import("assemblyscript/asc");
  await mkdir(path.dirname(ENGINE_WASM_PATH), { recursive: true });
  // Write to a private temp name and rename, so concurrent builds (parallel test files) never see half a file.
  const tmp = `${ENGINE_WASM_PATH}.${process.pid}.${Date.now()}.tmp`;
  const stderr: string[] = [];
  const { error } = await asc.main(
    [
      ...(await entryFiles()),
      "--outFile",
      tmp,
      "--optimize",
      "--optimizeLevel",
      "3",
      "--shrinkLevel",
      "1",
      "--noAssert",
      "--runtime",
      "incremental",
      "--initialMemory",
      "4",
    ],
    {
      stderr: {
        write(chunk: string | Uint8Array) {
          stderr.push(typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk));
          return true;
        },
      } as never,
    },
  );
  if (error) throw new Error(`engine build failed: ${error.message}\n${stderr.join("")}`);
  await rename(tmp, ENGINE_WASM_PATH);
  await mkdir(path.dirname(PUBLIC_WASM_PATH), { recursive: true });
  const publicTmp = `${PUBLIC_WASM_PATH}.${process.pid}.tmp`;
  await copyFile(ENGINE_WASM_PATH, publicTmp);
  await rename(publicTmp, PUBLIC_WASM_PATH);
  const bytes = (await stat(ENGINE_WASM_PATH)).size;
  const ms = performance.now() - started;
  if (!options.quiet)
    console.log(`engine.wasm: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB) in ${ms.toFixed(0)} ms`);
  return { path: ENGINE_WASM_PATH, bytes, ms };
}

/** Builds only when the wasm is missing or older than any AssemblyScript source. */
export async function ensureEngineBuilt(): Promise<string> {
  try {
    const built = (await stat(ENGINE_WASM_PATH)).mtimeMs;
    let newest = 0;
    for (const n of await readdir(ASSEMBLY_DIR))
      newest = Math.max(newest, (await stat(path.join(ASSEMBLY_DIR, n))).mtimeMs);
    if (built >= newest) return ENGINE_WASM_PATH;
  } catch {
    // missing: build below
  }
  await buildEngine({ quiet: true });
  return ENGINE_WASM_PATH;
}

export async function readEngineWasm(): Promise<Uint8Array> {
  return new Uint8Array(await readFile(await ensureEngineBuilt()));
}
