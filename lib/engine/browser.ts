// Browser entry of the engine for the /pools calculator: the WASM loader (fetches /engine.wasm once, no Node
// imports) and the quote functions the API uses, so the page computes from the same inputs with the same code.

export * from "./browser-quote";
export { loadEngine } from "./index";
