/**
 * Per-subnet TAO emission shares (dtao-math §2.2, §2.3, §2.12), one rule set per runtime era.
 *
 * | spec        | rule                                                                   |
 * |-------------|------------------------------------------------------------------------|
 * | 233 – 326   | `E · p̄_i / Σ p̄` in U96F32 (moving-price shares)                         |
 * | 334 – 347   | TAO-flow EMA, uninitialised EMA starts at `min(p̄, spot)`               |
 * | 348 – 402   | TAO-flow EMA, uninitialised EMA starts at 0                             |
 * | 411 – 419   | net TAO flow (user EMA − normalised protocol EMA), emission-disable     |
 * | 421 – 424   | `p̄ · root_prop · (1 − MinerBurned)` renormalised, emission-disable      |
 * | ≥ 425       | `p̄ · (1 − MinerBurned)` renormalised, emission-disable (current)       |
 *
 * Spec numbers inside a gap (never on mainnet) use the era of the nearest lower spec. Values are
 * raw fixed-point bits (see `fixed.ts`); the flow schemes also return the updated EMA state,
 * because the chain writes it while computing the shares.
 */
import * as fx from "./fixed";

const { U64F64, U96F32, I64F64, I32F32 } = fx;

export type ShareScheme =
  | "price-v3"
  | "flow-init-price"
  | "flow"
  | "net-flow"
  | "price-rootprop-burn"
  | "price-burn";

export const MIN_SPEC = 233;

export function shareSchemeForSpec(spec: number): ShareScheme {
  if (!Number.isInteger(spec) || spec < MIN_SPEC)
    throw new RangeError(`spec ${spec} is not supported (dTAO starts at ${MIN_SPEC})`);
  if (spec < 334) return "price-v3";
  if (spec < 348) return "flow-init-price";
  if (spec < 411) return "flow";
  if (spec < 421) return "net-flow";
  if (spec < 425) return "price-rootprop-burn";
  return "price-burn";
}

/** `SubnetEmissionEnabled` exists (and is honoured) from spec 411. */
export function hasEmissionDisable(spec: number): boolean {
  return spec >= 411;
}

export interface EmaEntry {
  /** Block of the last update. */
  block: bigint;
  /** I64F64 bits. */
  value: bigint;
}

export interface ShareSubnet {
  netuid: number;
  /** `SubnetMechanism`; 0 (stable) counts with moving price 1. Default 1. */
  mechanism?: number;
  /** `SubnetMovingPrice`, I96F32 bits. */
  movingPrice: bigint;
  /** `MinerBurned`, U96F32 bits (spec ≥ 421). */
  minerBurned?: bigint;
  /** `SubnetEmissionEnabled` (spec ≥ 411). Default true. */
  emissionEnabled?: boolean;
  /** Live `root_proportion`, U96F32 bits (spec 421–424). */
  rootProportion?: bigint;
  /** Spot price as U96F32 bits (spec 334–347 EMA initialisation only). */
  spotPrice?: bigint;
  /** `SubnetTaoFlow` accumulated since the last EMA update (i64 rao). */
  taoFlow?: bigint;
  /** `SubnetEmaTaoFlow`, absent when never initialised. */
  emaTaoFlow?: EmaEntry | null;
  /** `SubnetProtocolFlow` (spec ≥ 411). */
  protocolFlow?: bigint;
  /** `SubnetEmaProtocolFlow` (spec ≥ 411). */
  emaProtocolFlow?: EmaEntry | null;
}

export interface ShareParams {
  spec: number;
  /** Current block (flow EMAs update once per block). */
  block: bigint;
  /** This block's TAO emission E (rao). */
  blockEmission: bigint;
  /** `FlowEmaSmoothingFactor` (u64), default 29,597,889,189,277. */
  flowEmaSmoothingFactor?: bigint;
  /** `TaoFlowCutoff`, I64F64 bits, default 0. */
  taoFlowCutoff?: bigint;
  /** `FlowNormExponent`, U64F64 bits, default 1.0. */
  flowNormExponent?: bigint;
  /** `NetTaoFlowEnabled` (spec 411–419), default true. */
  netTaoFlowEnabled?: boolean;
}

export interface ShareFlowUpdate {
  netuid: number;
  emaTaoFlow: EmaEntry;
  /** New `SubnetTaoFlow` (reset to 0 when the EMA advanced). */
  taoFlow: bigint;
  emaProtocolFlow?: EmaEntry;
  protocolFlow?: bigint;
}

export interface ShareResult {
  scheme: ShareScheme;
  /** Per subnet in input order. `share` is U64F64 bits, or U96F32 bits for `price-v3`. */
  subnets: { netuid: number; share: bigint; taoEmission: bigint }[];
  /** EMA writes made while computing flow shares (empty for price schemes). */
  flowUpdates: ShareFlowUpdate[];
}

export const DEFAULT_FLOW_EMA_SMOOTHING_FACTOR = 29_597_889_189_277n;
const I64_MAX = (1n << 63n) - 1n;
const U64_MAX = (1n << 64n) - 1n;
const I32_MAX = (1n << 31n) - 1n;

/** `get_moving_alpha_price` as U64F64 (spec ≥ 334): 1 for stable subnets, else the stored EMA. */
export function movingPriceU64F64(s: ShareSubnet): bigint {
  if ((s.mechanism ?? 1) === 0) return U64F64.one;
  return fx.convert(fx.I96F32, U64F64, s.movingPrice);
}

/** `get_moving_alpha_price` as U96F32 (specs before 334). */
export function movingPriceU96F32(s: ShareSubnet): bigint {
  if ((s.mechanism ?? 1) === 0) return U96F32.one;
  return fx.convert(fx.I96F32, U96F32, s.movingPrice);
}

/** `get_shares_price_ema`: p̄_i / Σ p̄ in U64F64. */
export function priceEmaShares(subnets: readonly ShareSubnet[]): bigint[] {
  const prices = subnets.map(movingPriceU64F64);
  const total = prices.reduce((a, p) => fx.saturatingAdd(U64F64, a, p), 0n);
  return prices.map((p) => fx.checkedDiv(U64F64, p, total) ?? 0n);
}

/** Price shares weighted by `(1 − min(MinerBurned, 1))` (and `root_prop` for 421–424), renormalised. */
export function weightedPriceShares(subnets: readonly ShareSubnet[], withRootProp: boolean): bigint[] {
  const priceShares = priceEmaShares(subnets);
  const one = U64F64.one;
  const weighted = priceShares.map((share, i) => {
    const s = subnets[i] as ShareSubnet;
    const burned = fx.min(fx.convert(U96F32, U64F64, s.minerBurned ?? 0n), one);
    let factor = fx.saturatingSub(U64F64, one, burned);
    if (withRootProp) {
      const rp = fx.convert(U96F32, U64F64, s.rootProportion ?? 0n);
      factor = fx.saturatingMul(U64F64, rp, factor);
    }
    return fx.saturatingMul(U64F64, share, factor);
  });
  const total = weighted.reduce((a, w) => fx.saturatingAdd(U64F64, a, w), 0n);
  if (total > 0n) return weighted.map((w) => fx.safeDiv(U64F64, w, total));
  return priceShares;
}

/** One EMA step `(1 − a)·S + a·F` in I64F64 with `a = factor / i64::MAX`. */
export function flowEmaStep(lastEma: bigint, flow: bigint, smoothingFactor: bigint): bigint {
  const a = fx.safeDiv(
    I64F64,
    fx.saturatingFromInt(I64F64, smoothingFactor),
    fx.saturatingFromInt(I64F64, I64_MAX),
  );
  const oneMinus = fx.saturatingSub(I64F64, I64F64.one, a);
  return fx.saturatingAdd(
    I64F64,
    fx.saturatingMul(I64F64, oneMinus, lastEma),
    fx.saturatingMul(I64F64, a, fx.saturatingFromInt(I64F64, flow)),
  );
}

/** `safe_pow`: `exp(p · ln(v))` in I32F32; 0 when ln fails, I32F32::MAX when exp overflows. */
function safePow(val: bigint, p: bigint): bigint {
  const v32 = fx.convert(U64F64, I32F32, val);
  const l = fx.ln(I32F32, v32);
  if (l === null) return 0n;
  const arg = fx.saturatingMul(I32F32, fx.convert(U64F64, I32F32, p), l);
  const e = fx.exp(I32F32, arg) ?? I32F32.max;
  return fx.convert(I32F32, U64F64, e);
}

/**
 * `inplace_pow_normalize`: scale so the max is 1, rescale so `count · max² ≈ i32::MAX`, then
 * `share_i = (f·z_i)^p / Σ (f·z_j)^p` through substrate-fixed `ln`/`exp` in I32F32. When every
 * value is too small to register, the pre-scaled values are returned as they are (chain behaviour).
 */
export function powNormalize(values: readonly bigint[], p: bigint): bigint[] {
  const count = BigInt(values.length);
  const flowMax0 = values.reduce((m, v) => fx.max(m, v), 0n);
  const scale = fx.safeDiv(U64F64, U64F64.one, flowMax0);
  const scaled = values.map((v) => fx.saturatingMul(U64F64, scale, v));
  const flowMax = scaled.reduce((m, v) => fx.max(m, v), 0n);
  const maxPowEst = fx.saturatingMul(U64F64, flowMax, flowMax);
  const maxTimesCount = fx.saturatingMul(U64F64, fx.saturatingFromInt(U64F64, count), maxPowEst);
  const i32max = fx.saturatingFromInt(U64F64, I32_MAX);
  const precisionMin = fx.safeDiv(U64F64, i32max, fx.saturatingFromInt(U64F64, U64_MAX));
  if (maxTimesCount < precisionMin) return scaled;
  const epsilon = fx.safeDiv(U64F64, U64F64.one, fx.saturatingFromInt(U64F64, 1000n));
  const factor = fx.checkedSqrt(U64F64, fx.safeDiv(U64F64, i32max, maxTimesCount), epsilon) ?? 0n;
  const powed = scaled.map((v) => safePow(fx.saturatingMul(U64F64, factor, v), p));
  // The chain sums with the plain (wrapping) `Sum` impl.
  const sum = powed.reduce((a, v) => fx.add(U64F64, a, v), 0n);
  return powed.map((v) => fx.safeDiv(U64F64, v, sum));
}

interface FlowState {
  user: bigint;
  proto: bigint;
  update: ShareFlowUpdate;
}

function advanceFlows(s: ShareSubnet, params: ShareParams, scheme: ShareScheme): FlowState {
  const factor = params.flowEmaSmoothingFactor ?? DEFAULT_FLOW_EMA_SMOOTHING_FACTOR;
  const block = params.block;
  const flow = s.taoFlow ?? 0n;
  let user: bigint;
  let taoFlow = flow;
  let emaTaoFlow: EmaEntry;
  const stored = s.emaTaoFlow ?? null;
  if (stored === null && scheme === "flow-init-price") {
    // 334–347: first sight of a subnet seeds the EMA with min(moving price, spot price), flow kept.
    const mp = fx.convert(U96F32, I64F64, movingPriceU96F32(s));
    const spot = fx.convert(U96F32, I64F64, s.spotPrice ?? 0n);
    user = fx.min(mp, spot);
    emaTaoFlow = { block, value: user };
  } else {
    const last = stored ?? { block: 0n, value: 0n };
    if (last.block !== block) {
      user = flowEmaStep(last.value, flow, factor);
      taoFlow = 0n;
      emaTaoFlow = { block, value: user };
    } else {
      user = last.value;
      emaTaoFlow = last;
    }
  }
  const update: ShareFlowUpdate = { netuid: s.netuid, emaTaoFlow, taoFlow };
  let proto = 0n;
  if (scheme === "net-flow") {
    const pflow = s.protocolFlow ?? 0n;
    const last = s.emaProtocolFlow ?? { block: 0n, value: 0n };
    if (last.block !== block) {
      proto = flowEmaStep(last.value, pflow, factor);
      update.emaProtocolFlow = { block, value: proto };
      update.protocolFlow = 0n;
    } else {
      proto = last.value;
      update.emaProtocolFlow = last;
      update.protocolFlow = pflow;
    }
  }
  return { user, proto, update };
}

/** `get_shares_flow` for the flow eras. */
export function flowShares(
  subnets: readonly ShareSubnet[],
  params: ShareParams,
  scheme: ShareScheme,
): { shares: bigint[]; updates: ShareFlowUpdate[] } {
  const states = subnets.map((s) => advanceFlows(s, params, scheme));
  const zero = 0n;
  let net: bigint[];
  if (scheme === "net-flow" && (params.netTaoFlowEnabled ?? true)) {
    let su = 0n;
    let sp = 0n;
    for (const st of states) {
      su = fx.saturatingAdd(I64F64, su, fx.max(st.user, zero));
      sp = fx.saturatingAdd(I64F64, sp, fx.max(st.proto, zero));
    }
    const norm = sp > zero ? fx.min(fx.safeDiv(I64F64, su, sp), I64F64.one) : zero;
    net = states.map((st) => {
      const scaledProto = st.proto > zero ? fx.saturatingMul(I64F64, norm, st.proto) : st.proto;
      return fx.saturatingSub(I64F64, st.user, scaledProto);
    });
  } else {
    net = states.map((st) => st.user);
  }
  const minFlow = net.reduce((m, f) => fx.min(m, fx.min(f, zero)), zero);
  const lower = fx.max(params.taoFlowCutoff ?? 0n, minFlow);
  const offsets = net.map((f) =>
    f > lower ? fx.convert(I64F64, U64F64, fx.saturatingSub(I64F64, f, lower)) : 0n,
  );
  const p = params.flowNormExponent ?? U64F64.one;
  return { shares: powNormalize(offsets, p), updates: states.map((s) => s.update) };
}

/** Disabled subnets get 0, enabled ones are renormalised over the enabled total (spec ≥ 411). */
export function applyEmissionDisable(subnets: readonly ShareSubnet[], shares: readonly bigint[]): bigint[] {
  const hasDisabled = subnets.some((s) => s.emissionEnabled === false);
  if (!hasDisabled) return [...shares];
  const enabledSum = shares.reduce(
    (a, sh, i) =>
      (subnets[i] as ShareSubnet).emissionEnabled === false ? a : fx.saturatingAdd(U64F64, a, sh),
    0n,
  );
  return shares.map((sh, i) =>
    (subnets[i] as ShareSubnet).emissionEnabled !== false && enabledSum > 0n
      ? fx.safeDiv(U64F64, sh, enabledSum)
      : 0n,
  );
}

/**
 * `get_subnet_block_emissions`: the TAO emission of each subnet this block (U96F32 bits) from
 * the subnets being emitted to (in ascending netuid order, as the chain iterates them).
 */
export function subnetShares(subnets: readonly ShareSubnet[], params: ShareParams): ShareResult {
  const scheme = shareSchemeForSpec(params.spec);
  const e96 = fx.saturatingFromInt(U96F32, params.blockEmission);
  if (scheme === "price-v3") {
    const prices = subnets.map(movingPriceU96F32);
    const total = prices.reduce((a, p) => fx.saturatingAdd(U96F32, a, p), 0n);
    return {
      scheme,
      subnets: subnets.map((s, i) => {
        const p = prices[i] as bigint;
        return {
          netuid: s.netuid,
          share: fx.checkedDiv(U96F32, p, total) ?? 0n,
          taoEmission: fx.checkedDiv(U96F32, fx.saturatingMul(U96F32, e96, p), total) ?? 0n,
        };
      }),
      flowUpdates: [],
    };
  }
  let shares: bigint[];
  let flowUpdates: ShareFlowUpdate[] = [];
  if (scheme === "price-burn" || scheme === "price-rootprop-burn") {
    shares = weightedPriceShares(subnets, scheme === "price-rootprop-burn");
  } else {
    const r = flowShares(subnets, params, scheme);
    shares = r.shares;
    flowUpdates = r.updates;
  }
  if (hasEmissionDisable(params.spec)) shares = applyEmissionDisable(subnets, shares);
  const e64 = fx.convert(U96F32, U64F64, e96);
  return {
    scheme,
    subnets: subnets.map((s, i) => {
      const share = shares[i] as bigint;
      return {
        netuid: s.netuid,
        share,
        taoEmission: fx.convert(U64F64, U96F32, fx.saturatingMul(U64F64, e64, share)),
      };
    }),
    flowUpdates,
  };
}
