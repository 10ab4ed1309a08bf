// Display formatting is exact: amounts are sliced from digit strings, never rounded up through floats.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  amountFromWire,
  formatAmount,
  formatAmountCompact,
  formatAmountFixed,
} from "../../lib/format/amount";
import { formatDuration, formatInteger, formatPercent, shortHash } from "../../lib/format/numbers";
import { formatRelative, formatTimestamp } from "../../lib/format/time";
import { U64_MAX } from "../../lib/units";

describe("amounts", () => {
  it("formats full precision with separators", () => {
    expect(formatAmount(0n)).toBe("0");
    expect(formatAmount(1n)).toBe("0.000000001");
    expect(formatAmount(1_234_500_000_000n)).toBe("1,234.5");
    expect(formatAmount(U64_MAX)).toBe("18,446,744,073.709551615");
  });

  it("truncates rather than rounds", () => {
    expect(formatAmountFixed(1_999_999_999n, 2)).toBe("1.99");
    expect(formatAmountCompact(1_999_999_999n)).toBe("1.9999");
    expect(formatAmountCompact(1_239_000_000_000_000n)).toBe("1.23M");
    expect(formatAmountCompact(999_999_999_999_999n)).toBe("999.99K");
    expect(formatAmountCompact(123_456n)).toBe("0.0001234");
    expect(formatAmountCompact(U64_MAX)).toBe("18.44B");
  });

  it("round-trips every u64 through the full format", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: U64_MAX }), (v) => {
        const text = formatAmount(v).replaceAll(",", "");
        const [whole, frac = ""] = text.split(".");
        expect(BigInt(whole!) * 1_000_000_000n + BigInt(frac.padEnd(9, "0"))).toBe(v);
      }),
    );
  });

  it("never shows more than the value in compact form", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1_000_000_000n, max: U64_MAX }), (v) => {
        const m = /^([\d,]+(?:\.\d+)?)([KMBT]?)$/.exec(formatAmountCompact(v));
        expect(m).not.toBeNull();
        const scale = { "": 0, K: 3, M: 6, B: 9, T: 12 }[m![2] as "" | "K"]!;
        const [w, f = ""] = m![1]!.replaceAll(",", "").split(".");
        const shown = (BigInt(w!) * 10n ** BigInt(f.length) + BigInt(f || "0")) * 10n ** BigInt(scale + 9);
        expect(shown <= v * 10n ** BigInt(f.length)).toBe(true);
      }),
    );
  });

  it("reads wire amounts strictly", () => {
    expect(amountFromWire("123")).toBe(123n);
    expect(amountFromWire("1.5")).toBeNull();
    expect(amountFromWire(null)).toBeNull();
  });
});

describe("numbers, hashes and times", () => {
  it("groups integers of any size", () => {
    expect(formatInteger(987654)).toBe("987,654");
    expect(formatInteger(12345678901234567890n)).toBe("12,345,678,901,234,567,890");
    expect(formatInteger("-1000")).toBe("-1,000");
  });

  it("computes percentages exactly with half-up rounding", () => {
    expect(formatPercent(1n, 3n)).toBe("33.33%");
    expect(formatPercent(2n, 3n)).toBe("66.67%");
    expect(formatPercent(5n, 0n)).toBe("—");
    expect(formatPercent(123456n, 100n, 0)).toBe("123,456%");
  });

  it("formats durations, hashes and timestamps", () => {
    expect(formatDuration(3725)).toBe("1h 2m");
    expect(formatDuration(0)).toBe("0s");
    expect(shortHash(`0x${"ab".repeat(32)}`)).toBe("0xababab…abab");
    expect(formatTimestamp("2026-01-02T03:04:05.000Z", "utc")).toBe("2026-01-02 03:04:05 UTC");
    expect(formatRelative("2026-01-02T03:04:05.000Z", Date.parse("2026-01-02T03:05:10Z"))).toBe("1m ago");
  });
});
