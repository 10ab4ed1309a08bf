// Emission projection: the engine's `project` (lib/engine/ref/project.ts: TAO block emission from TotalIssuance,
// run_coinbase, moving-price update, per block, no trading) run forward from the newest indexed state. Every input
// comes from the database; inputs the indexer does not store take the chain's defaults, and the answer's `method`
// lists each of them. Methodology: README.md ("Emission projection").

import type { ProjectionDto } from "../api/v1/engine-schemas";
import { derivedQuoteWeight } from "../engine/browser-quote";
import type { CoinbaseState, CoinbaseSubnet } from "../engine/ref/coinbase";
import { balancerCoinbasePool } from "../engine/ref/coinbase-pool";
import * as fx from "../engine/ref/fixed";
import { type CoinbaseStep, type ProjectResult, project } from "../engine/ref/project";
import { FIRST_DTAO_SPEC, LATEST_SPEC, poolEra } from "../engine/ref/specs";
import { select } from "./sql";

/**
 * Blocks a projection may run: one day of 12 s blocks. Every block is simulated exactly (no sampling of the
 * arithmetic, only of the returned price path), at about 0.5 ms per subnet-block in the reference engine, so a
 * month (216,000 blocks) would hold a request for minutes.
 */
export const PROJECTION_MAX_BLOCKS = 7200;
export const PATH_POINTS = 200;
/** Mainnet TaoWeight (0.18 of u64::MAX, set by migrate_rao): TaoWeight is not indexed. */
export const ASSUMED_TAO_WEIGHT = 3_320_413_933_267_719_290n;
const DEFAULT_TEMPO = 360;
const U64F64_ONE = 1n << 64n;
const RAO = 1_000_000_000n;

export interface ProjectionInputs {
  /** Newest snapshot block: the state after it; the projection produces block + 1 onwards. */
  block: number;
  timestamp: Date | null;
  runtimeSpec: number;
  engineSpec: number;
  issuanceBlock: number;
  state: CoinbaseState;
  /** Netuids whose FirstEmissionBlockNumber came from an event (others: assumed, see method). */
  emissionStartFromEvent: number[];
}

interface SnapRow {
  netuid: number;
  block_number: number;
  timestamp: Date | null;
  spec_version: number;
  tao_in: string | null;
  alpha_in: string | null;
  alpha_out: string | null;
  price_rao: string | null;
  moving_price: string | null;
  tao_in_emission: string | null;
  alpha_out_emission: string | null;
  first_emission: string | null;
}

/** The engine spec whose coinbase rules run the projection: the runtime's when modelled, else the newest. */
export function engineSpecFor(runtimeSpec: number): number {
  if (runtimeSpec >= FIRST_DTAO_SPEC && runtimeSpec <= LATEST_SPEC && poolEra(runtimeSpec) === "balancer")
    return runtimeSpec;
  return LATEST_SPEC;
}

/** FirstEmissionBlockNumberSet(netuid, block): positional or named args. */
function eventBlock(args: unknown): string | null {
  const v = Array.isArray(args)
    ? args[1]
    : args && typeof args === "object"
      ? (Object.values(args as Record<string, unknown>)[1] ?? null)
      : null;
  return typeof v === "number" || (typeof v === "string" && /^\d+$/.test(v)) ? String(v) : null;
}

/** The newest indexed state as the coinbase's input, or null when nothing is indexed yet. */
export async function projectionInputs(): Promise<ProjectionInputs | null> {
  const rows = await select<(Omit<SnapRow, "first_emission"> & { fe_args: unknown })[]>`
    WITH head AS (SELECT max(block_number) AS n FROM pool_snapshots)
    SELECT p.netuid, p.block_number, b."timestamp", b.spec_version, p.tao_in::text, p.alpha_in::text,
           p.alpha_out::text, p.price_rao::text, p.moving_price::text, p.tao_in_emission::text,
           p.alpha_out_emission::text,
           (SELECT e.args FROM events e
             WHERE e.section = 'subtensorModule' AND e.method = 'FirstEmissionBlockNumberSet'
               AND e.block_number <= p.block_number
               AND CASE jsonb_typeof(e.args) WHEN 'array' THEN e.args->>0 ELSE e.args->>'netuid' END
                   = p.netuid::text
             ORDER BY e.block_number DESC, e.index DESC LIMIT 1) AS fe_args
      FROM pool_snapshots p JOIN head ON p.block_number = head.n
      JOIN blocks b ON b.number = p.block_number
     ORDER BY p.netuid`;
  const first = rows[0];
  if (!first) return null;
  const stats = await select<{ block_number: number; issuance: string | null; staked: string | null }[]>`
    SELECT block_number, issuance::text, staked::text FROM network_stats_daily
     WHERE block_number <= ${first.block_number} AND issuance IS NOT NULL
     ORDER BY block_number DESC LIMIT 1`;
  const st = stats[0];
  if (!st?.issuance) return null;
  const engineSpec = engineSpecFor(first.spec_version);
  const fromEvent: number[] = [];
  let rootTao = 0n;
  const subnets: CoinbaseSubnet[] = [];
  for (const r of rows) {
    if (r.netuid === 0) {
      rootTao = BigInt(r.tao_in ?? "0");
      continue;
    }
    if (r.tao_in === null || r.alpha_in === null || r.alpha_out === null) continue;
    const taoIn = BigInt(r.tao_in);
    const alphaIn = BigInt(r.alpha_in);
    const fe = eventBlock(r.fe_args);
    if (fe !== null) fromEvent.push(r.netuid);
    const emitting = BigInt(r.tao_in_emission ?? "0") > 0n || BigInt(r.alpha_out_emission ?? "0") > 0n;
    const weight = r.price_rao === null ? null : derivedQuoteWeight(taoIn, alphaIn, BigInt(r.price_rao));
    subnets.push({
      netuid: r.netuid,
      mechanism: 1,
      taoReserve: taoIn,
      alphaIn,
      alphaOut: BigInt(r.alpha_out),
      pool: weight === null ? undefined : { quoteWeight: weight },
      movingPrice: fx.fromDecimal(fx.I96F32, r.moving_price ?? "0"),
      firstEmissionBlock: fe !== null ? BigInt(fe) : emitting ? 1n : null,
      tempo: DEFAULT_TEMPO,
    });
  }
  return {
    block: first.block_number,
    timestamp: first.timestamp,
    runtimeSpec: first.spec_version,
    engineSpec,
    issuanceBlock: st.block_number,
    emissionStartFromEvent: fromEvent,
    state: {
      spec: engineSpec,
      block: BigInt(first.block_number) + 1n,
      totalIssuance: BigInt(st.issuance),
      totalStake: BigInt(st.staked ?? "0"),
      rootTao,
      taoWeight: ASSUMED_TAO_WEIGHT,
      subnets,
    },
  };
}

/** Sampling of the price path: every ⌈blocks / PATH_POINTS⌉ blocks, and the last block. */
export function sampleEveryFor(blocks: number): number {
  return Math.max(1, Math.ceil(blocks / PATH_POINTS));
}

/**
 * Runs the projection on the inputs (deterministic: same inputs, same numbers). `coinbase` is the per-block step:
 * the WASM coinbase when given (bit for bit the reference's, tests/engine/coinbase-wasm.test.ts), else the
 * BigInt reference.
 */
export function runProjection(
  inputs: ProjectionInputs,
  blocks: number,
  coinbase?: CoinbaseStep,
): ProjectResult {
  return project(
    { state: structuredClone(inputs.state), blocks, sampleEvery: sampleEveryFor(blocks) },
    balancerCoinbasePool(inputs.engineSpec),
    coinbase,
  );
}

/** U64F64 price bits → rao per whole alpha, floored (the unit of `price` everywhere in the API). */
export function priceRao(bits: bigint): string {
  return ((bits * RAO) / U64F64_ONE).toString();
}

export function projectionMethod(inputs: ProjectionInputs, blocks: number, wasm: boolean): string {
  const spec =
    inputs.engineSpec === inputs.runtimeSpec
      ? `the runtime's spec ${inputs.runtimeSpec} rules`
      : `spec ${inputs.engineSpec} (balancer) rules, because the indexed runtime (spec ${inputs.runtimeSpec}) ` +
        "injects into a Uniswap-v3 protocol position that the engine's coinbase does not model";
  const started = inputs.emissionStartFromEvent.length;
  return (
    `Engine projection (lib/engine/ref/project.ts${wasm ? ", each block's coinbase in the WASM engine" : ""}) ` +
    `of ${blocks} blocks after block ${inputs.block}, with no ` +
    `trading, using ${spec}: per block the TAO block emission from TotalIssuance, run_coinbase (price shares, ` +
    "injection with the root-proportion cap, chain buys of the excess, alpha out), then the moving-price update. " +
    `Inputs from the newest pool snapshots at block ${inputs.block}: SubnetTAO, SubnetAlphaIn/Out, ` +
    "SubnetMovingPrice; SubnetTAO[0] as root TAO; the balancer quote weight derived from the stored spot price " +
    `(w2 = y / (p·x + y)); TotalIssuance and TotalStake from the network statistics at block ${inputs.issuanceBlock}. ` +
    "Assumed (not indexed): TaoWeight = 0.18 (mainnet's value), SubnetOwnerCut 11796/65535, SubnetMovingAlpha " +
    "0.000003, EMAPriceHalvingBlocks 201600, MinerBurned 0, SubnetProtocolAlpha 0, mechanism dynamic, emission and " +
    `subtoken enabled; FirstEmissionBlockNumber from the FirstEmissionBlockNumberSet event (${started} subnets), ` +
    "else block 1 for subnets the snapshot shows emitting and not started for the rest. Pending emission and the " +
    "epoch schedule only move alpha between stakers, not the pool, so they do not change these figures. " +
    `The price path is sampled every ${sampleEveryFor(blocks)} blocks and at the last block.`
  );
}

const answers = new Map<string, ProjectionDto>();

/** The wire answer for the whole network; cached per (starting block, blocks), the last few kept. */
export function projectionAnswer(
  inputs: ProjectionInputs,
  blocks: number,
  coinbase?: CoinbaseStep,
): ProjectionDto {
  const key = `${inputs.block}:${inputs.issuanceBlock}:${blocks}`;
  const hit = answers.get(key);
  if (hit) return hit;
  const pool = balancerCoinbasePool(inputs.engineSpec);
  const start = new Map(
    inputs.state.subnets.map((s) => [
      s.netuid,
      pool.spotPrice({
        netuid: s.netuid,
        mechanism: s.mechanism ?? 1,
        taoReserve: s.taoReserve,
        alphaReserve: s.alphaIn,
        pool: s.pool,
      }),
    ]),
  );
  const r = runProjection(inputs, blocks, coinbase);
  const answer: ProjectionDto = {
    block: inputs.block,
    timestamp: inputs.timestamp?.toISOString() ?? null,
    blocks,
    sample_every: sampleEveryFor(blocks),
    runtime_spec: inputs.runtimeSpec,
    engine_spec: inputs.engineSpec,
    total_issuance: inputs.state.totalIssuance.toString(),
    tao_emitted: r.taoEmitted.toString(),
    tao_issued: r.taoIssued.toString(),
    subnets: r.subnets.map((t) => {
      const path = r.pricePath[t.netuid] ?? [];
      const last = path[path.length - 1];
      return {
        netuid: t.netuid,
        tao_emission: t.taoEmission.toString(),
        tao_injected: t.taoInjected.toString(),
        excess_tao: t.excessTao.toString(),
        alpha_injected: t.alphaInjected.toString(),
        alpha_out: t.alphaOutEmitted.toString(),
        chain_bought_alpha: t.chainBoughtAlpha.toString(),
        price_start: priceRao(start.get(t.netuid) ?? 0n),
        price_end: priceRao(last?.price ?? start.get(t.netuid) ?? 0n),
        path: path.map((p) => ({
          block: Number(p.block),
          price: priceRao(p.price),
          moving_price: fx.toDecimal(fx.I96F32, p.movingPrice),
          tao_in: p.taoReserve.toString(),
          alpha_in: p.alphaIn.toString(),
          tao_injected: p.taoInjected.toString(),
          alpha_out: p.alphaOutEmitted.toString(),
        })),
      };
    }),
    method: projectionMethod(inputs, blocks, coinbase !== undefined),
  };
  answers.set(key, answer);
  while (answers.size > 8) answers.delete(answers.keys().next().value as string);
  return answer;
}
