// Public entry of the engine for any runtime. `loadEngine()` fetches `/engine.wasm` once (browser) — Node code
// should use `loadEngineNode()` from lib/engine/node, which reads the file instead. Both give a WasmEngine with
// the EngineOps interface; `referenceEngine` is the BigInt implementation of the same ops.

import { engineImports, instantiateEngine, WasmEngine } from "./wasm";

let pending: Promise<WasmEngine> | null = null;

/** Loads the engine in a browser from `url` (default `/engine.wasm`), once. */
export function loadEngine(url = "/engine.wasm"): Promise<WasmEngine> {
  pending ??= (async () => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`could not load ${url}: HTTP ${res.status}`);
    if (
      res.headers.get("content-type") === "application/wasm" &&
      typeof WebAssembly.instantiateStreaming === "function"
    ) {
      const { instance } = await WebAssembly.instantiateStreaming(res, engineImports());
      return new WasmEngine(instance);
    }
    return instantiateEngine(await res.arrayBuffer());
  })();
  return pending;
}

export { instantiateEngine, WASM_SPEC_ID, WasmEngine } from "./wasm";
