// substrate-fixed emulation: values pinned by substrate-fixed / subtensor tests, and the WASM build agreeing with
// the BigInt reference bit for bit on random operands of every type.

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { powRatioScaled } from "../../lib/engine/ref/bigmath";
import * as F from "../../lib/engine/ref/fixed";
import { WASM_SPEC_ID, type WasmEngine } from "../../lib/engine/wasm";
import { wasmEngine } from "./core-harness";

let W: WasmEngine;
beforeAll(async () => {
  W = await wasmEngine();
});

const SPECS = [F.I32F32, F.I64F64, F.U64F64, F.I96F32, F.U96F32, F.U110F18];
const SIGNED = SPECS.filter((s) => s.signed);

/** Operands spread over magnitudes: full range, around 1.0, and tiny. */
function operand(s: F.FixedSpec) {
  return fc.oneof(
    fc.bigInt({ min: s.min, max: s.max }),
    fc.bigInt({ min: s.signed ? -(s.one << 8n) : 0n, max: s.one << 8n }),
    fc.bigInt({ min: s.signed ? -1000n : 0n, max: 1000n }),
    fc.bigInt({ min: 0n, max: F.U64F64.one << 40n }).map((v) => F.min(v, s.max)),
  );
}

const specArb = fc.constantFrom(...SPECS);
const pairArb = specArb.chain((s) =>
  fc.tuple(fc.constant(s), operand(s), operand(s), fc.constantFrom(0, 1, 2)),
);

type Binary = "add" | "sub" | "mul" | "div";
const OPCODE: Record<Binary, number> = { add: 0, sub: 1, mul: 2, div: 3 };

function refBinary(op: Binary, mode: number, s: F.FixedSpec, a: bigint, b: bigint): bigint | null {
  if (mode === 2) {
    const f = { add: F.checkedAdd, sub: F.checkedSub, mul: F.checkedMul, div: F.checkedDiv }[op];
    return f(s, a, b);
  }
  if (mode === 1) {
    if (op === "div" && b === 0n) return null;
    return { add: F.saturatingAdd, sub: F.saturatingSub, mul: F.saturatingMul, div: F.saturatingDiv }[op](
      s,
      a,
      b,
    );
  }
  if (op === "div" && b === 0n) return null;
  return { add: F.add, sub: F.sub, mul: F.mul, div: F.div }[op](s, a, b);
}

describe("substrate-fixed values pinned by the chain's tests", () => {
  it("from_num(0.000003) as I96F32 is 12885/2^32 (dtao-math §0.2, DefaultMovingAlpha)", () => {
    expect(F.fromDecimal(F.I96F32, "0.000003")).toBe(12885n);
    expect(F.toDecimal(F.I96F32, 12885n)).toBe("0.00000300002284348011016845703125");
  });

  it("safe-math test_checked_pow_fixed: 2.5^3 = 15.625 in U64F64", () => {
    expect(F.toDecimal(F.U64F64, F.checkedPow(F.U64F64, F.fromDecimal(F.U64F64, "2.5"), 3)!)).toBe("15.625");
    expect(F.checkedPow(F.I32F32, 0n, -1)).toBeNull();
    const inv = F.checkedPow(F.I32F32, F.fromDecimal(F.I32F32, "1.5"), -2)!;
    expect(Math.abs(Number(inv) / 2 ** 32 - 0.44444444)).toBeLessThan(0.00001);
  });

  it("safe-math test_checked_sqrt_*: U110F18 bisection within epsilon", () => {
    const eps = F.fromF64(F.U110F18, 0.0001);
    const cases: [number, number][] = [
      [4.0, 2.0],
      [2.0, Math.SQRT2],
      [1_000_000_000_000_000_000.0, 1e9],
    ];
    for (const [v, root] of cases) {
      const r = F.checkedSqrt(F.U110F18, F.fromF64(F.U110F18, v), eps)!;
      const diff = r - F.fromF64(F.U110F18, root);
      expect(diff < 0n ? -diff : diff).toBeLessThanOrEqual(eps);
    }
    expect(F.checkedSqrt(F.U110F18, 0n, eps)! <= eps).toBe(true);
  });

  it("transcendental log2/ln/exp/sqrt are close to the real functions", () => {
    const I = F.I64F64;
    const toNum = (b: bigint) => Number(b) / 2 ** 64;
    expect(toNum(F.ln(I, F.fromInt(I, 10n))!)).toBeCloseTo(Math.LN10, 6);
    expect(toNum(F.log2(I, F.fromInt(I, 8n))!)).toBe(3);
    expect(toNum(F.log2(I, F.fromDecimal(I, "0.25"))!)).toBe(-2);
    expect(toNum(F.exp(I, F.fromDecimal(I, "-2.5"))!)).toBeCloseTo(Math.exp(-2.5), 6);
    expect(toNum(F.sqrt(I, F.fromInt(I, 2n))!)).toBeCloseTo(Math.SQRT2, 12);
    expect(F.log2(I, 0n)).toBeNull();
    expect(F.log2(I, -5n)).toBeNull();
  });

  it("multiplication floors toward −∞ and division truncates toward zero", () => {
    const I = F.I32F32;
    // (-1 ulp) × 0.5 = -0.5 ulp → floor → -1 ulp
    expect(F.mul(I, -1n, F.fromDecimal(I, "0.5"))).toBe(-1n);
    // (-1 ulp) / 2 = -0.5 ulp → trunc → 0
    expect(F.div(I, -1n, F.fromInt(I, 2n))).toBe(0n);
    expect(F.saturatingMul(F.U64F64, F.U64F64.max, F.fromInt(F.U64F64, 2n))).toBe(F.U64F64.max);
    expect(F.saturatingSub(F.U64F64, 0n, 1n)).toBe(0n);
    expect(F.checkedDiv(F.U64F64, 1n, 0n)).toBeNull();
  });

  it("decimal text round-trips exactly and literals follow f64 rounding", () => {
    for (const s of SPECS) {
      for (const bits of [s.max, s.min, 1n, s.one + 1n])
        expect(F.fromDecimal(s, F.toDecimal(s, bits))).toBe(bits);
    }
    // 0.1 is not a dyadic: the f64 literal 0.1 rounded to 64 fraction bits
    expect(F.fromDecimal(F.U64F64, "0.1")).toBe(F.fromF64(F.U64F64, 0.1));
    expect(() => F.fromDecimal(F.U64F64, "18446744073709551616")).toThrow(/out of range/);
    expect(() => F.fromDecimal(F.U64F64, "abc")).toThrow(/not a decimal/);
  });

  it("safe-bigmath test_perquintill_power and pow_ratio_scaled_handles_large_weight_denominators", () => {
    const P = 1_000_000_000_000_000_000n;
    expect(
      powRatioScaled(
        21_000_000_000_000_000n,
        28_000_000_000_000_000n,
        600n * 10n ** 15n,
        400n * 10n ** 15n,
        256,
        P,
      ),
    ).toBe(649_519_052_838_328_985n);
    for (const [w1, w2] of [
      [500_000_000_000_000_000n, 500_000_000_000_000_000n],
      [499_999_999_999_500_000n, 500_000_000_000_500_000n],
      [500_000_000_000_250_000n, 499_999_999_999_750_000n],
    ] as const) {
      expect(powRatioScaled(21_000_000_000_000_000n, 21_000_000_000_000_100n, w1, w2, 256, P)).toBe(
        999_999_999_999_995_238n,
      );
      expect(W.powRatio(21_000_000_000_000_000n, 21_000_000_000_000_100n, w1, w2, 256, P)).toBe(
        999_999_999_999_995_238n,
      );
    }
    expect(powRatioScaled(2n, 3n, 1n, 2n, 0, 1000n)).toBe(816n);
    expect(W.powRatio(2n, 3n, 1n, 2n, 0, 1000n)).toBe(816n);
  });

  it("pow_ratio_scaled: WASM ≡ reference on extreme ratios (series past the fixed-capacity fast path)", () => {
    const P = 1_000_000_000_000_000_000n;
    const cases: [bigint, bigint, bigint, bigint, number][] = [
      [1n, 10n ** 18n, 989_999_999_999_999_999n, 10_000_000_000_000_001n, 256],
      [10n ** 6n, 10n ** 15n, 990_000_000_000_000_001n, 9_999_999_999_999_999n, 256],
      [10n ** 15n, 10n ** 6n, 10_000_000_000_000_001n, 989_999_999_999_999_999n, 256],
      [(1n << 127n) + 12345n, 1n << 64n, 437_219_012_345_678_901n, P, 1024],
      [1n << 64n, (1n << 127n) + 12345n, 562_780_987_654_321_099n, P, 1024],
    ];
    for (const [n, d, a, b, prec] of cases) {
      const ref = powRatioScaled(n, d, a, b, prec, P);
      const fits = ref !== null && ref < 1n << 128n;
      expect(W.powRatio(n, d, a, b, prec, P)).toBe(fits ? ref : null);
    }
  });
});

describe("WASM ≡ reference, bit for bit", () => {
  for (const op of ["add", "sub", "mul", "div"] as const) {
    it(`${op} (all types, wrapping/saturating/checked), 10,000 cases`, () => {
      fc.assert(
        fc.property(pairArb, ([s, a, b, mode]) => {
          const ref = refBinary(op, mode, s, a, b);
          const w = W.fixedOp(OPCODE[op], WASM_SPEC_ID[s.name]!, mode, a, b, s.signed);
          if (ref === null) expect(w.flag).toBe(true);
          else {
            expect(w.bits).toBe(ref);
            if (mode === 2) expect(w.flag).toBe(false);
          }
        }),
        { numRuns: 10_000 },
      );
    });
  }

  it("convert between every pair of types (saturating_from_num), 10,000 cases", () => {
    fc.assert(
      fc.property(
        specArb.chain((s) => fc.tuple(fc.constant(s), specArb, operand(s))),
        ([from, to, a]) => {
          const w = W.fixedOp(4, WASM_SPEC_ID[from.name]!, WASM_SPEC_ID[to.name]!, a, 0n, to.signed);
          expect(w.bits).toBe(F.convert(from, to, a));
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it("from u64 / to u64 saturating, 10,000 cases", () => {
    fc.assert(
      fc.property(specArb, fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (s, n) => {
        expect(W.fixedOp(10, WASM_SPEC_ID[s.name]!, 0, n, 0n, s.signed).bits).toBe(F.saturatingFromInt(s, n));
        const bits = F.saturatingFromInt(s, n) - (n & 1n);
        expect(W.fixedOp(11, WASM_SPEC_ID[s.name]!, 0, bits, 0n).bits).toBe(F.toU64Saturating(s, bits));
      }),
      { numRuns: 10_000 },
    );
  });

  const unary: [string, number, (s: F.FixedSpec, v: bigint) => bigint | null, F.FixedSpec[]][] = [
    ["log2", 5, F.log2, SIGNED],
    ["ln", 6, F.ln, SIGNED],
    ["exp", 7, F.exp, SIGNED],
    ["sqrt", 8, F.sqrt, SPECS],
  ];
  for (const [name, code, fn, specs] of unary) {
    it(`${name} (transcendental), 10,000 cases`, () => {
      fc.assert(
        fc.property(
          fc
            .constantFrom(...specs)
            .chain((s) =>
              fc.tuple(
                fc.constant(s),
                name === "exp"
                  ? fc.bigInt({ min: -(s.one * 30n), max: s.one * 30n })
                  : fc.oneof(operand(s), fc.bigInt({ min: 1n, max: s.one * 4n })),
              ),
            ),
          ([s, v]) => {
            const ref = fn(s, v);
            const w = W.fixedOp(code, WASM_SPEC_ID[s.name]!, 0, v, 0n, s.signed);
            if (ref === null) expect(w.flag).toBe(true);
            else expect(w.bits).toBe(ref);
          },
        ),
        { numRuns: 10_000 },
      );
    });
  }

  it("checked_sqrt (safe-math bisection) on U64F64/U110F18, 10,000 cases", () => {
    const epsU = F.fromF64(F.U64F64, 0.000000000001);
    const epsC = F.fromF64(F.U110F18, 0.0001);
    fc.assert(
      fc.property(
        fc.constantFrom(F.U64F64, F.U110F18),
        fc.bigInt({ min: 0n, max: (1n << 100n) - 1n }),
        (s, v) => {
          const eps = s === F.U64F64 ? epsU : epsC;
          expect(W.fixedOp(9, WASM_SPEC_ID[s.name]!, 0, v, eps).bits).toBe(F.checkedSqrt(s, v, eps));
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
