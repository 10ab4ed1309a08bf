// Calls the WASM coinbase (lib/engine/assembly/coinbase.entry.ts): the same rules as the reference `runCoinbase`
// with `balancerCoinbasePool`, for spec ≥ 421 (price-based shares). Word layout documented in the entry file.

import type { CoinbaseResult, CoinbaseState, CoinbaseSubnet, CoinbaseSubnetResult } from "./ref/coinbase";
import { EngineInputError } from "./ref/specs";

export interface CoinbaseWasmExports {
  memory: WebAssembly.Memory;
  coinbaseInputPtr(words: number): number;
  coinbaseRun(): number;
}

const H = 16;
const SW = 24;
const RW = 32;
const U64_MAX = (1n << 64n) - 1n;
const HALF_WEIGHT = 500_000_000_000_000_000n;

export function hasCoinbaseExports(exports: WebAssembly.Exports): boolean {
  return typeof (exports as Partial<CoinbaseWasmExports>).coinbaseRun === "function";
}

const split = (v: bigint): [bigint, bigint] => [BigInt.asUintN(64, v >> 64n), BigInt.asUintN(64, v)];
const join = (hi: bigint, lo: bigint) => (hi << 64n) | lo;

function isEmitted(s: CoinbaseSubnet): boolean {
  return s.firstEmissionBlock !== null && (s.subtokenEnabled ?? true) && (s.registrationAllowed ?? true);
}

/**
 * Runs `blocks` consecutive coinbases (block number +1 each time, no moving-price update in between) and
 * returns the last block's result with the final state. Subnets come back in ascending netuid order.
 */
export function runCoinbaseWasm(
  x: CoinbaseWasmExports,
  input: CoinbaseState,
  emission?: bigint,
  blocks = 1,
): CoinbaseResult {
  if (input.spec < 421)
    throw new EngineInputError("spec", "the WASM coinbase covers spec ≥ 421 (price shares)");
  const subnets = [...input.subnets].sort((a, b) => a.netuid - b.netuid);
  const n = subnets.length;
  const words = H + n * (SW + RW);
  const ptr = x.coinbaseInputPtr(words);
  const w = new BigUint64Array(x.memory.buffer, ptr, words);
  w.fill(0n);
  const head = [
    BigInt(input.spec),
    input.block,
    input.totalIssuance,
    input.totalStake,
    input.rootTao,
    input.taoWeight,
    BigInt(input.subnetOwnerCut ?? 11_796),
    BigInt(input.maxEpochsPerBlock ?? 2),
    emission ?? U64_MAX,
    BigInt(n),
    BigInt(blocks),
  ];
  head.forEach((v, i) => {
    w[i] = v;
  });
  subnets.forEach((s, i) => {
    const o = H + i * SW;
    const [mpHi, mpLo] = split(BigInt.asUintN(128, s.movingPrice));
    const [mbHi, mbLo] = split(s.minerBurned ?? 0n);
    const weight = (s.pool as { quoteWeight?: bigint } | undefined)?.quoteWeight ?? HALF_WEIGHT;
    const flags =
      (s.emissionEnabled === false ? 0n : 1n) |
      (s.ownerCutEnabled === false ? 0n : 2n) |
      (isEmitted(s) ? 4n : 0n);
    const vals = [
      BigInt(s.netuid),
      BigInt(s.mechanism ?? 1),
      s.taoReserve,
      s.alphaIn,
      s.alphaOut,
      s.protocolAlpha ?? 0n,
      weight,
      mpHi,
      mpLo,
      mbHi,
      mbLo,
      flags,
      s.pendingServer ?? 0n,
      s.pendingValidator ?? 0n,
      s.pendingRootAlpha ?? 0n,
      s.pendingOwnerCut ?? 0n,
      BigInt.asUintN(64, s.protocolFlow ?? 0n),
      BigInt(s.tempo),
      s.lastEpochBlock ?? 0n,
      s.pendingEpochAt ?? 0n,
      s.blocksSinceLastStep ?? 0n,
      s.epochIndex ?? 0n,
    ];
    vals.forEach((v, k) => {
      w[o + k] = v;
    });
  });
  x.coinbaseRun();
  const r = new BigUint64Array(x.memory.buffer, ptr, words);
  const R = H + n * SW;
  const get = (i: number, k: number) => r[R + i * RW + k] as bigint;
  const st = (i: number, k: number) => r[H + i * SW + k] as bigint;
  const fired: number[] = [];
  const deferred: number[] = [];
  const outSubnets: CoinbaseSubnet[] = subnets.map((s, i) => ({
    ...s,
    taoReserve: st(i, 2),
    alphaIn: st(i, 3),
    alphaOut: st(i, 4),
    protocolAlpha: st(i, 5),
    pool: isEmitted(s) ? { quoteWeight: st(i, 6) } : s.pool,
    pendingServer: st(i, 12),
    pendingValidator: st(i, 13),
    pendingRootAlpha: st(i, 14),
    pendingOwnerCut: st(i, 15),
    protocolFlow: BigInt.asIntN(64, st(i, 16)),
    lastEpochBlock: st(i, 18),
    pendingEpochAt: st(i, 19),
    blocksSinceLastStep: st(i, 20),
    epochIndex: st(i, 21),
  }));
  const results: CoinbaseSubnetResult[] = subnets.map((s, i) => {
    if (get(i, 23) === 1n) fired.push(s.netuid);
    if (get(i, 29) === 1n) deferred.push(s.netuid);
    return {
      netuid: s.netuid,
      emitted: get(i, 28) === 1n,
      share: join(get(i, 0), get(i, 1)),
      taoEmission: join(get(i, 2), get(i, 3)),
      alphaEmission: get(i, 4),
      price: join(get(i, 5), get(i, 6)),
      taoInRequested: get(i, 7),
      alphaInRequested: get(i, 8),
      excessTao: get(i, 9),
      taoInEmission: get(i, 10),
      alphaInEmission: get(i, 11),
      alphaOutEmission: get(i, 12),
      excessTaoPaid: get(i, 13),
      excessTaoStranded: get(i, 14),
      chainBoughtAlpha: get(i, 15),
      boughtAlphaRecycled: 0n,
      ownerCut: get(i, 16),
      server: get(i, 17),
      validator: get(i, 18),
      rootAlpha: get(i, 19),
      rootAlphaRecycled: get(i, 20),
      rootProportion: join(get(i, 21), get(i, 22)),
      drained:
        get(i, 23) === 1n
          ? { server: get(i, 24), validator: get(i, 25), rootAlpha: get(i, 26), ownerCut: get(i, 27) }
          : null,
    };
  });
  return {
    state: {
      ...input,
      block: r[1] as bigint,
      totalIssuance: r[2] as bigint,
      totalStake: r[3] as bigint,
      subnets: outSubnets,
    },
    blockEmission: r[11] as bigint,
    rootSellFlag: r[12] === 1n,
    recycledTao: r[13] as bigint,
    issuedTao: r[14] as bigint,
    epochsFired: fired,
    epochsDeferred: deferred,
    subnets: results,
  };
}
