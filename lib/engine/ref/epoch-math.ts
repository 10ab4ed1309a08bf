/**
 * The I32F32 vector/sparse-matrix helpers of the Yuma epoch (`pallets/subtensor/src/epoch/math.rs`,
 * dtao-math §6), restated on raw bits. Sparse rows are `[column, value]` pairs in column order.
 *
 * Sums written with the crate's plain `Sum` (`iter().sum()`) wrap like a release runtime; the rest
 * saturate exactly where the chain uses `saturating_*`, and `safe_div` returns 0 on division by zero
 * or overflow.
 */
import * as fx from "./fixed";

const T = fx.I32F32;
export type Fixed = bigint;
export type SparseRow = [number, Fixed][];
export type SparseMatrix = SparseRow[];

export const ZERO = 0n;
export const ONE = T.one;
const U16_MAX_FIXED = 65_535n << 32n;

export const satAdd = (a: Fixed, b: Fixed) => fx.saturatingAdd(T, a, b);
export const satSub = (a: Fixed, b: Fixed) => fx.saturatingSub(T, a, b);
export const satMul = (a: Fixed, b: Fixed) => fx.saturatingMul(T, a, b);
export const safeDiv = (a: Fixed, b: Fixed) => fx.safeDiv(T, a, b);
const wrapAdd = (a: Fixed, b: Fixed) => fx.add(T, a, b);

export function sum(x: readonly Fixed[]): Fixed {
  let s = 0n;
  for (const v of x) s = wrapAdd(s, v);
  return s;
}

/** u16 read as an integer-valued I32F32 (`u16_to_fixed`). */
export function u16ToFixed(x: number): Fixed {
  return BigInt(x) << 32n;
}

/** `u16_proportion_to_fixed`: x / 65535. */
export function u16ProportionToFixed(x: number): Fixed {
  return safeDiv(BigInt(x) << 32n, U16_MAX_FIXED);
}

/** `fixed_proportion_to_u16`: floor(x · 65535), saturating to [0, 65535]. */
export function fixedProportionToU16(x: Fixed): number {
  const v = satMul(x, U16_MAX_FIXED) >> 32n;
  return v < 0n ? 0 : v > 65_535n ? 65_535 : Number(v);
}

export function isZero(v: readonly Fixed[]): boolean {
  return sum(v) === 0n;
}

export function inplaceNormalize(x: Fixed[]): void {
  const s = sum(x);
  if (s === 0n) return;
  for (let i = 0; i < x.length; i++) x[i] = safeDiv(x[i] as Fixed, s);
}

export function inplaceNormalizeUsingSum(x: Fixed[], s: Fixed): void {
  if (s === 0n) return;
  for (let i = 0; i < x.length; i++) x[i] = safeDiv(x[i] as Fixed, s);
}

/** `inplace_normalize_64` on I64F64 bits. */
export function inplaceNormalize64(x: bigint[]): void {
  let s = 0n;
  for (const v of x) s = fx.add(fx.I64F64, s, v);
  if (s === 0n) return;
  for (let i = 0; i < x.length; i++) x[i] = fx.safeDiv(fx.I64F64, x[i] as bigint, s);
}

/** `is_topk_nonzero`: non-zero entries among the k largest (stable ascending sort, ties: lower index loses). */
export function isTopkNonzero(v: readonly Fixed[], k: number): boolean[] {
  const n = v.length;
  const out = v.map((x) => x !== 0n);
  if (n < k) return out;
  const idx = v.map((_, i) => i);
  idx.sort((a, b) => {
    const va = v[a] as Fixed;
    const vb = v[b] as Fixed;
    return va < vb ? -1 : va > vb ? 1 : a - b;
  });
  for (let t = 0; t < n - k; t++) out[idx[t] as number] = false;
  return out;
}

export function inplaceMaskVector(mask: readonly boolean[], v: Fixed[]): void {
  if (mask.length === 0) return;
  for (let i = 0; i < v.length; i++) if (mask[i] ?? true) v[i] = 0n;
}

/** `mask_rows_sparse`: rows with a true mask (or beyond the mask) become empty. */
export function maskRowsSparse(mask: readonly boolean[], m: SparseMatrix): SparseMatrix {
  return m.map((row, i) => ((mask[i] ?? true) ? [] : row.slice()));
}

/** `mask_diag_sparse` / `mask_diag_sparse_except_index`. */
export function maskDiagSparse(m: SparseMatrix, exceptIndex: number | null): SparseMatrix {
  return m.map((row, i) =>
    row.filter(([j]) => i !== j || (exceptIndex !== null && i === exceptIndex && j === exceptIndex)),
  );
}

/** `vec_mask_sparse_matrix`: drop `(i, j)` where `f(first[i], second[j])`. */
export function vecMaskSparseMatrix(
  m: SparseMatrix,
  first: readonly bigint[],
  second: readonly bigint[],
  f: (a: bigint, b: bigint) => boolean,
): SparseMatrix {
  return m.map((row, i) => {
    const fv = first[i] ?? 0n;
    return row.filter(([j]) => !f(fv, second[j] ?? 0n));
  });
}

/** `scalar_vec_mask_sparse_matrix`: drop `(i, j)` where `f(scalar, v[j])`. */
export function scalarVecMaskSparseMatrix(
  m: SparseMatrix,
  scalar: bigint,
  v: readonly bigint[],
  f: (a: bigint, b: bigint) => boolean,
): SparseMatrix {
  return m.map((row) => row.filter(([j]) => !f(scalar, v[j] ?? 0n)));
}

export function inplaceRowNormalizeSparse(m: SparseMatrix): void {
  for (const row of m) {
    let s = 0n;
    for (const [, v] of row) s = wrapAdd(s, v);
    if (s > 0n) for (const e of row) e[1] = safeDiv(e[1], s);
  }
}

export function rowSumSparse(m: SparseMatrix): Fixed[] {
  return m.map((row) => {
    let s = 0n;
    for (const [, v] of row) s = wrapAdd(s, v);
    return s;
  });
}

export function inplaceColNormalizeSparse(m: SparseMatrix, columns: number): void {
  const colSum: Fixed[] = new Array(columns).fill(0n);
  for (const row of m) for (const [j, v] of row) if (j < columns) colSum[j] = satAdd(colSum[j] as Fixed, v);
  for (const row of m)
    for (const e of row) {
      const d = colSum[e[0]] ?? 0n;
      if (d !== 0n) e[1] = safeDiv(e[1], d);
    }
}

export function inplaceColMaxUpscaleSparse(m: SparseMatrix, columns: number): void {
  const colMax: Fixed[] = new Array(columns).fill(0n);
  for (const row of m) for (const [j, v] of row) if (j < columns && (colMax[j] as Fixed) < v) colMax[j] = v;
  for (const row of m)
    for (const e of row) {
      const mx = colMax[e[0]] ?? 0n;
      if (mx !== 0n) e[1] = safeDiv(e[1], mx);
    }
}

export function rowHadamardSparse(m: SparseMatrix, v: readonly Fixed[]): SparseMatrix {
  const out: SparseMatrix = [];
  for (let i = 0; i < m.length; i++) {
    const scale = v[i];
    if (scale === undefined) break;
    out.push((m[i] as SparseRow).map(([j, x]) => [j, satMul(x, scale)]));
  }
  return out;
}

/** `matmul_sparse`: result_j = Σ_i v_i · m_ij. */
export function matmulSparse(m: SparseMatrix, v: readonly Fixed[], columns: number): Fixed[] {
  const out: Fixed[] = new Array(columns).fill(0n);
  m.forEach((row, i) => {
    const scale = v[i] ?? 0n;
    for (const [j, x] of row) if (j < columns) out[j] = satAdd(out[j] as Fixed, satMul(scale, x));
  });
  return out;
}

/** `matmul_transpose_sparse`: result_i = Σ_j v_j · m_ij. */
export function matmulTransposeSparse(m: SparseMatrix, v: readonly Fixed[]): Fixed[] {
  return m.map((row) => {
    let acc = 0n;
    for (const [j, x] of row) acc = satAdd(acc, satMul(v[j] ?? 0n, x));
    return acc;
  });
}

/** `col_clip_sparse`: min(w_ij, c_j); entries whose threshold is ≤ 0 and below the value are dropped. */
export function colClipSparse(m: SparseMatrix, threshold: readonly Fixed[]): SparseMatrix {
  return m.map((row) => {
    const out: SparseRow = [];
    for (const [j, v] of row) {
      const th = threshold[j] ?? 0n;
      if (th < v) {
        if (th > 0n) out.push([j, th]);
      } else out.push([j, v]);
    }
    return out;
  });
}

/** Stake-weighted median by mid-pivot partitioning (`weighted_median`). */
export function weightedMedian(
  stake: readonly Fixed[],
  score: readonly Fixed[],
  partition: readonly number[],
  minority: Fixed,
  lo0: Fixed,
  hi0: Fixed,
): Fixed {
  if (stake.length !== score.length) return 0n;
  let current = partition.slice();
  let lo = lo0;
  let hi = hi0;
  const limit = partition.length;
  let iter = 0;
  for (;;) {
    const n = current.length;
    if (n === 0) return 0n;
    if (n === 1) return score[current[0] as number] ?? 0n;
    const pivot = score[current[Math.floor(n / 2)] as number] ?? 0n;
    let loStake = 0n;
    let hiStake = 0n;
    const lower: number[] = [];
    const upper: number[] = [];
    for (const idx of current) {
      const s = score[idx] ?? 0n;
      if (s === pivot) continue;
      if (s < pivot) {
        loStake = satAdd(loStake, stake[idx] ?? 0n);
        lower.push(idx);
      } else {
        hiStake = satAdd(hiStake, stake[idx] ?? 0n);
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
  return 0n;
}

/** `weighted_median_col_sparse`: per-column median over positive-stake rows, stake renormalised. */
export function weightedMedianColSparse(
  stake: readonly Fixed[],
  score: SparseMatrix,
  columns: number,
  majority: Fixed,
): Fixed[] {
  const useStake = stake.filter((s) => s > 0n);
  inplaceNormalize(useStake);
  const stakeSum = sum(useStake);
  const minority = satSub(stakeSum, majority);
  const idx = useStake.map((_, i) => i);
  const useScore: Fixed[][] = [];
  for (let c = 0; c < columns; c++) useScore.push(new Array(useStake.length).fill(0n));
  let k = 0;
  const rows = Math.min(stake.length, score.length);
  for (let i = 0; i < rows; i++) {
    if ((stake[i] as Fixed) > 0n) {
      for (const [c, v] of score[i] as SparseRow) {
        const col = useScore[c];
        if (col && k < col.length) col[k] = v;
      }
      k++;
    }
  }
  return useScore.map((col) => weightedMedian(useStake, col, idx, minority, 0n, stakeSum));
}

/** `interpolate_sparse`: mat1 + ratio · (mat2 − mat1), keeping positive entries. */
export function interpolateSparse(
  m1: SparseMatrix,
  m2: SparseMatrix,
  columns: number,
  ratio: Fixed,
): SparseMatrix {
  if (ratio === 0n) return m1.map((r) => r.map(([j, v]): [number, Fixed] => [j, v]));
  if (ratio === ONE) return m2.map((r) => r.map(([j, v]): [number, Fixed] => [j, v]));
  if (m1.length !== m2.length) return m2.map((r) => r.map(([j, v]): [number, Fixed] => [j, v]));
  return m1.map((row1, i) => {
    const a: Fixed[] = new Array(columns).fill(0n);
    const b: Fixed[] = new Array(columns).fill(0n);
    for (const [j, v] of row1) if (j < columns) a[j] = v;
    for (const [j, v] of m2[i] as SparseRow) if (j < columns) b[j] = v;
    const out: SparseRow = [];
    for (let j = 0; j < columns; j++) {
      const v1 = a[j] as Fixed;
      const x = satAdd(v1, satMul(ratio, satSub(b[j] as Fixed, v1)));
      if (x > 0n) out.push([j, x]);
    }
    return out;
  });
}

/** `vec_mul`: element-wise checked product, 0 on overflow. */
export function vecMul(a: readonly Fixed[], b: readonly Fixed[]): Fixed[] {
  const n = Math.min(a.length, b.length);
  const out: Fixed[] = [];
  for (let i = 0; i < n; i++) out.push(fx.checkedMul(T, a[i] as Fixed, b[i] as Fixed) ?? 0n);
  return out;
}

/** `mat_vec_mul_sparse`: m_ij · v_j, zero products dropped. */
export function matVecMulSparse(m: SparseMatrix, v: readonly Fixed[]): SparseMatrix {
  return m.map((row) => {
    const out: SparseRow = [];
    for (const [j, x] of row) {
      const vj = v[j];
      if (vj === undefined) continue;
      const p = satMul(x, vj);
      if (p !== 0n) out.push([j, p]);
    }
    return out;
  });
}

export function clampValue(v: Fixed, lo: Fixed, hi: Fixed): Fixed {
  const a = v < hi ? v : hi;
  return a > lo ? a : lo;
}

/** `mat_ema_sparse`: α·new + (1 − α)·old over a square matrix (columns = rows), positives kept. */
export function matEmaSparse(next: SparseMatrix, old: SparseMatrix, alpha: Fixed): SparseMatrix {
  const n = next.length;
  if (n === 0) return [];
  const oneMinus = satSub(ONE, alpha);
  return next.map((row, i) => {
    const acc: Fixed[] = new Array(n).fill(0n);
    for (const [j, v] of row) if (j < n) acc[j] = satAdd(acc[j] as Fixed, satMul(alpha, v));
    const orow = old[i];
    if (orow) for (const [j, v] of orow) if (j < n) acc[j] = satAdd(acc[j] as Fixed, satMul(oneMinus, v));
    const out: SparseRow = [];
    acc.forEach((v, j) => {
      if (v > 0n) out.push([j, v]);
    });
    return out;
  });
}

/** `mat_ema_alpha_sparse`: per-entry α; only entries present in `next` survive, clamped to [0, 1]. */
export function matEmaAlphaSparse(next: SparseMatrix, old: SparseMatrix, alpha: Fixed[][]): SparseMatrix {
  if (next.length !== old.length || next.length !== alpha.length) return next.map((r) => r.slice());
  return next.map((row, i) => {
    const arow = alpha[i] as Fixed[];
    const decayed: Fixed[] = new Array(arow.length).fill(0n);
    for (const [j, v] of old[i] as SparseRow) {
      const a = arow[j];
      if (a !== undefined && j < decayed.length) decayed[j] = satMul(satSub(ONE, a), v);
    }
    const out: SparseRow = [];
    for (const [j, v] of row) {
      const a = arow[j];
      const d = decayed[j];
      if (a === undefined || d === undefined) continue;
      const inc = fx.max(satMul(a, v), 0n);
      const val = fx.min(satAdd(d, inc), ONE);
      if (val > 0n) out.push([j, val]);
    }
    return out;
  });
}

const EXP_MIN = fx.fromInt(T, -20n);
const EXP_MAX = fx.fromInt(T, 20n);

/** `exp_safe`: exp of the input clamped to [−20, 20]; 0 / I32F32::MAX when the series overflows. */
export function expSafe(input: Fixed): Fixed {
  const x = input < EXP_MIN ? EXP_MIN : input > EXP_MAX ? EXP_MAX : input;
  const e = fx.exp(T, x);
  if (e !== null) return e;
  return x <= 0n ? 0n : T.max;
}

/** `alpha_sigmoid` (liquid alpha): per-bond EMA rate in [low, high]. */
export function alphaSigmoid(
  consensus: Fixed,
  weight: Fixed,
  bond: Fixed,
  low: Fixed,
  high: Fixed,
  steepness: Fixed,
): Fixed {
  const diffBuy = clampValue(satSub(weight, consensus), 0n, ONE);
  const diffSell = clampValue(satSub(bond, weight), 0n, ONE);
  const combined = weight >= bond ? diffBuy : diffSell;
  const half = ONE >> 1n;
  const k = fx.saturatingDiv(T, steepness, fx.fromInt(T, -100n));
  const sigmoid = fx.saturatingDiv(T, ONE, satAdd(ONE, expSafe(satMul(k, satSub(combined, half)))));
  const alpha = satAdd(low, satMul(sigmoid, satSub(high, low)));
  return clampValue(alpha, low, high);
}

/** Walks a sparse row the way the chain's peekable merge does (rows are expected in column order). */
function mergeLookup(row: SparseRow): (j: number) => Fixed {
  let pos = 0;
  return (j) => {
    while (pos < row.length) {
      const [i, v] = row[pos] as [number, Fixed];
      if (i < j) pos++;
      else return i === j ? v : 0n;
    }
    return 0n;
  };
}

/** `compute_liquid_alpha_values_sparse`: a dense α row per validator over all columns. */
export function liquidAlphaValuesSparse(
  weights: SparseMatrix,
  bonds: SparseMatrix,
  consensus: readonly Fixed[],
  low: Fixed,
  high: Fixed,
  steepness: Fixed,
): Fixed[][] {
  if (weights.length !== bonds.length) return [];
  return weights.map((wrow, i) => {
    const w = mergeLookup(wrow);
    const b = mergeLookup(bonds[i] as SparseRow);
    return consensus.map((c, j) => alphaSigmoid(c, w(j), b(j), low, high, steepness));
  });
}
