// Allocation-free multi-word unsigned arithmetic on little-endian u32 limbs held in fixed scratch arrays.
// WASM has no 64×64→128 multiply, so 32-bit limbs with u64 accumulators keep every step exact.
// Fixed-point values (≤ 128 bits) travel as two u64 words (hi, lo); results come back in RHI/RLO.

export let RHI: u64 = 0;
export let RLO: u64 = 0;

export const WA = new StaticArray<u32>(20);
export const WB = new StaticArray<u32>(20);
export const WP = new StaticArray<u32>(40);
export const WQ = new StaticArray<u32>(40);
export const WR = new StaticArray<u32>(20);
const WU = new StaticArray<u32>(42);
const WV = new StaticArray<u32>(20);

@inline export function setRet(hi: u64, lo: u64): void {
  RHI = hi;
  RLO = lo;
}

export function clear(a: StaticArray<u32>, n: i32): void {
  for (let i = 0; i < n; i++) unchecked((a[i] = 0));
}

/** Writes a 128-bit value into 4 limbs starting at 0 and zeroes the next `extra` limbs. */
export function load128(a: StaticArray<u32>, hi: u64, lo: u64, extra: i32): void {
  unchecked((a[0] = <u32>lo));
  unchecked((a[1] = <u32>(lo >> 32)));
  unchecked((a[2] = <u32>hi));
  unchecked((a[3] = <u32>(hi >> 32)));
  for (let i = 4; i < 4 + extra; i++) unchecked((a[i] = 0));
}

/** Number of significant limbs (0 for zero). */
export function limbLen(a: StaticArray<u32>, n: i32): i32 {
  let k = n;
  while (k > 0 && unchecked(a[k - 1]) == 0) k--;
  return k;
}

/** out[0..na+nb) = a[0..na) × b[0..nb). `out` must not alias the inputs. */
export function mulLimbs(a: StaticArray<u32>, na: i32, b: StaticArray<u32>, nb: i32, out: StaticArray<u32>): void {
  for (let i = 0; i < na + nb; i++) unchecked((out[i] = 0));
  for (let i = 0; i < na; i++) {
    const ai = <u64>unchecked(a[i]);
    if (ai == 0) continue;
    let carry: u64 = 0;
    for (let j = 0; j < nb; j++) {
      const t = ai * <u64>unchecked(b[j]) + <u64>unchecked(out[i + j]) + carry;
      unchecked((out[i + j] = <u32>t));
      carry = t >> 32;
    }
    unchecked((out[i + nb] = <u32>carry));
  }
}

/** In-place logical shift right of a[0..n) by `s` bits; returns true if any 1 bit was shifted out. */
export function shrLimbs(a: StaticArray<u32>, n: i32, s: i32): bool {
  const limbs = s >> 5;
  const bits = s & 31;
  let lost = false;
  for (let i = 0; i < limbs && i < n; i++) if (unchecked(a[i]) != 0) lost = true;
  if (bits != 0 && limbs < n && (unchecked(a[limbs]) & ((<u32>1 << bits) - 1)) != 0) lost = true;
  for (let i = 0; i < n; i++) {
    const src = i + limbs;
    let v: u32 = 0;
    if (src < n) {
      v = unchecked(a[src]) >> bits;
      if (bits != 0 && src + 1 < n) v |= unchecked(a[src + 1]) << (32 - bits);
    }
    unchecked((a[i] = v));
  }
  return lost;
}

/** In-place shift left of a[0..n) by `s` bits (bits past limb n are dropped). */
export function shlLimbs(a: StaticArray<u32>, n: i32, s: i32): void {
  const limbs = s >> 5;
  const bits = s & 31;
  for (let i = n - 1; i >= 0; i--) {
    const src = i - limbs;
    let v: u32 = 0;
    if (src >= 0) {
      v = unchecked(a[src]) << bits;
      if (bits != 0 && src - 1 >= 0) v |= unchecked(a[src - 1]) >> (32 - bits);
    }
    unchecked((a[i] = v));
  }
}

/** a += 1 over n limbs. */
export function incLimbs(a: StaticArray<u32>, n: i32): void {
  for (let i = 0; i < n; i++) {
    const v = unchecked(a[i]) + 1;
    unchecked((a[i] = v));
    if (v != 0) return;
  }
}

/**
 * The quotient loop of Knuth algorithm D on normalised limbs: un (m + 1 limbs, left as the shifted remainder)
 * divided by vn (n ≥ 2 limbs, top bit set); writes q[0..m − n]. Shared by the scratch-buffer division here and
 * the allocating one in big.ts.
 */
export function knuthCore(un: StaticArray<u32>, vn: StaticArray<u32>, m: i32, n: i32, q: StaticArray<u32>): void {
  const vn1 = <u64>unchecked(vn[n - 1]);
  const vn2 = <u64>unchecked(vn[n - 2]);
  for (let j = m - n; j >= 0; j--) {
    const num = (<u64>unchecked(un[j + n]) << 32) | <u64>unchecked(un[j + n - 1]);
    let qhat = num / vn1;
    let rhat = num % vn1;
    while (qhat >= 0x100000000 || qhat * vn2 > ((rhat << 32) | <u64>unchecked(un[j + n - 2]))) {
      qhat -= 1;
      rhat += vn1;
      if (rhat >= 0x100000000) break;
    }
    let borrow: i64 = 0;
    let carry: u64 = 0;
    for (let i = 0; i < n; i++) {
      const p = qhat * <u64>unchecked(vn[i]) + carry;
      carry = p >> 32;
      const t = <i64>unchecked(un[i + j]) - <i64>(p & 0xffffffff) + borrow;
      unchecked((un[i + j] = <u32>t));
      borrow = t >> 32;
    }
    const t = <i64>unchecked(un[j + n]) - <i64>carry + borrow;
    unchecked((un[j + n] = <u32>t));
    if (t < 0) {
      qhat -= 1;
      let c: u64 = 0;
      for (let i = 0; i < n; i++) {
        const s2 = <u64>unchecked(un[i + j]) + <u64>unchecked(vn[i]) + c;
        unchecked((un[i + j] = <u32>s2));
        c = s2 >> 32;
      }
      unchecked((un[j + n] = <u32>(<u64>unchecked(un[j + n]) + c)));
    }
    unchecked((q[j] = <u32>qhat));
  }
}

/**
 * Knuth algorithm D: q = u / v, r = u % v for u[0..nu), v[0..nv) with v ≠ 0.
 * q gets nu limbs, r gets nv limbs. Inputs are not modified.
 */
export function divLimbs(
  u: StaticArray<u32>,
  nu: i32,
  v: StaticArray<u32>,
  nv: i32,
  q: StaticArray<u32>,
  r: StaticArray<u32>,
): void {
  const n = limbLen(v, nv);
  const m = limbLen(u, nu);
  for (let i = 0; i < nu; i++) unchecked((q[i] = 0));
  for (let i = 0; i < nv; i++) unchecked((r[i] = 0));
  if (m < n) {
    for (let i = 0; i < m; i++) unchecked((r[i] = u[i]));
    return;
  }
  if (n == 1) {
    const d = <u64>unchecked(v[0]);
    let rem: u64 = 0;
    for (let i = m - 1; i >= 0; i--) {
      const cur = (rem << 32) | <u64>unchecked(u[i]);
      unchecked((q[i] = <u32>(cur / d)));
      rem = cur % d;
    }
    unchecked((r[0] = <u32>rem));
    return;
  }
  const s = <i32>clz<u32>(unchecked(v[n - 1]));
  for (let i = n - 1; i > 0; i--) {
    unchecked((WV[i] = s == 0 ? v[i] : (v[i] << s) | (v[i - 1] >> (32 - s))));
  }
  unchecked((WV[0] = v[0] << s));
  unchecked((WU[m] = s == 0 ? 0 : u[m - 1] >> (32 - s)));
  for (let i = m - 1; i > 0; i--) {
    unchecked((WU[i] = s == 0 ? u[i] : (u[i] << s) | (u[i - 1] >> (32 - s))));
  }
  unchecked((WU[0] = u[0] << s));
  knuthCore(WU, WV, m, n, q);
  for (let i = 0; i < n; i++) {
    unchecked((r[i] = s == 0 ? WU[i] : (WU[i] >> s) | (WU[i + 1] << (32 - s))));
  }
}

// ---------------------------------------------------------------------------------------------------------
// 128-bit helpers on (hi, lo) pairs

@inline export function neg128(hi: u64, lo: u64): void {
  const nlo = ~lo + 1;
  const nhi = ~hi + (nlo == 0 ? 1 : 0);
  setRet(nhi, nlo);
}

@inline export function add128(ahi: u64, alo: u64, bhi: u64, blo: u64): void {
  const lo = alo + blo;
  setRet(ahi + bhi + (lo < alo ? 1 : 0), lo);
}

@inline export function sub128(ahi: u64, alo: u64, bhi: u64, blo: u64): void {
  const lo = alo - blo;
  setRet(ahi - bhi - (alo < blo ? 1 : 0), lo);
}

@inline export function ult128(ahi: u64, alo: u64, bhi: u64, blo: u64): bool {
  return ahi < bhi || (ahi == bhi && alo < blo);
}

@inline export function slt128(ahi: u64, alo: u64, bhi: u64, blo: u64): bool {
  return <i64>ahi < <i64>bhi || (ahi == bhi && alo < blo);
}

/** Full 64×64 → 128 product into RHI:RLO. */
@inline export function mul64(a: u64, b: u64): void {
  const a0 = a & 0xffffffff;
  const a1 = a >> 32;
  const b0 = b & 0xffffffff;
  const b1 = b >> 32;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const p11 = a1 * b1;
  const mid = (p00 >> 32) + (p01 & 0xffffffff) + (p10 & 0xffffffff);
  setRet(p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32), (mid << 32) | (p00 & 0xffffffff));
}

/** Unsigned 128 / 128 → quotient in RHI:RLO (divisor non-zero). */
export function udiv128(ahi: u64, alo: u64, bhi: u64, blo: u64): void {
  if (ahi == 0 && bhi == 0) {
    setRet(0, alo / blo);
    return;
  }
  if (bhi == 0) {
    const h = ahi / blo;
    const l = divlu(ahi % blo, alo, blo);
    setRet(h, l);
    return;
  }
  load128(WA, ahi, alo, 0);
  load128(WB, bhi, blo, 0);
  divLimbs(WA, 4, WB, 4, WQ, WR);
  setRet((<u64>unchecked(WQ[3]) << 32) | unchecked(WQ[2]), (<u64>unchecked(WQ[1]) << 32) | unchecked(WQ[0]));
}

// ---------------------------------------------------------------------------------------------------------
// Word-level division (no limb arrays): the hot paths of fixed-point division.

/** Remainder of the last divlu / div by 64. */
export let DREM: u64 = 0;

/**
 * (u1:u0) / v for u1 < v: 64-bit quotient, remainder in DREM (Hacker's Delight `divlu`, 32-bit half digits).
 */
export function divlu(u1: u64, u0: u64, v: u64): u64 {
  const b: u64 = 0x100000000;
  const s = <i32>clz<u64>(v);
  const vn = v << s;
  const vn1 = vn >> 32;
  const vn0 = vn & 0xffffffff;
  const un32 = s == 0 ? u1 : (u1 << s) | (u0 >> (64 - s));
  const un10 = u0 << s;
  const un1 = un10 >> 32;
  const un0 = un10 & 0xffffffff;
  let q1 = un32 / vn1;
  let rhat = un32 - q1 * vn1;
  while (q1 >= b || q1 * vn0 > ((rhat << 32) | un1)) {
    q1 -= 1;
    rhat += vn1;
    if (rhat >= b) break;
  }
  const un21 = (un32 << 32) + un1 - q1 * vn;
  let q0 = un21 / vn1;
  rhat = un21 - q0 * vn1;
  while (q0 >= b || q0 * vn0 > ((rhat << 32) | un0)) {
    q0 -= 1;
    rhat += vn1;
    if (rhat >= b) break;
  }
  DREM = ((un21 << 32) + un0 - q0 * vn) >> s;
  return (q1 << 32) | q0;
}

/** (a2:a1:a0) / d (d ≠ 0): quotient words into Q2 and RHI:RLO, remainder in DREM. */
export let Q2: u64 = 0;
export function div192by64(a2: u64, a1: u64, a0: u64, d: u64): void {
  Q2 = a2 / d;
  const r2 = a2 % d;
  const q1 = divlu(r2, a1, d);
  const q0 = divlu(DREM, a0, d);
  setRet(q1, q0);
}

/**
 * (a2:a1:a0) / (b1:b0) with b1 ≠ 0: 128-bit quotient into RHI:RLO (Knuth algorithm D with 64-bit digits;
 * each digit estimated with `divlu`, refined, then corrected by at most one add-back).
 */
export function div192by128(a2: u64, a1: u64, a0: u64, b1: u64, b0: u64): void {
  const s = <i32>clz<u64>(b1);
  const v1 = s == 0 ? b1 : (b1 << s) | (b0 >> (64 - s));
  const v0 = b0 << s;
  const u3: u64 = s == 0 ? 0 : a2 >> (64 - s);
  let u2 = s == 0 ? a2 : (a2 << s) | (a1 >> (64 - s));
  let u1 = s == 0 ? a1 : (a1 << s) | (a0 >> (64 - s));
  const u0 = a0 << s;
  // digit 1 from (u3:u2:u1)
  const q1 = qdigit(u3, u2, u1, v1, v0);
  u2 = XR1;
  u1 = XR0;
  // digit 0 from (u2:u1:u0)
  const q0 = qdigit(u2, u1, u0, v1, v0);
  setRet(q1, q0);
}

let XR1: u64 = 0;
let XR0: u64 = 0;

/** One quotient digit of (x2:x1:x0) / (v1:v0), v normalised, x < v·2^64; remainder into XR1:XR0. */
function qdigit(x2: u64, x1: u64, x0: u64, v1: u64, v0: u64): u64 {
  let qhat: u64;
  let rhat: u64;
  let rhatBig = false;
  if (x2 >= v1) {
    qhat = u64.MAX_VALUE;
    rhat = x1 + v1;
    rhatBig = rhat < x1;
  } else {
    qhat = divlu(x2, x1, v1);
    rhat = DREM;
  }
  while (!rhatBig) {
    mul64(qhat, v0);
    // qhat·v0 > (rhat:x0)?
    if (RHI > rhat || (RHI == rhat && RLO > x0)) {
      qhat -= 1;
      const r = rhat + v1;
      rhatBig = r < rhat;
      rhat = r;
    } else break;
  }
  // (x2:x1:x0) −= qhat·(v1:v0)
  mul64(qhat, v0);
  const p0l = RLO;
  const p0h = RHI;
  mul64(qhat, v1);
  const m1 = RLO + p0h;
  const m2 = RHI + (m1 < RLO ? 1 : 0);
  const r0 = x0 - p0l;
  let borrow: u64 = x0 < p0l ? 1 : 0;
  const t1 = x1 - m1;
  const b1 = x1 < m1 ? 1 : 0;
  const r1 = t1 - borrow;
  borrow = b1 | (t1 < borrow ? 1 : 0);
  const t2 = x2 - m2;
  const neg = x2 < m2 || t2 < borrow;
  if (neg) {
    // add back one divisor
    qhat -= 1;
    const n0 = r0 + v0;
    const c = n0 < r0 ? 1 : 0;
    XR0 = n0;
    XR1 = r1 + v1 + c;
  } else {
    XR0 = r0;
    XR1 = r1;
  }
  return qhat;
}
