// Typed wrapper around an instantiated engine.wasm: the same EngineOps as the reference, with inputs validated
// and defaulted by the shared reference helpers and numbers crossing the boundary as u64 words in linear memory.
// No Node or DOM imports here, so the browser and Node loaders both use it.

import { type CoinbaseWasmExports, hasCoinbaseExports } from "./coinbase-wasm";
import { checkNeuronBurnSpec } from "./ref/index";
import { ChainRejection, checkSpec, EngineInputError, movingPriceEra, poolEra } from "./ref/specs";
import { type ResolvedSwapInput, resolveSwapInput } from "./ref/swap";
import type {
  EngineOps,
  LockCostInput,
  MaxAmountInput,
  MovingPriceInput,
  NeuronBurnRequest,
  RootProportionInput,
  StakeValueInput,
  SwapInput,
  SwapQuote,
} from "./types";

interface EngineExports {
  memory: WebAssembly.Memory;
  ioPtr(): number;
  batchPtr(words: number): number;
  swap(): number;
  swapBatch(n: number): void;
  maxAmount(): number;
  blockEmission(): number;
  rootProportion(): number;
  movingPrice(): number;
  stakeValueLegacy(): number;
  stakeValueSafe(): number;
  lockCost(): number;
  neuronBurn(): number;
  fixedOp(op: number, spec: number, mode: number): number;
  powRatio(): number;
}

const M64 = (1n << 64n) - 1n;
/** Words per packed swap request / result (see lib/engine/assembly/index.ts). */
export const SWAP_ARG_WORDS = 16;
export const SWAP_RESULT_WORDS = 17;
const SWAP_CHUNK = 4096;
const ERAS = ["constantProduct", "v3", "balancer"] as const;

function swapError(code: number): Error {
  switch (code) {
    case 1:
      return new ChainRejection("PriceLimitExceeded");
    case 2:
      return new ChainRejection("ReservesTooLow");
    case 3:
      return new ChainRejection("SwapInputTooLarge");
    case 4:
      return new ChainRejection("InsufficientLiquidity");
    case 5:
      return new ChainRejection("AmountTooLow");
    case 6:
      return new EngineInputError(
        "amount",
        "the swap would cross the full-range position's edge tick (not modelled)",
      );
    case 7:
      return new EngineInputError("quoteWeight", "weights must stay within [0.01, 0.99]");
    case 10:
      return new ChainRejection("ZeroMaxStakeAmount");
    default:
      return new EngineInputError("spec", `engine error code ${code}`);
  }
}

/** Imports the module needs: only `env.abort`, which AssemblyScript calls on a trap it detects. */
export function engineImports(): WebAssembly.Imports {
  return {
    env: {
      abort(_msg: number, _file: number, line: number, col: number) {
        throw new Error(`engine.wasm aborted at ${line}:${col}`);
      },
    },
  };
}

export class WasmEngine implements EngineOps {
  private readonly x: EngineExports;
  private ioView: BigUint64Array;
  private buffer: ArrayBuffer;

  constructor(instance: WebAssembly.Instance) {
    this.x = instance.exports as unknown as EngineExports;
    this.buffer = this.x.memory.buffer;
    this.ioView = new BigUint64Array(this.buffer, this.x.ioPtr(), 64);
  }

  /** The coinbase entry points of this module (`runCoinbaseWasm`), or null for a build without them. */
  coinbaseExports(): CoinbaseWasmExports | null {
    const x = this.x as unknown as WebAssembly.Exports;
    return hasCoinbaseExports(x) ? (x as unknown as CoinbaseWasmExports) : null;
  }

  /** The IO words, re-viewed if memory grew (growth detaches the old ArrayBuffer). */
  private io(): BigUint64Array {
    if (this.x.memory.buffer !== this.buffer) {
      this.buffer = this.x.memory.buffer;
      this.ioView = new BigUint64Array(this.buffer, this.x.ioPtr(), 64);
    }
    return this.ioView;
  }

  blockEmission(issuance: bigint): bigint {
    const io = this.io();
    io[0] = issuance;
    io[1] = 1_000_000_000n;
    if (this.x.blockEmission() !== 0) throw new RangeError("Logarithm calculation failed");
    return this.io()[2]!;
  }

  rootProportion(i: RootProportionInput): bigint {
    const io = this.io();
    io[0] = i.rootTao;
    io[1] = i.taoWeight;
    io[2] = i.alphaIssuance;
    this.x.rootProportion();
    const o = this.io();
    return (o[3]! << 64n) | o[4]!;
  }

  movingPrice(i: MovingPriceInput): bigint {
    const era = movingPriceEra(i.spec);
    const io = this.io();
    io[0] = BigInt(era === "constant" ? 0 : era === "slowStartU96" ? 1 : 2);
    io[1] = BigInt.asUintN(64, i.movingPrice >> 64n);
    io[2] = i.movingPrice & M64;
    io[3] = i.price >> 64n;
    io[4] = i.price & M64;
    io[5] = BigInt.asUintN(64, i.movingAlpha >> 64n);
    io[6] = i.movingAlpha & M64;
    io[7] = i.block;
    io[8] = i.firstEmissionBlock;
    io[9] = i.halvingBlocks;
    this.x.movingPrice();
    const o = this.io();
    return BigInt.asIntN(128, (o[10]! << 64n) | o[11]!);
  }

  private writeSwap(view: BigUint64Array, o: number, r: ResolvedSwapInput): void {
    view[o] = BigInt(r.spec);
    view[o + 1] = r.direction === "stake" ? 0n : 1n;
    view[o + 2] = r.amount;
    view[o + 3] = r.taoReserve;
    view[o + 4] = r.alphaReserve;
    view[o + 5] = BigInt(r.mechanism);
    view[o + 6] = BigInt(r.feeRate);
    view[o + 7] = r.limitPrice;
    const hasState = r.sqrtPrice !== undefined && r.liquidity !== undefined;
    view[o + 8] = (r.dropFees ? 1n : 0n) | (r.simulate ? 2n : 0n) | (hasState ? 4n : 0n);
    view[o + 9] = r.minimumReserve;
    view[o + 10] = r.quoteWeight;
    view[o + 11] = hasState ? r.sqrtPrice! >> 64n : 0n;
    view[o + 12] = hasState ? r.sqrtPrice! & M64 : 0n;
    view[o + 13] = hasState ? r.liquidity! : 0n;
    view[o + 14] = r.stakingFee;
  }

  private readSwap(view: BigUint64Array, o: number, stable: boolean): SwapQuote | Error {
    const status = Number(view[o]!);
    if (status !== 0) return swapError(status);
    const era = ERAS[Number(view[o + 1]!)]!;
    const q: SwapQuote = {
      era,
      amountPaidIn: view[o + 2]!,
      amountPaidOut: view[o + 3]!,
      feePaid: view[o + 4]!,
      feeToBlockAuthor: view[o + 5]!,
      amountTaken: view[o + 6]!,
      userReceives: view[o + 7]!,
      taoReserveAfter: view[o + 8]!,
      alphaReserveAfter: view[o + 9]!,
      priceBefore: (view[o + 10]! << 64n) | view[o + 11]!,
      priceAfter: (view[o + 12]! << 64n) | view[o + 13]!,
    };
    if (era === "v3" && !stable) {
      q.sqrtPriceAfter = (view[o + 14]! << 64n) | view[o + 15]!;
      q.liquidity = view[o + 16]!;
    }
    return q;
  }

  swap(input: SwapInput): SwapQuote {
    const r = resolveSwapInput(input);
    this.writeSwap(this.io(), 0, r);
    this.x.swap();
    const io = this.io();
    const res = this.readSwap(io, 16, r.mechanism === 0);
    if (res instanceof Error) throw res;
    return res;
  }

  swapBatch(inputs: readonly SwapInput[]): (SwapQuote | Error)[] {
    const n = inputs.length;
    const out: (SwapQuote | Error)[] = new Array(n);
    const args = new BigUint64Array(n * SWAP_ARG_WORDS);
    const stable: boolean[] = new Array(n);
    for (let i = 0; i < n; i++) {
      try {
        const r = resolveSwapInput(inputs[i]!);
        stable[i] = r.mechanism === 0;
        this.writeSwap(args, i * SWAP_ARG_WORDS, r);
      } catch (e) {
        out[i] = e instanceof Error ? e : new Error(String(e));
        // spec 0 makes the engine refuse this record without disturbing the others
        args[i * SWAP_ARG_WORDS] = 0n;
      }
    }
    const results = this.swapPacked(args);
    for (let i = 0; i < n; i++)
      if (out[i] === undefined) out[i] = this.readSwap(results, i * SWAP_RESULT_WORDS, stable[i]!);
    return out;
  }

  /**
   * The bulk fast path: `args` holds n records of SWAP_ARG_WORDS u64 words (layout in
   * lib/engine/assembly/index.ts, filled by `packSwapInput`); returns n records of SWAP_RESULT_WORDS
   * (word 0 = status, 0 for success). One copy in, one compute call, one copy out.
   */
  swapPacked(args: BigUint64Array): BigUint64Array {
    const n = Math.floor(args.length / SWAP_ARG_WORDS);
    const out = new BigUint64Array(n * SWAP_RESULT_WORDS);
    // Chunks keep the working set in cache (a 1M-record buffer in one go is several times slower).
    const chunk = Math.min(n, SWAP_CHUNK);
    const ptr = this.x.batchPtr(chunk * (SWAP_ARG_WORDS + SWAP_RESULT_WORDS));
    for (let start = 0; start < n; start += chunk) {
      const k = Math.min(chunk, n - start);
      const mem = this.x.memory.buffer;
      new BigUint64Array(mem, ptr, k * SWAP_ARG_WORDS).set(
        args.subarray(start * SWAP_ARG_WORDS, (start + k) * SWAP_ARG_WORDS),
      );
      this.x.swapBatch(k);
      out.set(
        new BigUint64Array(this.x.memory.buffer, ptr + k * SWAP_ARG_WORDS * 8, k * SWAP_RESULT_WORDS),
        start * SWAP_RESULT_WORDS,
      );
    }
    return out;
  }

  /** Writes one validated, defaulted request into a packed argument buffer at record `index`. */
  packSwapInput(args: BigUint64Array, index: number, input: SwapInput): void {
    this.writeSwap(args, index * SWAP_ARG_WORDS, resolveSwapInput(input));
  }

  /** Reads record `index` of a packed result buffer. */
  unpackSwapQuote(results: BigUint64Array, index: number, stable = false): SwapQuote | Error {
    return this.readSwap(results, index * SWAP_RESULT_WORDS, stable);
  }

  maxAmount(input: MaxAmountInput): bigint {
    const stake = input.direction === "stake";
    if (input.limitPrice < 0n || input.limitPrice > M64)
      throw new EngineInputError("limitPrice", `${input.limitPrice} is outside u64`);
    const era = poolEra(input.spec);
    if (era === "constantProduct")
      throw new EngineInputError("spec", "limit orders of the constant-product era are not modelled");
    if ((input.mechanism ?? 1) === 0) {
      const ok = stake ? input.limitPrice >= 1_000_000_000n : input.limitPrice <= 1_000_000_000n;
      if (ok) return M64;
      if (era === "v3") throw new ChainRejection("ZeroMaxStakeAmount");
      return 0n;
    }
    const r = resolveSwapInput({ ...input, amount: 0n, simulate: true });
    this.writeSwap(this.io(), 0, r);
    const rc = this.x.maxAmount();
    if (rc !== 0) throw swapError(rc);
    return this.io()[17]!;
  }

  stakeValue(i: StakeValueInput): bigint {
    const io = this.io();
    io[0] = i.sharedValue;
    if (i.pool === "u64f64") {
      io[1] = i.share >> 64n;
      io[2] = i.share & M64;
      io[3] = i.denominator >> 64n;
      io[4] = i.denominator & M64;
      this.x.stakeValueLegacy();
      return this.io()[5]!;
    }
    io[1] = i.share.mantissa >> 64n;
    io[2] = i.share.mantissa & M64;
    io[3] = BigInt.asUintN(64, i.share.exponent);
    io[4] = i.denominator.mantissa >> 64n;
    io[5] = i.denominator.mantissa & M64;
    io[6] = BigInt.asUintN(64, i.denominator.exponent);
    this.x.stakeValueSafe();
    return this.io()[7]!;
  }

  lockCost(i: LockCostInput & { spec: number }): bigint {
    checkSpec(i.spec);
    const io = this.io();
    io[0] = i.lastLock;
    io[1] = i.minLock;
    io[2] = i.lastLockBlock;
    io[3] = i.currentBlock;
    io[4] = i.lockReductionInterval;
    io[5] = i.totalIssuance;
    this.x.lockCost();
    return this.io()[6]!;
  }

  neuronBurn(i: NeuronBurnRequest): bigint {
    checkNeuronBurnSpec(i.spec);
    const io = this.io();
    io[0] = i.burn;
    io[1] = i.minBurn;
    io[2] = i.maxBurn;
    io[3] = BigInt(i.halfLife);
    io[4] = BigInt(i.blocks);
    io[5] = BigInt(i.registrations);
    io[6] = i.increaseMult >> 64n;
    io[7] = i.increaseMult & M64;
    this.x.neuronBurn();
    return this.io()[8]!;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Fixed-point primitives (for property tests)

  /**
   * op: 0 add, 1 sub, 2 mul, 3 div, 4 convert (mode = target spec id), 5 log2, 6 ln, 7 exp, 8 sqrt,
   * 9 checkedSqrt (b = epsilon), 10 fromU64 (a), 11 toU64Saturating, 12 fromI64 (a).
   * mode: 0 wrapping, 1 saturating, 2 checked. Returns the bits and whether the flag (overflow/Err) was set.
   */
  fixedOp(
    op: number,
    specId: number,
    mode: number,
    a: bigint,
    b = 0n,
    signed = false,
  ): { bits: bigint; flag: boolean } {
    const io = this.io();
    io[0] = BigInt.asUintN(64, a >> 64n);
    io[1] = BigInt.asUintN(64, a);
    io[2] = BigInt.asUintN(64, b >> 64n);
    io[3] = BigInt.asUintN(64, b);
    const rc = this.x.fixedOp(op, specId, mode);
    const o = this.io();
    const raw = (o[4]! << 64n) | o[5]!;
    return { bits: signed ? BigInt.asIntN(128, raw) : raw, flag: rc === 1 };
  }

  /** pow_ratio_scaled for u128 bases and u64 exponent parts/scale; null for None or a result past 128 bits. */
  powRatio(
    num: bigint,
    den: bigint,
    eNum: bigint,
    eDen: bigint,
    precision: number,
    scale: bigint,
  ): bigint | null {
    const io = this.io();
    io[0] = num >> 64n;
    io[1] = num & M64;
    io[2] = den >> 64n;
    io[3] = den & M64;
    io[4] = eNum;
    io[5] = eDen;
    io[6] = scale;
    io[7] = BigInt(precision);
    const rc = this.x.powRatio();
    if (rc !== 0) return null;
    const o = this.io();
    return (o[8]! << 64n) | o[9]!;
  }
}

/** Spec ids of lib/engine/assembly/fixed.ts, keyed by FixedSpec name. */
export const WASM_SPEC_ID: Readonly<Record<string, number>> = Object.freeze({
  I32F32: 0,
  I64F64: 1,
  U64F64: 2,
  I96F32: 3,
  U96F32: 4,
  U110F18: 5,
});

export async function instantiateEngine(source: BufferSource | WebAssembly.Module): Promise<WasmEngine> {
  const instance =
    source instanceof WebAssembly.Module
      ? await WebAssembly.instantiate(source, engineImports())
      : (await WebAssembly.instantiate(source, engineImports())).instance;
  return new WasmEngine(instance);
}
