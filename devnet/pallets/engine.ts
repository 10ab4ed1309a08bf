// The one place the devnet economy reaches the emission/price engine. Every formula (swaps, emission,
// moving price, lock cost, neuron burn, share-pool value, coinbase, Yuma) comes from lib/engine; the
// pallets only move the results in and out of storage. Ops that exist in the WASM engine go through the
// `EngineOps` given here (pass `await loadEngineNode()` to switch to WASM); ops only in the BigInt
// reference (coinbase, Yuma, pool re-weighting) are imported from lib/engine/ref directly.
import { HALF_WEIGHT } from "../../lib/engine/ref/balancer";
import { type CoinbaseResult, type CoinbaseState, runCoinbase } from "../../lib/engine/ref/coinbase";
import {
  type DistributeInput,
  type DistributeResult,
  distributeEmission,
} from "../../lib/engine/ref/coinbase-distribute";
import {
  balancerCoinbasePool,
  type CoinbasePoolModel,
  type PoolView,
} from "../../lib/engine/ref/coinbase-pool";
import {
  activityCutoffBlocks,
  u16MaxUpscale,
  type YumaInput,
  type YumaOutput,
  yumaEpoch,
} from "../../lib/engine/ref/epoch-yuma";
import * as F from "../../lib/engine/ref/fixed";
import { referenceEngine } from "../../lib/engine/ref/index";
import { ChainRejection } from "../../lib/engine/ref/specs";
import { v3Initialise, v3Price } from "../../lib/engine/ref/swap";
import type { EngineOps, MaxAmountInput, SwapInput, SwapQuote } from "../../lib/engine/types";
import { type EconomyRules, RULES_SPEC } from "./rules";

export type {
  CoinbaseResult,
  CoinbaseState,
  DistributeInput,
  DistributeResult,
  SwapQuote,
  YumaInput,
  YumaOutput,
};
export { ChainRejection, F };

/** Pool state beyond the reserves: the balancer quote weight, or the v3 protocol position. */
export type PoolState =
  | { kind: "balancer"; quoteWeight: bigint }
  | { kind: "v3"; sqrtPrice?: bigint; liquidity?: bigint };

export interface PoolReserves {
  mechanism: number;
  taoReserve: bigint;
  alphaReserve: bigint;
  feeRate: number;
  state: PoolState;
}

export interface EconomyEngine {
  readonly rules: EconomyRules;
  /** Engine spec selecting the rules. */
  readonly spec: number;
  swap(
    pool: PoolReserves,
    req: Pick<SwapInput, "direction" | "amount" | "limitPrice" | "dropFees" | "simulate">,
  ): SwapQuote;
  maxAmount(pool: PoolReserves, direction: "stake" | "unstake", limitPrice: bigint): bigint;
  /** Spot price, U64F64 bits (`current_alpha_price`). */
  spotPrice(pool: PoolReserves): bigint;
  /** Pool state of a freshly seeded pool (balancer weight 0.5; v3 protocol position initialised). */
  initialPoolState(tao: bigint, alpha: bigint): PoolState;
  /** Pool state after a swap quote was applied. */
  stateAfterSwap(pool: PoolReserves, q: SwapQuote): PoolState;
  blockEmission(issuance: bigint): bigint;
  movingPrice(i: {
    movingPrice: bigint;
    price: bigint;
    movingAlpha: bigint;
    block: bigint;
    firstEmissionBlock: bigint;
    halvingBlocks: bigint;
  }): bigint;
  lockCost(i: {
    lastLock: bigint;
    minLock: bigint;
    lastLockBlock: bigint;
    currentBlock: bigint;
    lockReductionInterval: bigint;
    totalIssuance: bigint;
  }): bigint;
  neuronBurn(i: {
    burn: bigint;
    minBurn: bigint;
    maxBurn: bigint;
    halfLife: number;
    blocks: number;
    registrations: number;
    increaseMult: bigint;
  }): bigint;
  /** Value of `share` in a U64F64 share pool. */
  stakeValue(sharedValue: bigint, share: bigint, denominator: bigint): bigint;
  coinbase(state: Omit<CoinbaseState, "spec">): CoinbaseResult;
  /** Pool-model state carried through the coinbase, from/to our PoolState. */
  toCoinbasePool(state: PoolState): unknown;
  fromCoinbasePool(pool: unknown, fallback: PoolState): PoolState;
  yuma(input: Omit<YumaInput, "spec">): YumaOutput;
  /** `distribute_emission`: incentives, childkey split, alpha/root dividends, takes, owner cut. */
  distribute(input: DistributeInput): DistributeResult;
  activityCutoff(factorMilli: number, tempo: number): bigint;
  /** `set_weights` row normalisation: max-upscale to 65535. */
  maxUpscale(values: readonly number[]): number[];
}

const U = F.U64F64;
const Q32 = 1n << 32n;
const U64_MAX = (1n << 64n) - 1n;

function swapInput(spec: number, pool: PoolReserves): Omit<SwapInput, "direction" | "amount"> {
  const base = {
    spec,
    taoReserve: pool.taoReserve,
    alphaReserve: pool.alphaReserve,
    mechanism: pool.mechanism,
    feeRate: pool.feeRate,
  };
  if (pool.state.kind === "balancer") return { ...base, quoteWeight: pool.state.quoteWeight };
  if (pool.state.sqrtPrice !== undefined && pool.state.liquidity !== undefined)
    return { ...base, sqrtPrice: pool.state.sqrtPrice, liquidity: pool.state.liquidity };
  return base;
}

/**
 * The coinbase's view of a Uniswap-v3 protocol position. The engine's coinbase only models the balancer
 * (ops-economy: "does not model yet"), so: price from √P (or the reserve ratio before the lazy
 * initialisation), injections accepted in full with the position re-derived from the new reserves by the
 * engine's `v3Initialise` (the chain instead rescales into the position and keeps scrap reservoirs), and
 * chain buys through the engine's fee-less v3 swap.
 */
function v3CoinbasePool(spec: number): CoinbasePoolModel {
  const stateOf = (v: PoolView) => (v.pool ?? {}) as { sqrtPrice?: bigint; liquidity?: bigint };
  return {
    spotPrice(v) {
      if (v.mechanism === 0) return U.one;
      const s = stateOf(v);
      if (s.sqrtPrice !== undefined) return v3Price(s.sqrtPrice);
      return v.alphaReserve === 0n
        ? 0n
        : F.safeDiv(U, F.saturatingFromInt(U, v.taoReserve), F.saturatingFromInt(U, v.alphaReserve));
    },
    injectLiquidity(v, tao, alpha) {
      const s = stateOf(v);
      if (s.sqrtPrice === undefined || v.mechanism === 0) return { tao, alpha, pool: s };
      return { tao, alpha, pool: v3Initialise(v.taoReserve + tao, v.alphaReserve + alpha) };
    },
    buyFeeless(v, tao) {
      const s = stateOf(v);
      try {
        const q = referenceEngine.swap({
          spec,
          direction: "stake",
          amount: tao,
          taoReserve: v.taoReserve,
          alphaReserve: v.alphaReserve,
          mechanism: v.mechanism,
          dropFees: true,
          sqrtPrice: s.sqrtPrice,
          liquidity: s.liquidity,
        });
        const pool =
          q.sqrtPriceAfter !== undefined ? { sqrtPrice: q.sqrtPriceAfter, liquidity: q.liquidity } : s;
        return { paidIn: q.amountPaidIn, alphaOut: q.amountPaidOut, pool };
      } catch (e) {
        if (e instanceof ChainRejection) return null;
        throw e;
      }
    },
  };
}

/** The economy's engine for a rule set; `ops` defaults to the BigInt reference (pass the WASM engine to switch). */
export function createEconomyEngine(rules: EconomyRules, ops: EngineOps = referenceEngine): EconomyEngine {
  const spec = RULES_SPEC[rules];
  const coinbasePool = rules === "current" ? balancerCoinbasePool(spec) : v3CoinbasePool(spec);
  // Neuron burn decay/bump exists in the engine only for spec >= 397 (the v3 era used interval adjustment,
  // not modelled), so both rule sets use the current formula.
  const burnSpec = Math.max(spec, 397);
  const decayFactors = new Map<number, bigint>();
  const engine: EconomyEngine = {
    rules,
    spec,
    swap: (pool, req) => ops.swap({ ...swapInput(spec, pool), ...req }),
    maxAmount: (pool, direction, limitPrice) =>
      ops.maxAmount({
        ...(swapInput(spec, pool) as Omit<MaxAmountInput, "direction" | "limitPrice">),
        direction,
        limitPrice,
      }),
    spotPrice(pool) {
      if (pool.mechanism === 0) return U.one;
      const view: PoolView = {
        netuid: 1,
        mechanism: pool.mechanism,
        taoReserve: pool.taoReserve,
        alphaReserve: pool.alphaReserve,
        pool: engine.toCoinbasePool(pool.state),
      };
      return coinbasePool.spotPrice(view);
    },
    initialPoolState: (tao, alpha) =>
      rules === "current"
        ? { kind: "balancer", quoteWeight: HALF_WEIGHT }
        : { kind: "v3", ...v3Initialise(tao, alpha) },
    stateAfterSwap(pool, q) {
      if (pool.state.kind === "balancer") return pool.state;
      if (q.sqrtPriceAfter !== undefined)
        return { kind: "v3", sqrtPrice: q.sqrtPriceAfter, liquidity: q.liquidity };
      return pool.state;
    },
    blockEmission: (issuance) => ops.blockEmission(issuance),
    movingPrice: (i) => ops.movingPrice({ spec, ...i }),
    lockCost: (i) => ops.lockCost({ spec, ...i }),
    neuronBurn(i) {
      // The per-block decay (one block, no registration) is clamp(⌊burn × f⌋ >> 32) with the Q32 factor f
      // of the half-life; the engine finds f by a binary search on every call, so take it from the engine
      // once per half-life (decaying 2^32 for one block yields f itself) and apply it here.
      if (i.blocks === 1 && i.registrations === 0 && i.halfLife > 0) {
        let f = decayFactors.get(i.halfLife);
        if (f === undefined) {
          f = ops.neuronBurn({
            spec: burnSpec,
            burn: Q32,
            minBurn: 0n,
            maxBurn: U64_MAX,
            halfLife: i.halfLife,
            blocks: 1,
            registrations: 0,
            increaseMult: i.increaseMult,
          });
          decayFactors.set(i.halfLife, f);
        }
        const next = (i.burn * f) >> 32n;
        return next < i.minBurn ? i.minBurn : next > i.maxBurn ? i.maxBurn : next;
      }
      return ops.neuronBurn({ spec: burnSpec, ...i });
    },
    stakeValue: (sharedValue, share, denominator) =>
      ops.stakeValue({ pool: "u64f64", sharedValue, share, denominator }),
    coinbase: (state) => runCoinbase({ spec, ...state }, coinbasePool),
    toCoinbasePool: (state) =>
      state.kind === "balancer"
        ? { quoteWeight: state.quoteWeight }
        : { sqrtPrice: state.sqrtPrice, liquidity: state.liquidity },
    fromCoinbasePool(pool, fallback) {
      const p = (pool ?? {}) as { quoteWeight?: bigint; sqrtPrice?: bigint; liquidity?: bigint };
      if (fallback.kind === "balancer")
        return { kind: "balancer", quoteWeight: p.quoteWeight ?? fallback.quoteWeight };
      return { kind: "v3", sqrtPrice: p.sqrtPrice, liquidity: p.liquidity };
    },
    yuma: (input) => yumaEpoch({ spec, ...input }),
    distribute: (input) => distributeEmission(input),
    activityCutoff: (factorMilli, tempo) => activityCutoffBlocks(factorMilli, tempo),
    maxUpscale: (values) => u16MaxUpscale(values),
  };
  return engine;
}
