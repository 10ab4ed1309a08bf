/**
 * Economy benches picked up by `bench/engine.ts`: the Yuma epoch with 256 UIDs / 64 validators (WASM vs
 * reference, original and Yuma3 + liquid alpha) and the coinbase over 128 subnets × 10,000 blocks. Both coinbase
 * times are extrapolated from shorter runs (stated in the note): every subnet chain-buys each block, and a buy
 * on a re-weighted balancer pool goes through `pow_ratio_scaled`'s approximate path, which dominates both engines.
 * Inputs are generated deterministically here (no chain data).
 */
import { readFileSync } from "node:fs";
import { type CoinbaseWasmExports, hasCoinbaseExports, runCoinbaseWasm } from "../coinbase-wasm";
import { ENGINE_WASM_PATH } from "../compile";
import { hasYumaExports, type YumaWasmExports, yumaEpochWasm } from "../epoch-yuma-wasm";
import { engineImports } from "../wasm";
import { type CoinbaseState, type CoinbaseSubnet, runCoinbase } from "./coinbase";
import { balancerCoinbasePool } from "./coinbase-pool";
import { type YumaInput, yumaEpoch } from "./epoch-yuma";
import * as fx from "./fixed";

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** A 256-UID subnet: 64 validators weighting all 192 miners, bonds on every pair. */
export function yumaBenchInput(yuma3: boolean): YumaInput {
  const n = 256;
  const v = 64;
  const rnd = lcg(1);
  const weights: [number, number][][] = [];
  for (let i = 0; i < n; i++) {
    const row: [number, number][] = [];
    if (i < v) for (let j = v; j < n; j++) row.push([j, Math.floor(rnd() * 65535)]);
    weights.push(row);
  }
  return {
    spec: 425,
    block: 100_000n,
    tempo: 360,
    activityCutoff: 5000n,
    lastMechanismStepBlock: 99_640n,
    lastUpdate: Array.from({ length: n }, () => 99_900n),
    blockAtRegistration: Array.from({ length: n }, () => 1n),
    alphaStake: Array.from({ length: n }, (_, i) => (i < v ? BigInt(Math.floor(rnd() * 1e12)) : 0n)),
    rootStake: Array.from({ length: n }, (_, i) => (i < v ? BigInt(Math.floor(rnd() * 1e11)) : 0n)),
    taoWeight: 3_320_413_933_267_719_290n,
    validatorPermit: Array.from({ length: n }, (_, i) => i < v),
    maxAllowedValidators: 64,
    weights,
    bonds: weights.map((r) => r.map(([j, w]): [number, number] => [j, w >> 1])),
    kappa: 32767,
    bondsPenalty: 65535,
    bondsMovingAverage: 900_000n,
    yuma3,
    liquidAlpha: yuma3,
    emission: 360_000_000_000n,
  };
}

/** 128 emitting subnets with mainnet-like reserves (most past their injection cap, so chain buys run). */
export function coinbaseBenchState(): CoinbaseState {
  const rnd = lcg(7);
  const subnets: CoinbaseSubnet[] = [];
  for (let netuid = 1; netuid <= 128; netuid++) {
    const alphaIn = BigInt(Math.floor(1e15 + rnd() * 5e15));
    const price = 0.002 + rnd() * 0.08;
    subnets.push({
      netuid,
      taoReserve: BigInt(Math.floor(Number(alphaIn) * price)),
      alphaIn,
      alphaOut: BigInt(Math.floor(2e15 + rnd() * 3e15)),
      movingPrice: fx.fromF64(fx.I96F32, price * 0.9),
      firstEmissionBlock: 1_000n,
      tempo: 360,
      lastEpochBlock: 6_000_000n - BigInt(netuid),
    });
  }
  return {
    spec: 425,
    block: 6_000_001n,
    totalIssuance: 10_000_000_000_000_000n,
    totalStake: 0n,
    rootTao: 3_000_000_000_000_000n,
    taoWeight: 3_320_413_933_267_719_290n,
    subnets,
  };
}

function loadExports(): WebAssembly.Exports | null {
  try {
    const bytes = readFileSync(ENGINE_WASM_PATH);
    return new WebAssembly.Instance(new WebAssembly.Module(bytes), engineImports()).exports;
  } catch {
    return null;
  }
}

function loadYumaWasm(): YumaWasmExports | null {
  const e = loadExports();
  return e && hasYumaExports(e) ? (e as unknown as YumaWasmExports) : null;
}

function loadCoinbaseWasm(): CoinbaseWasmExports | null {
  const e = loadExports();
  return e && hasCoinbaseExports(e) ? (e as unknown as CoinbaseWasmExports) : null;
}

function timeBest(runs: number, f: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

function yumaBench(yuma3: boolean) {
  const input = yumaBenchInput(yuma3);
  const x = loadYumaWasm();
  const refMs = timeBest(1, () => yumaEpoch(input));
  if (!x) return { refMs, note: "engine.wasm without the Yuma entry points" };
  yumaEpochWasm(x, input); // warm-up
  const wasmMs = timeBest(10, () => yumaEpochWasm(x, input));
  return { wasmMs, refMs, note: "best of 10 WASM runs incl. argument marshalling" };
}

function coinbaseBench() {
  const refBlocks = 3;
  const wasmBlocks = 20;
  const pool = balancerCoinbasePool(425);
  let state = coinbaseBenchState();
  let t = performance.now();
  for (let i = 0; i < refBlocks; i++) {
    const r = runCoinbase(state, pool);
    state = { ...r.state, block: r.state.block + 1n };
  }
  const refPerBlock = (performance.now() - t) / refBlocks;
  const x = loadCoinbaseWasm();
  if (!x) return { refMs: refPerBlock * 10_000, note: "engine.wasm without the coinbase entry points" };
  t = performance.now();
  runCoinbaseWasm(x, coinbaseBenchState(), undefined, wasmBlocks);
  const wasmPerBlock = (performance.now() - t) / wasmBlocks;
  return {
    wasmMs: wasmPerBlock * 10_000,
    refMs: refPerBlock * 10_000,
    note: `extrapolated ×10,000 from ${wasmBlocks} WASM blocks (${wasmPerBlock.toFixed(1)} ms/block) and ${refBlocks} reference blocks (${refPerBlock.toFixed(1)} ms/block)`,
  };
}

export const benches = [
  { name: "Yuma epoch 256 UIDs / 64 validators (original bonds)", run: () => yumaBench(false) },
  { name: "Yuma epoch 256 UIDs / 64 validators (Yuma3 + liquid alpha)", run: () => yumaBench(true) },
  { name: "coinbase 128 subnets × 10,000 blocks", run: coinbaseBench },
];
