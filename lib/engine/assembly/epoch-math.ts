// I32F32 helpers of the Yuma epoch in WASM, mirroring lib/engine/ref/epoch-math.ts bit for bit.
// I32F32 values are plain i64 raw bits; 64×64 products and 96-bit dividends go through wide.ts.
// Sparse rows keep `[column, value]` pairs in the order the reference keeps them.

import { exp, I32F32 } from "./fixed";
import { FLAG } from "./fixed";
import { mul64, RHI, RLO, udiv128 } from "./wide";

export const ONE: i64 = 1 << 32;
const I64_MAX: i64 = i64.MAX_VALUE;
const I64_MIN: i64 = i64.MIN_VALUE;
const U16_MAX_FIXED: i64 = <i64>65535 << 32;

/** Set by `mulC` / `divC` when the exact result does not fit (checked semantics). */
export let OVF: bool = false;

@inline function absU(a: i64): u64 {
  return a < 0 ? <u64>0 - <u64>a : <u64>a;
}

/** Exact floor((a·b) / 2^32); OVF when it does not fit an i64 (value then meaningless). */
export function mulC(a: i64, b: i64): i64 {
  const neg = (a < 0) != (b < 0);
  let ua = absU(a);
  let ub = absU(b);
  if (ua > ub) {
    const t = ua;
    ua = ub;
    ub = t;
  }
  let qhi: u64;
  let qlo: u64;
  let lost: bool;
  if (ua >> 32 == 0) {
    // ua < 2^32: ua·ub = ua·bh·2^32 + ua·bl, each partial product below 2^64
    const pl = ua * (ub & 0xffffffff);
    const ph = ua * (ub >> 32);
    qlo = ph + (pl >> 32);
    qhi = qlo < ph ? 1 : 0;
    lost = (pl & 0xffffffff) != 0;
  } else {
    mul64(ua, ub);
    const hi = RHI;
    const lo = RLO;
    qhi = hi >> 32;
    qlo = (lo >> 32) | (hi << 32);
    lost = (lo & 0xffffffff) != 0;
  }
  if (neg && lost) {
    qlo += 1;
    if (qlo == 0) qhi += 1;
  }
  if (neg) {
    if (qhi != 0 || qlo > <u64>1 << 63) {
      OVF = true;
      return 0;
    }
    OVF = false;
    return <i64>(<u64>0 - qlo);
  }
  if (qhi != 0 || qlo > <u64>I64_MAX) {
    OVF = true;
    return 0;
  }
  OVF = false;
  return <i64>qlo;
}

export function satMul(a: i64, b: i64): i64 {
  const r = mulC(a, b);
  if (OVF) return (a < 0) != (b < 0) ? I64_MIN : I64_MAX;
  return r;
}

/** trunc((a << 32) / b); OVF on overflow or b = 0. */
export function divC(a: i64, b: i64): i64 {
  if (b == 0) {
    OVF = true;
    return 0;
  }
  const neg = (a < 0) != (b < 0);
  const ua = absU(a);
  const ub = absU(b);
  let qhi: u64 = 0;
  let qlo: u64;
  const nhi = ua >> 32;
  if (nhi == 0) qlo = (ua << 32) / ub;
  else {
    udiv128(nhi, ua << 32, 0, ub);
    qhi = RHI;
    qlo = RLO;
  }
  if (neg) {
    if (qhi != 0 || qlo > <u64>1 << 63) {
      OVF = true;
      return 0;
    }
    OVF = false;
    return <i64>(<u64>0 - qlo);
  }
  if (qhi != 0 || qlo > <u64>I64_MAX) {
    OVF = true;
    return 0;
  }
  OVF = false;
  return <i64>qlo;
}

/** safe-math `safe_div`: 0 on overflow or division by zero. */
export function safeDiv(a: i64, b: i64): i64 {
  const r = divC(a, b);
  return OVF ? 0 : r;
}

export function satDiv(a: i64, b: i64): i64 {
  const r = divC(a, b);
  if (OVF) return (a < 0) != (b < 0) ? I64_MIN : I64_MAX;
  return r;
}

export function satAdd(a: i64, b: i64): i64 {
  const r = a + b;
  if ((a >= 0) == (b >= 0) && (r >= 0) != (a >= 0)) return a >= 0 ? I64_MAX : I64_MIN;
  return r;
}

export function satSub(a: i64, b: i64): i64 {
  const r = a - b;
  if ((a >= 0) != (b >= 0) && (r >= 0) != (a >= 0)) return a >= 0 ? I64_MAX : I64_MIN;
  return r;
}

@inline export function u16ToFixed(x: u64): i64 {
  return <i64>x << 32;
}

export function fixedProportionToU16(x: i64): u64 {
  const v = satMul(x, U16_MAX_FIXED) >> 32;
  return v < 0 ? 0 : v > 65535 ? 65535 : <u64>v;
}

export function sumV(x: StaticArray<i64>): i64 {
  let s: i64 = 0;
  for (let i = 0; i < x.length; i++) s += unchecked(x[i]);
  return s;
}

export function normalizeInPlace(x: StaticArray<i64>): void {
  const s = sumV(x);
  if (s == 0) return;
  for (let i = 0; i < x.length; i++) unchecked((x[i] = safeDiv(unchecked(x[i]), s)));
}

export function normalizeUsingSum(x: StaticArray<i64>, s: i64): void {
  if (s == 0) return;
  for (let i = 0; i < x.length; i++) unchecked((x[i] = safeDiv(unchecked(x[i]), s)));
}

/** A sparse row with a fixed capacity (known when it is built), so pushes never reallocate. */
export class SRow {
  c: StaticArray<i32>;
  v: StaticArray<i64>;
  len: i32 = 0;
  constructor(cap: i32) {
    this.c = new StaticArray<i32>(cap);
    this.v = new StaticArray<i64>(cap);
  }
  @inline push(c: i32, v: i64): void {
    unchecked((this.c[this.len] = c));
    unchecked((this.v[this.len] = v));
    this.len++;
  }
  @inline get length(): i32 {
    return this.len;
  }
  clone(): SRow {
    const r = new SRow(this.len);
    for (let k = 0; k < this.len; k++) {
      unchecked((r.c[k] = unchecked(this.c[k])));
      unchecked((r.v[k] = unchecked(this.v[k])));
    }
    r.len = this.len;
    return r;
  }
}

export function cloneM(m: Array<SRow>): Array<SRow> {
  const out = new Array<SRow>(m.length);
  for (let i = 0; i < m.length; i++) unchecked((out[i] = unchecked(m[i]).clone()));
  return out;
}

export function isTopkNonzero(v: StaticArray<i64>, k: i32): StaticArray<bool> {
  const n = v.length;
  const out = new StaticArray<bool>(n);
  for (let i = 0; i < n; i++) unchecked((out[i] = unchecked(v[i]) != 0));
  if (n < k) return out;
  // stable ascending sort of indices by value (insertion sort keeps equal values in index order)
  const idx = new StaticArray<i32>(n);
  for (let i = 0; i < n; i++) unchecked((idx[i] = i));
  for (let i = 1; i < n; i++) {
    const cur = unchecked(idx[i]);
    const cv = unchecked(v[cur]);
    let j = i - 1;
    while (j >= 0 && unchecked(v[unchecked(idx[j])]) > cv) {
      unchecked((idx[j + 1] = unchecked(idx[j])));
      j--;
    }
    unchecked((idx[j + 1] = cur));
  }
  for (let t = 0; t < n - k; t++) unchecked((out[unchecked(idx[t])] = false));
  return out;
}

export function rowSum(m: Array<SRow>): StaticArray<i64> {
  const out = new StaticArray<i64>(m.length);
  for (let i = 0; i < m.length; i++) {
    const r = unchecked(m[i]);
    let s: i64 = 0;
    for (let k = 0; k < r.length; k++) s += unchecked(r.v[k]);
    unchecked((out[i] = s));
  }
  return out;
}

export function rowNormalize(m: Array<SRow>): void {
  for (let i = 0; i < m.length; i++) {
    const r = unchecked(m[i]);
    let s: i64 = 0;
    for (let k = 0; k < r.length; k++) s += unchecked(r.v[k]);
    if (s > 0) for (let k = 0; k < r.length; k++) unchecked((r.v[k] = safeDiv(unchecked(r.v[k]), s)));
  }
}

export function colNormalize(m: Array<SRow>, columns: i32): void {
  const cs = new StaticArray<i64>(columns);
  for (let i = 0; i < m.length; i++) {
    const r = unchecked(m[i]);
    for (let k = 0; k < r.length; k++) {
      const j = unchecked(r.c[k]);
      if (j < columns) unchecked((cs[j] = satAdd(unchecked(cs[j]), unchecked(r.v[k]))));
    }
  }
  for (let i = 0; i < m.length; i++) {
    const r = unchecked(m[i]);
    for (let k = 0; k < r.length; k++) {
      const j = unchecked(r.c[k]);
      const d: i64 = j < columns ? unchecked(cs[j]) : 0;
      if (d != 0) unchecked((r.v[k] = safeDiv(unchecked(r.v[k]), d)));
    }
  }
}

export function colMaxUpscale(m: Array<SRow>, columns: i32): void {
  const cm = new StaticArray<i64>(columns);
  for (let i = 0; i < m.length; i++) {
    const r = unchecked(m[i]);
    for (let k = 0; k < r.length; k++) {
      const j = unchecked(r.c[k]);
      if (j < columns && unchecked(cm[j]) < unchecked(r.v[k])) unchecked((cm[j] = unchecked(r.v[k])));
    }
  }
  for (let i = 0; i < m.length; i++) {
    const r = unchecked(m[i]);
    for (let k = 0; k < r.length; k++) {
      const j = unchecked(r.c[k]);
      const d: i64 = j < columns ? unchecked(cm[j]) : 0;
      if (d != 0) unchecked((r.v[k] = safeDiv(unchecked(r.v[k]), d)));
    }
  }
}

export function matmul(m: Array<SRow>, v: StaticArray<i64>, columns: i32): StaticArray<i64> {
  const out = new StaticArray<i64>(columns);
  for (let i = 0; i < m.length; i++) {
    const r = unchecked(m[i]);
    const scale: i64 = i < v.length ? unchecked(v[i]) : 0;
    for (let k = 0; k < r.length; k++) {
      const j = unchecked(r.c[k]);
      if (j < columns) unchecked((out[j] = satAdd(unchecked(out[j]), satMul(scale, unchecked(r.v[k])))));
    }
  }
  return out;
}

export function matmulTranspose(m: Array<SRow>, v: StaticArray<i64>): StaticArray<i64> {
  const out = new StaticArray<i64>(m.length);
  for (let i = 0; i < m.length; i++) {
    const r = unchecked(m[i]);
    let acc: i64 = 0;
    for (let k = 0; k < r.length; k++) {
      const j = unchecked(r.c[k]);
      const x: i64 = j < v.length ? unchecked(v[j]) : 0;
      acc = satAdd(acc, satMul(x, unchecked(r.v[k])));
    }
    unchecked((out[i] = acc));
  }
  return out;
}

export function colClip(m: Array<SRow>, th: StaticArray<i64>): Array<SRow> {
  const out = new Array<SRow>(m.length);
  for (let i = 0; i < m.length; i++) {
    const r = unchecked(m[i]);
    const o = new SRow(r.length);
    for (let k = 0; k < r.length; k++) {
      const j = unchecked(r.c[k]);
      const v = unchecked(r.v[k]);
      const t: i64 = j < th.length ? unchecked(th[j]) : 0;
      if (t < v) {
        if (t > 0) o.push(j, t);
      } else o.push(j, v);
    }
    unchecked((out[i] = o));
  }
  return out;
}

export function weightedMedian(
  stake: StaticArray<i64>,
  score: StaticArray<i64>,
  minority: i64,
  lo0: i64,
  hi0: i64,
): i64 {
  if (stake.length != score.length) return 0;
  let current = new Array<i32>(stake.length);
  for (let i = 0; i < stake.length; i++) unchecked((current[i] = i));
  let lo = lo0;
  let hi = hi0;
  const limit = stake.length;
  let iter = 0;
  while (true) {
    const n = current.length;
    if (n == 0) return 0;
    if (n == 1) return unchecked(score[unchecked(current[0])]);
    const pivot = unchecked(score[unchecked(current[n >> 1])]);
    let loStake: i64 = 0;
    let hiStake: i64 = 0;
    const lower = new Array<i32>();
    const upper = new Array<i32>();
    for (let t = 0; t < n; t++) {
      const idx = unchecked(current[t]);
      const s = unchecked(score[idx]);
      if (s == pivot) continue;
      if (s < pivot) {
        loStake = satAdd(loStake, unchecked(stake[idx]));
        lower.push(idx);
      } else {
        hiStake = satAdd(hiStake, unchecked(stake[idx]));
        upper.push(idx);
      }
    }
    if (minority < satAdd(lo, loStake) && lower.length > 0) {
      current = lower;
      hi = satAdd(lo, loStake);
    } else if (satSub(hi, hiStake) <= minority && upper.length > 0) {
      current = upper;
      lo = satSub(hi, hiStake);
    } else {
      return pivot;
    }
    iter++;
    if (iter > limit) break;
  }
  return 0;
}

export function weightedMedianCol(stake: StaticArray<i64>, score: Array<SRow>, columns: i32, majority: i64): StaticArray<i64> {
  let count = 0;
  for (let i = 0; i < stake.length; i++) if (unchecked(stake[i]) > 0) count++;
  const use = new StaticArray<i64>(count);
  let k = 0;
  for (let i = 0; i < stake.length; i++) if (unchecked(stake[i]) > 0) unchecked((use[k++] = unchecked(stake[i])));
  normalizeInPlace(use);
  const stakeSum = sumV(use);
  const minority = satSub(stakeSum, majority);
  const cols = new Array<StaticArray<i64>>(columns);
  for (let c = 0; c < columns; c++) unchecked((cols[c] = new StaticArray<i64>(count)));
  k = 0;
  const rows = stake.length < score.length ? stake.length : score.length;
  for (let i = 0; i < rows; i++) {
    if (unchecked(stake[i]) > 0) {
      const r = unchecked(score[i]);
      for (let t = 0; t < r.length; t++) {
        const c = unchecked(r.c[t]);
        if (c < columns && k < count) unchecked((unchecked(cols[c])[k] = unchecked(r.v[t])));
      }
      k++;
    }
  }
  const out = new StaticArray<i64>(columns);
  for (let c = 0; c < columns; c++) unchecked((out[c] = weightedMedian(use, unchecked(cols[c]), minority, 0, stakeSum)));
  return out;
}

export function interpolate(m1: Array<SRow>, m2: Array<SRow>, columns: i32, ratio: i64): Array<SRow> {
  if (ratio == 0) return cloneM(m1);
  if (ratio == ONE) return cloneM(m2);
  if (m1.length != m2.length) return cloneM(m2);
  const out = new Array<SRow>(m1.length);
  const a = new StaticArray<i64>(columns);
  const b = new StaticArray<i64>(columns);
  for (let i = 0; i < m1.length; i++) {
    for (let j = 0; j < columns; j++) {
      unchecked((a[j] = 0));
      unchecked((b[j] = 0));
    }
    const r1 = unchecked(m1[i]);
    const r2 = unchecked(m2[i]);
    for (let k = 0; k < r1.length; k++) {
      const j = unchecked(r1.c[k]);
      if (j < columns) unchecked((a[j] = unchecked(r1.v[k])));
    }
    for (let k = 0; k < r2.length; k++) {
      const j = unchecked(r2.c[k]);
      if (j < columns) unchecked((b[j] = unchecked(r2.v[k])));
    }
    // values first (into `a`), then an exactly sized row
    let cnt = 0;
    for (let j = 0; j < columns; j++) {
      const v1 = unchecked(a[j]);
      const x = satAdd(v1, satMul(ratio, satSub(unchecked(b[j]), v1)));
      unchecked((a[j] = x));
      if (x > 0) cnt++;
    }
    const o = new SRow(cnt);
    for (let j = 0; j < columns; j++) if (unchecked(a[j]) > 0) o.push(j, unchecked(a[j]));
    unchecked((out[i] = o));
  }
  return out;
}

export function matEma(next: Array<SRow>, old: Array<SRow>, alpha: i64): Array<SRow> {
  const n = next.length;
  const out = new Array<SRow>(n);
  if (n == 0) return out;
  const oneMinus = satSub(ONE, alpha);
  const acc = new StaticArray<i64>(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) unchecked((acc[j] = 0));
    const r = unchecked(next[i]);
    for (let k = 0; k < r.length; k++) {
      const j = unchecked(r.c[k]);
      if (j < n) unchecked((acc[j] = satAdd(unchecked(acc[j]), satMul(alpha, unchecked(r.v[k])))));
    }
    if (i < old.length) {
      const o = unchecked(old[i]);
      for (let k = 0; k < o.length; k++) {
        const j = unchecked(o.c[k]);
        if (j < n) unchecked((acc[j] = satAdd(unchecked(acc[j]), satMul(oneMinus, unchecked(o.v[k])))));
      }
    }
    let cnt = 0;
    for (let j = 0; j < n; j++) if (unchecked(acc[j]) > 0) cnt++;
    const row = new SRow(cnt);
    for (let j = 0; j < n; j++) if (unchecked(acc[j]) > 0) row.push(j, unchecked(acc[j]));
    unchecked((out[i] = row));
  }
  return out;
}

export function matEmaAlpha(next: Array<SRow>, old: Array<SRow>, alpha: Array<StaticArray<i64>>): Array<SRow> {
  if (next.length != old.length || next.length != alpha.length) return cloneM(next);
  const out = new Array<SRow>(next.length);
  for (let i = 0; i < next.length; i++) {
    const arow = unchecked(alpha[i]);
    const cols = arow.length;
    const decayed = new StaticArray<i64>(cols);
    const o = unchecked(old[i]);
    for (let k = 0; k < o.length; k++) {
      const j = unchecked(o.c[k]);
      if (j < cols) unchecked((decayed[j] = satMul(satSub(ONE, unchecked(arow[j])), unchecked(o.v[k]))));
    }
    const r = unchecked(next[i]);
    const row = new SRow(r.length);
    for (let k = 0; k < r.length; k++) {
      const j = unchecked(r.c[k]);
      if (j >= cols) continue;
      let inc = satMul(unchecked(arow[j]), unchecked(r.v[k]));
      if (inc < 0) inc = 0;
      let val = satAdd(unchecked(decayed[j]), inc);
      if (val > ONE) val = ONE;
      if (val > 0) row.push(j, val);
    }
    unchecked((out[i] = row));
  }
  return out;
}

const EXP_MIN: i64 = <i64>-20 << 32;
const EXP_MAX: i64 = <i64>20 << 32;

/** The crate's I9F23 `E` widened to I32F32 (what `exp(1)` returns). */
const E_I32F32: i64 = <i64>22802600 << 9;

/**
 * `transcendental::exp` on I32F32 with checked arithmetic (Taylor series, terms 2..31), natively on i64.
 * Returns false (the crate's `Err`) on overflow; the value is in EXP_OUT.
 */
export let EXP_OUT: i64 = 0;
export function expI32(x0: i64): bool {
  if (x0 == 0) {
    EXP_OUT = ONE;
    return true;
  }
  if (x0 == ONE) {
    EXP_OUT = E_I32F32;
    return true;
  }
  const neg = x0 < 0;
  if (neg && x0 == I64_MIN) return false;
  const x = neg ? -x0 : x0;
  let result = x + ONE;
  if (result < x) return false;
  let term = x;
  for (let i = 2; i < 32; i++) {
    term = mulC(term, x);
    if (OVF) return false;
    // (term << 32) / (i << 32) is exactly term / i (term ≥ 0 here)
    term = term / i;
    // once a term is 0 every later step adds 0 and cannot overflow: same result as running on
    if (term == 0) break;
    const r = result + term;
    if ((result >= 0) == (term >= 0) && (r >= 0) != (result >= 0)) return false;
    result = r;
  }
  if (neg) {
    const q = divC(ONE, result);
    if (OVF) return false;
    EXP_OUT = q;
    return true;
  }
  EXP_OUT = result;
  return true;
}

export function expSafe(input: i64): i64 {
  const x = input < EXP_MIN ? EXP_MIN : input > EXP_MAX ? EXP_MAX : input;
  if (expI32(x)) return EXP_OUT;
  return x <= 0 ? 0 : I64_MAX;
}

/** The generic library exp, kept to cross-check `expI32` in tests. */
export function expGeneric(x: i64): i64 {
  exp(I32F32, <u64>(x >> 63), <u64>x);
  return FLAG ? I64_MIN : <i64>RLO;
}

@inline function clampV(v: i64, lo: i64, hi: i64): i64 {
  const a = v < hi ? v : hi;
  return a > lo ? a : lo;
}

export function alphaSigmoid(consensus: i64, weight: i64, bond: i64, low: i64, high: i64, steep: i64): i64 {
  const diffBuy = clampV(satSub(weight, consensus), 0, ONE);
  const diffSell = clampV(satSub(bond, weight), 0, ONE);
  const combined = weight >= bond ? diffBuy : diffSell;
  const k = satDiv(steep, <i64>-100 << 32);
  const sig = satDiv(ONE, satAdd(ONE, expSafe(satMul(k, satSub(combined, ONE >> 1)))));
  return clampV(satAdd(low, satMul(sig, satSub(high, low))), low, high);
}

/**
 * `compute_liquid_alpha_values_sparse`, evaluated only where `mat_ema_alpha_sparse` reads it (columns of
 * the validator's weight or bond row); every other entry is left 0 because it is never used.
 */
export function liquidAlpha(
  weights: Array<SRow>,
  bonds: Array<SRow>,
  consensus: StaticArray<i64>,
  low: i64,
  high: i64,
  steep: i64,
): Array<StaticArray<i64>> {
  const out = new Array<StaticArray<i64>>(weights.length);
  const n = consensus.length;
  const need = new StaticArray<bool>(n);
  for (let i = 0; i < weights.length; i++) {
    const w = unchecked(weights[i]);
    const b = unchecked(bonds[i]);
    const row = new StaticArray<i64>(n);
    for (let k = 0; k < w.length; k++) {
      const c = unchecked(w.c[k]);
      if (c < n) unchecked((need[c] = true));
    }
    for (let k = 0; k < b.length; k++) {
      const c = unchecked(b.c[k]);
      if (c < n) unchecked((need[c] = true));
    }
    let wp = 0;
    let bp = 0;
    for (let j = 0; j < n; j++) {
      let wv: i64 = 0;
      while (wp < w.length) {
        const c = unchecked(w.c[wp]);
        if (c < j) wp++;
        else {
          if (c == j) wv = unchecked(w.v[wp]);
          break;
        }
      }
      let bv: i64 = 0;
      while (bp < b.length) {
        const c = unchecked(b.c[bp]);
        if (c < j) bp++;
        else {
          if (c == j) bv = unchecked(b.v[bp]);
          break;
        }
      }
      if (unchecked(need[j])) {
        unchecked((row[j] = alphaSigmoid(unchecked(consensus[j]), wv, bv, low, high, steep)));
        unchecked((need[j] = false));
      }
    }
    unchecked((out[i] = row));
  }
  return out;
}
