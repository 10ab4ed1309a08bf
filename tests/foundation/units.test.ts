import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alpha, formatUnits, parseUint, parseUnits, rao, U64_MAX } from "../../lib/units";

describe("amount units", () => {
  it("formats by slicing digits", () => {
    expect(formatUnits(0n)).toBe("0");
    expect(formatUnits(1n)).toBe("0.000000001");
    expect(formatUnits(1_234_500_000n)).toBe("1.2345");
    expect(formatUnits(1_234_567_891n, 2)).toBe("1.23");
    expect(formatUnits(1_999_999_999n, 0)).toBe("1");
    expect(formatUnits(-1_500_000_000n)).toBe("-1.5");
    expect(formatUnits(U64_MAX)).toBe("18446744073.709551615");
  });

  it("parses decimal text exactly and round-trips every u64", () => {
    expect(parseUnits("1.5")).toBe(1_500_000_000n);
    expect(parseUnits("0.000000001")).toBe(1n);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: U64_MAX }), (n) => parseUnits(formatUnits(n)) === n),
      { numRuns: 10_000 },
    );
  });

  it("rejects malformed amounts", () => {
    for (const bad of ["", "1.", ".5", "1.0000000001", "-1", "1e9", "0x10", "01"])
      expect(() => parseUnits(bad)).toThrow(RangeError);
    for (const bad of ["-1", "1.0", "18446744073709551616", " 1", "abc"])
      expect(() => parseUint(bad)).toThrow(RangeError);
    expect(() => rao(-1n)).toThrow(RangeError);
    expect(() => alpha(U64_MAX + 1n)).toThrow(RangeError);
    expect(rao("42")).toBe(42n);
  });
});
