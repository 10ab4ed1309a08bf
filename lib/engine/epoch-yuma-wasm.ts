// Calls the WASM Yuma epoch (lib/engine/assembly/epoch-yuma.entry.ts) with the same input and output types as
// the BigInt reference `yumaEpoch` (lib/engine/ref/epoch-yuma.ts). The word layout is documented in the entry file.

import { fixedProportionToU16 } from "./ref/epoch-math";
import { vecMaxUpscaleToU16, type YumaInput, type YumaOutput } from "./ref/epoch-yuma";

export interface YumaWasmExports {
  memory: WebAssembly.Memory;
  yumaInputPtr(words: number): number;
  yumaOutputPtr(): number;
  yumaOutputWords(): number;
  yumaRun(): number;
}

const U64_MAX = (1n << 64n) - 1n;

/** True when an instantiated engine exports the Yuma entry points. */
export function hasYumaExports(exports: WebAssembly.Exports): boolean {
  return typeof (exports as Partial<YumaWasmExports>).yumaRun === "function";
}

const signed = (w: bigint) => BigInt.asIntN(64, w);

export function yumaEpochWasm(x: YumaWasmExports, input: YumaInput): YumaOutput {
  const n = input.lastUpdate.length;
  const rows = (m: [number, number][][]) => Array.from({ length: n }, (_, i) => m[i] ?? []);
  const w = rows(input.weights);
  const b = rows(input.bonds);
  const nnzW = w.reduce((a, r) => a + r.length, 0);
  const nnzB = b.reduce((a, r) => a + r.length, 0);
  const words = 20 + 8 * n + nnzW + nnzB;
  const ptr = x.yumaInputPtr(words);
  const io = new BigUint64Array(x.memory.buffer, ptr, words);
  const flags = (input.yuma3 ? 1n : 0n) | (input.liquidAlpha ? 2n : 0n) | (input.commitBlocks ? 4n : 0n);
  const head = [
    BigInt(n),
    BigInt(input.spec),
    input.block,
    BigInt(input.tempo),
    input.activityCutoff,
    input.lastMechanismStepBlock ?? 0n,
    input.taoWeight ?? 0n,
    input.stakeThreshold ?? 0n,
    input.ownerUid === null || input.ownerUid === undefined ? U64_MAX : BigInt(input.ownerUid),
    BigInt(input.maxAllowedValidators),
    BigInt(input.kappa),
    BigInt(input.bondsPenalty),
    input.bondsMovingAverage,
    flags,
    BigInt(input.alphaLow ?? 45875),
    BigInt(input.alphaHigh ?? 58982),
    BigInt.asUintN(64, BigInt(input.alphaSigmoidSteepness ?? 1000)),
    input.emission,
    BigInt(nnzW),
    BigInt(nnzB),
  ];
  head.forEach((v, i) => {
    io[i] = v;
  });
  for (let i = 0; i < n; i++) {
    io[20 + i] = input.lastUpdate[i] ?? 0n;
    io[20 + n + i] = input.blockAtRegistration[i] ?? 0n;
    io[20 + 2 * n + i] = input.alphaStake[i] ?? 0n;
    io[20 + 3 * n + i] = input.rootStake?.[i] ?? 0n;
    io[20 + 4 * n + i] = input.validatorPermit[i] ? 1n : 0n;
    io[20 + 5 * n + i] = input.commitBlocks?.[i] ?? U64_MAX;
    io[20 + 6 * n + i] = BigInt(w[i]?.length ?? 0);
    io[20 + 7 * n + i] = BigInt(b[i]?.length ?? 0);
  }
  // Sparse entries are (column << 16) | value with both parts u16: the word fits its low 32 bits, so they are
  // written through a 32-bit view (little-endian memory) instead of as BigInts — 2 × nnz BigInt operations
  // were most of the marshalling time.
  const io32 = new Uint32Array(x.memory.buffer, ptr, words * 2);
  let p = 2 * (20 + 8 * n);
  for (const m of [w, b])
    for (const r of m)
      for (const [c, v] of r) {
        io32[p] = ((c << 16) | v) >>> 0;
        io32[p + 1] = 0;
        p += 2;
      }
  x.yumaRun();
  const out = new BigUint64Array(x.memory.buffer, x.yumaOutputPtr(), x.yumaOutputWords());
  const vec = (k: number) => Array.from(out.subarray(k * n, (k + 1) * n));
  const fixedVec = (k: number) => vec(k).map(signed);
  const stake = fixedVec(0);
  const activeStake = fixedVec(1);
  const consensus = fixedVec(2);
  const incentive = fixedVec(3);
  const dividends = fixedVec(4);
  const validatorTrust = fixedVec(5);
  const trust = fixedVec(6);
  const nCombined = fixedVec(7);
  const lens = vec(14).map(Number);
  const newPermit = vec(9).map((v) => v === 1n);
  // Bond entries are (column << 16) | value too: read back through the same 32-bit view.
  const out32 = new Uint32Array(x.memory.buffer, x.yumaOutputPtr(), x.yumaOutputWords() * 2);
  let q = 2 * 15 * n;
  const bonds = lens.map((len) => {
    const row: [number, number][] = [];
    for (let k = 0; k < len; k++) {
      const lo = out32[q]!;
      row.push([lo >>> 16, lo & 0xffff]);
      q += 2;
    }
    return row;
  });
  const result: YumaOutput = {
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
    active: vec(8).map((v) => v === 1n),
    newValidatorPermit: newPermit,
    serverEmission: vec(10),
    validatorEmission: vec(11),
    emission: vec(12),
    rawStake: vec(13),
    bonds,
  };
  if (input.spec < 365) {
    result.rankU16 = incentive.map(fixedProportionToU16);
    result.trustU16 = trust.map(fixedProportionToU16);
    result.pruningScoresU16 = vecMaxUpscaleToU16(nCombined);
  }
  return result;
}
