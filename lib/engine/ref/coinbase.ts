/**
 * One block's `run_coinbase` for all subnets (dtao-math §2.1–2.7), for spec ≥ 343 (from 343 the chain caps
 * alpha_in and chain-buys the excess, with the root-sell flag; 334–342 still ran the subsidy rule with
 * `PendingEmission`, which is not modelled):
 * shares → injection terms and cap → `inject_and_maybe_swap` (pool re-weight, chain buy, reserve
 * injection) → alpha_out with owner cut, miner/validator/root split → `drain_pending` schedule.
 *
 * The epoch distribution itself (Yuma + dividends, `epoch-yuma.ts`) needs the metagraph, so the
 * drained pending amounts are returned instead of being paid out. Moving prices are not updated
 * here (the chain does that after the coinbase, see `project.ts`).
 *
 * Era differences handled here:
 * - injection cap: 343–361 `alpha_emission`; 362–419 `min(alpha_emission, E)`; ≥ 421 `root_prop · alpha_emission`;
 * - chain-bought alpha: recycled (removed from `SubnetAlphaOut`) before 413, kept in `SubnetProtocolAlpha` from 413;
 * - issuance: before 411 `TotalIssuance += tao_in + excess` per subnet; from 411 the block emission is
 *   minted as a credit and whatever is not spent is recycled; accepted (not requested) TAO is injected;
 * - `OwnerCutEnabled` and `SubnetEmissionEnabled` exist from 411;
 * - schedule: legacy `(block + netuid + 1) mod (tempo + 1)` before 423, stateful from 423.
 */
import type { CoinbasePoolModel, PoolView } from "./coinbase-pool";
import { blockEmission, rootProportion } from "./emission";
import { type EpochScheduleState, stepEpochSchedule } from "./epoch-schedule";
import * as fx from "./fixed";
import { type EmaEntry, type ShareSubnet, subnetShares } from "./shares";

const { U96F32, U64F64 } = fx;
const U64_MAX = (1n << 64n) - 1n;

export const MIN_COINBASE_SPEC = 343;
export const DEFAULT_SUBNET_OWNER_CUT = 11_796;
export const DEFAULT_MAX_EPOCHS_PER_BLOCK = 2;

export interface CoinbaseSubnet {
  netuid: number;
  /** `SubnetMechanism`, default 1 (dynamic). */
  mechanism?: number;
  /** `SubnetTAO`. */
  taoReserve: bigint;
  /** `SubnetAlphaIn`. */
  alphaIn: bigint;
  /** `SubnetAlphaOut`. */
  alphaOut: bigint;
  /** `SubnetProtocolAlpha` (spec ≥ 413). */
  protocolAlpha?: bigint;
  /** Pool-model state (see `CoinbasePoolModel`). */
  pool?: unknown;
  /** `SubnetMovingPrice`, I96F32 bits. */
  movingPrice: bigint;
  /** `MinerBurned`, U96F32 bits. */
  minerBurned?: bigint;
  /** `SubnetEmissionEnabled`, default true. */
  emissionEnabled?: boolean;
  /** `OwnerCutEnabled`, default true (always on before 411). */
  ownerCutEnabled?: boolean;
  /** Emission eligibility: `FirstEmissionBlockNumber` set, `SubtokenEnabled`, registration allowed. */
  firstEmissionBlock: bigint | null;
  subtokenEnabled?: boolean;
  registrationAllowed?: boolean;
  pendingServer?: bigint;
  pendingValidator?: bigint;
  pendingRootAlpha?: bigint;
  pendingOwnerCut?: bigint;
  taoFlow?: bigint;
  emaTaoFlow?: EmaEntry | null;
  protocolFlow?: bigint;
  emaProtocolFlow?: EmaEntry | null;
  tempo: number;
  lastEpochBlock?: bigint;
  pendingEpochAt?: bigint;
  blocksSinceLastStep?: bigint;
  epochIndex?: bigint;
}

export interface CoinbaseState {
  spec: number;
  /** The block being produced. */
  block: bigint;
  /** `SubtensorModule::TotalIssuance`. */
  totalIssuance: bigint;
  /** `TotalStake`. */
  totalStake: bigint;
  /** `SubnetTAO[0]` (root stake). */
  rootTao: bigint;
  /** `TaoWeight` (u64 proportion of u64::MAX). */
  taoWeight: bigint;
  /** `SubnetOwnerCut` (u16), default 11796. */
  subnetOwnerCut?: number;
  /** `MaxEpochsPerBlock`, default 2. */
  maxEpochsPerBlock?: number;
  flowEmaSmoothingFactor?: bigint;
  taoFlowCutoff?: bigint;
  flowNormExponent?: bigint;
  netTaoFlowEnabled?: boolean;
  /** Non-root subnets, any order. */
  subnets: CoinbaseSubnet[];
}

export interface CoinbaseSubnetResult {
  netuid: number;
  emitted: boolean;
  /** Share (U64F64 bits) and TAO emission (U96F32 bits) from the share rule. */
  share: bigint;
  taoEmission: bigint;
  /** Block alpha emission of the subnet's curve. */
  alphaEmission: bigint;
  /** Spot price used (U96F32 bits). */
  price: bigint;
  /** Requested injection terms (u64, floored). */
  taoInRequested: bigint;
  alphaInRequested: bigint;
  excessTao: bigint;
  /** Storage written by the coinbase. */
  taoInEmission: bigint;
  alphaInEmission: bigint;
  alphaOutEmission: bigint;
  /** `SubnetExcessTao`: TAO that entered the pool through the chain buy. */
  excessTaoPaid: bigint;
  /**
   * Excess TAO moved to the subnet account but not into `SubnetTAO` (the buy stopped at the price
   * limit or was refused). It stays issued, held by the subnet account.
   */
  excessTaoStranded: bigint;
  chainBoughtAlpha: bigint;
  ownerCut: bigint;
  server: bigint;
  validator: bigint;
  rootAlpha: bigint;
  /** Root alpha recycled because the root-sell flag was off. */
  rootAlphaRecycled: bigint;
  /** Alpha recycled from the chain buy (before spec 413). */
  boughtAlphaRecycled: bigint;
  rootProportion: bigint;
  /** Pending amounts drained this block (null when the epoch did not fire). */
  drained: { server: bigint; validator: bigint; rootAlpha: bigint; ownerCut: bigint } | null;
}

export interface CoinbaseResult {
  state: CoinbaseState;
  blockEmission: bigint;
  rootSellFlag: boolean;
  /** TAO of the block emission that was not spent on subnets (recycled, spec ≥ 411). */
  recycledTao: bigint;
  /** TAO added to `TotalIssuance` by this coinbase. */
  issuedTao: bigint;
  epochsFired: number[];
  epochsDeferred: number[];
  subnets: CoinbaseSubnetResult[];
}

/** `get_block_emission_for_issuance(..).unwrap_or(0)`, as the coinbase calls it. */
export function emissionForIssuance(issuance: bigint): bigint {
  try {
    return blockEmission(issuance);
  } catch {
    return 0n;
  }
}

function isEmitted(s: CoinbaseSubnet): boolean {
  return s.firstEmissionBlock !== null && (s.subtokenEnabled ?? true) && (s.registrationAllowed ?? true);
}

function tou64(bits: bigint): bigint {
  return fx.toU64Saturating(U96F32, bits);
}

function satSubU64(a: bigint, b: bigint): bigint {
  return a > b ? a - b : 0n;
}

function satAddU64(a: bigint, b: bigint): bigint {
  const s = a + b;
  return s > U64_MAX ? U64_MAX : s;
}

function cloneSubnet(s: CoinbaseSubnet): CoinbaseSubnet {
  return { ...s };
}

/** Injection cap for the era (U96F32 bits). */
function injectionCap(spec: number, alphaEmission: bigint, e96: bigint, rootProp: bigint): bigint {
  if (spec >= 421) return fx.saturatingMul(U96F32, rootProp, alphaEmission);
  if (spec >= 362) return fx.min(alphaEmission, e96);
  return alphaEmission;
}

/**
 * Runs one block's coinbase. `emission` (rao) defaults to the curve at `TotalIssuance`.
 * Returns a new state (inputs are not mutated) and per-subnet amounts.
 */
export function runCoinbase(
  input: CoinbaseState,
  pool: CoinbasePoolModel,
  emission?: bigint,
): CoinbaseResult {
  const spec = input.spec;
  if (!Number.isInteger(spec) || spec < MIN_COINBASE_SPEC) {
    throw new RangeError(`coinbase: spec ${spec} is not supported (implemented from ${MIN_COINBASE_SPEC})`);
  }
  const state: CoinbaseState = { ...input, subnets: input.subnets.map(cloneSubnet) };
  state.subnets.sort((a, b) => a.netuid - b.netuid);
  const E = emission ?? emissionForIssuance(state.totalIssuance);
  const e96 = fx.saturatingFromInt(U96F32, E);
  const credit = spec >= 411;

  const view = (s: CoinbaseSubnet): PoolView => ({
    netuid: s.netuid,
    mechanism: s.mechanism ?? 1,
    taoReserve: s.taoReserve,
    alphaReserve: s.alphaIn,
    pool: s.pool,
  });
  const price96 = (s: CoinbaseSubnet) => fx.convert(U64F64, U96F32, pool.spotPrice(view(s)));
  // `get_alpha_issuance` is a saturating u64 sum
  const rootProp = (s: CoinbaseSubnet) =>
    rootProportion(state.rootTao, state.taoWeight, satAddU64(s.alphaIn, s.alphaOut));

  const emitted = state.subnets.filter(isEmitted);
  const results = new Map<number, CoinbaseSubnetResult>();
  for (const s of state.subnets) {
    results.set(s.netuid, {
      netuid: s.netuid,
      emitted: isEmitted(s),
      share: 0n,
      taoEmission: 0n,
      alphaEmission: 0n,
      price: 0n,
      taoInRequested: 0n,
      alphaInRequested: 0n,
      excessTao: 0n,
      taoInEmission: 0n,
      alphaInEmission: 0n,
      alphaOutEmission: 0n,
      excessTaoPaid: 0n,
      excessTaoStranded: 0n,
      chainBoughtAlpha: 0n,
      ownerCut: 0n,
      server: 0n,
      validator: 0n,
      rootAlpha: 0n,
      rootAlphaRecycled: 0n,
      boughtAlphaRecycled: 0n,
      rootProportion: 0n,
      drained: null,
    });
  }
  const res = (s: CoinbaseSubnet) => results.get(s.netuid) as CoinbaseSubnetResult;

  // --- shares (§2.2/2.3/2.12)
  const shareInput: ShareSubnet[] = emitted.map((s) => ({
    netuid: s.netuid,
    mechanism: s.mechanism,
    movingPrice: s.movingPrice,
    minerBurned: s.minerBurned,
    emissionEnabled: s.emissionEnabled,
    rootProportion: rootProp(s),
    spotPrice: spec < 348 ? price96(s) : undefined,
    taoFlow: s.taoFlow,
    emaTaoFlow: s.emaTaoFlow,
    protocolFlow: s.protocolFlow,
    emaProtocolFlow: s.emaProtocolFlow,
  }));
  const shares = subnetShares(shareInput, {
    spec,
    block: state.block,
    blockEmission: E,
    flowEmaSmoothingFactor: state.flowEmaSmoothingFactor,
    taoFlowCutoff: state.taoFlowCutoff,
    flowNormExponent: state.flowNormExponent,
    netTaoFlowEnabled: state.netTaoFlowEnabled,
  });
  for (const u of shares.flowUpdates) {
    const s = emitted.find((x) => x.netuid === u.netuid) as CoinbaseSubnet;
    s.emaTaoFlow = u.emaTaoFlow;
    s.taoFlow = u.taoFlow;
    if (u.emaProtocolFlow) s.emaProtocolFlow = u.emaProtocolFlow;
    if (u.protocolFlow !== undefined) s.protocolFlow = u.protocolFlow;
  }
  shares.subnets.forEach((sh) => {
    const r = results.get(sh.netuid) as CoinbaseSubnetResult;
    r.share = sh.share;
    r.taoEmission = sh.taoEmission;
  });

  // --- root sell flag: Σ moving prices > 1 (stable subnets count as 1)
  const priceSum = emitted.reduce((a, s) => {
    const p = (s.mechanism ?? 1) === 0 ? U64F64.one : fx.convert(fx.I96F32, U64F64, s.movingPrice);
    return fx.saturatingAdd(U64F64, a, p);
  }, 0n);
  const rootSellFlag = priceSum > U64F64.one;

  // --- injection terms (§2.4), all computed before any injection. 362–419 cap at `get_block_emission()`, i.e.
  // the curve at TotalIssuance, which equals E unless the caller passed another emission.
  const capEmission =
    spec >= 362 && spec < 421 ? fx.saturatingFromInt(U96F32, emissionForIssuance(state.totalIssuance)) : e96;
  const terms = emitted.map((s) => {
    const r = res(s);
    const alphaEmission = fx.saturatingFromInt(U96F32, emissionForIssuance(satAddU64(s.alphaIn, s.alphaOut)));
    const price = price96(s);
    const taoEmission = r.taoEmission;
    let taoIn = taoEmission;
    let alphaIn = fx.safeDivOr(U96F32, taoEmission, price, 0n);
    const cap = injectionCap(spec, alphaEmission, capEmission, spec >= 421 ? rootProp(s) : 0n);
    if (alphaIn > cap) {
      alphaIn = cap;
      taoIn = fx.saturatingMul(U96F32, alphaIn, price);
    }
    const excess = fx.saturatingSub(U96F32, taoEmission, taoIn);
    r.alphaEmission = tou64(alphaEmission);
    r.price = price;
    r.taoInRequested = tou64(taoIn);
    r.alphaInRequested = tou64(alphaIn);
    r.excessTao = tou64(excess);
    return { s, alphaOut: alphaEmission };
  });

  // --- inject_and_maybe_swap (§2.5), ascending netuid
  let remainingCredit = credit ? E : 0n;
  let issued = 0n;
  for (const { s } of terms) {
    const r = res(s);
    const taoIn = r.taoInRequested;
    const alphaIn = r.alphaInRequested;
    const excess = r.excessTao;
    const injected = pool.injectLiquidity(view(s), taoIn, alphaIn);
    s.pool = injected.pool;
    const accTao = credit ? injected.tao : taoIn;
    const accAlpha = credit ? injected.alpha : alphaIn;
    if (excess > 0n && (!credit || remainingCredit >= excess)) {
      if (credit) remainingCredit -= excess;
      else issued += excess;
      const bought = buy(s, excess);
      r.excessTaoStranded = excess - (bought?.paidIn ?? 0n);
      if (bought) {
        // `swap_tao_for_alpha` adds the full requested amount to TotalStake.
        state.totalStake = satAddU64(state.totalStake, excess);
        r.chainBoughtAlpha = bought.alphaOut;
        r.excessTaoPaid = bought.paidIn;
        if (spec >= 413) {
          s.protocolAlpha = satAddU64(s.protocolAlpha ?? 0n, bought.alphaOut);
        } else {
          s.alphaOut = satSubU64(s.alphaOut, bought.alphaOut);
          r.boughtAlphaRecycled = bought.alphaOut;
        }
        if (credit) s.protocolFlow = (s.protocolFlow ?? 0n) + bought.paidIn;
      }
    }
    r.alphaInEmission = accAlpha;
    s.alphaIn = satAddU64(s.alphaIn, accAlpha);
    if (accTao > 0n && (!credit || remainingCredit >= accTao)) {
      if (credit) remainingCredit -= accTao;
      else issued += accTao;
      r.taoInEmission = accTao;
      s.taoReserve = satAddU64(s.taoReserve, accTao);
      state.totalStake = satAddU64(state.totalStake, accTao);
      if (credit) s.protocolFlow = (s.protocolFlow ?? 0n) + accTao;
    }
  }
  if (credit) issued = E - remainingCredit;
  state.totalIssuance = satAddU64(state.totalIssuance, issued);

  function buy(s: CoinbaseSubnet, tao: bigint): { paidIn: bigint; alphaOut: bigint } | null {
    if ((s.mechanism ?? 1) === 0) {
      s.taoReserve = satAddU64(s.taoReserve, tao);
      s.alphaOut = satAddU64(s.alphaOut, tao);
      s.alphaIn = satSubU64(s.alphaIn, tao);
      return { paidIn: tao, alphaOut: tao };
    }
    const out = pool.buyFeeless(view(s), tao);
    if (!out) return null;
    s.pool = out.pool;
    s.alphaIn = satSubU64(s.alphaIn, out.alphaOut);
    s.alphaOut = satAddU64(s.alphaOut, out.alphaOut);
    s.taoReserve = satAddU64(s.taoReserve, out.paidIn);
    return { paidIn: out.paidIn, alphaOut: out.alphaOut };
  }

  // --- alpha_out, owner cut, root alpha, miner/validator split (§2.6)
  const cut = fx.safeDiv(
    U96F32,
    fx.saturatingFromInt(U96F32, BigInt(state.subnetOwnerCut ?? DEFAULT_SUBNET_OWNER_CUT)),
    fx.saturatingFromInt(U96F32, 65_535n),
  );
  const half = fx.fromF64(U96F32, 0.5);
  for (const { s, alphaOut: alphaOut0 } of terms) {
    const r = res(s);
    let alphaOut = alphaOut0;
    const created = tou64(alphaOut);
    r.alphaOutEmission = created;
    s.alphaOut = satAddU64(s.alphaOut, created);
    if (spec < 411 || (s.ownerCutEnabled ?? true)) {
      const ownerCut = fx.saturatingMul(U96F32, alphaOut, cut);
      alphaOut = fx.saturatingSub(U96F32, alphaOut, ownerCut);
      r.ownerCut = tou64(ownerCut);
      s.pendingOwnerCut = satAddU64(s.pendingOwnerCut ?? 0n, r.ownerCut);
    }
    const rp = rootProp(s);
    r.rootProportion = rp;
    const rootAlpha = fx.saturatingMul(U96F32, fx.saturatingMul(U96F32, rp, alphaOut), half);
    const server = fx.saturatingMul(U96F32, alphaOut, half);
    const validator = fx.saturatingSub(U96F32, fx.saturatingSub(U96F32, alphaOut, server), rootAlpha);
    r.server = tou64(server);
    r.validator = tou64(validator);
    r.rootAlpha = tou64(rootAlpha);
    s.pendingServer = satAddU64(s.pendingServer ?? 0n, r.server);
    s.pendingValidator = satAddU64(s.pendingValidator ?? 0n, r.validator);
    if (rootSellFlag) {
      s.pendingRootAlpha = satAddU64(s.pendingRootAlpha ?? 0n, r.rootAlpha);
    } else {
      s.alphaOut = satSubU64(s.alphaOut, r.rootAlpha);
      r.rootAlphaRecycled = r.rootAlpha;
    }
  }

  // --- drain_pending (§2.7) over all non-root subnets
  const schedule = stepEpochSchedule(
    spec,
    state.block,
    state.subnets.map(
      (s): EpochScheduleState => ({
        netuid: s.netuid,
        tempo: s.tempo,
        lastEpochBlock: s.lastEpochBlock ?? 0n,
        pendingEpochAt: s.pendingEpochAt ?? 0n,
        blocksSinceLastStep: s.blocksSinceLastStep ?? 0n,
        epochIndex: s.epochIndex ?? 0n,
      }),
    ),
    state.maxEpochsPerBlock ?? DEFAULT_MAX_EPOCHS_PER_BLOCK,
  );
  const fired = new Set(schedule.fired);
  state.subnets.forEach((s, i) => {
    const st = schedule.states[i] as EpochScheduleState;
    s.lastEpochBlock = st.lastEpochBlock;
    s.pendingEpochAt = st.pendingEpochAt;
    s.blocksSinceLastStep = st.blocksSinceLastStep;
    s.epochIndex = st.epochIndex;
    if (fired.has(s.netuid)) {
      res(s).drained = {
        server: s.pendingServer ?? 0n,
        validator: s.pendingValidator ?? 0n,
        rootAlpha: s.pendingRootAlpha ?? 0n,
        ownerCut: s.pendingOwnerCut ?? 0n,
      };
      s.pendingServer = 0n;
      s.pendingValidator = 0n;
      s.pendingRootAlpha = 0n;
      s.pendingOwnerCut = 0n;
    }
  });

  return {
    state,
    blockEmission: E,
    rootSellFlag,
    recycledTao: credit ? remainingCredit : 0n,
    issuedTao: issued,
    epochsFired: schedule.fired,
    epochsDeferred: schedule.deferred,
    subnets: state.subnets.map((s) => res(s)),
  };
}
