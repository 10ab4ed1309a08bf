// Exact compounding of the staking calculator: integer roots and growth factors against known values.
import { describe, expect, it } from "vitest";
import { earnings, GROWTH_SCALE, growthFactor, integerRoot } from "../../lib/format/compound";

describe("integerRoot", () => {
  it("floors the k-th root", () => {
    expect(integerRoot(0n, 3)).toBe(0n);
    expect(integerRoot(1n, 365)).toBe(1n);
    expect(integerRoot(26n, 3)).toBe(2n);
    expect(integerRoot(27n, 3)).toBe(3n);
    expect(integerRoot(10n ** 40n, 2)).toBe(10n ** 20n);
    expect(integerRoot(10n ** 40n - 1n, 2)).toBe(10n ** 20n - 1n);
    const big = 123_456_789n ** 365n;
    expect(integerRoot(big, 365)).toBe(123_456_789n);
    expect(integerRoot(big - 1n, 365)).toBe(123_456_788n);
  });
});

describe("growthFactor and earnings", () => {
  it("gives the APY itself over a year and compounds over parts of it", () => {
    expect(growthFactor("0.250000", 365)).toBe(1_250_000_000_000_000_000n);
    expect(earnings(1_000_000_000n, "0.250000", 365)).toBe(250_000_000n);
    // 1.25^(1/365) and 1.25^(30/365), floored at 18 places (from a 60-digit decimal calculator).
    expect(growthFactor("0.250000", 1)).toBe(1_000_611_539_109_222_917n);
    expect(growthFactor("0.250000", 30)).toBe(1_018_509_786_993_510_131n);
    // A day compounded 365 times comes back to the year's factor (within the floor's loss).
    const day = growthFactor("1.000000", 1);
    expect(day ** 365n / GROWTH_SCALE ** 364n <= 2n * GROWTH_SCALE).toBe(true);
    expect(day ** 365n / GROWTH_SCALE ** 364n > 2n * GROWTH_SCALE - 10n ** 6n).toBe(true);
    expect(earnings(0n, "3.000000", 30)).toBe(0n);
    expect(growthFactor("0.000000", 7)).toBe(GROWTH_SCALE);
  });

  it("rejects malformed APYs and day counts", () => {
    expect(() => growthFactor("0.25", 1)).toThrow(/6 decimals/);
    expect(() => growthFactor("-0.100000", 1)).toThrow(/6 decimals/);
    expect(() => growthFactor("0.100000", 0)).toThrow(/days/);
    expect(() => growthFactor("0.100000", 1.5)).toThrow(/days/);
  });
});
