// Node loader: reads (building if needed) lib/engine/build/engine.wasm once per process.

import { readEngineWasm } from "./compile";
import { instantiateEngine, type WasmEngine } from "./wasm";

let pending: Promise<WasmEngine> | null = null;

export function loadEngineNode(): Promise<WasmEngine> {
  pending ??= readEngineWasm().then((bytes) => instantiateEngine(bytes));
  return pending;
}

export { referenceEngine } from "./ref/index";
export type { WasmEngine } from "./wasm";
