import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  childkeySplit,
  type DistributeInput,
  distributeEmission,
  dividendDistribution,
} from "../../lib/engine/ref/coinbase-distribute";
import * as fx from "../../lib/engine/ref/fixed";

const { U96F32 } = fx;
const toU64 = (b: bigint) => fx.toU64Saturating(U96F32, b);
const U64_MAX = (1n << 64n) - 1n;

describe("dividend distribution (subtensor tests/coinbase.rs)", () => {
  const stakes = new Map([
    ["h0", { alphaStake: 4_859_302n, rootStake: 2_342_352n }],
    ["h1", { alphaStake: 23_423n, rootStake: 859_273n }],
  ]);
  const divs = new Map([
    ["h0", 77_783_738n << 32n],
    ["h1", 19_283_940n << 32n],
  ]);
  const sum = (xs: { amount: bigint }[]) => toU64(xs.reduce((a, x) => a + x.amount, 0n));

  it("test_calculate_dividend_distribution_totals: alpha and root totals match the pending amounts (±1000)", () => {
    const r = dividendDistribution(
      183_123_567_452n,
      837_120_949_872n,
      fx.fromF64(U96F32, 0.18),
      stakes,
      divs,
    );
    expect(Number(sum(r.alphaDividends) - 183_123_567_452n)).toBeLessThanOrEqual(1000);
    expect(Number(183_123_567_452n - sum(r.alphaDividends))).toBeLessThanOrEqual(1000);
    expect(Number(837_120_949_872n - sum(r.rootDividends))).toBeLessThanOrEqual(1000);
  });

  it("test_calculate_dividend_distribution_total_only_tao / total_no_tao_weight", () => {
    const onlyTao = dividendDistribution(0n, 837_120_949_872n, fx.fromF64(U96F32, 0.18), stakes, divs);
    expect(sum(onlyTao.alphaDividends)).toBe(0n);
    expect(Number(837_120_949_872n - sum(onlyTao.rootDividends))).toBeLessThanOrEqual(1000);
    const noTw = dividendDistribution(183_123_567_452n, 0n, 0n, stakes, divs);
    expect(Number(183_123_567_452n - sum(noTw.alphaDividends))).toBeLessThanOrEqual(1000);
    expect(sum(noTw.rootDividends)).toBe(0n);
  });

  it("takes default to 11796/65535 of each payout", () => {
    const r = dividendDistribution(
      1_000_000_000n,
      0n,
      0n,
      new Map([["h", { alphaStake: 1n, rootStake: 0n }]]),
      new Map([["h", 5n << 32n]]),
    );
    expect(r.alphaDividends[0]?.take).toBe(179_995_422n); // floor(1e9 · 11796/65535) in U96F32
    expect(r.alphaDividends[0]?.rest).toBe(1_000_000_000n - 179_995_423n);
  });
});

describe("distribute_emission", () => {
  const base = (over: Partial<DistributeInput> = {}): DistributeInput => ({
    pendingServer: 500_000_000n,
    pendingValidator: 300_000_000n,
    pendingRootAlpha: 200_000_000n,
    pendingOwnerCut: 180_000_000n,
    hotkeyEmission: [],
    hotkeys: {},
    taoWeight: 3_320_413_933_267_719_290n,
    ...over,
  });

  it("test_calculate_dividends_and_incentives: one hotkey, no parents: incentive + dividend exactly", () => {
    const r = distributeEmission(
      base({
        hotkeyEmission: [{ hotkey: "h1", incentive: 683_051_923n, dividend: 123_456_789n }],
        hotkeys: { h1: { coldkey: "c2", alphaStake: 1n, rootStake: 0n } },
      }),
    );
    const inc = r.incentives.reduce((a, x) => a + x.amount, 0n);
    const div = toU64(r.dividends.reduce((a, x) => a + x.amount, 0n));
    expect(inc + div).toBe(683_051_923n + 123_456_789n);
  });

  it("no incentive at all: validators receive server + validator alpha (test_distribute_emission_no_miners_all_drained)", () => {
    const r = distributeEmission(
      base({
        hotkeyEmission: [{ hotkey: "v", incentive: 0n, dividend: 1_000n }],
        hotkeys: { v: { coldkey: "c", alphaStake: 10n, rootStake: 0n } },
      }),
    );
    expect(r.alphaDividends[0]?.amount).toBe(800_000_000n << 32n);
  });

  it("incentive to the owner's hotkeys is withheld and sets MinerBurned (test_incentive_to_subnet_owner_is_burned)", () => {
    const r = distributeEmission(
      base({
        hotkeyEmission: [
          { hotkey: "owner", incentive: 300n, dividend: 0n },
          { hotkey: "miner", incentive: 100n, dividend: 0n },
        ],
        ownerHotkeys: ["owner"],
        ownerHotkey: "owner",
        ownerColdkey: "oc",
      }),
    );
    expect(r.withheld).toEqual([{ hotkey: "owner", amount: 300n }]);
    expect(r.incentives).toEqual([{ hotkey: "miner", amount: 100n }]);
    expect(r.minerBurned).toBe(fx.div(U96F32, 300n << 32n, 400n << 32n));
    expect(r.burnedAlpha).toBe(300n);
    expect(r.ownerCut).toEqual({ hotkey: "owner", coldkey: "oc", amount: 180_000_000n });
    const recycle = distributeEmission({
      ...base(),
      hotkeyEmission: [{ hotkey: "owner", incentive: 300n, dividend: 0n }],
      ownerHotkeys: ["owner"],
      recycleOrBurn: "recycle",
    });
    expect(recycle.recycledAlpha).toBe(300n);
  });

  it("childkey split: parents get their stake-weighted part minus child take and CK burn; nothing is created", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: U64_MAX }),
        // burn + take ≤ 1: beyond that the chain's saturating subtraction pays out more than the dividend
        fc.integer({ min: 0, max: 32767 }),
        fc.bigInt({ min: 0n, max: U64_MAX / 2n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.boolean(),
        (childAlpha, parentAlpha, parentRoot, p, childTake, ckBurn, dividend, sameColdkey) => {
          const input = base({
            ckBurn,
            hotkeys: {
              child: {
                coldkey: "cc",
                alphaStake: childAlpha,
                rootStake: 0n,
                childkeyTake: childTake,
                parents: [[p, "parent"]],
              },
              parent: {
                coldkey: sameColdkey ? "cc" : "pc",
                alphaStake: parentAlpha,
                rootStake: parentRoot,
                children: [[p, "child"]],
              },
            },
          });
          const { tuples, burned } = childkeySplit(input, "child", dividend);
          const paid = tuples.reduce((a, [, v]) => a + v, 0n) + burned;
          expect(paid <= dividend).toBe(true);
          expect(dividend - paid <= 3n).toBe(true);
          if (sameColdkey) expect(burned).toBe(0n);
        },
      ),
      { numRuns: 500 },
    );
  });
});
