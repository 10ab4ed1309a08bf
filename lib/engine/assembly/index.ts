// WASM entry points. Arguments and results travel through linear memory as u64 words: `IO` for single calls,
// a growable batch buffer for bulk swap quotes (no per-value strings or calls across the boundary).
// Word layouts are documented next to each export and mirrored in lib/engine/wasm.ts.

import { Big } from "./big";
import { POW_NONE, powRatioScaled } from "./bigmath";
import { blockEmission as emission, EMISSION_ERR, rootProportion as rootProp } from "./emission";
import {
  add,
  checkedSqrt,
  convert,
  div,
  exp,
  FLAG,
  fromI64,
  fromU64,
  ln,
  log2,
  mul,
  sqrt,
  sub,
  toU64Sat,
} from "./fixed";
import { movingPrice as ema } from "./movingPrice";
import { lockCost as lock, neuronBurn as burnRule } from "./registration";
import { stakeValueSafeFloat, stakeValueU64F64 } from "./stake";
import {
  maxAmount as maxAmt,
  Q_ALPHA_AFTER,
  Q_ERA,
  Q_FEE,
  Q_FEE_AUTHOR,
  Q_LIQ,
  Q_PA_HI,
  Q_PA_LO,
  Q_PAID_IN,
  Q_PAID_OUT,
  Q_PB_HI,
  Q_PB_LO,
  Q_RECEIVES,
  Q_SQ_HI,
  Q_SQ_LO,
  Q_TAKEN,
  Q_TAO_AFTER,
  SwapArgs,
  swapQuote,
} from "./swap";
import { RHI, RLO } from "./wide";

const IO = new StaticArray<u64>(64);
let BATCH = new StaticArray<u64>(0);

export function ioPtr(): usize {
  return changetype<usize>(IO);
}

/** Pointer to a batch buffer of at least `words` u64 words (reallocated when too small). */
export function batchPtr(words: i32): usize {
  if (BATCH.length < words) BATCH = new StaticArray<u64>(words);
  return changetype<usize>(BATCH);
}

// ---------------------------------------------------------------------------------------------------------
// Swap. Args (16 words): 0 spec, 1 direction (0 stake, 1 unstake), 2 amount, 3 taoReserve, 4 alphaReserve,
// 5 mechanism, 6 feeRate, 7 limitPrice, 8 flags (bit0 dropFees, bit1 simulate, bit2 v3 state given),
// 9 minimumReserve, 10 quoteWeight, 11 sqrtPrice hi, 12 sqrtPrice lo, 13 liquidity, 14 stakingFee.
// Results (16 words): 0 status, 1 era, 2 paidIn, 3 paidOut, 4 fee, 5 feeToAuthor, 6 taken, 7 receives,
// 8 taoAfter, 9 alphaAfter, 10/11 priceBefore hi/lo, 12/13 priceAfter hi/lo, 14/15 sqrtPriceAfter hi/lo,
// 16 v3 liquidity.

const ARGS = new SwapArgs();

function readSwapArgs(buf: StaticArray<u64>, o: i32): SwapArgs {
  const a = ARGS;
  a.spec = <i32>unchecked(buf[o]);
  a.stake = unchecked(buf[o + 1]) == 0;
  a.amount = unchecked(buf[o + 2]);
  a.tao = unchecked(buf[o + 3]);
  a.alpha = unchecked(buf[o + 4]);
  a.mechanism = <i32>unchecked(buf[o + 5]);
  a.feeRate = unchecked(buf[o + 6]);
  a.limit = unchecked(buf[o + 7]);
  const flags = unchecked(buf[o + 8]);
  a.drop = (flags & 1) != 0;
  a.simulate = (flags & 2) != 0;
  a.hasSqrt = (flags & 4) != 0;
  a.minimumReserve = unchecked(buf[o + 9]);
  a.quoteWeight = unchecked(buf[o + 10]);
  a.sqrtHi = unchecked(buf[o + 11]);
  a.sqrtLo = unchecked(buf[o + 12]);
  a.liquidity = unchecked(buf[o + 13]);
  a.stakingFee = unchecked(buf[o + 14]);
  return a;
}

function writeSwapResult(buf: StaticArray<u64>, o: i32, status: i32): void {
  unchecked((buf[o] = <u64>status));
  if (status != 0) return;
  unchecked((buf[o + 1] = <u64>Q_ERA));
  unchecked((buf[o + 2] = Q_PAID_IN));
  unchecked((buf[o + 3] = Q_PAID_OUT));
  unchecked((buf[o + 4] = Q_FEE));
  unchecked((buf[o + 5] = Q_FEE_AUTHOR));
  unchecked((buf[o + 6] = Q_TAKEN));
  unchecked((buf[o + 7] = Q_RECEIVES));
  unchecked((buf[o + 8] = Q_TAO_AFTER));
  unchecked((buf[o + 9] = Q_ALPHA_AFTER));
  unchecked((buf[o + 10] = Q_PB_HI));
  unchecked((buf[o + 11] = Q_PB_LO));
  unchecked((buf[o + 12] = Q_PA_HI));
  unchecked((buf[o + 13] = Q_PA_LO));
  unchecked((buf[o + 14] = Q_SQ_HI));
  unchecked((buf[o + 15] = Q_SQ_LO));
  unchecked((buf[o + 16] = Q_LIQ));
}

export function swap(): i32 {
  const rc = swapQuote(readSwapArgs(IO, 0));
  writeSwapResult(IO, 16, rc);
  return rc;
}

/** Batch buffer: `n` argument records of 16 words, then `n` result records of 17 words. */
export function swapBatch(n: i32): void {
  const res = n * 16;
  for (let i = 0; i < n; i++) writeSwapResult(BATCH, res + i * 17, swapQuote(readSwapArgs(BATCH, i * 16)));
}

/** Same args as `swap` (amount ignored); IO[16] status, IO[17] max amount. */
export function maxAmount(): i32 {
  const rc = maxAmt(readSwapArgs(IO, 0));
  unchecked((IO[16] = <u64>rc));
  unchecked((IO[17] = Q_TAKEN));
  return rc;
}

// ---------------------------------------------------------------------------------------------------------
// Scalar rules

/** IO[0] issuance, IO[1] default emission → IO[2] emission; returns 1 on the chain's log error. */
export function blockEmission(): i32 {
  unchecked((IO[2] = emission(IO[0], IO[1])));
  return EMISSION_ERR ? 1 : 0;
}

/** IO[0] root TAO, IO[1] TaoWeight, IO[2] alpha issuance → IO[3]/IO[4] U96F32 hi/lo. */
export function rootProportion(): i32 {
  rootProp(unchecked(IO[0]), unchecked(IO[1]), unchecked(IO[2]));
  unchecked((IO[3] = RHI));
  unchecked((IO[4] = RLO));
  return 0;
}

/** IO: 0 era, 1/2 moving price, 3/4 price (U64F64), 5/6 moving alpha, 7 block, 8 first emission, 9 halving → 10/11. */
export function movingPrice(): i32 {
  ema(
    <i32>IO[0],
    IO[1],
    IO[2],
    IO[3],
    IO[4],
    IO[5],
    IO[6],
    IO[7],
    IO[8],
    IO[9],
  );
  unchecked((IO[10] = RHI));
  unchecked((IO[11] = RLO));
  return 0;
}

/** IO: 0 shared value, 1/2 share, 3/4 denominator (U64F64) → IO[5]. */
export function stakeValueLegacy(): i32 {
  unchecked((IO[5] = stakeValueU64F64(IO[0], IO[1], IO[2], IO[3], IO[4])));
  return 0;
}

/** IO: 0 shared value, 1/2 share mantissa, 3 share exponent (i64), 4/5 denominator mantissa, 6 exponent → IO[7]. */
export function stakeValueSafe(): i32 {
  unchecked((IO[7] = stakeValueSafeFloat(IO[0], IO[1], IO[2], <i64>IO[3], IO[4], IO[5], <i64>IO[6])));
  return 0;
}

/** IO: 0 last lock, 1 min lock, 2 last lock block, 3 current block, 4 interval, 5 issuance → IO[6]. */
export function lockCost(): i32 {
  unchecked((IO[6] = lock(IO[0], IO[1], IO[2], IO[3], IO[4], IO[5])));
  return 0;
}

/** IO: 0 burn, 1 min, 2 max, 3 half-life, 4 blocks, 5 registrations, 6/7 increase mult (U64F64) → IO[8]. */
export function neuronBurn(): i32 {
  unchecked((IO[8] = burnRule(IO[0], IO[1], IO[2], <u32>IO[3], IO[4], IO[5], IO[6], IO[7])));
  return 0;
}

// ---------------------------------------------------------------------------------------------------------
// Fixed-point primitives, exposed for bit-for-bit property tests against the reference.
// IO: 0/1 a, 2/3 b → 4/5 result, return 1 when FLAG (overflow / Err / division by zero).

export function fixedOp(op: i32, spec: i32, mode: i32): i32 {
  const ah = IO[0];
  const al = IO[1];
  const bh = IO[2];
  const bl = IO[3];
  switch (op) {
    case 0:
      add(spec, ah, al, bh, bl, mode);
      break;
    case 1:
      sub(spec, ah, al, bh, bl, mode);
      break;
    case 2:
      mul(spec, ah, al, bh, bl, mode);
      break;
    case 3:
      div(spec, ah, al, bh, bl, mode);
      break;
    case 4:
      convert(spec, mode, ah, al);
      break;
    case 5:
      log2(spec, ah, al);
      break;
    case 6:
      ln(spec, ah, al);
      break;
    case 7:
      exp(spec, ah, al);
      break;
    case 8:
      sqrt(spec, ah, al);
      break;
    case 9:
      checkedSqrt(spec, ah, al, bh, bl);
      break;
    case 10:
      fromU64(spec, al);
      break;
    case 11: {
      const v = toU64Sat(spec, ah, al);
      unchecked((IO[4] = 0));
      unchecked((IO[5] = v));
      return 0;
    }
    case 12:
      fromI64(spec, <i64>al);
      break;
    default:
      return 2;
  }
  unchecked((IO[4] = RHI));
  unchecked((IO[5] = RLO));
  return FLAG ? 1 : 0;
}

/**
 * pow_ratio_scaled with u128 base parts and u64 exponent parts / scale:
 * IO 0/1 num, 2/3 den, 4 eNum, 5 eDen, 6 scale, 7 precision → IO 8/9 result (low 128 bits);
 * returns 1 for None, 2 when the result needs more than 128 bits.
 */
export function powRatio(): i32 {
  const r = powRatioScaled(
    Big.fromU128(IO[0], IO[1]),
    Big.fromU128(IO[2], IO[3]),
    Big.fromU64(IO[4]),
    Big.fromU64(IO[5]),
    <i32>IO[7],
    Big.fromU64(IO[6]),
  );
  if (POW_NONE) return 1;
  unchecked((IO[8] = r.highU64()));
  unchecked((IO[9] = r.lowU64()));
  return r.bitLength() > 128 ? 2 : 0;
}
