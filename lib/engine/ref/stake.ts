// Value of a nominator's shares in a hotkey's share pool (dtao-math §5): legacy U64F64 pools (spec < 397) and
// SafeFloat pools (spec ≥ 397).

import * as F from "./fixed";
import { type SafeFloat, sharePoolValue } from "./safefloat";

const U = F.U64F64;

/** Legacy `get_value`: value/denominator first; if that overflows, value·share/denominator; floor to u64. */
export function stakeValueU64F64(sharedValue: bigint, share: bigint, denominator: bigint): bigint {
  const value = F.saturatingFromInt(U, sharedValue);
  const perShare = F.checkedDiv(U, value, denominator);
  const r =
    perShare !== null
      ? F.saturatingMul(U, perShare, share)
      : (F.checkedDiv(U, F.saturatingMul(U, value, share), denominator) ?? 0n);
  return F.toU64Saturating(U, r);
}

export function stakeValueSafeFloat(sharedValue: bigint, share: SafeFloat, denominator: SafeFloat): bigint {
  return sharePoolValue(sharedValue, share, denominator);
}
