// The WASM engine for server-side quotes: the very file the browser fetches (public/engine.wasm, written by
// `npm run build:engine`, which `npm start` runs), read once per process. Not lib/engine/node's loader: that one
// locates the file relative to its own module URL and may compile it, neither of which holds inside the
// bundled Next.js server.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { instantiateEngine, type WasmEngine } from "../engine/wasm";

const holder = globalThis as unknown as { taoviewQuoteEngine?: Promise<WasmEngine> };

const CANDIDATES = [
  ["public", "engine.wasm"],
  ["lib", "engine", "build", "engine.wasm"],
];

async function load(): Promise<WasmEngine> {
  for (const parts of CANDIDATES) {
    const file = path.join(process.cwd(), ...parts);
    const bytes = await readFile(file).catch(() => null);
    if (bytes) return instantiateEngine(new Uint8Array(bytes));
  }
  throw new Error("engine.wasm not found in public/ or lib/engine/build/: run `npm run build:engine`");
}

export function quoteEngine(): Promise<WasmEngine> {
  holder.taoviewQuoteEngine ??= load();
  const p = holder.taoviewQuoteEngine;
  // A failed load is retried on the next request (the build may land later).
  p.catch(() => {
    if (holder.taoviewQuoteEngine === p) holder.taoviewQuoteEngine = undefined;
  });
  return p;
}
