/**
 * Yuma consensus for one subnet mechanism (`epoch_mechanism`, dtao-math §6), in I32F32/I64F64 exactly
 * as the chain computes it, from plain inputs instead of storage.
 *
 * Spec differences handled: owner UID exempt from the stake threshold and forced a permit (≥ 397);
 * Rank/Trust/PruningScores computed (< 365); bonds of neurons registered since the last step are
 * masked from `LastMechansimStepBlock + 1` (≥ 423) or `block − tempo` (before, or never stepped).
 */

import {
  colClipSparse,
  expSafe,
  type Fixed,
  fixedProportionToU16,
  inplaceColMaxUpscaleSparse,
  inplaceColNormalizeSparse,
  inplaceMaskVector,
  inplaceNormalize,
  inplaceNormalize64,
  inplaceNormalizeUsingSum,
  inplaceRowNormalizeSparse,
  interpolateSparse,
  isTopkNonzero,
  isZero,
  liquidAlphaValuesSparse,
  maskDiagSparse,
  maskRowsSparse,
  matEmaAlphaSparse,
  matEmaSparse,
  matmulSparse,
  matmulTransposeSparse,
  matVecMulSparse,
  rowHadamardSparse,
  rowSumSparse,
  type SparseMatrix,
  type SparseRow,
  safeDiv,
  scalarVecMaskSparseMatrix,
  sum,
  u16ToFixed,
  vecMaskSparseMatrix,
  vecMul,
  weightedMedianColSparse,
} from "./epoch-math";
import * as fx from "./fixed";

const I32 = fx.I32F32;
const I64 = fx.I64F64;
const U64_MAX = (1n << 64n) - 1n;

export interface YumaInput {
  spec: number;
  /** Current block. */
  block: bigint;
  tempo: number;
  /** Activity cutoff in blocks (spec ≥ 423: `max(1, factor_milli · tempo / 1000)`; before: `ActivityCutoff`). */
  activityCutoff: bigint;
  /** `LastMechansimStepBlock` (0 = never stepped). */
  lastMechanismStepBlock?: bigint;
  /** Per UID (length n). */
  lastUpdate: bigint[];
  blockAtRegistration: bigint[];
  /** Inherited alpha stake per UID (rao). */
  alphaStake: bigint[];
  /** Inherited root TAO stake per UID (rao), weighted by `taoWeight`. */
  rootStake?: bigint[];
  /** `TaoWeight` (u64 proportion of u64::MAX). */
  taoWeight?: bigint;
  /** `StakeThreshold` (rao). */
  stakeThreshold?: bigint;
  /** UID of `SubnetOwnerHotkey`, if registered. */
  ownerUid?: number | null;
  /** Stored `ValidatorPermit`. */
  validatorPermit: boolean[];
  maxAllowedValidators: number;
  /** Stored `Weights` rows: `[uid, u16]` as set (max-upscaled), per validator UID. */
  weights: [number, number][][];
  /** Stored `Bonds` rows `[uid, u16]`. */
  bonds: [number, number][][];
  /** Earliest active commit block per UID when commit-reveal is on (null = none). */
  commitBlocks?: (bigint | null)[] | null;
  /** u16 hyperparameters. */
  kappa: number;
  bondsPenalty: number;
  /** `BondsMovingAverage` (u64, per million). */
  bondsMovingAverage: bigint;
  yuma3: boolean;
  liquidAlpha: boolean;
  alphaLow?: number;
  alphaHigh?: number;
  alphaSigmoidSteepness?: number;
  /** Alpha to distribute this epoch (rao). */
  emission: bigint;
}

export interface YumaOutput {
  /** I32F32 bits of the main vectors (exact). */
  stake: Fixed[];
  activeStake: Fixed[];
  consensus: Fixed[];
  incentive: Fixed[];
  dividends: Fixed[];
  validatorTrust: Fixed[];
  /** Stored u16 values. */
  stakeWeightU16: number[];
  consensusU16: number[];
  incentiveU16: number[];
  dividendsU16: number[];
  validatorTrustU16: number[];
  active: boolean[];
  newValidatorPermit: boolean[];
  /** Alpha per UID: miners (incentive), validators (dividends), stored `Emission`. */
  serverEmission: bigint[];
  validatorEmission: bigint[];
  emission: bigint[];
  /** Raw stake (`floor(S_i)`, rao). */
  rawStake: bigint[];
  /** Bonds written to storage per UID (empty for UIDs without a new permit). */
  bonds: [number, number][][];
  /** Spec < 365 only. */
  rankU16?: number[];
  trustU16?: number[];
  pruningScoresU16?: number[];
}

function toSparse(rows: [number, number][][], n: number): SparseMatrix {
  const out: SparseMatrix = [];
  for (let i = 0; i < n; i++) {
    const row = rows[i] ?? [];
    out.push(row.filter(([j]) => j < n).map(([j, v]): [number, Fixed] => [j, u16ToFixed(v)]));
  }
  return out;
}

/**
 * `vec_max_upscale_to_u16`: scale so the largest entry is 65535, rounding (used for pruning scores before
 * spec 365, and by `set_weights` on every weight row — apply `u16MaxUpscale` to raw user weights).
 */
export function vecMaxUpscaleToU16(v: Fixed[]): number[] {
  const u16max = u16ToFixed(65535);
  const toU16 = (x: Fixed) => {
    const n = x >> 32n;
    return n < 0n ? 0 : n > 65535n ? 65535 : Number(n);
  };
  const round = (x: Fixed) => fx.floor(I32, fx.saturatingAdd(I32, x, I32.one >> 1n));
  if (v.length === 0) return [];
  const mx = v.reduce((m, x) => fx.max(m, x), v[0] as Fixed);
  if (mx === 0n) return v.map((e) => toU16(fx.saturatingMul(I32, e, u16max)));
  if (mx > u16ToFixed(32768))
    return v.map((e) => toU16(round(fx.saturatingMul(I32, e, fx.safeDiv(I32, u16max, mx)))));
  return v.map((e) => toU16(round(fx.safeDiv(I32, fx.saturatingMul(I32, e, u16max), mx))));
}

export function yumaEpoch(input: YumaInput): YumaOutput {
  const n = input.lastUpdate.length;
  const spec = input.spec;
  const block = input.block;
  const tempo = BigInt(input.tempo);
  const ownerUid = input.ownerUid ?? null;
  const ownerRules = spec >= 397 && ownerUid !== null && ownerUid < n;

  // Active & updated
  const inactive = input.lastUpdate.map((u) => {
    const s = u + input.activityCutoff;
    return (s > U64_MAX ? U64_MAX : s) < block;
  });
  const active = inactive.map((b) => !b);

  // Stake: alpha + tw · root (I64F64), threshold, normalise, narrow to I32F32
  const tw = fx.convert(
    fx.U96F32,
    I64,
    fx.safeDiv(fx.U96F32, (input.taoWeight ?? 0n) << 32n, U64_MAX << 32n),
  );
  const totalStake = input.alphaStake.map((a, i) =>
    fx.saturatingAdd(
      I64,
      fx.saturatingFromInt(I64, a),
      fx.saturatingMul(I64, fx.saturatingFromInt(I64, input.rootStake?.[i] ?? 0n), tw),
    ),
  );
  const minStake = input.stakeThreshold ?? 0n;
  const filtered = totalStake.map((s, uid) => {
    if (ownerRules && uid === ownerUid) return s;
    return fx.toU64Saturating(I64, s) < minStake ? 0n : s;
  });
  inplaceNormalize64(filtered);
  const stake: Fixed[] = filtered.map((s) => fx.convert(I64, I32, s));

  // Validator permits
  const permits = input.validatorPermit.slice(0, n);
  while (permits.length < n) permits.push(false);
  if (ownerRules) permits[ownerUid as number] = true;
  const forbids = permits.map((p) => !p);
  const newPermits = isTopkNonzero(stake, input.maxAllowedValidators);
  if (ownerRules) newPermits[ownerUid as number] = true;

  // Active stake
  const activeStake = stake.slice();
  inplaceMaskVector(inactive, activeStake);
  inplaceMaskVector(forbids, activeStake);
  inplaceNormalize(activeStake);

  // Weights
  let weights = toSparse(input.weights, n);
  weights = maskRowsSparse(forbids, weights);
  weights = maskDiagSparse(weights, ownerUid !== null && ownerUid < n ? ownerUid : null);
  weights = vecMaskSparseMatrix(weights, input.lastUpdate, input.blockAtRegistration, (u, r) => u <= r);
  if (input.commitBlocks) {
    const cb = input.commitBlocks.map((c) => c ?? U64_MAX);
    weights = vecMaskSparseMatrix(weights, cb, input.blockAtRegistration, (c, r) => c < r);
  }
  inplaceRowNormalizeSparse(weights);

  // Consensus, clipping, validator trust
  const kappa = safeDiv(u16ToFixed(input.kappa), u16ToFixed(65535));
  const consensus = weightedMedianColSparse(activeStake, weights, n, kappa);
  const clipped = colClipSparse(weights, consensus);
  const validatorTrust = rowSumSparse(clipped);

  // Ranks / incentive
  const ranks = matmulSparse(clipped, activeStake, n);
  let trust: Fixed[] | undefined;
  if (spec < 365) {
    const preranks = matmulSparse(weights, activeStake, n);
    trust = ranks.map((r, i) => safeDiv(r, preranks[i] ?? 0n));
  }
  inplaceNormalize(ranks);
  const incentive = ranks.slice();

  // Bonds and dividends
  const bondsPenalty = safeDiv(u16ToFixed(input.bondsPenalty), u16ToFixed(65535));
  const weightsForBonds = interpolateSparse(weights, clipped, n, bondsPenalty);
  const lms = input.lastMechanismStepBlock ?? 0n;
  const lastTempo = spec >= 423 && lms !== 0n ? lms + 1n : block > tempo ? block - tempo : 0n;
  const bma = fx.safeDiv(
    I64,
    fx.saturatingFromInt(I64, input.bondsMovingAverage),
    fx.saturatingFromInt(I64, 1_000_000n),
  );
  const emaAlpha = fx.saturatingSub(I32, I32.one, fx.convert(I64, I32, bma));

  let dividends: Fixed[];
  let emaBonds: SparseMatrix;
  if (input.yuma3) {
    let bonds = toSparse(input.bonds, n).map((row) =>
      row.map(([j, v]): [number, Fixed] => [j, safeDiv(v, u16ToFixed(65535))]),
    );
    bonds = scalarVecMaskSparseMatrix(bonds, lastTempo, input.blockAtRegistration, (t, r) => t <= r);
    if (input.liquidAlpha && consensus.length > 0 && consensus.some((c) => c !== 0n)) {
      const low = safeDiv(u16ToFixed(input.alphaLow ?? 45875), u16ToFixed(65535));
      const high = safeDiv(u16ToFixed(input.alphaHigh ?? 58982), u16ToFixed(65535));
      const steep = fx.saturatingFromInt(I32, BigInt(input.alphaSigmoidSteepness ?? 1000));
      const alphas = liquidAlphaValuesSparse(weightsForBonds, bonds, consensus, low, high, steep);
      emaBonds = matEmaAlphaSparse(weightsForBonds, bonds, alphas);
    } else {
      emaBonds = matEmaSparse(weightsForBonds, bonds, emaAlpha);
    }
    const norm = emaBonds.map((r): SparseRow => r.map(([j, v]): [number, Fixed] => [j, v]));
    inplaceColNormalizeSparse(norm, n);
    const perValidator = rowSumSparse(matVecMulSparse(norm, incentive));
    dividends = vecMul(perValidator, activeStake);
    inplaceNormalize(dividends);
  } else {
    let bonds = toSparse(input.bonds, n);
    bonds = scalarVecMaskSparseMatrix(bonds, lastTempo, input.blockAtRegistration, (t, r) => t <= r);
    inplaceColNormalizeSparse(bonds, n);
    const delta = rowHadamardSparse(weightsForBonds, activeStake);
    inplaceColNormalizeSparse(delta, n);
    emaBonds = matEmaSparse(delta, bonds, emaAlpha);
    inplaceColNormalizeSparse(emaBonds, n);
    dividends = matmulTransposeSparse(emaBonds, incentive);
    inplaceNormalize(dividends);
    inplaceColMaxUpscaleSparse(emaBonds, n);
  }

  // Emission
  const combined = incentive.map((x, i) => fx.saturatingAdd(I32, x, dividends[i] ?? 0n));
  const emissionSum = sum(combined);
  const nServer = incentive.slice();
  let nValidator = dividends.slice();
  let nCombined = combined.slice();
  inplaceNormalizeUsingSum(nServer, emissionSum);
  inplaceNormalizeUsingSum(nValidator, emissionSum);
  inplaceNormalize(nCombined);
  if (emissionSum === 0n) {
    const src = isZero(activeStake) ? stake : activeStake;
    nValidator = src.slice();
    nCombined = src.slice();
  }
  const e96 = fx.saturatingFromInt(fx.I96F32, input.emission);
  const toRao = (x: Fixed) =>
    fx.toU64Saturating(fx.I96F32, fx.saturatingMul(fx.I96F32, fx.convert(I32, fx.I96F32, x), e96));

  const out: YumaOutput = {
    stake,
    activeStake,
    consensus,
    incentive,
    dividends,
    validatorTrust,
    stakeWeightU16: stake.map(fixedProportionToU16),
    consensusU16: consensus.map(fixedProportionToU16),
    incentiveU16: incentive.map(fixedProportionToU16),
    dividendsU16: dividends.map(fixedProportionToU16),
    validatorTrustU16: validatorTrust.map(fixedProportionToU16),
    active,
    newValidatorPermit: newPermits,
    serverEmission: nServer.map(toRao),
    validatorEmission: nValidator.map(toRao),
    emission: nCombined.map(toRao),
    rawStake: totalStake.map((s) => fx.toU64Saturating(I64, s)),
    bonds: newPermits.map((p, i) =>
      p ? (emaBonds[i] ?? []).map(([j, v]): [number, number] => [j, fixedProportionToU16(v)]) : [],
    ),
  };
  if (spec < 365 && trust) {
    out.rankU16 = incentive.map(fixedProportionToU16);
    out.trustU16 = trust.map(fixedProportionToU16);
    out.pruningScoresU16 = vecMaxUpscaleToU16(nCombined);
  }
  return out;
}

/** `get_activity_cutoff_blocks` (spec ≥ 423): `max(1, floor(factor_milli · tempo / 1000))`. */
/** `vec_u16_max_upscale_to_u16`: what `set_weights` stores for a row of u16 values. */
export function u16MaxUpscale(values: readonly number[]): number[] {
  return vecMaxUpscaleToU16(values.map(u16ToFixed));
}

export function activityCutoffBlocks(factorMilli: number, tempo: number): bigint {
  const v = (BigInt(factorMilli) * BigInt(tempo)) / 1000n;
  return v < 1n ? 1n : v;
}

export { expSafe };
