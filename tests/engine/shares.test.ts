import { describe, expect, it } from "vitest";
import * as fx from "../../lib/engine/ref/fixed";
import {
  DEFAULT_FLOW_EMA_SMOOTHING_FACTOR,
  flowEmaStep,
  powNormalize,
  type ShareSubnet,
  shareSchemeForSpec,
  subnetShares,
} from "../../lib/engine/ref/shares";

const { U64F64, U96F32, I96F32, I64F64 } = fx;
const u64f64 = (x: number) => fx.fromF64(U64F64, x);
const toF = (s: fx.FixedSpec, bits: bigint) => Number(fx.toDecimal(s, bits));

describe("inplace_pow_normalize (subtensor tests/subnet_emissions.rs)", () => {
  it("inplace_pow_normalize_all_zero_inputs_no_panic_and_unchanged", () => {
    expect(powNormalize([0n, 0n, 0n], u64f64(1))).toEqual([0n, 0n, 0n]);
  });

  it("inplace_pow_normalize_tiny_values_no_panic", () => {
    const before = [1e-9, 2e-9, 3e-9];
    const out = powNormalize(before.map(u64f64), u64f64(2));
    before.forEach((v, i) => {
      const expected = (v * 1e18 * v) / 14;
      expect(Math.abs(toF(U64F64, out[i] as bigint) - expected)).toBeLessThanOrEqual(expected / 100);
    });
  });

  it("inplace_pow_normalize_large_values_no_overflow_and_sum_to_one", () => {
    const out = powNormalize([1e9, 5e9, 1e10].map(u64f64), u64f64(2));
    const f = out.map((v) => toF(U64F64, v));
    expect(Math.abs(f.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-9);
    for (const v of f) expect(v >= 0 && v <= 1).toBe(true);
  });

  it("inplace_pow_normalize_regular_case_relative_proportions_preserved", () => {
    const f = powNormalize([2, 3, 5].map(u64f64), u64f64(1)).map((v) => toF(U64F64, v));
    expect(Math.abs((f[0] as number) - 0.2)).toBeLessThanOrEqual(0.001);
    expect(Math.abs((f[1] as number) - 0.3)).toBeLessThanOrEqual(0.001);
    expect(Math.abs((f[2] as number) - 0.5)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(f.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
  });

  it("inplace_pow_normalize_fractional_exponent", () => {
    for (const p of [1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0]) {
      const f = powNormalize([2, 3, 5].map(u64f64), u64f64(p)).map((v) => toF(U64F64, v));
      const sum = 2 ** p + 3 ** p + 5 ** p;
      [2, 3, 5].forEach((x, i) => {
        const e = x ** p / sum;
        expect(Math.abs((f[i] as number) - e)).toBeLessThanOrEqual(e / 100);
      });
      expect(Math.abs(f.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
    }
  });
});

describe("price shares (spec ≥ 421)", () => {
  const net = (netuid: number, price: number, over: Partial<ShareSubnet> = {}): ShareSubnet => ({
    netuid,
    movingPrice: fx.fromF64(I96F32, price),
    ...over,
  });

  it("get_shares_ignores_root_prop_storage_when_prices_and_burns_match (spec 425)", () => {
    const r = subnetShares(
      [
        net(1, 1, { rootProportion: U96F32.one, minerBurned: 0n }),
        net(2, 1, { rootProportion: fx.fromF64(U96F32, 0.1), minerBurned: 0n }),
      ],
      { spec: 425, block: 1n, blockEmission: 1_000_000_000n },
    );
    expect(r.scheme).toBe("price-burn");
    expect(r.subnets.map((s) => toF(U64F64, s.share))).toEqual([0.5, 0.5]);
  });

  it("spec 421–424 weights by root proportion (the formula that test replaced)", () => {
    const r = subnetShares(
      [net(1, 1, { rootProportion: U96F32.one }), net(2, 1, { rootProportion: fx.fromF64(U96F32, 0.1) })],
      { spec: 423, block: 1n, blockEmission: 1_000_000_000n },
    );
    const f = r.subnets.map((s) => toF(U64F64, s.share));
    expect(Math.abs((f[0] as number) - 1 / 1.1)).toBeLessThan(1e-9);
    expect(Math.abs((f[1] as number) - 0.1 / 1.1)).toBeLessThan(1e-9);
  });

  it("test_coinbase_disabled_subnet_emission_redistributes_tao_to_enabled_subnets (get_subnet_block_emissions)", () => {
    const emission = 3_333_333n;
    const subnets = [1, 2, 3].map((n) => net(n, 0, { mechanism: 0, emissionEnabled: n !== 2 }));
    const r = subnetShares(subnets, { spec: 425, block: 1n, blockEmission: emission });
    const e = r.subnets.map((s) => toF(U96F32, s.taoEmission));
    expect(Math.abs((e[0] as number) - Number(emission / 2n))).toBeLessThanOrEqual(2);
    expect(e[1]).toBe(0);
    expect(Math.abs((e[2] as number) - Number(emission / 2n))).toBeLessThanOrEqual(2);
  });

  it("MinerBurned moves emission away and the fallback keeps plain price shares when all weights are 0", () => {
    const half = fx.fromF64(U96F32, 0.5);
    const r = subnetShares([net(1, 1, { minerBurned: half }), net(2, 1)], {
      spec: 425,
      block: 1n,
      blockEmission: 1n,
    });
    const f = r.subnets.map((s) => toF(U64F64, s.share));
    expect(Math.abs((f[0] as number) - 1 / 3)).toBeLessThan(1e-12);
    const all = subnetShares(
      [net(1, 1, { minerBurned: U96F32.one }), net(2, 3, { minerBurned: U96F32.one })],
      {
        spec: 425,
        block: 1n,
        blockEmission: 1n,
      },
    );
    expect(all.subnets.map((s) => toF(U64F64, s.share))).toEqual([0.25, 0.75]);
  });

  it("TAO emission is floor(E · share) to 32 fraction bits and never exceeds E", () => {
    const subnets = [1, 2, 3, 4, 5, 6, 7].map((n) => net(n, n * 0.013));
    const E = 1_000_000_000n;
    const r = subnetShares(subnets, { spec: 425, block: 1n, blockEmission: E });
    const total = r.subnets.reduce((a, s) => a + s.taoEmission, 0n);
    expect(total).toBeLessThanOrEqual(E << 32n);
    expect((E << 32n) - total).toBeLessThan(BigInt(subnets.length) << 32n);
    for (const s of r.subnets) {
      expect(s.taoEmission).toBe(fx.convert(U64F64, U96F32, fx.saturatingMul(U64F64, E << 64n, s.share)));
    }
  });
});

describe("v3-era moving-price shares (spec 233–326)", () => {
  it("E · p̄_i / Σ p̄ in U96F32; stable subnets count as 1 (test_coinbase_tao_issuance_different_prices: 1/3 and 2/3)", () => {
    const r = subnetShares(
      [
        { netuid: 1, movingPrice: fx.fromF64(I96F32, 0.1) },
        { netuid: 2, movingPrice: fx.fromF64(I96F32, 0.2) },
      ],
      { spec: 320, block: 1n, blockEmission: 100_000_000n },
    );
    expect(r.scheme).toBe("price-v3");
    const e = r.subnets.map((s) => toF(U96F32, s.taoEmission));
    expect(Math.abs((e[0] as number) - 100_000_000 / 3)).toBeLessThanOrEqual(10);
    expect(Math.abs((e[1] as number) - 200_000_000 / 3)).toBeLessThanOrEqual(10);
    // exact restatement of the chain expression
    const p1 = fx.convert(I96F32, U96F32, fx.fromF64(I96F32, 0.1));
    const p2 = fx.convert(I96F32, U96F32, fx.fromF64(I96F32, 0.2));
    const e96 = 100_000_000n << 32n;
    expect(r.subnets[0]?.taoEmission).toBe(fx.checkedDiv(U96F32, fx.saturatingMul(U96F32, e96, p1), p1 + p2));
  });
});

describe("TAO-flow shares (spec 334–419)", () => {
  const flowNet = (netuid: number, flow: bigint, over: Partial<ShareSubnet> = {}): ShareSubnet => ({
    netuid,
    mechanism: 0,
    movingPrice: 0n,
    taoFlow: flow,
    ...over,
  });

  it("test_coinbase_tao_issuance_multiple (flow era): equal flows split the emission evenly", () => {
    const E = 3_333_333n;
    const r = subnetShares(
      [1, 2, 3].map((n) => flowNet(n, 100_000_000n)),
      { spec: 393, block: 5n, blockEmission: E },
    );
    expect(r.scheme).toBe("flow");
    for (const s of r.subnets)
      expect(Math.abs(toF(U96F32, s.taoEmission) - Number(E) / 3)).toBeLessThanOrEqual(1);
    // the EMA advanced once from 0 and the accumulated flow was reset
    const a = fx.safeDiv(I64F64, DEFAULT_FLOW_EMA_SMOOTHING_FACTOR << 64n, ((1n << 63n) - 1n) << 64n);
    for (const u of r.flowUpdates) {
      expect(u.taoFlow).toBe(0n);
      expect(u.emaTaoFlow).toEqual({ block: 5n, value: fx.saturatingMul(I64F64, a, 100_000_000n << 64n) });
    }
  });

  it("the EMA advances once per block: a second call in the same block reuses it", () => {
    const r1 = subnetShares([flowNet(1, 10n ** 12n)], { spec: 393, block: 9n, blockEmission: 1n });
    const u = r1.flowUpdates[0];
    const r2 = subnetShares([flowNet(1, 777n, { emaTaoFlow: u?.emaTaoFlow })], {
      spec: 393,
      block: 9n,
      blockEmission: 1n,
    });
    expect(r2.flowUpdates[0]?.emaTaoFlow).toEqual(u?.emaTaoFlow);
    expect(r2.flowUpdates[0]?.taoFlow).toBe(777n);
  });

  it("flowEmaStep: S' = (1 − a)·S + a·F with a = factor / i64::MAX (≈ 3.209e-6)", () => {
    const a = toF(
      I64F64,
      fx.safeDiv(I64F64, DEFAULT_FLOW_EMA_SMOOTHING_FACTOR << 64n, ((1n << 63n) - 1n) << 64n),
    );
    expect(Math.abs(a - 3.209e-6)).toBeLessThan(1e-9);
    const s = flowEmaStep(1000n << 64n, 2000n, DEFAULT_FLOW_EMA_SMOOTHING_FACTOR);
    expect(Math.abs(toF(I64F64, s) - (1000 + a * 1000))).toBeLessThan(1e-9);
  });

  it("negative flows set the lower limit: the lowest subnet gets nothing (get_shares_both_negative_above_cutoff)", () => {
    const ema = (v: number) => ({ block: 100n, value: fx.fromF64(I64F64, v) });
    const r = subnetShares(
      [
        flowNet(1, 0n, { emaTaoFlow: ema(-100) }),
        flowNet(2, 0n, { emaTaoFlow: ema(-300) }),
        flowNet(3, 0n, { emaTaoFlow: ema(-400) }),
      ],
      { spec: 393, block: 100n, blockEmission: 1n, taoFlowCutoff: fx.fromF64(I64F64, -1000) },
    );
    const f = r.subnets.map((s) => toF(U64F64, s.share));
    expect(Math.abs((f[0] as number) - 0.75)).toBeLessThanOrEqual(0.0075);
    expect(Math.abs((f[1] as number) - 0.25)).toBeLessThanOrEqual(0.0025);
    expect(f[2]).toBe(0);
  });

  it("flows at or below the cutoff get nothing (get_shares_one_below_cutoff_other_full_emission)", () => {
    const ema = (v: number) => ({ block: 100n, value: fx.fromF64(I64F64, v) });
    for (const [f1, f2] of [
      [1000.0, 2000.00001],
      [1000.0, 2000.001],
      [1000.0, 5000.0],
    ] as const) {
      const r = subnetShares(
        [flowNet(1, 0n, { emaTaoFlow: ema(f1) }), flowNet(2, 0n, { emaTaoFlow: ema(f2) })],
        {
          spec: 393,
          block: 100n,
          blockEmission: 1n,
          taoFlowCutoff: fx.fromF64(I64F64, 2000),
        },
      );
      const s = r.subnets.map((x) => toF(U64F64, x.share));
      expect((s[1] as number) > 0.999_999 && (s[0] as number) < 1e-6).toBe(true);
    }
  });

  it("spec 334–347 seeds an uninitialised EMA with min(moving price, spot price) and keeps the flow", () => {
    const r = subnetShares(
      [
        {
          netuid: 1,
          movingPrice: fx.fromF64(I96F32, 0.5),
          spotPrice: fx.fromF64(U96F32, 0.25),
          taoFlow: 42n,
        },
      ],
      { spec: 343, block: 7n, blockEmission: 1n },
    );
    expect(r.scheme).toBe("flow-init-price");
    expect(r.flowUpdates[0]).toEqual({
      netuid: 1,
      emaTaoFlow: { block: 7n, value: fx.fromF64(I64F64, 0.25) },
      taoFlow: 42n,
    });
  });

  it("net flow (411–419) subtracts the protocol EMA normalised to the user total", () => {
    const ema = (v: number) => ({ block: 100n, value: fx.fromF64(I64F64, v) });
    const subnets: ShareSubnet[] = [
      flowNet(1, 0n, { emaTaoFlow: ema(100), emaProtocolFlow: ema(400) }),
      flowNet(2, 0n, { emaTaoFlow: ema(100), emaProtocolFlow: ema(0) }),
    ];
    // k = min(1, 200/400) = 0.5 → net = [100 − 200, 100] = [−100, 100] → L = −100 → z = [0, 200]
    const on = subnetShares(subnets, { spec: 415, block: 100n, blockEmission: 1n });
    expect(on.scheme).toBe("net-flow");
    expect(on.subnets.map((s) => toF(U64F64, s.share))).toEqual([0, expect.closeTo(1, 9)]);
    const off = subnetShares(subnets, {
      spec: 415,
      block: 100n,
      blockEmission: 1n,
      netTaoFlowEnabled: false,
    });
    expect(off.subnets.map((s) => toF(U64F64, s.share))).toEqual([
      expect.closeTo(0.5, 6),
      expect.closeTo(0.5, 6),
    ]);
  });
});

describe("rule selection", () => {
  it("maps spec versions to eras and refuses pre-dTAO specs", () => {
    expect(shareSchemeForSpec(233)).toBe("price-v3");
    expect(shareSchemeForSpec(326)).toBe("price-v3");
    expect(shareSchemeForSpec(334)).toBe("flow-init-price");
    expect(shareSchemeForSpec(348)).toBe("flow");
    expect(shareSchemeForSpec(402)).toBe("flow");
    expect(shareSchemeForSpec(411)).toBe("net-flow");
    expect(shareSchemeForSpec(419)).toBe("net-flow");
    expect(shareSchemeForSpec(421)).toBe("price-rootprop-burn");
    expect(shareSchemeForSpec(425)).toBe("price-burn");
    expect(() => shareSchemeForSpec(232)).toThrow(/spec 232/);
  });
});
