// Arbitrary-precision signed integers for the rare wide paths (safe-bigmath's pow_ratio_scaled, SafeFloat's
// U256 products). Immutable values; magnitude as little-endian u32 limbs without trailing zeros.
// Semantics follow JS BigInt: `div` truncates, `shr` floors (arithmetic), `floorDiv` floors.

import { knuthCore } from "./wide";

export class Big {
  constructor(
    public mag: StaticArray<u32>,
    public neg: bool,
  ) {}

  static zero(): Big {
    return new Big(new StaticArray<u32>(0), false);
  }

  static fromU64(v: u64): Big {
    if (v == 0) return Big.zero();
    if (v >> 32 == 0) {
      const m = new StaticArray<u32>(1);
      unchecked((m[0] = <u32>v));
      return new Big(m, false);
    }
    const m = new StaticArray<u32>(2);
    unchecked((m[0] = <u32>v));
    unchecked((m[1] = <u32>(v >> 32)));
    return new Big(m, false);
  }

  static fromI64(v: i64): Big {
    if (v >= 0) return Big.fromU64(<u64>v);
    const b = Big.fromU64(<u64>-v);
    b.neg = true;
    return b;
  }

  static fromU128(hi: u64, lo: u64): Big {
    const m = new StaticArray<u32>(4);
    unchecked((m[0] = <u32>lo));
    unchecked((m[1] = <u32>(lo >> 32)));
    unchecked((m[2] = <u32>hi));
    unchecked((m[3] = <u32>(hi >> 32)));
    return new Big(trim(m, 4), false);
  }

  static pow2(n: i32): Big {
    const m = new StaticArray<u32>((n >> 5) + 1);
    unchecked((m[n >> 5] = <u32>1 << (n & 31)));
    return new Big(m, false);
  }

  isZero(): bool {
    return this.mag.length == 0;
  }

  bitLength(): i32 {
    const n = this.mag.length;
    if (n == 0) return 0;
    return n * 32 - <i32>clz<u32>(unchecked(this.mag[n - 1]));
  }

  /** Low 64 bits of the magnitude. */
  lowU64(): u64 {
    const n = this.mag.length;
    let v: u64 = 0;
    if (n > 0) v = <u64>unchecked(this.mag[0]);
    if (n > 1) v |= <u64>unchecked(this.mag[1]) << 32;
    return v;
  }
  /** Bits 64..127 of the magnitude. */
  highU64(): u64 {
    const n = this.mag.length;
    let v: u64 = 0;
    if (n > 2) v = <u64>unchecked(this.mag[2]);
    if (n > 3) v |= <u64>unchecked(this.mag[3]) << 32;
    return v;
  }

  negate(): Big {
    return new Big(this.mag, this.isZero() ? false : !this.neg);
  }

  abs(): Big {
    return new Big(this.mag, false);
  }
}

function trim(m: StaticArray<u32>, n: i32): StaticArray<u32> {
  let k = n;
  while (k > 0 && unchecked(m[k - 1]) == 0) k--;
  if (k == m.length) return m;
  const r = new StaticArray<u32>(k);
  for (let i = 0; i < k; i++) unchecked((r[i] = m[i]));
  return r;
}

export function cmpMag(a: StaticArray<u32>, b: StaticArray<u32>): i32 {
  const na = a.length;
  const nb = b.length;
  if (na != nb) return na < nb ? -1 : 1;
  for (let i = na - 1; i >= 0; i--) {
    const x = unchecked(a[i]);
    const y = unchecked(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

export function cmp(a: Big, b: Big): i32 {
  if (a.neg != b.neg) return a.neg ? -1 : 1;
  const c = cmpMag(a.mag, b.mag);
  return a.neg ? -c : c;
}

function addMag(a: StaticArray<u32>, b: StaticArray<u32>): StaticArray<u32> {
  const n = max(a.length, b.length);
  const r = new StaticArray<u32>(n + 1);
  let c: u64 = 0;
  for (let i = 0; i < n; i++) {
    const s = (i < a.length ? <u64>unchecked(a[i]) : 0) + (i < b.length ? <u64>unchecked(b[i]) : 0) + c;
    unchecked((r[i] = <u32>s));
    c = s >> 32;
  }
  unchecked((r[n] = <u32>c));
  return trim(r, n + 1);
}

/** |a| − |b| with |a| ≥ |b|. */
function subMag(a: StaticArray<u32>, b: StaticArray<u32>): StaticArray<u32> {
  const n = a.length;
  const r = new StaticArray<u32>(n);
  let borrow: i64 = 0;
  for (let i = 0; i < n; i++) {
    const t = <i64>unchecked(a[i]) - (i < b.length ? <i64>unchecked(b[i]) : 0) + borrow;
    unchecked((r[i] = <u32>t));
    borrow = t >> 32;
  }
  return trim(r, n);
}

export function add(a: Big, b: Big): Big {
  if (a.neg == b.neg) return new Big(addMag(a.mag, b.mag), a.neg);
  const c = cmpMag(a.mag, b.mag);
  if (c == 0) return Big.zero();
  if (c > 0) return new Big(subMag(a.mag, b.mag), a.neg);
  return new Big(subMag(b.mag, a.mag), b.neg);
}

export function sub(a: Big, b: Big): Big {
  return add(a, b.negate());
}

export function mul(a: Big, b: Big): Big {
  const na = a.mag.length;
  const nb = b.mag.length;
  if (na == 0 || nb == 0) return Big.zero();
  const r = new StaticArray<u32>(na + nb);
  for (let i = 0; i < na; i++) {
    const ai = <u64>unchecked(a.mag[i]);
    if (ai == 0) continue;
    let carry: u64 = 0;
    for (let j = 0; j < nb; j++) {
      const t = ai * <u64>unchecked(b.mag[j]) + <u64>unchecked(r[i + j]) + carry;
      unchecked((r[i + j] = <u32>t));
      carry = t >> 32;
    }
    unchecked((r[i + nb] = <u32>carry));
  }
  return new Big(trim(r, na + nb), a.neg != b.neg);
}

export function mulSmall(a: Big, m: u32): Big {
  return mul(a, Big.fromU64(<u64>m));
}

function shlMag(a: StaticArray<u32>, s: i32): StaticArray<u32> {
  const limbs = s >> 5;
  const bits = s & 31;
  const n = a.length;
  const r = new StaticArray<u32>(n + limbs + 1);
  for (let i = 0; i < n; i++) {
    const v = unchecked(a[i]);
    unchecked((r[i + limbs] = r[i + limbs] | (v << bits)));
    if (bits != 0) unchecked((r[i + limbs + 1] = v >> (32 - bits)));
  }
  return trim(r, n + limbs + 1);
}

/** Magnitude shift right; returns [result] and sets SHR_LOST when 1 bits were dropped. */
let SHR_LOST: bool = false;
function shrMag(a: StaticArray<u32>, s: i32): StaticArray<u32> {
  const limbs = s >> 5;
  const bits = s & 31;
  const n = a.length;
  SHR_LOST = false;
  for (let i = 0; i < limbs && i < n; i++) if (unchecked(a[i]) != 0) SHR_LOST = true;
  if (limbs >= n) return new StaticArray<u32>(0);
  if (bits != 0 && (unchecked(a[limbs]) & ((<u32>1 << bits) - 1)) != 0) SHR_LOST = true;
  const rn = n - limbs;
  const r = new StaticArray<u32>(rn);
  for (let i = 0; i < rn; i++) {
    let v = unchecked(a[i + limbs]) >> bits;
    if (bits != 0 && i + limbs + 1 < n) v |= unchecked(a[i + limbs + 1]) << (32 - bits);
    unchecked((r[i] = v));
  }
  return trim(r, rn);
}

export function shl(a: Big, s: i32): Big {
  if (a.isZero() || s == 0) return a;
  return new Big(shlMag(a.mag, s), a.neg);
}

/** Arithmetic shift right (floor), like BigInt `>>`. */
export function shr(a: Big, s: i32): Big {
  if (s == 0) return a;
  const m = shrMag(a.mag, s);
  if (a.neg) {
    const r = new Big(m, true);
    if (SHR_LOST) return sub(r, Big.fromU64(1));
    return m.length == 0 ? Big.zero() : r;
  }
  return new Big(m, false);
}

/** Magnitude division (Knuth D, allocating). */
function divMagRem(u: StaticArray<u32>, v: StaticArray<u32>, wantRem: bool): StaticArray<u32> {
  const n = v.length;
  const m = u.length;
  if (cmpMag(u, v) < 0) {
    DIV_REM = u;
    return new StaticArray<u32>(0);
  }
  if (n == 1) {
    const d = <u64>unchecked(v[0]);
    const q = new StaticArray<u32>(m);
    let rem: u64 = 0;
    for (let i = m - 1; i >= 0; i--) {
      const cur = (rem << 32) | <u64>unchecked(u[i]);
      unchecked((q[i] = <u32>(cur / d)));
      rem = cur % d;
    }
    if (wantRem) DIV_REM = Big.fromU64(rem).mag;
    return trim(q, m);
  }
  const s = <i32>clz<u32>(unchecked(v[n - 1]));
  const vn = new StaticArray<u32>(n);
  for (let i = n - 1; i > 0; i--) unchecked((vn[i] = s == 0 ? v[i] : (v[i] << s) | (v[i - 1] >> (32 - s))));
  unchecked((vn[0] = v[0] << s));
  const un = new StaticArray<u32>(m + 1);
  unchecked((un[m] = s == 0 ? 0 : u[m - 1] >> (32 - s)));
  for (let i = m - 1; i > 0; i--) unchecked((un[i] = s == 0 ? u[i] : (u[i] << s) | (u[i - 1] >> (32 - s))));
  unchecked((un[0] = u[0] << s));
  const q = new StaticArray<u32>(m - n + 1);
  knuthCore(un, vn, m, n, q);
  if (wantRem) {
    const r = new StaticArray<u32>(n);
    for (let i = 0; i < n; i++) unchecked((r[i] = s == 0 ? un[i] : (un[i] >> s) | (un[i + 1] << (32 - s))));
    DIV_REM = trim(r, n);
  }
  return trim(q, m - n + 1);
}
let DIV_REM: StaticArray<u32> = new StaticArray<u32>(0);

/** Truncating division (BigInt `/`). Divisor must be non-zero. */
export function div(a: Big, b: Big): Big {
  const q = divMagRem(a.mag, b.mag, false);
  return new Big(q, q.length != 0 && a.neg != b.neg);
}

/** Truncating remainder (BigInt `%`), sign of the dividend. */
export function rem(a: Big, b: Big): Big {
  divMagRem(a.mag, b.mag, true);
  const r = DIV_REM;
  return new Big(r, r.length != 0 && a.neg);
}

/** Floor division. */
export function floorDiv(a: Big, b: Big): Big {
  const q = divMagRem(a.mag, b.mag, true);
  const exact = DIV_REM.length == 0;
  const neg = a.neg != b.neg;
  const qq = new Big(q, q.length != 0 && neg);
  if (neg && !exact) return sub(qq, Big.fromU64(1));
  return qq;
}

export function pow(a: Big, e: u32): Big {
  let result = Big.fromU64(1);
  let base = a;
  let k = e;
  while (k > 0) {
    if (k & 1) result = mul(result, base);
    k >>= 1;
    if (k > 0) base = mul(base, base);
  }
  return result;
}

export function gcd(a: Big, b: Big): Big {
  let x = a.abs();
  let y = b.abs();
  while (!y.isZero()) {
    const r = rem(x, y);
    x = y;
    y = r;
  }
  return x;
}

/** Integer q-th root, floor, of a non-negative value. */
export function iroot(n: Big, q: u32): Big {
  if (n.isZero()) return n;
  if (q == 1) return n;
  const bits = n.bitLength();
  let x = Big.pow2(<i32>((<u32>bits + q - 1) / q) + 1);
  const qm1 = Big.fromU64(<u64>(q - 1));
  const qb = Big.fromU64(<u64>q);
  for (;;) {
    const y = div(add(mul(qm1, x), div(n, pow(x, q - 1))), qb);
    if (cmp(y, x) >= 0) break;
    x = y;
  }
  const one = Big.fromU64(1);
  while (cmp(pow(x, q), n) > 0) x = sub(x, one);
  for (;;) {
    const x1 = add(x, one);
    if (cmp(pow(x1, q), n) > 0) break;
    x = x1;
  }
  return x;
}
