// Block emission from issuance and root proportion, mirroring lib/engine/ref/emission.ts.

import { CHECKED, div, FLAG, floorFixed, fromU64, I96F32, log2, mul, SAT, safeDiv, sub, add, toU64Sat, U96F32 } from "./fixed";
import { RHI, RLO, setRet } from "./wide";

const I = I96F32;
const TOTAL_SUPPLY: u64 = 21_000_000_000_000_000;
// from_num(10_500_000_000_000_000.0) as I96F32
const HALF_SUPPLY_HI: u64 = 2444721;
const HALF_SUPPLY_LO: u64 = 13989376711263780864;

export let EMISSION_ERR: bool = false;

export function blockEmission(issuance: u64, defaultEmission: u64): u64 {
  EMISSION_ERR = false;
  if (issuance >= TOTAL_SUPPLY) return 0;
  fromU64(I, issuance);
  const tih = RHI;
  const til = RLO;
  fromU64(I, 2);
  mul(I, RHI, RLO, HALF_SUPPLY_HI, HALF_SUPPLY_LO, SAT);
  div(I, tih, til, RHI, RLO, CHECKED);
  if (FLAG) {
    EMISSION_ERR = true;
    return 0;
  }
  sub(I, 0, <u64>1 << 32, RHI, RLO, CHECKED);
  if (FLAG) {
    EMISSION_ERR = true;
    return 0;
  }
  div(I, 0, <u64>1 << 32, RHI, RLO, CHECKED);
  if (FLAG) {
    EMISSION_ERR = true;
    return 0;
  }
  log2(I, RHI, RLO);
  if (FLAG) {
    EMISSION_ERR = true;
    return 0;
  }
  floorFixed(I, RHI, RLO);
  const k = toU64Sat(I, RHI, RLO);
  let mh: u64 = 0;
  let ml: u64 = <u64>1 << 32;
  fromU64(I, 2);
  const th = RHI;
  const tl = RLO;
  for (let i: u64 = 0; i < k && i < 200; i++) {
    mul(I, mh, ml, th, tl, SAT);
    mh = RHI;
    ml = RLO;
  }
  safeDiv(I, 0, <u64>1 << 32, mh, ml);
  const ph = RHI;
  const pl = RLO;
  fromU64(I, defaultEmission);
  mul(I, ph, pl, RHI, RLO, SAT);
  return toU64Sat(I, RHI, RLO);
}

/** root_proportion into RHI/RLO (U96F32 bits). */
export function rootProportion(rootTao: u64, taoWeight: u64, alphaIssuance: u64): void {
  const V = U96F32;
  fromU64(V, taoWeight);
  const wh = RHI;
  const wl = RLO;
  fromU64(V, u64.MAX_VALUE);
  safeDiv(V, wh, wl, RHI, RLO);
  const fh = RHI;
  const fl = RLO;
  fromU64(V, rootTao);
  mul(V, RHI, RLO, fh, fl, SAT);
  const twh = RHI;
  const twl = RLO;
  fromU64(V, alphaIssuance);
  add(V, twh, twl, RHI, RLO, SAT);
  div(V, twh, twl, RHI, RLO, CHECKED);
  if (FLAG) setRet(0, 0);
}
