/**
 * JSON edge of the economy ops. Each op is a zod schema for its arguments plus a function `(args) => result`
 * over plain JSON: integers (rao, u64, i64) are decimal strings, fixed-point inputs are decimal strings
 * converted as the chain converts literals (`fromDecimal`; exact for values printed by `toDecimal`), fixed-point
 * outputs are the exact decimal of the stored value. Bad input throws `EngineInputError` naming the field
 * ("state.subnets.0.movingPrice: …"); rules that are not modelled throw `EngineInputError("spec", …)`.
 *
 * `subnetShares` — args `{spec, block, blockEmission, subnets: [{netuid, movingPrice (I96F32), mechanism?,
 *   minerBurned? (U96F32), emissionEnabled?, rootProportion? (U96F32, 421–424), spotPrice? (U96F32, 334–347 EMA
 *   seed), taoFlow? (i64), emaTaoFlow? {block, value (I64F64)} | null, protocolFlow?, emaProtocolFlow?}],
 *   flowEmaSmoothingFactor?, taoFlowCutoff? (I64F64), flowNormExponent? (U64F64), netTaoFlowEnabled?}` (subnets
 *   being emitted to, ascending netuid). Result `{scheme, subnets: [{netuid, share (U64F64; U96F32 before 334),
 *   taoEmission (U96F32), taoEmissionRao}], flowUpdates: [{netuid, emaTaoFlow, taoFlow, emaProtocolFlow?,
 *   protocolFlow?}]}`.
 * `coinbase` — args `{state, blockEmission?}`; `state = {spec (≥ 343; pool injections modelled for the balancer,
 *   i.e. spec ≥ 423 or 380), block, totalIssuance, totalStake, rootTao, taoWeight, subnetOwnerCut?, maxEpochsPerBlock?,
 *   flowEmaSmoothingFactor?, taoFlowCutoff?, flowNormExponent?, netTaoFlowEnabled?, subnets: [{netuid, mechanism?,
 *   taoReserve, alphaIn, alphaOut, protocolAlpha?, quoteWeight? (Perquintill parts), movingPrice, minerBurned?,
 *   emissionEnabled?, ownerCutEnabled?, firstEmissionBlock (null = not started), subtokenEnabled?,
 *   registrationAllowed?, pendingServer?, pendingValidator?, pendingRootAlpha?, pendingOwnerCut?, taoFlow?,
 *   emaTaoFlow?, protocolFlow?, emaProtocolFlow?, tempo, lastEpochBlock?, pendingEpochAt?, blocksSinceLastStep?,
 *   epochIndex?}]}`. Result `{blockEmission, issuedTao, recycledTao, rootSellFlag, epochsFired, epochsDeferred,
 *   subnets: [{netuid, emitted, share, taoEmission, alphaEmission, price, rootProportion, taoInRequested,
 *   alphaInRequested, excessTao, taoInEmission, alphaInEmission, alphaOutEmission, excessTaoPaid,
 *   excessTaoStranded, chainBoughtAlpha, boughtAlphaRecycled, ownerCut, server, validator, rootAlpha,
 *   rootAlphaRecycled, drained: {server, validator, rootAlpha, ownerCut} | null}], state}` (state after the block,
 *   same shape as the input subnets' mutable fields).
 * `epochSchedule` — args `{spec, block, maxEpochsPerBlock?, subnets: [{netuid, tempo, lastEpochBlock?,
 *   pendingEpochAt?, blocksSinceLastStep?, epochIndex?, consistent?}]}`. Result `{rule: "legacy"|"stateful", fired,
 *   deferred, skipped, subnets: [{netuid, blocksUntilNextEpoch | null, nextEpochBlock | null, lastEpochBlock,
 *   pendingEpochAt, blocksSinceLastStep, epochIndex}]}` (state after the block).
 * `yumaEpoch` — args `{spec, block, tempo, activityCutoff | activityCutoffFactorMilli, lastMechanismStepBlock?,
 *   lastUpdate[], blockAtRegistration[], alphaStake[], rootStake[]?, taoWeight?, stakeThreshold?, ownerUid?,
 *   validatorPermit[], maxAllowedValidators, weights: [[uid, u16]][], bonds: [[uid, u16]][], commitBlocks?,
 *   kappa, bondsPenalty, bondsMovingAverage, yuma3, liquidAlpha, alphaLow?, alphaHigh?, alphaSigmoidSteepness?,
 *   emission}` (one entry per UID). Result: I32F32 vectors `stake, activeStake, consensus, incentive, dividends,
 *   validatorTrust`; stored u16 `stakeWeightU16, consensusU16, incentiveU16, dividendsU16, validatorTrustU16`
 *   (+ `rankU16, trustU16, pruningScoresU16` before spec 365); `active, validatorPermit`; alpha per UID
 *   `serverEmission, validatorEmission, emission`; `rawStake`; `bonds` to store (`[[uid, u16]]` per UID).
 * `project` — args `{state (as coinbase), blocks (≤ 1,000,000), movingAlpha? (I96F32), halvingBlocks?
 *   {netuid: blocks}, sampleEvery?}`. Result `{taoEmitted, taoIssued, subnets: [{netuid, taoEmission, taoInjected,
 *   excessTao, alphaInjected, alphaOutEmitted, chainBoughtAlpha, ownerCut, server, validator, rootAlpha, epochs}],
 *   pricePath: {netuid: [{block, price (U64F64), movingPrice (I96F32), taoReserve, alphaIn}]}, state}`.
 * `distributeEmission` — args `{pendingServer, pendingValidator, pendingRootAlpha, pendingOwnerCut,
 *   hotkeyEmission: [{hotkey, incentive, dividend}], hotkeys: {hotkey: {coldkey, alphaStake, rootStake, take?,
 *   childkeyTake?, children? [[proportion u64, child]], parents?}}, taoWeight, ckBurn?, ownerHotkeys?,
 *   ownerHotkey?, ownerColdkey?, recycleOrBurn?}`. Result `{incentives, withheld, minerBurned (U96F32),
 *   recycledAlpha, burnedAlpha, dividends, alphaDividends: [{hotkey, amount (U96F32), take, rest}], rootDividends,
 *   ownerCut}`.
 */
import { z } from "zod";
import { type CoinbaseState, type CoinbaseSubnet, MIN_COINBASE_SPEC, runCoinbase } from "./coinbase";
import { type DistributeInput, distributeEmission } from "./coinbase-distribute";
import { balancerCoinbasePool, type CoinbasePoolModel } from "./coinbase-pool";
import {
  blocksUntilNextAutoEpoch,
  type EpochScheduleState,
  legacyBlocksUntilNextEpoch,
  nextEpochStartBlock,
  stepEpochSchedule,
  usesStatefulSchedule,
} from "./epoch-schedule";
import { activityCutoffBlocks, type YumaInput, yumaEpoch } from "./epoch-yuma";
import * as fx from "./fixed";
import { project } from "./project";
import { type EmaEntry, type ShareSubnet, subnetShares } from "./shares";
import { checkSpec, EngineInputError, poolEra } from "./specs";

const U64_MAX = (1n << 64n) - 1n;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;

// ------------------------------------------------------------------ field parsers

const intText = z.string().regex(/^-?\d+$/, "must be an integer as a decimal string");
const u64 = intText
  .transform((s) => BigInt(s))
  .refine((v) => v >= 0n && v <= U64_MAX, "must be a u64 (0 … 18446744073709551615)");
const i64 = intText.transform((s) => BigInt(s)).refine((v) => v >= I64_MIN && v <= I64_MAX, "must be an i64");
const u16 = z.number().int().min(0).max(65_535);
const netuid = u16;
const spec = z.number().int().nonnegative();
const decimal = z.string().regex(/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/, "must be a decimal number as a string");

function fixed(t: fx.FixedSpec) {
  return decimal.transform((s, ctx) => {
    try {
      return fx.fromDecimal(t, s);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: `not a ${t.name} value: ${(e as Error).message}` });
      return z.NEVER;
    }
  });
}

const emaEntry = z.object({ block: u64, value: fixed(fx.I64F64) }).nullable();

function parse<S extends z.ZodType>(schema: S, args: unknown): z.output<S> {
  const r = schema.safeParse(args);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join(".") : "args";
  throw new EngineInputError(field, issue?.message ?? "invalid");
}

const dec = (t: fx.FixedSpec, bits: bigint) => fx.toDecimal(t, bits);
const str = (v: bigint) => v.toString();
const emaOut = (e: EmaEntry) => ({ block: str(e.block), value: dec(fx.I64F64, e.value) });

// ------------------------------------------------------------------ subnetShares

const shareSubnet = z.object({
  netuid,
  mechanism: z.number().int().min(0).max(1).optional(),
  movingPrice: fixed(fx.I96F32),
  minerBurned: fixed(fx.U96F32).optional(),
  emissionEnabled: z.boolean().optional(),
  rootProportion: fixed(fx.U96F32).optional(),
  spotPrice: fixed(fx.U96F32).optional(),
  taoFlow: i64.optional(),
  emaTaoFlow: emaEntry.optional(),
  protocolFlow: i64.optional(),
  emaProtocolFlow: emaEntry.optional(),
});

export const subnetSharesSchema = z.object({
  spec,
  block: u64,
  blockEmission: u64,
  flowEmaSmoothingFactor: u64.optional(),
  taoFlowCutoff: fixed(fx.I64F64).optional(),
  flowNormExponent: fixed(fx.U64F64).optional(),
  netTaoFlowEnabled: z.boolean().optional(),
  subnets: z.array(shareSubnet),
});

/** Emission shares of the subnets being emitted to (pass them in ascending netuid order). */
export function subnetSharesOp(args: unknown) {
  const a = parse(subnetSharesSchema, args);
  checkSpec(a.spec);
  const r = subnetShares(a.subnets as ShareSubnet[], a);
  const shareType = r.scheme === "price-v3" ? fx.U96F32 : fx.U64F64;
  return {
    scheme: r.scheme,
    subnets: r.subnets.map((s) => ({
      netuid: s.netuid,
      share: dec(shareType, s.share),
      taoEmission: dec(fx.U96F32, s.taoEmission),
      taoEmissionRao: str(fx.toU64Saturating(fx.U96F32, s.taoEmission)),
    })),
    flowUpdates: r.flowUpdates.map((u) => ({
      netuid: u.netuid,
      emaTaoFlow: emaOut(u.emaTaoFlow),
      taoFlow: str(u.taoFlow),
      ...(u.emaProtocolFlow ? { emaProtocolFlow: emaOut(u.emaProtocolFlow) } : {}),
      ...(u.protocolFlow !== undefined ? { protocolFlow: str(u.protocolFlow) } : {}),
    })),
  };
}

// ------------------------------------------------------------------ coinbase / project state

const coinbaseSubnet = z.object({
  netuid,
  mechanism: z.number().int().min(0).max(1).optional(),
  taoReserve: u64,
  alphaIn: u64,
  alphaOut: u64,
  protocolAlpha: u64.optional(),
  /** Balancer quote weight, Perquintill parts (default 5e17). */
  quoteWeight: u64
    .refine((v) => v <= 1_000_000_000_000_000_000n, "must be Perquintill parts ≤ 1e18")
    .optional(),
  movingPrice: fixed(fx.I96F32),
  minerBurned: fixed(fx.U96F32).optional(),
  emissionEnabled: z.boolean().optional(),
  ownerCutEnabled: z.boolean().optional(),
  firstEmissionBlock: u64.nullable(),
  subtokenEnabled: z.boolean().optional(),
  registrationAllowed: z.boolean().optional(),
  pendingServer: u64.optional(),
  pendingValidator: u64.optional(),
  pendingRootAlpha: u64.optional(),
  pendingOwnerCut: u64.optional(),
  taoFlow: i64.optional(),
  emaTaoFlow: emaEntry.optional(),
  protocolFlow: i64.optional(),
  emaProtocolFlow: emaEntry.optional(),
  tempo: u16,
  lastEpochBlock: u64.optional(),
  pendingEpochAt: u64.optional(),
  blocksSinceLastStep: u64.optional(),
  epochIndex: u64.optional(),
});

const coinbaseState = z.object({
  spec,
  block: u64,
  totalIssuance: u64,
  totalStake: u64,
  rootTao: u64,
  taoWeight: u64,
  subnetOwnerCut: u16.optional(),
  maxEpochsPerBlock: z.number().int().min(0).max(255).optional(),
  flowEmaSmoothingFactor: u64.optional(),
  taoFlowCutoff: fixed(fx.I64F64).optional(),
  flowNormExponent: fixed(fx.U64F64).optional(),
  netTaoFlowEnabled: z.boolean().optional(),
  subnets: z.array(coinbaseSubnet),
});

type ParsedState = z.output<typeof coinbaseState>;

function toCoinbaseState(p: ParsedState): CoinbaseState {
  const seen = new Set<number>();
  p.subnets.forEach((s, i) => {
    if (s.netuid === 0)
      throw new EngineInputError(`state.subnets.${i}.netuid`, "root (0) is not an emitting subnet");
    if (seen.has(s.netuid))
      throw new EngineInputError(`state.subnets.${i}.netuid`, `duplicate netuid ${s.netuid}`);
    seen.add(s.netuid);
  });
  return {
    ...p,
    subnets: p.subnets.map(({ quoteWeight, ...s }) => ({
      ...s,
      pool: quoteWeight === undefined ? undefined : { quoteWeight },
    })),
  };
}

/** The pool model of the era: only the balancer (spec ≥ 423, and 380) is modelled for injections. */
function poolFor(specVersion: number): CoinbasePoolModel {
  checkSpec(specVersion);
  if (specVersion < MIN_COINBASE_SPEC) {
    throw new EngineInputError(
      "spec",
      `coinbase rules before spec ${MIN_COINBASE_SPEC} (subsidy, PendingEmission, per-block root sell) are not modelled`,
    );
  }
  if (poolEra(specVersion) !== "balancer") {
    throw new EngineInputError(
      "spec",
      `spec ${specVersion} injects into the Uniswap-v3 protocol position, which the coinbase does not model yet`,
    );
  }
  return balancerCoinbasePool(specVersion);
}

function subnetOut(s: CoinbaseSubnet) {
  const w = (s.pool as { quoteWeight?: bigint } | undefined)?.quoteWeight;
  return {
    netuid: s.netuid,
    taoReserve: str(s.taoReserve),
    alphaIn: str(s.alphaIn),
    alphaOut: str(s.alphaOut),
    protocolAlpha: str(s.protocolAlpha ?? 0n),
    ...(w !== undefined ? { quoteWeight: str(w) } : {}),
    movingPrice: dec(fx.I96F32, s.movingPrice),
    pendingServer: str(s.pendingServer ?? 0n),
    pendingValidator: str(s.pendingValidator ?? 0n),
    pendingRootAlpha: str(s.pendingRootAlpha ?? 0n),
    pendingOwnerCut: str(s.pendingOwnerCut ?? 0n),
    taoFlow: str(s.taoFlow ?? 0n),
    emaTaoFlow: s.emaTaoFlow ? emaOut(s.emaTaoFlow) : null,
    protocolFlow: str(s.protocolFlow ?? 0n),
    emaProtocolFlow: s.emaProtocolFlow ? emaOut(s.emaProtocolFlow) : null,
    lastEpochBlock: str(s.lastEpochBlock ?? 0n),
    pendingEpochAt: str(s.pendingEpochAt ?? 0n),
    blocksSinceLastStep: str(s.blocksSinceLastStep ?? 0n),
    epochIndex: str(s.epochIndex ?? 0n),
  };
}

function stateOut(s: CoinbaseState) {
  return {
    block: str(s.block),
    totalIssuance: str(s.totalIssuance),
    totalStake: str(s.totalStake),
    subnets: s.subnets.map(subnetOut),
  };
}

export const coinbaseSchema = z.object({
  state: coinbaseState,
  /** TAO minted this block (rao); default: the curve at `totalIssuance`. */
  blockEmission: u64.optional(),
});

/** One block's coinbase for all subnets. */
export function coinbaseOp(args: unknown) {
  const a = parse(coinbaseSchema, args);
  const pool = poolFor(a.state.spec);
  const r = runCoinbase(toCoinbaseState(a.state), pool, a.blockEmission);
  return {
    blockEmission: str(r.blockEmission),
    issuedTao: str(r.issuedTao),
    recycledTao: str(r.recycledTao),
    rootSellFlag: r.rootSellFlag,
    epochsFired: r.epochsFired,
    epochsDeferred: r.epochsDeferred,
    subnets: r.subnets.map((x) => ({
      netuid: x.netuid,
      emitted: x.emitted,
      share: dec(fx.U64F64, x.share),
      taoEmission: dec(fx.U96F32, x.taoEmission),
      alphaEmission: str(x.alphaEmission),
      price: dec(fx.U96F32, x.price),
      rootProportion: dec(fx.U96F32, x.rootProportion),
      taoInRequested: str(x.taoInRequested),
      alphaInRequested: str(x.alphaInRequested),
      excessTao: str(x.excessTao),
      taoInEmission: str(x.taoInEmission),
      alphaInEmission: str(x.alphaInEmission),
      alphaOutEmission: str(x.alphaOutEmission),
      excessTaoPaid: str(x.excessTaoPaid),
      excessTaoStranded: str(x.excessTaoStranded),
      chainBoughtAlpha: str(x.chainBoughtAlpha),
      boughtAlphaRecycled: str(x.boughtAlphaRecycled),
      ownerCut: str(x.ownerCut),
      server: str(x.server),
      validator: str(x.validator),
      rootAlpha: str(x.rootAlpha),
      rootAlphaRecycled: str(x.rootAlphaRecycled),
      drained: x.drained
        ? {
            server: str(x.drained.server),
            validator: str(x.drained.validator),
            rootAlpha: str(x.drained.rootAlpha),
            ownerCut: str(x.drained.ownerCut),
          }
        : null,
    })),
    state: stateOut(r.state),
  };
}

// ------------------------------------------------------------------ epochSchedule

export const epochScheduleSchema = z.object({
  spec,
  block: u64,
  maxEpochsPerBlock: z.number().int().min(0).max(255).optional(),
  subnets: z.array(
    z.object({
      netuid,
      tempo: u16,
      lastEpochBlock: u64.optional(),
      pendingEpochAt: u64.optional(),
      blocksSinceLastStep: u64.optional(),
      epochIndex: u64.optional(),
      consistent: z.boolean().optional(),
    }),
  ),
});

/**
 * Which subnets' epochs fire at `block` (and which are deferred), the schedule state after the
 * block, and the blocks until each subnet's next automatic epoch as seen at `block`.
 */
export function epochScheduleOp(args: unknown) {
  const a = parse(epochScheduleSchema, args);
  checkSpec(a.spec);
  const states: EpochScheduleState[] = a.subnets.map((s) => ({
    netuid: s.netuid,
    tempo: s.tempo,
    lastEpochBlock: s.lastEpochBlock ?? 0n,
    pendingEpochAt: s.pendingEpochAt ?? 0n,
    blocksSinceLastStep: s.blocksSinceLastStep ?? 0n,
    epochIndex: s.epochIndex ?? 0n,
    consistent: s.consistent,
  }));
  const stateful = usesStatefulSchedule(a.spec);
  const r = stepEpochSchedule(a.spec, a.block, states, a.maxEpochsPerBlock ?? 2);
  return {
    rule: stateful ? "stateful" : "legacy",
    fired: r.fired,
    deferred: r.deferred,
    skipped: r.skipped,
    subnets: states.map((s, i) => {
      const after = r.states[i] as EpochScheduleState;
      const until = stateful
        ? blocksUntilNextAutoEpoch(s.lastEpochBlock, s.tempo, a.block)
        : legacyBlocksUntilNextEpoch(s.netuid, s.tempo, a.block);
      const next = stateful ? nextEpochStartBlock(s) : s.tempo === 0 ? null : a.block + until;
      return {
        netuid: s.netuid,
        blocksUntilNextEpoch: until === U64_MAX ? null : str(until),
        nextEpochBlock: next === null ? null : str(next),
        lastEpochBlock: str(after.lastEpochBlock),
        pendingEpochAt: str(after.pendingEpochAt),
        blocksSinceLastStep: str(after.blocksSinceLastStep),
        epochIndex: str(after.epochIndex),
      };
    }),
  };
}

// ------------------------------------------------------------------ yumaEpoch

const sparseU16Rows = z.array(z.array(z.tuple([u16, u16])));

export const yumaEpochSchema = z
  .object({
    spec,
    block: u64,
    tempo: u16,
    /** Blocks; or give `activityCutoffFactorMilli` (spec ≥ 423). */
    activityCutoff: u64.optional(),
    activityCutoffFactorMilli: z.number().int().min(0).optional(),
    lastMechanismStepBlock: u64.optional(),
    lastUpdate: z.array(u64),
    blockAtRegistration: z.array(u64),
    alphaStake: z.array(u64),
    rootStake: z.array(u64).optional(),
    taoWeight: u64.optional(),
    stakeThreshold: u64.optional(),
    ownerUid: u16.nullable().optional(),
    validatorPermit: z.array(z.boolean()),
    maxAllowedValidators: u16,
    weights: sparseU16Rows,
    bonds: sparseU16Rows,
    commitBlocks: z.array(u64.nullable()).nullable().optional(),
    kappa: u16,
    bondsPenalty: u16,
    bondsMovingAverage: u64,
    yuma3: z.boolean(),
    liquidAlpha: z.boolean(),
    alphaLow: u16.optional(),
    alphaHigh: u16.optional(),
    alphaSigmoidSteepness: z.number().int().min(-32_768).max(32_767).optional(),
    emission: u64,
  })
  .superRefine((a, ctx) => {
    const n = a.lastUpdate.length;
    for (const k of ["blockAtRegistration", "alphaStake", "validatorPermit", "weights", "bonds"] as const) {
      if (a[k].length !== n)
        ctx.addIssue({ code: "custom", path: [k], message: `must have one entry per UID (${n})` });
    }
    if (a.rootStake && a.rootStake.length !== n)
      ctx.addIssue({ code: "custom", path: ["rootStake"], message: `must have one entry per UID (${n})` });
    if (a.activityCutoff === undefined && a.activityCutoffFactorMilli === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["activityCutoff"],
        message: "give activityCutoff or activityCutoffFactorMilli",
      });
  });

/** Yuma consensus for one subnet mechanism. */
export function yumaEpochOp(args: unknown) {
  const a = parse(yumaEpochSchema, args);
  checkSpec(a.spec);
  const input: YumaInput = {
    ...a,
    activityCutoff: a.activityCutoff ?? activityCutoffBlocks(a.activityCutoffFactorMilli ?? 0, a.tempo),
  };
  const o = yumaEpoch(input);
  const i32 = (v: bigint) => dec(fx.I32F32, v);
  return {
    stake: o.stake.map(i32),
    activeStake: o.activeStake.map(i32),
    consensus: o.consensus.map(i32),
    incentive: o.incentive.map(i32),
    dividends: o.dividends.map(i32),
    validatorTrust: o.validatorTrust.map(i32),
    stakeWeightU16: o.stakeWeightU16,
    consensusU16: o.consensusU16,
    incentiveU16: o.incentiveU16,
    dividendsU16: o.dividendsU16,
    validatorTrustU16: o.validatorTrustU16,
    active: o.active,
    validatorPermit: o.newValidatorPermit,
    serverEmission: o.serverEmission.map(str),
    validatorEmission: o.validatorEmission.map(str),
    emission: o.emission.map(str),
    rawStake: o.rawStake.map(str),
    bonds: o.bonds,
    ...(o.rankU16 ? { rankU16: o.rankU16, trustU16: o.trustU16, pruningScoresU16: o.pruningScoresU16 } : {}),
  };
}

// ------------------------------------------------------------------ project

export const projectSchema = z.object({
  state: coinbaseState,
  blocks: z.number().int().min(0).max(1_000_000),
  movingAlpha: fixed(fx.I96F32).optional(),
  halvingBlocks: z.record(z.string().regex(/^\d+$/), u64).optional(),
  sampleEvery: z.number().int().min(1).optional(),
});

/** Simulates `blocks` blocks with no trading: per-subnet emission totals and the price path. */
export function projectOp(args: unknown) {
  const a = parse(projectSchema, args);
  const pool = poolFor(a.state.spec);
  const halving: Record<number, bigint> = {};
  for (const [k, v] of Object.entries(a.halvingBlocks ?? {})) halving[Number(k)] = v;
  const r = project(
    {
      state: toCoinbaseState(a.state),
      blocks: a.blocks,
      movingAlpha: a.movingAlpha,
      halvingBlocks: halving,
      sampleEvery: a.sampleEvery,
    },
    pool,
  );
  const path: Record<string, unknown[]> = {};
  for (const [k, pts] of Object.entries(r.pricePath)) {
    path[k] = pts.map((p) => ({
      block: str(p.block),
      price: dec(fx.U64F64, p.price),
      movingPrice: dec(fx.I96F32, p.movingPrice),
      taoReserve: str(p.taoReserve),
      alphaIn: str(p.alphaIn),
    }));
  }
  return {
    taoEmitted: str(r.taoEmitted),
    taoIssued: str(r.taoIssued),
    subnets: r.subnets.map((t) => ({
      netuid: t.netuid,
      taoEmission: str(t.taoEmission),
      taoInjected: str(t.taoInjected),
      excessTao: str(t.excessTao),
      alphaInjected: str(t.alphaInjected),
      alphaOutEmitted: str(t.alphaOutEmitted),
      chainBoughtAlpha: str(t.chainBoughtAlpha),
      ownerCut: str(t.ownerCut),
      server: str(t.server),
      validator: str(t.validator),
      rootAlpha: str(t.rootAlpha),
      epochs: t.epochs,
    })),
    pricePath: path,
    state: stateOut(r.state),
  };
}

// ------------------------------------------------------------------ distributeEmission

const proportionPair = z.tuple([u64, z.string().min(1)]);

export const distributeEmissionSchema = z.object({
  pendingServer: u64,
  pendingValidator: u64,
  pendingRootAlpha: u64,
  pendingOwnerCut: u64,
  hotkeyEmission: z.array(z.object({ hotkey: z.string().min(1), incentive: u64, dividend: u64 })),
  hotkeys: z.record(
    z.string(),
    z.object({
      coldkey: z.string().min(1),
      alphaStake: u64,
      rootStake: u64,
      take: u16.optional(),
      childkeyTake: u16.optional(),
      children: z.array(proportionPair).optional(),
      parents: z.array(proportionPair).optional(),
    }),
  ),
  taoWeight: u64,
  ckBurn: u64.optional(),
  ownerHotkeys: z.array(z.string()).optional(),
  ownerHotkey: z.string().nullable().optional(),
  ownerColdkey: z.string().nullable().optional(),
  recycleOrBurn: z.enum(["burn", "recycle"]).optional(),
});

/** Payouts of one epoch's drained emission (incentives, childkey split, alpha/root dividends, takes). */
export function distributeEmissionOp(args: unknown) {
  const a = parse(distributeEmissionSchema, args);
  const r = distributeEmission(a as DistributeInput);
  const payout = (p: { hotkey: string; amount: bigint; take: bigint; rest: bigint }) => ({
    hotkey: p.hotkey,
    amount: dec(fx.U96F32, p.amount),
    take: str(p.take),
    rest: str(p.rest),
  });
  return {
    incentives: r.incentives.map((x) => ({ hotkey: x.hotkey, amount: str(x.amount) })),
    withheld: r.withheld.map((x) => ({ hotkey: x.hotkey, amount: str(x.amount) })),
    minerBurned: dec(fx.U96F32, r.minerBurned),
    recycledAlpha: str(r.recycledAlpha),
    burnedAlpha: str(r.burnedAlpha),
    dividends: r.dividends.map((x) => ({ hotkey: x.hotkey, amount: dec(fx.U96F32, x.amount) })),
    alphaDividends: r.alphaDividends.map(payout),
    rootDividends: r.rootDividends.map(payout),
    ownerCut: r.ownerCut ? { ...r.ownerCut, amount: str(r.ownerCut.amount) } : null,
  };
}

/** Registry entries for the op table: name → { schema, run }. */
export const economyOps = {
  subnetShares: { schema: subnetSharesSchema, run: subnetSharesOp },
  coinbase: { schema: coinbaseSchema, run: coinbaseOp },
  epochSchedule: { schema: epochScheduleSchema, run: epochScheduleOp },
  yumaEpoch: { schema: yumaEpochSchema, run: yumaEpochOp },
  project: { schema: projectSchema, run: projectOp },
  distributeEmission: { schema: distributeEmissionSchema, run: distributeEmissionOp },
} as const;
