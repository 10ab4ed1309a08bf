// Share-pool values, mirroring lib/engine/ref/stake.ts and lib/engine/ref/safefloat.ts.

import { Big, cmp, div as bdiv, mul as bmul, pow } from "./big";
import { CHECKED, div, FLAG, fromU64, mul, SAT, toU64Sat, U64F64 } from "./fixed";
import { RHI, RLO } from "./wide";

/** Legacy U64F64 `get_value`. Share and denominator are U64F64 bits. */
export function stakeValueU64F64(shared: u64, shHi: u64, shLo: u64, dHi: u64, dLo: u64): u64 {
  const U = U64F64;
  fromU64(U, shared);
  const vh = RHI;
  const vl = RLO;
  div(U, vh, vl, dHi, dLo, CHECKED);
  if (!FLAG) {
    mul(U, RHI, RLO, shHi, shLo, SAT);
    return toU64Sat(U, RHI, RLO);
  }
  mul(U, vh, vl, shHi, shLo, SAT);
  div(U, RHI, RLO, dHi, dLo, CHECKED);
  if (FLAG) return 0;
  return toU64Sat(U, RHI, RLO);
}

// SafeFloat: mantissa × 10^exponent with the mantissa kept in (1e20, 1e21].
const I64_MIN: i64 = i64.MIN_VALUE;
const I64_MAX: i64 = i64.MAX_VALUE;

let SF_M: Big = Big.zero();
let SF_E: i64 = 0;
let SF_OK: bool = true;

function sfMax(): Big {
  return bmul(Big.fromU64(1_000_000_000_000_000_000), Big.fromU64(1000));
}

/** normalize into SF_M/SF_E; SF_OK false on exponent overflow. */
function normalize(m: Big, e: i64): void {
  SF_OK = true;
  if (m.isZero()) {
    SF_M = m;
    SF_E = 0;
    return;
  }
  const max = sfMax();
  const min = bdiv(max, Big.fromU64(10));
  const ten = Big.fromU64(10);
  let mm = m;
  let ee = e;
  while (cmp(mm, max) > 0) {
    mm = bdiv(mm, ten);
    if (ee == I64_MAX) {
      SF_OK = false;
      return;
    }
    ee += 1;
  }
  while (cmp(mm, min) <= 0) {
    mm = bmul(mm, ten);
    if (ee == I64_MIN) {
      SF_OK = false;
      return;
    }
    ee -= 1;
  }
  SF_M = mm;
  SF_E = ee;
}

function cappow10(e: u64): Big {
  if (e > 22) return bmul(sfMax(), Big.fromU64(10));
  return pow(Big.fromU64(10), <u32>e);
}

function sfToU64(m: Big, e: i64): u64 {
  if (e == 0) return m.bitLength() > 64 ? u64.MAX_VALUE : m.lowU64();
  const neg = e < 0;
  const scale = cappow10(neg ? <u64>(-(e + 1)) + 1 : <u64>e);
  const q = neg ? bdiv(m, scale) : bmul(m, scale);
  return q.bitLength() > 64 ? u64.MAX_VALUE : q.lowU64();
}

/**
 * SharePool::get_value_from_shares with SafeFloat share (sm × 10^se) and denominator (dm × 10^de):
 * floor(shared × share / denominator), 0 when the denominator is 0 or the exponent overflows.
 */
export function stakeValueSafeFloat(shared: u64, smHi: u64, smLo: u64, se: i64, dmHi: u64, dmLo: u64, de: i64): u64 {
  // SafeFloat::new(shared, 0)
  normalize(Big.fromU64(shared), 0);
  const am = SF_M;
  const ae = SF_E;
  const dm = Big.fromU128(dmHi, dmLo);
  if (dm.isZero()) return 0;
  const sm = Big.fromU128(smHi, smLo);
  // exponent arithmetic in i64 with overflow → None
  const eab = ae + se;
  if ((se > 0 && eab < ae) || (se < 0 && eab > ae)) return 0;
  const e = eab - de;
  if ((de < 0 && e < eab) || (de > 0 && e > eab)) return 0;
  normalize(bdiv(bmul(am, sm), dm), e);
  if (!SF_OK) return 0;
  return sfToU64(SF_M, SF_E);
}

