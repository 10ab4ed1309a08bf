/**
 * Projection: run the per-block economics forward N blocks from a state with no trading
 * (dtao-math §2.1 steps 2, 4, 5): TAO emission from `TotalIssuance`, `run_coinbase`, then the
 * moving-price update for every emitted subnet. Epoch distribution only moves alpha between
 * stakers, so pool reserves and prices are unaffected by it here; root-claim auto-sells and user
 * swaps are trading and are left out on purpose.
 */
import { type CoinbaseResult, type CoinbaseState, type CoinbaseSubnet, runCoinbase } from "./coinbase";
import type { CoinbasePoolModel } from "./coinbase-pool";
import * as fx from "./fixed";
import { movingPrice } from "./movingPrice";

/** `SubnetMovingAlpha` default (`from_num(0.000003)` as I96F32). */
export const DEFAULT_MOVING_ALPHA = fx.fromF64(fx.I96F32, 0.000003);
export const DEFAULT_EMA_HALVING_BLOCKS = 201_600n;

export interface ProjectInput {
  state: CoinbaseState;
  /** Number of blocks to produce, starting with `state.block`. */
  blocks: number;
  /** `SubnetMovingAlpha`, I96F32 bits. */
  movingAlpha?: bigint;
  /** `EMAPriceHalvingBlocks` per netuid (default 201,600). */
  halvingBlocks?: Record<number, bigint>;
  /** Record the price path every this many blocks (and at the last block). Default: every block. */
  sampleEvery?: number;
}

export interface ProjectSubnetTotals {
  netuid: number;
  /** Σ per-block TAO emission from the share rule (floored to rao per block). */
  taoEmission: bigint;
  /** TAO injected into the reserve (`SubnetTaoInEmission`) and through chain buys (`SubnetExcessTao`). */
  taoInjected: bigint;
  excessTao: bigint;
  alphaInjected: bigint;
  alphaOutEmitted: bigint;
  chainBoughtAlpha: bigint;
  ownerCut: bigint;
  server: bigint;
  validator: bigint;
  rootAlpha: bigint;
  epochs: number;
}

export interface PricePoint {
  block: bigint;
  /** Spot price after the block, U64F64 bits. */
  price: bigint;
  /** `SubnetMovingPrice` after the block, I96F32 bits. */
  movingPrice: bigint;
  taoReserve: bigint;
  alphaIn: bigint;
  /** Σ `SubnetTaoInEmission` and Σ `SubnetAlphaOutEmission` of the subnet from the first block through this one. */
  taoInjected: bigint;
  alphaOutEmitted: bigint;
}

export interface ProjectResult {
  state: CoinbaseState;
  /** Σ TAO block emission and Σ issued. */
  taoEmitted: bigint;
  taoIssued: bigint;
  subnets: ProjectSubnetTotals[];
  /** Per netuid. */
  pricePath: Record<number, PricePoint[]>;
}

function poolView(s: CoinbaseSubnet) {
  return {
    netuid: s.netuid,
    mechanism: s.mechanism ?? 1,
    taoReserve: s.taoReserve,
    alphaReserve: s.alphaIn,
    pool: s.pool,
  };
}

/** One block's coinbase: the reference `runCoinbase` by default; the WASM build (`runCoinbaseWasm`) gives the same. */
export type CoinbaseStep = (state: CoinbaseState) => CoinbaseResult;

export function project(
  input: ProjectInput,
  pool: CoinbasePoolModel,
  coinbase: CoinbaseStep = (s) => runCoinbase(s, pool),
): ProjectResult {
  if (!Number.isInteger(input.blocks) || input.blocks < 0)
    throw new RangeError(`blocks: ${input.blocks} is not a block count`);
  const sampleEvery = input.sampleEvery ?? 1;
  if (!Number.isInteger(sampleEvery) || sampleEvery < 1)
    throw new RangeError(`sampleEvery: ${sampleEvery} must be ≥ 1`);
  const alpha = input.movingAlpha ?? DEFAULT_MOVING_ALPHA;
  let state = input.state;
  const totals = new Map<number, ProjectSubnetTotals>();
  const path: Record<number, PricePoint[]> = {};
  for (const s of state.subnets) {
    totals.set(s.netuid, {
      netuid: s.netuid,
      taoEmission: 0n,
      taoInjected: 0n,
      excessTao: 0n,
      alphaInjected: 0n,
      alphaOutEmitted: 0n,
      chainBoughtAlpha: 0n,
      ownerCut: 0n,
      server: 0n,
      validator: 0n,
      rootAlpha: 0n,
      epochs: 0,
    });
    path[s.netuid] = [];
  }
  let taoEmitted = 0n;
  let taoIssued = 0n;
  for (let i = 0; i < input.blocks; i++) {
    const r: CoinbaseResult = coinbase(state);
    taoEmitted += r.blockEmission;
    taoIssued += r.issuedTao;
    state = r.state;
    for (const sr of r.subnets) {
      const t = totals.get(sr.netuid);
      if (!t) continue;
      t.taoEmission += fx.toU64Saturating(fx.U96F32, sr.taoEmission);
      t.taoInjected += sr.taoInEmission;
      t.excessTao += sr.excessTaoPaid;
      t.alphaInjected += sr.alphaInEmission;
      t.alphaOutEmitted += sr.alphaOutEmission;
      t.chainBoughtAlpha += sr.chainBoughtAlpha;
      t.ownerCut += sr.ownerCut;
      t.server += sr.server;
      t.validator += sr.validator;
      t.rootAlpha += sr.rootAlpha;
      if (sr.drained) t.epochs += 1;
    }
    // update_moving_prices: after the coinbase, for emitted subnets, with the post-injection spot price.
    const emitted = new Set(r.subnets.filter((x) => x.emitted).map((x) => x.netuid));
    for (const s of state.subnets) {
      if (!emitted.has(s.netuid) || s.firstEmissionBlock === null) continue;
      s.movingPrice = movingPrice({
        spec: state.spec,
        movingPrice: s.movingPrice,
        price: pool.spotPrice(poolView(s)),
        movingAlpha: alpha,
        block: state.block,
        firstEmissionBlock: s.firstEmissionBlock,
        halvingBlocks: input.halvingBlocks?.[s.netuid] ?? DEFAULT_EMA_HALVING_BLOCKS,
      });
    }
    const last = i === input.blocks - 1;
    if (last || (i + 1) % sampleEvery === 0) {
      for (const s of state.subnets) {
        const t = totals.get(s.netuid);
        path[s.netuid]?.push({
          block: state.block,
          price: pool.spotPrice(poolView(s)),
          movingPrice: s.movingPrice,
          taoReserve: s.taoReserve,
          alphaIn: s.alphaIn,
          taoInjected: t?.taoInjected ?? 0n,
          alphaOutEmitted: t?.alphaOutEmitted ?? 0n,
        });
      }
    }
    state = { ...state, block: state.block + 1n };
  }
  return { state, taoEmitted, taoIssued, subnets: [...totals.values()], pricePath: path };
}
