// Stake (TAO → alpha) and unstake (alpha → TAO) quotes for the three pool eras, following the chain's swap
// entry points step by step (dtao-math §3): balancer (`BasicSwapStep` over `Balancer`), Uniswap-v3 with only the
// protocol's full-range position, and the launch-era constant product in U110F18.

import {
  alphaOutForTao,
  balancerPrice,
  baseDeltaIn,
  HALF_WEIGHT,
  quoteDeltaIn,
  taoOutForAlpha,
  weightsValid,
} from "./balancer";
import * as F from "./fixed";
import {
  ChainRejection,
  defaultFeeRate,
  EngineInputError,
  feesToBlockAuthor,
  type PoolEra,
  poolEra,
} from "./specs";

const U = F.U64F64;
const U64_MAX = (1n << 64n) - 1n;
const RAO_PER_TAO = 1_000_000_000n;
/** Default limits of the runtime (rao per alpha): buys 1e15, sells 1,000. */
export const MAX_PRICE_RAO = 1_000_000_000_000_000n;
export const MIN_PRICE_RAO = 1_000n;
export const DEFAULT_MINIMUM_RESERVE = 1_000_000n;
export const CP_MINIMUM_POOL_LIQUIDITY = 10_000_000n;
export const CP_DEFAULT_STAKING_FEE = 50_000n;
const MAX_SWAP_INPUT_RESERVE_MULTIPLIER = 1000n;

export type SwapDirection = "stake" | "unstake";

export interface SwapInput {
  spec: number;
  direction: SwapDirection;
  /** Gross input: TAO rao for stake, alpha for unstake (fee included). */
  amount: bigint;
  taoReserve: bigint;
  alphaReserve: bigint;
  /** `SubnetMechanism`: 0 = stable (1:1, no fee), 1 = dynamic. */
  mechanism?: number;
  /** `FeeRate[netuid]` (u16, fraction of 65535); default per spec. */
  feeRate?: number;
  /** Limit in rao per alpha; default: the runtime's extreme (1e15 for stake, 1,000 for unstake). */
  limitPrice?: bigint;
  dropFees?: boolean;
  /** Skip the commit-time check `output ≤ reserve` (the runtime API simulation skips it). */
  simulate?: boolean;
  minimumReserve?: bigint;
  /** Balancer quote weight (Perquintill parts), default 0.5. */
  quoteWeight?: bigint;
  /** v3 state; both absent = not initialised yet (initialised from the reserves on the first swap). */
  sqrtPrice?: bigint;
  liquidity?: bigint;
  /** Constant-product era: the TAO fee charged by the staking code (flat 50,000 rao by default). */
  stakingFee?: bigint;
}

export interface SwapQuote {
  era: PoolEra;
  /** Input actually swapped, after fee. */
  amountPaidIn: bigint;
  amountPaidOut: bigint;
  /** Fee, in the input token (constant-product era: TAO, added to the pool). */
  feePaid: bigint;
  feeToBlockAuthor: bigint;
  /** Gross input taken from the user: paid-in + fee (less than `amount` when the limit stopped the swap). */
  amountTaken: bigint;
  /** Net TAO/alpha the user receives (constant-product unstake: TAO out minus fee). */
  userReceives: bigint;
  taoReserveAfter: bigint;
  alphaReserveAfter: bigint;
  /** Spot price before/after (U64F64 bits; v3/constant-product: the era's U96F32 price widened). */
  priceBefore: bigint;
  priceAfter: bigint;
  /** v3 only. */
  sqrtPriceAfter?: bigint;
  liquidity?: bigint;
}

function u64f64(n: bigint): bigint {
  return F.saturatingFromInt(U, n);
}

function satU64(v: bigint): bigint {
  return v > U64_MAX ? U64_MAX : v < 0n ? 0n : v;
}

export function feeAmount(amount: bigint, feeRate: number, dropFees: boolean): bigint {
  if (dropFees) return 0n;
  const rate = F.safeDiv(U, u64f64(BigInt(feeRate)), u64f64(65535n));
  return F.toU64Saturating(U, F.saturatingMul(U, u64f64(amount), rate));
}

/** Fee on an amount that was cut at the limit price: delta·rate/(65535 − rate). */
function feeOnLimitedAmount(delta: bigint, feeRate: number, dropFees: boolean): bigint {
  const rate = dropFees ? 0n : u64f64(BigInt(feeRate));
  const factor = F.safeDiv(U, rate, F.saturatingSub(U, u64f64(65535n), rate));
  return F.toU64Saturating(U, F.saturatingMul(U, u64f64(delta), factor));
}

export function limitPriceToFixed(limitRao: bigint): bigint {
  return F.safeDiv(U, u64f64(limitRao), u64f64(RAO_PER_TAO));
}

function checkU64(field: string, v: bigint | undefined): void {
  if (v === undefined) return;
  if (v < 0n || v > U64_MAX) throw new EngineInputError(field, `${v} is outside u64`);
}

/** Input with every default filled in, as both engines receive it. */
export interface ResolvedSwapInput extends SwapInput {
  mechanism: number;
  feeRate: number;
  limitPrice: bigint;
  dropFees: boolean;
  simulate: boolean;
  minimumReserve: bigint;
  quoteWeight: bigint;
  stakingFee: bigint;
}

/** Validates a swap request and fills the runtime defaults (shared by the reference and the WASM engine). */
export function resolveSwapInput(input: SwapInput): ResolvedSwapInput {
  validate(input);
  const era = poolEra(input.spec);
  const stake = input.direction === "stake";
  if (era === "constantProduct" && input.limitPrice !== undefined && (input.mechanism ?? 1) !== 0)
    throw new EngineInputError("limitPrice", "limit orders of the constant-product era are not modelled");
  const quoteWeight = input.quoteWeight ?? HALF_WEIGHT;
  if (era === "balancer" && (input.mechanism ?? 1) !== 0 && !weightsValid(quoteWeight))
    throw new EngineInputError("quoteWeight", "weights must stay within [0.01, 0.99]");
  // Built field by field: V8's object spread is pathologically slow on these bigint-heavy objects (~10 µs).
  return {
    spec: input.spec,
    direction: input.direction,
    amount: input.amount,
    taoReserve: input.taoReserve,
    alphaReserve: input.alphaReserve,
    sqrtPrice: input.sqrtPrice,
    liquidity: input.liquidity,
    mechanism: input.mechanism ?? 1,
    feeRate: input.feeRate ?? defaultFeeRate(input.spec),
    limitPrice: input.limitPrice ?? (stake ? MAX_PRICE_RAO : MIN_PRICE_RAO),
    dropFees: input.dropFees ?? false,
    simulate: input.simulate ?? false,
    minimumReserve: input.minimumReserve ?? DEFAULT_MINIMUM_RESERVE,
    quoteWeight,
    stakingFee: input.stakingFee ?? CP_DEFAULT_STAKING_FEE,
  };
}

function validate(input: SwapInput): void {
  checkU64("amount", input.amount);
  checkU64("taoReserve", input.taoReserve);
  checkU64("alphaReserve", input.alphaReserve);
  checkU64("limitPrice", input.limitPrice);
  checkU64("minimumReserve", input.minimumReserve);
  checkU64("liquidity", input.liquidity);
  checkU64("stakingFee", input.stakingFee);
  const fr = input.feeRate;
  if (fr !== undefined && (!Number.isInteger(fr) || fr < 0 || fr > 65535))
    throw new EngineInputError("feeRate", `${fr} is not a u16`);
  if (input.direction !== "stake" && input.direction !== "unstake")
    throw new EngineInputError("direction", `must be "stake" or "unstake"`);
  if (input.mechanism !== undefined && input.mechanism !== 0 && input.mechanism !== 1)
    throw new EngineInputError("mechanism", "must be 0 (stable) or 1 (dynamic)");
  if (
    input.quoteWeight !== undefined &&
    (input.quoteWeight < 0n || input.quoteWeight > 1_000_000_000_000_000_000n)
  )
    throw new EngineInputError("quoteWeight", "must be Perquintill parts in [0, 1e18]");
  if (input.sqrtPrice !== undefined && (input.sqrtPrice < 0n || input.sqrtPrice > U.max))
    throw new EngineInputError("sqrtPrice", "not a U64F64 value");
  if ((input.sqrtPrice === undefined) !== (input.liquidity === undefined))
    throw new EngineInputError(
      "sqrtPrice",
      "give both sqrtPrice and liquidity (initialised v3 pool) or neither",
    );
}

/** Stable subnets and root swap 1:1 without fee. */
function stableQuote(input: ResolvedSwapInput, era: PoolEra): SwapQuote {
  const stake = input.direction === "stake";
  if (!stake && !input.simulate && input.amount > input.taoReserve)
    throw new ChainRejection("InsufficientLiquidity");
  return {
    era,
    amountPaidIn: input.amount,
    amountPaidOut: input.amount,
    feePaid: 0n,
    feeToBlockAuthor: 0n,
    amountTaken: input.amount,
    userReceives: input.amount,
    taoReserveAfter: stake
      ? satU64(input.taoReserve + input.amount)
      : satU64(input.taoReserve - input.amount),
    alphaReserveAfter: input.alphaReserve,
    priceBefore: U.one,
    priceAfter: U.one,
  };
}

export function swapQuote(raw: SwapInput): SwapQuote {
  const input = resolveSwapInput(raw);
  const era = poolEra(input.spec);
  if (input.mechanism === 0) return stableQuote(input, era);
  switch (era) {
    case "balancer":
      return balancerSwap(input);
    case "v3":
      return v3Swap(input);
    case "constantProduct":
      return constantProductSwap(input);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Balancer

function balancerSwap(input: ResolvedSwapInput): SwapQuote {
  const stake = input.direction === "stake";
  const x = input.alphaReserve;
  const y = input.taoReserve;
  const w2 = input.quoteWeight;
  const feeRate = input.feeRate;
  const drop = input.dropFees;
  const limit = limitPriceToFixed(input.limitPrice);
  const amount = input.amount;

  // ensure_swap_input_within_reserve_limit
  const fee0 = feeAmount(amount, feeRate, drop);
  const inReserve = stake ? y : x;
  if (amount - fee0 > satU64(inReserve * MAX_SWAP_INPUT_RESERVE_MULTIPLIER))
    throw new ChainRejection("SwapInputTooLarge");
  const outReserve = stake ? x : y;
  if (outReserve < input.minimumReserve) throw new ChainRejection("ReservesTooLow");

  const current = x === 0n ? 0n : balancerPrice(x, y, w2);
  if (stake ? !(current < limit) : !(current > limit)) throw new ChainRejection("PriceLimitExceeded");

  const requested = amount - fee0;
  let deltaIn: bigint;
  let fee = fee0;
  if (stake) {
    const dx = alphaOutForTao(x, y, requested, w2);
    const target = balancerPrice(satU64(x - dx), satU64(y + requested), w2);
    if (target <= limit) deltaIn = requested;
    else {
      deltaIn = quoteDeltaIn(current, limit, y, w2);
      fee = feeOnLimitedAmount(deltaIn, feeRate, drop);
    }
  } else {
    const dy = taoOutForAlpha(x, y, requested, w2);
    const target = balancerPrice(satU64(x + requested), satU64(y - dy), w2);
    if (target >= limit) deltaIn = requested;
    else {
      deltaIn = baseDeltaIn(current, limit, x, w2);
      fee = feeOnLimitedAmount(deltaIn, feeRate, drop);
    }
  }
  const out = stake ? alphaOutForTao(x, y, deltaIn, w2) : taoOutForAlpha(x, y, deltaIn, w2);
  if (deltaIn !== 0n && out === 0n) throw new ChainRejection("ReservesTooLow");
  if (!input.simulate && outReserve < out) throw new ChainRejection("InsufficientLiquidity");
  const taoAfter = stake ? satU64(y + deltaIn) : y - out;
  const alphaAfter = stake ? x - out : satU64(x + deltaIn);
  return {
    era: "balancer",
    amountPaidIn: deltaIn,
    amountPaidOut: out,
    feePaid: fee,
    feeToBlockAuthor: deltaIn !== 0n ? fee : 0n,
    amountTaken: deltaIn + fee,
    userReceives: out,
    taoReserveAfter: taoAfter,
    alphaReserveAfter: alphaAfter,
    priceBefore: current,
    priceAfter: alphaAfter === 0n ? 0n : balancerPrice(alphaAfter, taoAfter, w2),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Uniswap-v3 era, protocol full-range position only

/** √P bounds of the full-range position (ticks ±443,636), rounded inwards: a step reaching them would cross. */
const V3_EDGE_LOW = F.fromDecimal(U, "0.0000000002329");
const V3_EDGE_HIGH = F.fromInt(U, 4_294_886_577n);
const SQRT_EPS_INIT = F.fromF64(U, 0.000000000001);
const SQRT_EPS_LIMIT = F.fromF64(U, 0.0000000001);

/** The lazy v3 initialisation: √(tao/alpha) by the chain's bisection sqrt, L = ⌊√(tao·alpha)⌋. */
export function v3Initialise(tao: bigint, alpha: bigint): { sqrtPrice: bigint; liquidity: bigint } {
  const price = F.safeDiv(U, u64f64(tao), u64f64(alpha));
  const sqrtPrice = F.checkedSqrt(U, price, SQRT_EPS_INIT) ?? 0n;
  return { sqrtPrice, liquidity: F.isqrt(tao * alpha) };
}

/** v3 spot price as `current_price` returns it: U96F32(√P²). */
export function v3Price(sqrtPrice: bigint): bigint {
  return F.convert(F.U96F32, U, F.convert(U, F.U96F32, F.saturatingMul(U, sqrtPrice, sqrtPrice)));
}

function v3Swap(input: ResolvedSwapInput): SwapQuote {
  const stake = input.direction === "stake";
  const feeRate = input.feeRate;
  const drop = input.dropFees;
  const limitSqrt = F.checkedSqrt(U, limitPriceToFixed(input.limitPrice), SQRT_EPS_LIMIT) ?? 0n;
  const outReserve = stake ? input.alphaReserve : input.taoReserve;
  if (outReserve < input.minimumReserve) throw new ChainRejection("ReservesTooLow");
  const state =
    input.sqrtPrice !== undefined && input.liquidity !== undefined
      ? { sqrtPrice: input.sqrtPrice, liquidity: input.liquidity }
      : v3Initialise(input.taoReserve, input.alphaReserve);
  const sqrtP = state.sqrtPrice;
  if (stake ? !(sqrtP < limitSqrt) : !(sqrtP > limitSqrt)) throw new ChainRejection("PriceLimitExceeded");
  const L = u64f64(state.liquidity);
  const one = U.one;
  const amount = input.amount;
  let fee = feeAmount(amount, feeRate, drop);
  const possible = amount - fee;

  let target: bigint;
  if (stake) {
    target = L === 0n ? u64f64(MAX_PRICE_RAO) : F.saturatingAdd(U, F.safeDiv(U, u64f64(possible), L), sqrtP);
  } else {
    target =
      L === 0n
        ? u64f64(MIN_PRICE_RAO)
        : F.safeDiv(U, one, F.saturatingAdd(U, F.safeDiv(U, u64f64(possible), L), F.safeDiv(U, one, sqrtP)));
  }
  const closer = (a: bigint, b: bigint) => (stake ? a <= b : a >= b);
  const edge = stake ? V3_EDGE_HIGH : V3_EDGE_LOW;
  let deltaIn: bigint;
  let finalSqrt: bigint;
  if (closer(target, limitSqrt) && closer(target, edge)) {
    deltaIn = possible;
    finalSqrt = target;
  } else if (closer(limitSqrt, target) && closer(limitSqrt, edge)) {
    finalSqrt = limitSqrt;
    deltaIn = stake
      ? F.toU64Saturating(U, F.saturatingMul(U, L, F.saturatingSub(U, limitSqrt, sqrtP)))
      : F.toU64Saturating(
          U,
          F.saturatingMul(U, L, F.saturatingSub(U, F.safeDiv(U, one, limitSqrt), F.safeDiv(U, one, sqrtP))),
        );
    fee = feeOnLimitedAmount(deltaIn, feeRate, drop);
  } else {
    throw new EngineInputError(
      "amount",
      "the swap would cross the full-range position's edge tick (not modelled)",
    );
  }

  let out = 0n;
  if (deltaIn !== 0n) {
    const d = u64f64(deltaIn);
    if (stake) {
      const a = F.saturatingMul(U, F.saturatingAdd(U, F.saturatingMul(U, L, sqrtP), d), sqrtP);
      out = F.toU64Saturating(U, F.saturatingMul(U, F.safeDiv(U, L, a), d));
    } else {
      const denom = F.saturatingAdd(U, F.safeDiv(U, L, sqrtP), d);
      const b = F.saturatingMul(U, F.safeDiv(U, L, denom), sqrtP);
      out = F.toU64Saturating(U, F.saturatingMul(U, d, b));
    }
    if (out === 0n) throw new ChainRejection("ReservesTooLow");
  }
  if (!input.simulate && outReserve < out) throw new ChainRejection("InsufficientLiquidity");
  const taoAfter = stake ? satU64(input.taoReserve + deltaIn) : input.taoReserve - out;
  const alphaAfter = stake ? input.alphaReserve - out : satU64(input.alphaReserve + deltaIn);
  return {
    era: "v3",
    amountPaidIn: deltaIn,
    amountPaidOut: out,
    feePaid: fee,
    feeToBlockAuthor: deltaIn !== 0n && feesToBlockAuthor(input.spec) ? fee : 0n,
    amountTaken: deltaIn + fee,
    userReceives: out,
    taoReserveAfter: taoAfter,
    alphaReserveAfter: alphaAfter,
    priceBefore: v3Price(sqrtP),
    priceAfter: v3Price(finalSqrt),
    sqrtPriceAfter: finalSqrt,
    liquidity: state.liquidity,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Constant product (launch era)

const C = F.U110F18;
const CP_MIN_LIQUIDITY_BITS = F.fromInt(C, CP_MINIMUM_POOL_LIQUIDITY);

/** Spot price of the era: U96F32(tao) / U96F32(alpha), 0 when alpha is 0 (returned widened to U64F64). */
export function constantProductPrice(tao: bigint, alpha: bigint): bigint {
  if (alpha === 0n) return 0n;
  const p = F.safeDiv(F.U96F32, F.saturatingFromInt(F.U96F32, tao), F.saturatingFromInt(F.U96F32, alpha));
  return F.convert(F.U96F32, U, p);
}

/** Alpha out for `tao` in, or null when the new alpha reserve would drop below 10,000,000. */
export function cpAlphaOut(x: bigint, y: bigint, tao: bigint): bigint | null {
  const xf = F.saturatingFromInt(C, x);
  const yf = F.saturatingFromInt(C, y);
  const k = F.saturatingMul(C, xf, yf);
  const newX = F.safeDiv(C, k, F.saturatingAdd(C, yf, F.saturatingFromInt(C, tao)));
  if (newX < CP_MIN_LIQUIDITY_BITS) return null;
  return F.toU64Saturating(C, F.saturatingSub(C, xf, newX));
}

/** TAO out for `alpha` in, or null when the new TAO reserve would drop below 10,000,000. */
export function cpTaoOut(x: bigint, y: bigint, alpha: bigint): bigint | null {
  const xf = F.saturatingFromInt(C, x);
  const yf = F.saturatingFromInt(C, y);
  const k = F.saturatingMul(C, xf, yf);
  const newY = F.checkedDiv(C, k, F.saturatingAdd(C, xf, F.saturatingFromInt(C, alpha))) ?? 0n;
  if (newY < CP_MIN_LIQUIDITY_BITS) return null;
  return F.toU64Saturating(C, F.saturatingSub(C, yf, newY));
}

function constantProductSwap(input: ResolvedSwapInput): SwapQuote {
  const stake = input.direction === "stake";
  const x = input.alphaReserve;
  const y = input.taoReserve;
  const fee = input.dropFees ? 0n : input.stakingFee;
  const before = constantProductPrice(y, x);
  if (stake) {
    if (input.amount < fee) throw new ChainRejection("AmountTooLow");
    const staked = input.amount - fee;
    const out = cpAlphaOut(x, y, staked);
    if (out === null) throw new ChainRejection("InsufficientLiquidity");
    const taoAfter = satU64(satU64(y + staked) + fee);
    const alphaAfter = x - out;
    return {
      era: "constantProduct",
      amountPaidIn: staked,
      amountPaidOut: out,
      feePaid: fee,
      feeToBlockAuthor: 0n,
      amountTaken: input.amount,
      userReceives: out,
      taoReserveAfter: taoAfter,
      alphaReserveAfter: alphaAfter,
      priceBefore: before,
      priceAfter: constantProductPrice(taoAfter, alphaAfter),
    };
  }
  const out = cpTaoOut(x, y, input.amount);
  if (out === null) throw new ChainRejection("InsufficientLiquidity");
  const taoAfter = satU64(y - out + (fee < out ? fee : out));
  const alphaAfter = satU64(x + input.amount);
  return {
    era: "constantProduct",
    amountPaidIn: input.amount,
    amountPaidOut: out,
    feePaid: fee < out ? fee : out,
    feeToBlockAuthor: 0n,
    amountTaken: input.amount,
    userReceives: satU64(out - fee),
    taoReserveAfter: taoAfter,
    alphaReserveAfter: alphaAfter,
    priceBefore: before,
    priceAfter: constantProductPrice(taoAfter, alphaAfter),
  };
}

// ---------------------------------------------------------------------------------------------------------
// get_max_amount_add / get_max_amount_remove

export interface MaxAmountInput {
  spec: number;
  direction: SwapDirection;
  limitPrice: bigint;
  taoReserve: bigint;
  alphaReserve: bigint;
  mechanism?: number;
  feeRate?: number;
  quoteWeight?: bigint;
  sqrtPrice?: bigint;
  liquidity?: bigint;
  minimumReserve?: bigint;
}

/**
 * The largest gross amount a limit order executes: a simulated swap (paid-in + fee) of 1000 × the input
 * reserve (balancer era) or of u64::MAX (v3 era, where a zero result is the `ZeroMaxStakeAmount` error).
 */
export function maxAmount(input: MaxAmountInput): bigint {
  const stake = input.direction === "stake";
  checkU64("limitPrice", input.limitPrice);
  const era = poolEra(input.spec);
  if (era === "constantProduct")
    throw new EngineInputError("spec", "limit orders of the constant-product era are not modelled");
  if ((input.mechanism ?? 1) === 0) {
    const ok = stake ? input.limitPrice >= RAO_PER_TAO : input.limitPrice <= RAO_PER_TAO;
    if (ok) return U64_MAX;
    if (era === "v3") throw new ChainRejection("ZeroMaxStakeAmount");
    return 0n;
  }
  const amount =
    era === "v3"
      ? U64_MAX
      : satU64((stake ? input.taoReserve : input.alphaReserve) * MAX_SWAP_INPUT_RESERVE_MULTIPLIER);
  const q = swapQuote({ ...input, amount, simulate: true });
  const total = q.amountPaidIn + q.feePaid;
  if (era === "v3" && total === 0n) throw new ChainRejection("ZeroMaxStakeAmount");
  return total;
}
