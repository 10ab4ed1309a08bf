// Shared setup for the core engine suites: one WASM instance per test file (built on demand).

import { loadEngineNode } from "../../lib/engine/node";
import type { WasmEngine } from "../../lib/engine/wasm";

let engine: WasmEngine | null = null;

export async function wasmEngine(): Promise<WasmEngine> {
  engine ??= await loadEngineNode();
  return engine;
}

/** Deterministic JSON for deep comparisons (bigints as strings, errors as their messages). */
export function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    typeof x === "bigint"
      ? `${x}n`
      : x instanceof Error
        ? { error: x.constructor.name, message: x.message }
        : x,
  );
}
