// Which rule set a runtime `spec_version` selects (dtao-math §0.3). Every op that depends on the era asks here,
// so an unknown spec fails the same way everywhere.

export const FIRST_DTAO_SPEC = 233;
/** Newest runtime whose rules this engine implements; later specs are refused rather than guessed. */
export const LATEST_SPEC = 425;

export class EngineInputError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** A swap/stake the chain itself would refuse (its `Error::<T>` name), e.g. `PriceLimitExceeded`. */
export class ChainRejection extends Error {
  constructor(readonly reason: string) {
    super(`rejected by the chain rules: ${reason}`);
  }
}

export function checkSpec(spec: number): number {
  if (!Number.isInteger(spec) || spec < 0) throw new EngineInputError("spec", `not a spec version: ${spec}`);
  if (spec < FIRST_DTAO_SPEC)
    throw new EngineInputError(
      "spec",
      `spec ${spec} predates dynamic TAO (first: ${FIRST_DTAO_SPEC}); no rules`,
    );
  if (spec > LATEST_SPEC)
    throw new EngineInputError("spec", `spec ${spec} is newer than the latest rules known (${LATEST_SPEC})`);
  return spec;
}

export type PoolEra = "constantProduct" | "v3" | "balancer";

/** Pool rules: constant product until the swap pallet (283), Uniswap-v3 until 423, balancer after (and in 380). */
export function poolEra(spec: number): PoolEra {
  checkSpec(spec);
  if (spec < 283) return "constantProduct";
  if (spec === 380 || spec >= 423) return "balancer";
  return "v3";
}

/** Default `FeeRate` (u16 / 65535) when storage holds none: 196 until spec 297, then 33. */
export function defaultFeeRate(spec: number): number {
  return spec < 297 ? 196 : 33;
}

/** Swap fees go to the block author from spec 385 (and in the 380 balancer); before, to the v3 protocol position. */
export function feesToBlockAuthor(spec: number): boolean {
  return spec >= 385 || spec === 380;
}

export type MovingPriceEra = "constant" | "slowStartU96" | "slowStartU64";

/** Moving-price EMA: constant α until 252, α·b/(b+h) in U96F32 until 423, in U64F64 after. */
export function movingPriceEra(spec: number): MovingPriceEra {
  checkSpec(spec);
  if (spec < 252) return "constant";
  if (spec < 423) return "slowStartU96";
  return "slowStartU64";
}

/** Share pool: U64F64 shares until 397, SafeFloat after. */
export function sharePoolKind(spec: number): "u64f64" | "safeFloat" {
  checkSpec(spec);
  return spec < 397 ? "u64f64" : "safeFloat";
}
