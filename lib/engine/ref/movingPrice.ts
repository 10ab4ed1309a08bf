// `update_moving_price` (dtao-math §4): one EMA step of SubnetMovingPrice per block, by era.

import * as F from "./fixed";
import { movingPriceEra } from "./specs";

const I = F.I96F32;

export interface MovingPriceInput {
  spec: number;
  /** Current SubnetMovingPrice (I96F32 bits). */
  movingPrice: bigint;
  /** Spot price (U64F64 bits; the era's own price type converts exactly or by floor). */
  price: bigint;
  /** SubnetMovingAlpha (I96F32 bits). */
  movingAlpha: bigint;
  /** Current block, FirstEmissionBlockNumber and EMAPriceHalvingBlocks (slow-start eras only). */
  block: bigint;
  firstEmissionBlock: bigint;
  halvingBlocks: bigint;
}

/** Returns the new SubnetMovingPrice (I96F32 bits). */
export function movingPrice(input: MovingPriceInput): bigint {
  const era = movingPriceEra(input.spec);
  if (era === "constant") {
    const alpha = input.movingAlpha;
    const minusAlpha = F.saturatingSub(I, I.one, alpha);
    const spot = F.convert(F.U64F64, I, input.price);
    const cur = F.saturatingMul(I, alpha, F.min(spot, I.one));
    const mov = F.saturatingMul(I, minusAlpha, input.movingPrice);
    return F.saturatingAdd(I, cur, mov);
  }
  const T = era === "slowStartU64" ? F.U64F64 : F.U96F32;
  const start = input.firstEmissionBlock > 0n ? input.firstEmissionBlock - 1n : 0n;
  const since = F.saturatingFromInt(T, input.block > start ? input.block - start : 0n);
  const maUnsigned = F.convert(I, T, input.movingAlpha);
  const alpha = F.saturatingMul(
    T,
    maUnsigned,
    F.safeDiv(T, since, F.saturatingAdd(T, since, F.saturatingFromInt(T, input.halvingBlocks))),
  );
  const oneMinus = F.saturatingSub(T, T.one, alpha);
  const spot = F.convert(F.U64F64, T, input.price);
  const cur = F.saturatingMul(T, alpha, F.min(spot, T.one));
  const mov = F.saturatingMul(T, oneMinus, F.convert(I, T, input.movingPrice));
  return F.convert(T, I, F.saturatingAdd(T, cur, mov));
}
