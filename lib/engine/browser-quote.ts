// Swap quotes from a subnet's stored pool state, shared by the quote API (WASM in Node) and the /pools page
// (the same WASM in the browser): one function builds the engine input from the state and one shapes the
// answer, so both sides compute from identical inputs with identical code. Pure: no Node or DOM imports, only
// the engine's types and reference rules (eras, defaults, fixed-point decimals).
import { toDecimal, U64F64 } from "./ref/fixed";
import { ChainRejection, EngineInputError, type PoolEra, poolEra } from "./ref/specs";
import type { EngineOps, SwapInput, SwapQuote } from "./types";

export const U64_MAX = 18_446_744_073_709_551_615n;
/** Decimal places of TAO (rao) and of alpha base units. */
export const TOKEN_DECIMALS = 9;
export const CURVE_POINTS = 50;
/** Decimal places of `price_impact` (truncated, never rounded up). */
export const IMPACT_DECIMALS = 18;
const PERQUINTILL = 1_000_000_000_000_000_000n;

export type QuoteDirection = "stake" | "unstake";

/** The inputs of a quote, as the API serves them (integers as decimal strings). */
export interface PoolQuoteState {
  netuid: number;
  /** Block of the pool snapshot the state comes from. */
  block: number;
  /** Runtime spec of that block: selects the pool rules. */
  spec_version: number;
  era: PoolEra;
  /** SubnetMechanism: 0 stable (1:1, no fee), 1 dynamic. */
  mechanism: 0 | 1;
  /** Swap FeeRate (u16 of 65535). */
  fee_rate: number;
  fee_rate_source: "default" | "event";
  /** SubnetTAO (rao) and SubnetAlphaIn (alpha base units). */
  tao_in: string;
  alpha_in: string;
  /** The chain's spot price at the snapshot (rao per alpha), null where the runtime has no price API. */
  price_rao: string | null;
  /** Balancer era only: the quote weight w2 (Perquintill parts) derived from price_rao and the reserves. */
  quote_weight: string | null;
}

export interface QuoteResult {
  netuid: number;
  block: number;
  spec_version: number;
  direction: QuoteDirection;
  /** Gross input taken (rao for stake, alpha base units for unstake), fee included. */
  amount_in: string;
  /** What the user receives (alpha base units for stake, rao for unstake). */
  amount_out: string;
  fee: string;
  fee_token: "tao" | "alpha";
  /** Spot prices before/after, TAO per alpha, exact decimal of the engine's fixed-point value. */
  price_before: string;
  price_after: string;
  /** |price_after − price_before| / price_before, truncated to 18 decimals. */
  price_impact: string;
  method: string;
}

export interface CurvePoint {
  amount_in: string;
  amount_out: string;
  fee: string;
  price_impact: string;
}

export interface CurveResult {
  netuid: number;
  block: number;
  spec_version: number;
  direction: QuoteDirection;
  max: string;
  /** Points the chain would refuse (e.g. too small to yield output) are left out. */
  points: CurvePoint[];
  method: string;
}

const big = (s: string) => BigInt(s);

/** Balancer quote weight from the spot price: w2 = y / (p·x + y) (as the v3→balancer migration sets it). */
export function derivedQuoteWeight(taoIn: bigint, alphaIn: bigint, priceRao: bigint): bigint | null {
  const den = priceRao * alphaIn + taoIn * 1_000_000_000n;
  if (den === 0n) return null;
  const w = (taoIn * 1_000_000_000n * PERQUINTILL) / den;
  // The pallet keeps both weights in [0.01, 0.99]; a snapshot outside it is not a state the chain can be in.
  const lo = PERQUINTILL / 100n;
  return w < lo ? lo : w > PERQUINTILL - lo ? PERQUINTILL - lo : w;
}

/** The engine input for a quote: runtime-API semantics (`sim_swap`: default extreme limits, simulate). */
export function swapInputFor(state: PoolQuoteState, direction: QuoteDirection, amount: bigint): SwapInput {
  const input: SwapInput = {
    spec: state.spec_version,
    direction,
    amount,
    taoReserve: big(state.tao_in),
    alphaReserve: big(state.alpha_in),
    mechanism: state.mechanism,
    feeRate: state.fee_rate,
    simulate: true,
  };
  if (state.quote_weight !== null) input.quoteWeight = big(state.quote_weight);
  return input;
}

/** |after − before| / before, truncated to IMPACT_DECIMALS places, as an exact decimal string. */
export function priceImpact(before: bigint, after: bigint): string {
  if (before === 0n) return "0";
  const diff = after > before ? after - before : before - after;
  const scaled = (diff * 10n ** BigInt(IMPACT_DECIMALS)) / before;
  return formatUnits(scaled, IMPACT_DECIMALS);
}

export function methodOf(state: PoolQuoteState): string {
  const fee = `fee ${state.fee_rate}/65535 from ${state.fee_rate_source === "event" ? "the last FeeRateSet event" : "the spec's default"}`;
  const rules = `spec ${state.spec_version} rules`;
  if (state.mechanism === 0) return `stable subnet: 1:1, no fee (${rules})`;
  switch (state.era) {
    case "constantProduct":
      return `constant product on SubnetTAO/SubnetAlphaIn (${rules}, flat 50,000 rao staking fee)`;
    case "v3":
      return `Uniswap-v3 full-range protocol position, sqrt price and liquidity initialised from SubnetTAO/SubnetAlphaIn (${rules}, ${fee})`;
    case "balancer":
      return `balancer weighted pool, quote weight derived from the snapshot price (${rules}, ${fee})`;
  }
}

function shape(
  state: PoolQuoteState,
  direction: QuoteDirection,
  q: SwapQuote,
): Omit<QuoteResult, "netuid" | "block" | "spec_version" | "direction" | "method"> {
  return {
    amount_in: q.amountTaken.toString(),
    amount_out: q.userReceives.toString(),
    fee: q.feePaid.toString(),
    fee_token: state.era === "constantProduct" || direction === "stake" ? "tao" : "alpha",
    price_before: toDecimal(U64F64, q.priceBefore),
    price_after: toDecimal(U64F64, q.priceAfter),
    price_impact: priceImpact(q.priceBefore, q.priceAfter),
  };
}

/** One quote; throws ChainRejection (the chain would refuse) or EngineInputError (bad input). */
export function quoteWith(
  engine: EngineOps,
  state: PoolQuoteState,
  direction: QuoteDirection,
  amount: bigint,
): QuoteResult {
  const q = engine.swap(swapInputFor(state, direction, amount));
  return {
    netuid: state.netuid,
    block: state.block,
    spec_version: state.spec_version,
    direction,
    ...shape(state, direction, q),
    method: methodOf(state),
  };
}

/** Default curve range: a tenth of the input-side reserve (at least 1 base unit). */
export function defaultCurveMax(state: PoolQuoteState, direction: QuoteDirection): bigint {
  const reserve = big(direction === "stake" ? state.tao_in : state.alpha_in);
  const m = reserve / 10n;
  return m < 1n ? 1n : m;
}

/** CURVE_POINTS amounts max·i/CURVE_POINTS (i = 1…), distinct and non-zero. */
export function curveAmounts(max: bigint): bigint[] {
  const out: bigint[] = [];
  for (let i = 1n; i <= BigInt(CURVE_POINTS); i++) {
    const a = (max * i) / BigInt(CURVE_POINTS);
    if (a > 0n && a !== out.at(-1)) out.push(a);
  }
  return out;
}

/** The slippage curve in one engine call (swapBatch); refused points are left out. */
export function curveWith(
  engine: EngineOps,
  state: PoolQuoteState,
  direction: QuoteDirection,
  max: bigint,
): CurveResult {
  const amounts = curveAmounts(max);
  const quotes = engine.swapBatch(amounts.map((a) => swapInputFor(state, direction, a)));
  const points: CurvePoint[] = [];
  for (const q of quotes) {
    if (q instanceof ChainRejection) continue;
    if (q instanceof Error) throw q;
    const s = shape(state, direction, q);
    points.push({
      amount_in: s.amount_in,
      amount_out: s.amount_out,
      fee: s.fee,
      price_impact: s.price_impact,
    });
  }
  return {
    netuid: state.netuid,
    block: state.block,
    spec_version: state.spec_version,
    direction,
    max: max.toString(),
    points,
    method: methodOf(state),
  };
}

/** A stored snapshot row → quote state (era and the derived balancer weight filled in). */
export function poolQuoteState(row: {
  netuid: number;
  block: number;
  spec_version: number;
  tao_in: string;
  alpha_in: string;
  price_rao: string | null;
  fee_rate: number | null;
  default_fee_rate: number;
}): PoolQuoteState {
  const era = poolEra(row.spec_version);
  const mechanism = row.netuid === 0 ? 0 : 1;
  const weight =
    era === "balancer" && mechanism === 1 && row.price_rao !== null
      ? derivedQuoteWeight(big(row.tao_in), big(row.alpha_in), big(row.price_rao))
      : null;
  return {
    netuid: row.netuid,
    block: row.block,
    spec_version: row.spec_version,
    era,
    mechanism,
    fee_rate: row.fee_rate ?? row.default_fee_rate,
    fee_rate_source: row.fee_rate === null ? "default" : "event",
    tao_in: row.tao_in,
    alpha_in: row.alpha_in,
    price_rao: row.price_rao,
    quote_weight: weight === null ? null : weight.toString(),
  };
}

// --- exact decimal text ↔ base units -------------------------------------------------------------------------

export type ParsedUnits = { ok: true; value: bigint } | { ok: false; error: string };

/**
 * "1.5" → 1_500_000_000n for 9 decimals, by string slicing (never floats). Rejects signs, exponents, more
 * decimals than the token has, zero and values above u64::MAX.
 */
export function parseUnits(text: string, decimals = TOKEN_DECIMALS): ParsedUnits {
  const t = text.trim();
  if (t === "") return { ok: false, error: "enter an amount" };
  const m = /^([0-9]*)(?:\.([0-9]*))?$/.exec(t);
  if (!m || (m[1] === "" && (m[2] ?? "") === ""))
    return { ok: false, error: "must be a decimal number like 1.5" };
  const whole = m[1] ?? "";
  const frac = m[2] ?? "";
  if (frac.length > decimals) return { ok: false, error: `at most ${decimals} decimal places` };
  if (whole.replace(/^0+/, "").length > 20) return { ok: false, error: "too large" };
  const value = BigInt((whole || "0") + frac.padEnd(decimals, "0"));
  if (value === 0n) return { ok: false, error: "must be more than zero" };
  if (value > U64_MAX) return { ok: false, error: "too large (above u64::MAX base units)" };
  return { ok: true, value };
}

/** 1_500_000_000n → "1.5" (exact; trailing zeros dropped). */
export function formatUnits(value: bigint, decimals = TOKEN_DECIMALS): string {
  const neg = value < 0n;
  const s = (neg ? -value : value).toString().padStart(decimals + 1, "0");
  const whole = s.slice(0, s.length - decimals);
  const frac = s.slice(s.length - decimals).replace(/0+$/, "");
  return `${neg ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}

export { ChainRejection, EngineInputError };
