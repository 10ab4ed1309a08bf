// update_moving_price, mirroring lib/engine/ref/movingPrice.ts. Result (I96F32 bits) in RHI/RLO.

import { add, convert, fromU64, I96F32, lt, mul, oneHi, oneLo, SAT, safeDiv, sub, U64F64, U96F32 } from "./fixed";
import { RHI, RLO } from "./wide";

const I = I96F32;

/** era: 0 constant α (I96F32), 1 slow start in U96F32, 2 slow start in U64F64. */
export function movingPrice(
  era: i32,
  mhi: u64,
  mlo: u64,
  phi: u64,
  plo: u64,
  ahi: u64,
  alo: u64,
  block: u64,
  firstEmission: u64,
  halving: u64,
): void {
  if (era == 0) {
    sub(I, 0, <u64>1 << 32, ahi, alo, SAT);
    const omh = RHI;
    const oml = RLO;
    convert(U64F64, I, phi, plo);
    let sh = RHI;
    let sl = RLO;
    if (!lt(I, sh, sl, 0, <u64>1 << 32)) {
      sh = 0;
      sl = <u64>1 << 32;
    }
    mul(I, ahi, alo, sh, sl, SAT);
    const ch = RHI;
    const cl = RLO;
    mul(I, omh, oml, mhi, mlo, SAT);
    add(I, ch, cl, RHI, RLO, SAT);
    return;
  }
  const T = era == 2 ? U64F64 : U96F32;
  const oh = oneHi(T);
  const ol = oneLo(T);
  const start: u64 = firstEmission > 0 ? firstEmission - 1 : 0;
  fromU64(T, block > start ? block - start : 0);
  const bh = RHI;
  const bl = RLO;
  fromU64(T, halving);
  add(T, bh, bl, RHI, RLO, SAT);
  safeDiv(T, bh, bl, RHI, RLO);
  const rh = RHI;
  const rl = RLO;
  convert(I, T, ahi, alo);
  mul(T, RHI, RLO, rh, rl, SAT);
  const alh = RHI;
  const all = RLO;
  sub(T, oh, ol, alh, all, SAT);
  const omh = RHI;
  const oml = RLO;
  convert(U64F64, T, phi, plo);
  let sh = RHI;
  let sl = RLO;
  if (!lt(T, sh, sl, oh, ol)) {
    sh = oh;
    sl = ol;
  }
  mul(T, alh, all, sh, sl, SAT);
  const ch = RHI;
  const cl = RLO;
  convert(I, T, mhi, mlo);
  mul(T, omh, oml, RHI, RLO, SAT);
  add(T, ch, cl, RHI, RLO, SAT);
  convert(T, I, RHI, RLO);
}
