// Block emission, root proportion, moving price, stake value, lock cost and neuron burn: values pinned by
// subtensor's tests (cited by name), the dtao-math halving table, and WASM ≡ reference on random inputs.

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { blockEmission, rootProportion, taoWeightFraction } from "../../lib/engine/ref/emission";
import * as F from "../../lib/engine/ref/fixed";
import { referenceEngine as R } from "../../lib/engine/ref/index";
import { movingPrice } from "../../lib/engine/ref/movingPrice";
import { decayFactorQ32, lockCost, neuronBurn } from "../../lib/engine/ref/registration";
import {
  SAFE_FLOAT_MAX,
  type SafeFloat,
  sfAdd,
  sfDiv,
  sfFromU64F64,
  sfMulDiv,
  sfNew,
  sfToU64,
  sharePoolValue,
} from "../../lib/engine/ref/safefloat";
import { stakeValueU64F64 } from "../../lib/engine/ref/stake";
import type { WasmEngine } from "../../lib/engine/wasm";
import { canon, wasmEngine } from "./core-harness";

let W: WasmEngine;
beforeAll(async () => {
  W = await wasmEngine();
});

const U64_MAX = (1n << 64n) - 1n;
const u64 = fc.bigInt({ min: 0n, max: U64_MAX });

describe("block emission (dtao-math §1 halving table)", () => {
  it("thresholds are exact to the rao", () => {
    const table: [bigint, bigint][] = [
      [0n, 1_000_000_000n],
      [10_499_999_999_999_999n, 1_000_000_000n],
      [10_500_000_000_000_000n, 500_000_000n],
      [15_749_999_999_999_999n, 500_000_000n],
      [15_750_000_000_000_000n, 250_000_000n],
      [18_375_000_000_000_000n, 125_000_000n],
      [19_687_500_000_000_000n, 62_500_000n],
      [20_343_750_000_000_000n, 31_250_000n],
      [20_671_875_000_000_000n, 15_625_000n],
      [20_979_492_187_500_000n, 976_562n],
      [21_000_000_000_000_000n, 0n],
      [U64_MAX, 0n],
    ];
    for (const [ti, e] of table) {
      expect(blockEmission(ti), `issuance ${ti}`).toBe(e);
      expect(W.blockEmission(ti), `wasm issuance ${ti}`).toBe(e);
    }
  });

  it("WASM ≡ reference, 10,000 issuances", () => {
    fc.assert(
      fc.property(fc.oneof(u64, fc.bigInt({ min: 10n ** 16n, max: 21n * 10n ** 15n })), (ti) => {
        expect(W.blockEmission(ti)).toBe(blockEmission(ti));
      }),
      { numRuns: 10_000 },
    );
  });
});

describe("root proportion", () => {
  it("test_root_proportion: tw·root / (tw·root + alpha issuance) in U96F32", () => {
    const rootTao = 1_000_000_000_000n;
    const taoWeight = 3_320_413_933_267_719_290n;
    const alphaIn = 100_000_000_000n;
    const V = F.U96F32;
    const tw = taoWeightFraction(taoWeight);
    const a = F.fromInt(V, rootTao);
    const expected = F.div(V, F.mul(V, tw, a), F.add(V, F.mul(V, tw, a), F.fromInt(V, alphaIn)));
    expect(rootProportion(rootTao, taoWeight, alphaIn)).toBe(expected);
    expect(W.rootProportion({ rootTao, taoWeight, alphaIssuance: alphaIn })).toBe(expected);
    // TaoWeight 0.18 of u64::MAX
    expect(Number(tw) / 2 ** 32).toBeCloseTo(0.18, 9);
    expect(rootProportion(0n, taoWeight, 0n)).toBe(0n);
  });

  it("WASM ≡ reference, 10,000 cases", () => {
    fc.assert(
      fc.property(u64, u64, u64, (rootTao, taoWeight, alphaIssuance) => {
        expect(W.rootProportion({ rootTao, taoWeight, alphaIssuance })).toBe(
          rootProportion(rootTao, taoWeight, alphaIssuance),
        );
      }),
      { numRuns: 10_000 },
    );
  });
});

describe("moving price", () => {
  const I = F.I96F32;
  const toF = (b: bigint) => Number(b) / 2 ** 32;
  const one = F.fromInt(F.U64F64, 1n);
  const base = { spec: 425, halvingBlocks: 201_600n };

  it("test_update_moving_price_initial: α=0.5, 11 blocks after start → barely moves", () => {
    const r = movingPrice({
      ...base,
      movingPrice: 0n,
      price: one,
      movingAlpha: F.fromF64(I, 0.5),
      block: 510n,
      firstEmissionBlock: 500n,
    });
    expect(toF(r)).toBeLessThan(0.001);
  });

  it("test_update_moving_price_after_time: long after start → ≈ α", () => {
    const r = movingPrice({
      ...base,
      movingPrice: 0n,
      price: one,
      movingAlpha: F.fromF64(I, 0.5),
      block: 144_000_500n,
      firstEmissionBlock: 500n,
    });
    expect(Math.abs(toF(r) - 0.5)).toBeLessThan(0.001);
  });

  it("test_coinbase_moving_prices: steady at 1.0; α = 0.1 × 14 updates 28 days in ≈ 0.512325", () => {
    const first = 1n;
    const steady = movingPrice({
      ...base,
      movingPrice: F.fromInt(I, 1n),
      price: one,
      movingAlpha: F.fromF64(I, 0.000003),
      block: 7_200_000n,
      firstEmissionBlock: first,
    });
    expect(steady).toBe(F.fromInt(I, 1n));
    const full = movingPrice({
      ...base,
      movingPrice: 0n,
      price: one,
      movingAlpha: F.fromInt(I, 1n),
      block: 7_200_000n,
      firstEmissionBlock: first,
    });
    expect(1 - toF(full)).toBeLessThan(0.05);
    let p = 0n;
    for (let i = 0; i < 14; i++)
      p = movingPrice({
        ...base,
        movingPrice: p,
        price: one,
        movingAlpha: F.fromF64(I, 0.1),
        block: 7_200n * 28n,
        firstEmissionBlock: first,
      });
    expect(Math.abs(toF(p) - 0.512325)).toBeLessThan(0.001);
  });

  it("spot price is clipped at 1.0", () => {
    const r = movingPrice({
      ...base,
      movingPrice: 0n,
      price: F.fromInt(F.U64F64, 5n),
      movingAlpha: F.fromInt(I, 1n),
      block: 10n ** 12n,
      firstEmissionBlock: 1n,
    });
    expect(toF(r)).toBeLessThanOrEqual(1);
  });

  it("WASM ≡ reference across the three eras, 10,000 cases", () => {
    fc.assert(
      fc.property(
        fc.record({
          spec: fc.constantFrom(233, 251, 252, 393, 422, 423, 425),
          movingPrice: fc.bigInt({ min: 0n, max: F.fromInt(I, 4n) }),
          price: fc.oneof(
            fc.bigInt({ min: 0n, max: F.fromInt(F.U64F64, 3n) }),
            fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
          ),
          movingAlpha: fc.bigInt({ min: 0n, max: F.fromInt(I, 1n) }),
          block: fc.bigInt({ min: 0n, max: 10n ** 9n }),
          firstEmissionBlock: fc.bigInt({ min: 0n, max: 10n ** 9n }),
          halvingBlocks: fc.bigInt({ min: 0n, max: 10n ** 7n }),
        }),
        (input) => {
          expect(W.movingPrice(input)).toBe(movingPrice(input));
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

describe("stake value (share pools)", () => {
  const sf = (m: bigint, e = 0n): SafeFloat => sfNew(m, e)!;

  it("share-pool test_get_value: shares 3 and 7 of 10 over 100 → 30 and 70", () => {
    expect(sharePoolValue(100n, sfFromU64(3n), sfFromU64(10n))).toBe(30n);
    expect(sharePoolValue(100n, sfFromU64(7n), sfFromU64(10n))).toBe(70n);
    expect(W.stakeValue({ pool: "safeFloat", sharedValue: 100n, share: sf(3n), denominator: sf(10n) })).toBe(
      30n,
    );
    expect(W.stakeValue({ pool: "safeFloat", sharedValue: 100n, share: sf(7n), denominator: sf(10n) })).toBe(
      70n,
    );
  });

  it("test_division_by_zero, test_max_shared_value, test_max_share_value", () => {
    expect(sharePoolValue(100n, sf(3n), { mantissa: 0n, exponent: 0n })).toBe(0n);
    const sum = sharePoolValue(U64_MAX, sf(3n), sf(10n)) + sharePoolValue(U64_MAX, sf(7n), sf(10n));
    expect(U64_MAX - sum).toBeLessThanOrEqual(5n);
    const v1 = sharePoolValue(1_000_000_000n, sf(U64_MAX / 2n), sf(U64_MAX));
    expect(v1 >= 499_999_999n && v1 <= 500_000_001n).toBe(true);
  });

  it("test_safefloat_normalize and test_safefloat_add (selected rows)", () => {
    expect(sf(1n)).toEqual({ mantissa: SAFE_FLOAT_MAX, exponent: -21n });
    expect(sf(10n)).toEqual({ mantissa: SAFE_FLOAT_MAX, exponent: -20n });
    expect(sf(100_000_000_000_000_000_000n)).toEqual({ mantissa: SAFE_FLOAT_MAX, exponent: -1n });
    const rows: [bigint, bigint, bigint, bigint, bigint, bigint][] = [
      [1n, 0n, 1n, 0n, 200_000_000_000_000_000_000n, -20n],
      [1n, -1000n, 1n, -1n, SAFE_FLOAT_MAX, -22n],
      [SAFE_FLOAT_MAX, 0n, SAFE_FLOAT_MAX, 0n, (SAFE_FLOAT_MAX * 2n) / 10n, 1n],
      [123n, 1n, 1n, 23n, 100_000_000_000_000_000_001n, 3n],
      [999_999_999_999_999_999_999n, 0n, 1n, 22n, 109_999_999_999_999_999_999n, 2n],
      [4_200n, 0n, 1n, 23n, 100_000_000_000_000_000_004n, 3n],
      [1n, 24n, 123_456_789_012_345_678_901n, 0n, 100_012_345_678_901_234_567n, 4n],
      [999_999_999_999_999_999_999n, 22n, 1n, 22n, SAFE_FLOAT_MAX, 22n],
    ];
    for (const [ma, ea, mb, eb, m, e] of rows) {
      expect(sfAdd(sf(ma, ea), sf(mb, eb))).toEqual({ mantissa: m, exponent: e });
      expect(sfAdd(sf(mb, eb), sf(ma, ea))).toEqual({ mantissa: m, exponent: e });
    }
    expect(sfDiv(sf(1n), { mantissa: 0n, exponent: 0n })).toBeNull();
  });

  it("test_safefloat_div / test_safefloat_mul_div: relative error < 1e-14", () => {
    const val = (a: SafeFloat) => Number(a.mantissa) * 10 ** Number(a.exponent);
    const d = sfDiv(sf(123_456_789_123_456_789_123n, 20n), sf(87_654_321_987_654_321_987n, -20n))!;
    expect(
      Math.abs(
        val(d) /
          ((Number(123_456_789_123_456_789_123n) * 1e20) / (Number(87_654_321_987_654_321_987n) * 1e-20)) -
          1,
      ),
    ).toBeLessThan(1e-14);
    const md = sfMulDiv(sf(123n, 20n), sf(123n, -20n), sf(321n))!;
    expect(Math.abs(val(md) / ((123 * 123) / 321) - 1)).toBeLessThan(1e-14);
  });

  it("test_loss_due_to_precision setup: 1e-15 of 1e-14 over 1e12 is 1e11", () => {
    expect(Number(sharePoolValue(1_000_000_000_000n, sf(1n, -15n), sf(1n, -14n)))).toBeCloseTo(1e11, -1);
  });

  it("legacy U64F64 pool: value/denominator first, overflow fallback", () => {
    const U = F.U64F64;
    expect(stakeValueU64F64(100n, F.fromInt(U, 3n), F.fromInt(U, 10n))).toBe(30n);
    // 10/3 is truncated to 64 fraction bits before × 3, so the legacy pool floors to 9 (SafeFloat gives 10)
    expect(stakeValueU64F64(10n, F.fromInt(U, 3n), F.fromInt(U, 3n))).toBe(9n);
    expect(sharePoolValue(10n, sfFromU64(3n), sfFromU64(3n))).toBe(10n);
    expect(stakeValueU64F64(100n, F.fromInt(U, 3n), 0n)).toBe(0n);
    expect(sfToU64(sfFromU64F64(F.fromInt(U, 5n)))).toBe(5n);
  });

  it("WASM ≡ reference, 10,000 cases per pool kind", () => {
    const U = F.U64F64;
    fc.assert(
      fc.property(
        u64,
        fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
        fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }),
        (v, s, d) => {
          const input = { pool: "u64f64" as const, sharedValue: v, share: s, denominator: d };
          expect(W.stakeValue(input)).toBe(R.stakeValue(input));
          expect(F.toDecimal(U, s).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 10_000 },
    );
    const sfArb = fc
      .tuple(fc.bigInt({ min: 0n, max: SAFE_FLOAT_MAX }), fc.bigInt({ min: -60n, max: 40n }))
      .map(([m, e]) => sfNew(m, e)!);
    fc.assert(
      fc.property(u64, sfArb, sfArb, (v, share, denominator) => {
        const input = { pool: "safeFloat" as const, sharedValue: v, share, denominator };
        expect(W.stakeValue(input)).toBe(R.stakeValue(input));
      }),
      { numRuns: 10_000 },
    );
  });
});

function sfFromU64(n: bigint): SafeFloat {
  return sfNew(n, 0n)!;
}

describe("subnet lock cost", () => {
  it("test_migrate_network_lock_cost_2500_sets_price_and_decay: 2,500 TAO at once, one per-block step later", () => {
    const lastLock = 1_250_000_000_000n;
    const input = {
      spec: 425,
      lastLock,
      minLock: 100_000_000_000n,
      lastLockBlock: 1n,
      currentBlock: 1n,
      lockReductionInterval: 14n * 7_200n,
      totalIssuance: 0n,
    };
    expect(lockCost(input)).toBe(2_500_000_000_000n);
    const after = lockCost({ ...input, currentBlock: 2n });
    expect(after).toBe(2_500_000_000_000n - lastLock / (14n * 7_200n));
    expect(W.lockCost(input)).toBe(2_500_000_000_000n);
  });

  it("never below the minimum; never registered → multiplier 1; interval halves with emission", () => {
    const base = {
      spec: 425,
      lastLock: 1_000n,
      minLock: 500n,
      lastLockBlock: 0n,
      currentBlock: 10n ** 9n,
      lockReductionInterval: 100n,
      totalIssuance: 0n,
    };
    expect(lockCost(base)).toBe(500n);
    expect(lockCost({ ...base, minLock: 0n, currentBlock: 0n })).toBe(1_000n);
    const halved = {
      ...base,
      lastLockBlock: 1n,
      currentBlock: 2n,
      minLock: 0n,
      totalIssuance: 10_500_000_000_000_000n,
    };
    expect(lockCost(halved)).toBe(2_000n - 1_000n / 50n);
  });

  it("WASM ≡ reference, 10,000 cases", () => {
    fc.assert(
      fc.property(
        u64,
        u64,
        u64,
        u64,
        fc.bigInt({ min: 0n, max: 10n ** 7n }),
        fc.oneof(u64, fc.bigInt({ min: 0n, max: 21n * 10n ** 15n })),
        (lastLock, minLock, lb, cb, iv, ti) => {
          const input = {
            spec: 425,
            lastLock,
            minLock,
            lastLockBlock: lb,
            currentBlock: cb,
            lockReductionInterval: iv,
            totalIssuance: ti,
          };
          expect(W.lockCost(input)).toBe(R.lockCost(input));
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

describe("neuron burn (spec ≥ 397)", () => {
  const base = {
    spec: 425,
    minBurn: 0n,
    maxBurn: U64_MAX,
    halfLife: 1000,
    blocks: 0,
    registrations: 0,
    increaseMult: F.fromInt(F.U64F64, 2n),
  };

  it("test_burn_decay: ×2 on registration, then 2000 → 1998 after one block (half-life 1000)", () => {
    expect(neuronBurn({ ...base, burn: 1_000n, registrations: 1 })).toBe(2_000n);
    expect(neuronBurn({ ...base, burn: 2_000n, blocks: 1 })).toBe(1_998n);
    expect(W.neuronBurn({ ...base, burn: 2_000n, blocks: 1 })).toBe(1_998n);
  });

  it("test_burn_halves_every_half_life: 1024 → 511 → 255 (half-life 2)", () => {
    const b = { ...base, halfLife: 2, increaseMult: F.fromInt(F.U64F64, 1n) };
    expect(neuronBurn({ ...b, burn: 1_024n, blocks: 2 })).toBe(511n);
    expect(neuronBurn({ ...b, burn: 1_024n, blocks: 4 })).toBe(255n);
    expect(W.neuronBurn({ ...b, burn: 1_024n, blocks: 4 })).toBe(255n);
  });

  it("test_burn_min_and_max_clamps_prevent_zero_stuck_and_cap_bump", () => {
    const b = { ...base, halfLife: 1, minBurn: 100_000n, maxBurn: 150_000n };
    expect(neuronBurn({ ...b, burn: 1n, blocks: 1 })).toBe(100_000n);
    expect(neuronBurn({ ...b, burn: 100_000n, registrations: 1 })).toBe(150_000n);
    expect(neuronBurn({ ...b, burn: 150_000n, blocks: 1 })).toBe(100_000n);
    expect(neuronBurn({ ...b, burn: 100_000n, blocks: 1 })).toBe(100_000n);
  });

  it("the decay factor satisfies f^halfLife ≤ 0.5 < (f+1)^halfLife", () => {
    expect(decayFactorQ32(1)).toBe(1n << 31n);
    expect(decayFactorQ32(0)).toBe(1n << 32n);
  });

  it("older specs are refused with a clear error", () => {
    expect(() => R.neuronBurn({ ...base, spec: 393, burn: 1n })).toThrow(/spec 397/);
    expect(() => W.neuronBurn({ ...base, spec: 393, burn: 1n })).toThrow(/spec 397/);
  });

  it("WASM ≡ reference, 10,000 cases", () => {
    fc.assert(
      fc.property(
        fc.record({
          spec: fc.constant(425),
          burn: u64,
          minBurn: fc.bigInt({ min: 0n, max: 10n ** 9n }),
          maxBurn: fc.oneof(u64, fc.bigInt({ min: 10n ** 9n, max: 10n ** 11n })),
          halfLife: fc.integer({ min: 0, max: 36_100 }),
          blocks: fc.integer({ min: 0, max: 50 }),
          registrations: fc.integer({ min: 0, max: 5 }),
          increaseMult: fc.bigInt({ min: 0n, max: F.fromInt(F.U64F64, 3n) }),
        }),
        (input) => {
          expect(W.neuronBurn(input)).toBe(neuronBurn(input));
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

describe("unknown specs", () => {
  it("are refused by every spec-dependent op in both engines", () => {
    for (const spec of [100, 232, 426, 10_000]) {
      const swap = {
        spec,
        direction: "stake" as const,
        amount: 1n,
        taoReserve: 10n ** 9n,
        alphaReserve: 10n ** 9n,
      };
      expect(() => R.swap(swap)).toThrow(/spec/);
      expect(() => W.swap(swap)).toThrow(/spec/);
      const mp = {
        spec,
        movingPrice: 0n,
        price: 0n,
        movingAlpha: 0n,
        block: 0n,
        firstEmissionBlock: 0n,
        halvingBlocks: 0n,
      };
      expect(canon(() => R.movingPrice(mp))).toBe(canon(() => W.movingPrice(mp)));
      expect(() => W.movingPrice(mp)).toThrow(/spec/);
    }
  });
});
