// Pool swaps: values pinned by pallet-subtensor-swap's tests, WASM ≡ reference on random quotes for all three
// eras, and conservation invariants (no rao created or lost).

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  alphaOutForTao,
  balancerPrice,
  baseDeltaIn,
  expScaled,
  quoteDeltaIn,
  taoOutForAlpha,
  weightAfterInjection,
} from "../../lib/engine/ref/balancer";
import * as F from "../../lib/engine/ref/fixed";
import { mulPerquintillRound, perquintillFromRational } from "../../lib/engine/ref/perquintill";
import { ChainRejection } from "../../lib/engine/ref/specs";
import {
  maxAmount,
  type SwapInput,
  type SwapQuote,
  swapQuote,
  v3Initialise,
} from "../../lib/engine/ref/swap";
import type { WasmEngine } from "../../lib/engine/wasm";
import { canon, wasmEngine } from "./core-harness";

let W: WasmEngine;
beforeAll(async () => {
  W = await wasmEngine();
});

const U = F.U64F64;
const toF = (bits: bigint) => Number(bits) / 2 ** 64;
const q = (p: number, d: number) => perquintillFromRational(BigInt(p), BigInt(d));

describe("balancer values pinned by pallet-subtensor-swap tests", () => {
  it("test_calculate_quote_delta_in / test_calculate_base_delta_in / *_impossible", () => {
    const w = perquintillFromRational(250_000_000_000n, 1_000_000_000_000n);
    const p01 = F.fromF64(U, 0.1);
    const p02 = F.fromF64(U, 0.2);
    // f64 expectations of the chain test: 1e9·((0.2/0.1)^0.75 − 1) and 1e9·((0.2/0.1)^0.25 − 1), truncated
    expect(quoteDeltaIn(p01, p02, 1_000_000_000n, w)).toBe(
      BigInt(Math.trunc(1e9 * ((toF(p02) / toF(p01)) ** 0.75 - 1))),
    );
    expect(baseDeltaIn(p02, p01, 1_000_000_000n, w)).toBe(
      BigInt(Math.trunc(1e9 * ((toF(p02) / toF(p01)) ** 0.25 - 1))),
    );
    expect(quoteDeltaIn(p01, F.fromF64(U, 0.05), 1_000_000_000n, w)).toBe(0n);
    expect(baseDeltaIn(p01, p02, 1_000_000_000n, w)).toBe(0n);
  });

  it("test_exp_scaled (within the test's 1e-9)", () => {
    const cases: [number, number, bigint, bigint, boolean, number][] = [
      [5, 10, 100000n, 100n, true, 0.999000999000999],
      [1, 4, 500000n, 5000n, true, 0.970590147927644],
      [3, 4, 200000n, 2000n, false, 0.970590147927644],
      [9, 10, 13513642n, 1673n, false, 0.998886481979889],
      [773, 1000, 7_000_000_000n, 10_000n, true, 0.999999580484586],
    ];
    for (const [n, d, r, dr, bq, expected] of cases)
      expect(Math.abs(toF(expScaled(r, dr, bq, q(n, d))) - expected)).toBeLessThan(1e-9);
  });

  it("test_convert_deltas: both directions within 2 units of the f64 formula", () => {
    const M = (1n << 64n) - 1n;
    for (const [tao, alpha] of [
      [1500n, 1000n],
      [1n, 1000000n],
      [1000000n, 1n],
    ] as const)
      for (const wq of [0.5, 0.50000001, 0.49999999, 0.1, 0.9])
        for (const d of [1n, 10000n, 1000000n, M]) {
          const w = perquintillFromRational(BigInt(Math.round(wq * 1e9)), 1_000_000_000n);
          const y = Number(tao);
          const x = Number(alpha);
          const dd = Number(d);
          const sell = Math.trunc(y * (1 - (x / (x + dd)) ** ((1 - wq) / wq)));
          const buy = Math.trunc(x * (1 - (y / (y + dd)) ** (wq / (1 - wq))));
          const s = taoOutForAlpha(alpha, tao, d, w);
          const b = alphaOutForTao(alpha, tao, d, w);
          expect(Math.abs(Number(s) - sell), `sell ${tao}/${alpha}/${wq}/${d}`).toBeLessThanOrEqual(2);
          expect(Math.abs(Number(b) - buy), `buy ${tao}/${alpha}/${wq}/${d}`).toBeLessThanOrEqual(2);
        }
  });

  it("test_mul_round_*: round-half-up Perquintill multiply", () => {
    const half = q(1, 2);
    expect([0n, 1n, 2n, 3n, 4n, 5n, 1023n, 1025n].map((v) => mulPerquintillRound(half, v))).toEqual([
      0n,
      1n,
      1n,
      2n,
      2n,
      3n,
      512n,
      513n,
    ]);
    const third = q(1, 3);
    expect([3n, 4n, 5n, 6n].map((v) => mulPerquintillRound(third, v))).toEqual([1n, 1n, 2n, 2n]);
    expect(mulPerquintillRound(0n, 1_000_000n)).toBe(0n);
    expect(mulPerquintillRound(10n ** 18n, 1_000_000n)).toBe(1_000_000n);
  });

  it("test_price_with_equal_weights_is_y_over_x and the 2:1 weight ratio", () => {
    expect(balancerPrice(4_000_000_000n, 1_000_000_000n, q(1, 2))).toBe(F.fromDecimal(U, "0.25"));
    // w1/w2 = 2 → p = 2·y/x
    const p = balancerPrice(1000n, 1000n, q(1, 3));
    expect(Math.abs(toF(p) - 2)).toBeLessThan(1e-12);
    expect(balancerPrice(1000n, 0n, q(1, 2))).toBe(0n);
  });

  it("test_swap_basic: equal weights, fee 33, outputs within 1 of the f64 formula, price moves the right way", () => {
    const cases: [SwapInput["direction"], bigint][] = [
      ["stake", 1_000n],
      ["stake", 2_000n],
      ["stake", 123_456n],
      ["unstake", 1_000n],
      ["unstake", 2_000n],
      ["unstake", 123_456n],
      ["stake", 1_000_000_000n],
      ["stake", 10_000_000_000n],
    ];
    for (const [direction, amount] of cases) {
      const input: SwapInput = {
        spec: 425,
        direction,
        amount,
        taoReserve: 1_000_000_000n,
        alphaReserve: 4_000_000_000n,
        minimumReserve: 1n,
        limitPrice: direction === "stake" ? 1_000_000_000_000n : 100_000n,
      };
      const r = swapQuote(input);
      const fee = Math.trunc(Number(amount) * (33 / 65535));
      const x = 4e9;
      const y = 1e9;
      const d = Number(amount) - fee;
      const expected = direction === "stake" ? x * (1 - y / (y + d)) : y * (1 - x / (x + d));
      expect(Math.abs(Number(r.amountPaidOut) - Math.trunc(expected))).toBeLessThanOrEqual(1);
      expect(Math.abs(Number(r.amountPaidIn) - d)).toBeLessThanOrEqual(1);
      expect(r.priceAfter >= r.priceBefore).toBe(direction === "stake");
      expect(canon(W.swap(input))).toBe(canon(r));
    }
  });

  it("test_swap_rejects_input_over_1000x_input_reserve / allows exactly 1000x", () => {
    const base = { spec: 425, taoReserve: 1000n, alphaReserve: 1000n, minimumReserve: 1n, dropFees: true };
    for (const direction of ["stake", "unstake"] as const) {
      const input = { ...base, direction, amount: 1_000_001n };
      expect(() => swapQuote(input)).toThrow(/SwapInputTooLarge/);
      expect(() => W.swap(input)).toThrow(/SwapInputTooLarge/);
      const ok = { ...base, direction, amount: 1_000_000n, simulate: true };
      expect(canon(W.swap(ok))).toBe(canon(swapQuote(ok)));
    }
  });

  it("test_swap_precision_edge_case: tiny reserves still pay out", () => {
    for (const [tao, alpha, amount] of [
      [1_000n, 1_000n, 999_500n],
      [1_000_000n, 1_000_000n, 999_500_000n],
    ] as const) {
      const input: SwapInput = {
        spec: 425,
        direction: "unstake",
        amount,
        taoReserve: tao,
        alphaReserve: alpha,
        minimumReserve: 1n,
        simulate: true,
      };
      expect(swapQuote(input).amountPaidOut).toBeGreaterThan(0n);
      expect(W.swap(input).amountPaidOut).toBeGreaterThan(0n);
    }
  });

  it("test_adjust_protocol_liquidity: injection keeps the price (weights re-balanced)", () => {
    const y = 1_000_000_000_000n;
    const x = 4_000_000_000_000n;
    const w = q(1, 2);
    const before = balancerPrice(x, y, w);
    const w2 = weightAfterInjection(y, x, 1_000_000_000n, 2_000_000_000n, w)!;
    const after = balancerPrice(x + 2_000_000_000n, y + 1_000_000_000n, w2);
    expect(Math.abs(toF(after) / toF(before) - 1)).toBeLessThan(1e-12);
    expect(weightAfterInjection(y, x, 0n, x * 1000n, w)).toBeNull();
  });
});

describe("Uniswap-v3 era values pinned by pallet-subtensor-swap tests (@6016381e4)", () => {
  it("test_swap_initialization: tao 1e12 / alpha 4e12 → √P ≈ 0.5, L = ⌊√(tao·alpha)⌋", () => {
    const init = v3Initialise(1_000_000_000_000n, 4_000_000_000_000n);
    expect(Math.abs(toF(init.sqrtPrice) - 0.5)).toBeLessThan(1e-9);
    expect(init.liquidity).toBe(2_000_000_000_000n);
  });

  it("test_convert_deltas at √P = 1.5, L = 2e12 (within the test's 2 units)", () => {
    const cases: [bigint, bigint, bigint][] = [
      [1n, 0n, 2n],
      [10_000n, 4_444n, 22_500n],
      [1_000_000n, 444_444n, 2_250_000n],
    ];
    for (const [delta, buy, sell] of cases) {
      const base = {
        spec: 393,
        amount: delta,
        taoReserve: 10n ** 15n,
        alphaReserve: 10n ** 15n,
        sqrtPrice: F.fromF64(U, 1.5),
        liquidity: 2_000_000_000_000n,
        dropFees: true,
        simulate: true,
      };
      for (const [direction, expected] of [
        ["stake", buy],
        ["unstake", sell],
      ] as const) {
        let out: bigint;
        try {
          out = swapQuote({ ...base, direction }).amountPaidOut;
        } catch (e) {
          // a zero output on a non-zero input is the chain's ReservesTooLow
          expect((e as Error).message).toMatch(/ReservesTooLow/);
          out = 0n;
        }
        const diff = out - expected;
        expect(diff < 0n ? -diff : diff, `${direction} ${delta}`).toBeLessThanOrEqual(2n);
        if (out > 0n) expect(W.swap({ ...base, direction }).amountPaidOut).toBe(out);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Random quotes

const reserve = fc.bigInt({ min: 1_000_000n, max: 10n ** 16n });
const weightExact = fc.constantFrom(q(1, 2), q(1, 4), q(3, 4), q(2, 5), q(3, 5), q(1, 3));

function swapArb(spec: fc.Arbitrary<number>, weight: fc.Arbitrary<bigint>, withLimit: boolean) {
  return fc.record({
    spec,
    direction: fc.constantFrom("stake" as const, "unstake" as const),
    amount: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 0n, max: 10n ** 15n })),
    taoReserve: reserve,
    alphaReserve: reserve,
    feeRate: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
    quoteWeight: weight,
    dropFees: fc.boolean(),
    mechanism: fc.constantFrom(1, 1, 1, 1, 1, 1, 1, 1, 1, 0),
    limitPrice: withLimit
      ? fc.option(fc.bigInt({ min: 1_000n, max: 10n ** 12n }), { nil: undefined })
      : fc.constant(undefined),
  });
}

function agree(input: SwapInput): SwapQuote | Error {
  let ref: SwapQuote | Error;
  try {
    ref = swapQuote(input);
  } catch (e) {
    ref = e as Error;
  }
  let w: SwapQuote | Error;
  try {
    w = W.swap(input);
  } catch (e) {
    w = e as Error;
  }
  expect(canon(w)).toBe(canon(ref));
  return ref;
}

/** No rao created or lost: what leaves the user equals what the pool and the fee recipients receive. */
function conserve(input: SwapInput, r: SwapQuote): void {
  const stake = input.direction === "stake";
  expect(r.amountTaken).toBeLessThanOrEqual(input.amount);
  if (input.mechanism === 0) {
    // stable subnets: 1:1, no fee, only SubnetTAO moves
    expect(r.amountPaidOut).toBe(input.amount);
    expect(r.taoReserveAfter - input.taoReserve).toBe(stake ? input.amount : -input.amount);
    expect(r.alphaReserveAfter).toBe(input.alphaReserve);
    return;
  }
  // the fee is in the input token, except the launch era's unstake fee, which is taken from the TAO output
  const feeInInput = !(r.era === "constantProduct" && !stake);
  expect(r.amountTaken).toBe(r.amountPaidIn + (feeInInput ? r.feePaid : 0n));
  if (stake) {
    const poolTaoGain = r.taoReserveAfter - input.taoReserve;
    const feeToPool = r.era === "constantProduct" ? r.feePaid : 0n;
    expect(poolTaoGain).toBe(r.amountPaidIn + feeToPool);
    expect(input.alphaReserve - r.alphaReserveAfter).toBe(r.amountPaidOut);
    expect(r.amountPaidOut).toBeLessThanOrEqual(input.alphaReserve);
    // (a drained pool reports price 0, as the chain's safe_div does)
    if (r.alphaReserveAfter > 0n && r.amountPaidIn > 0n) expect(r.priceAfter >= r.priceBefore).toBe(true);
  } else {
    expect(r.alphaReserveAfter - input.alphaReserve).toBe(r.amountPaidIn);
    const feeBack = r.era === "constantProduct" ? r.feePaid : 0n;
    expect(input.taoReserve - r.taoReserveAfter).toBe(r.amountPaidOut - feeBack);
    expect(r.userReceives + feeBack).toBeLessThanOrEqual(r.amountPaidOut);
    // (a zero-amount v3 sell still re-derives √P through 1/(1/√P), which may round up)
    if (r.amountPaidIn > 0n) expect(r.priceAfter <= r.priceBefore).toBe(true);
  }
}

describe("WASM ≡ reference on random swap quotes, with conservation", () => {
  it("balancer, equal or small-rational weights, with limit prices: 10,000 cases", () => {
    fc.assert(
      fc.property(swapArb(fc.constant(425), weightExact, true), (input) => {
        const r = agree(input);
        if (!(r instanceof Error)) conserve(input, r);
        else expect(r).toBeInstanceOf(ChainRejection);
      }),
      { numRuns: 10_000 },
    );
  });

  it("balancer, arbitrary Perquintill weights (safe-bigmath approximate path): 200 cases", () => {
    fc.assert(
      fc.property(
        swapArb(fc.constant(425), fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n }), false),
        (input) => {
          const r = agree(input);
          if (!(r instanceof Error)) conserve(input, r);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("balancer limit orders with arbitrary weights (1024-bit path): 20 cases", () => {
    fc.assert(
      fc.property(
        swapArb(fc.constant(425), fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n }), true),
        (input) => {
          agree({ ...input, limitPrice: input.limitPrice ?? 300_000_000n });
        },
      ),
      { numRuns: 20 },
    );
  });

  it("Uniswap-v3 era (full-range position, lazily initialised or given): 10,000 cases", () => {
    fc.assert(
      fc.property(
        swapArb(fc.constantFrom(283, 300, 393, 422), fc.constant(undefined as unknown as bigint), true),
        (input) => {
          const r = agree({ ...input, quoteWeight: undefined });
          if (!(r instanceof Error)) {
            conserve(input, r);
            if (input.mechanism !== 0) {
              // continuing from the returned state gives the same result as both engines
              agree({
                ...input,
                quoteWeight: undefined,
                taoReserve: r.taoReserveAfter,
                alphaReserve: r.alphaReserveAfter,
                sqrtPrice: r.sqrtPriceAfter,
                liquidity: r.liquidity,
              });
            }
          }
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it("constant-product era (U110F18, flat staking fee): 10,000 cases", () => {
    fc.assert(
      fc.property(
        swapArb(fc.constantFrom(233, 273, 277), fc.constant(undefined as unknown as bigint), false),
        (input) => {
          const r = agree({ ...input, quoteWeight: undefined });
          if (!(r instanceof Error)) conserve(input, r);
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it("batch quotes equal single quotes", () => {
    const inputs = fc.sample(swapArb(fc.constantFrom(273, 393, 425), weightExact, true), 500);
    const batch = W.swapBatch(inputs);
    inputs.forEach((input, i) => {
      let single: SwapQuote | Error;
      try {
        single = swapQuote(input);
      } catch (e) {
        single = e as Error;
      }
      expect(canon(batch[i])).toBe(canon(single));
    });
  });

  it("maxAmount (get_max_amount_add/remove): 10,000 cases", () => {
    fc.assert(
      fc.property(
        fc.record({
          spec: fc.constantFrom(300, 393, 425),
          direction: fc.constantFrom("stake" as const, "unstake" as const),
          limitPrice: fc.bigInt({ min: 1_000n, max: 10n ** 12n }),
          taoReserve: reserve,
          alphaReserve: reserve,
          mechanism: fc.constantFrom(0, 1, 1, 1),
        }),
        (input) => {
          let ref: bigint | Error;
          try {
            ref = maxAmount(input);
          } catch (e) {
            ref = e as Error;
          }
          let w: bigint | Error;
          try {
            w = W.maxAmount(input);
          } catch (e) {
            w = e as Error;
          }
          expect(canon(w)).toBe(canon(ref));
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it("a limit order stops at the limit price", () => {
    const input: SwapInput = {
      spec: 425,
      direction: "stake",
      amount: 100_000_000_000n,
      taoReserve: 100_000_000_000n,
      alphaReserve: 400_000_000_000n,
      limitPrice: 300_000_000n,
    };
    const r = swapQuote(input);
    expect(r.amountPaidIn).toBeLessThan(input.amount);
    expect(Math.abs(toF(r.priceAfter) - 0.3)).toBeLessThan(1e-9);
    expect(maxAmount({ ...input, limitPrice: 300_000_000n })).toBe(r.amountTaken);
  });
});
