import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CoinbaseState,
  type CoinbaseSubnet,
  emissionForIssuance,
  runCoinbase,
} from "../../lib/engine/ref/coinbase";
import { balancerCoinbasePool } from "../../lib/engine/ref/coinbase-pool";
import { rootProportion, taoWeightFraction } from "../../lib/engine/ref/emission";
import * as fx from "../../lib/engine/ref/fixed";

const { U96F32, I96F32 } = fx;
const U64_MAX = (1n << 64n) - 1n;
const pool425 = balancerCoinbasePool(425);

/** A subnet as the mock's `add_network` / `add_dynamic_network` leaves it: emitting, tempo large. */
function subnet(netuid: number, over: Partial<CoinbaseSubnet> = {}): CoinbaseSubnet {
  return {
    netuid,
    mechanism: 1,
    taoReserve: 1_000_000_000_000n,
    alphaIn: 1_000_000_000_000n,
    alphaOut: 0n,
    movingPrice: I96F32.one,
    firstEmissionBlock: 1n,
    tempo: 10_000,
    lastEpochBlock: 0n,
    ...over,
  };
}

function state(subnets: CoinbaseSubnet[], over: Partial<CoinbaseState> = {}): CoinbaseState {
  return {
    spec: 425,
    block: 2n,
    totalIssuance: 0n,
    totalStake: 0n,
    rootTao: 0n,
    taoWeight: 0n,
    subnetOwnerCut: 0, // the mock runtime's InitialSubnetOwnerCut
    subnets,
    ...over,
  };
}

/** `set_full_injection_root_stake`: root TAO 1e18 and TaoWeight = 1.0 so root_proportion ≈ 1. */
const fullRoot = { rootTao: 1_000_000_000_000_000_000n, taoWeight: U64_MAX };

describe("block emission curve (§1)", () => {
  it("halves at 21e15·(1 − 2^−k), exact to the rao", () => {
    expect(emissionForIssuance(0n)).toBe(1_000_000_000n);
    expect(emissionForIssuance(10_499_999_999_999_999n)).toBe(1_000_000_000n);
    expect(emissionForIssuance(10_500_000_000_000_000n)).toBe(500_000_000n);
    expect(emissionForIssuance(15_750_000_000_000_000n)).toBe(250_000_000n);
    expect(emissionForIssuance(18_375_000_000_000_000n)).toBe(125_000_000n);
    expect(emissionForIssuance(20_979_492_187_500_000n)).toBe(976_562n);
    expect(emissionForIssuance(21_000_000_000_000_000n)).toBe(0n);
  });
});

describe("coinbase at spec 425 — values pinned by subtensor tests/coinbase.rs", () => {
  it("test_coinbase_tao_issuance_base: all TAO injected when root_prop ≈ 1", () => {
    const emission = 1_234_567n;
    const s0 = state([subnet(1)], fullRoot);
    const r = runCoinbase(s0, pool425, emission);
    const s = r.state.subnets[0] as CoinbaseSubnet;
    expect(s.taoReserve).toBe(1_000_000_000_000n + emission);
    expect(r.state.totalIssuance).toBe(emission);
    expect(r.state.totalStake).toBe(emission);
    expect(r.recycledTao).toBe(0n);
  });

  it("test_coinbase_tao_issuance_multiple: three equal subnets get emission/3 ± 1", () => {
    const emission = 3_333_333n;
    const subnets = [1, 2, 3].map((n) => subnet(n, { mechanism: 0, taoReserve: 0n, alphaIn: 0n }));
    const r = runCoinbase(state(subnets, fullRoot), pool425, emission);
    for (const s of r.state.subnets) {
      const d = s.taoReserve - emission / 3n;
      expect(d >= -1n && d <= 1n).toBe(true);
    }
    expect(emission - r.state.totalIssuance).toBeLessThanOrEqual(3n);
  });

  it("test_coinbase_disabled_subnet_emission_redistributes_tao_to_enabled_subnets", () => {
    const emission = 3_333_333n;
    const subnets = [1, 2, 3].map((n) =>
      subnet(n, { mechanism: 0, taoReserve: 0n, alphaIn: 0n, emissionEnabled: n !== 2 }),
    );
    const r = runCoinbase(state(subnets, fullRoot), pool425, emission);
    const [a, b, c] = r.state.subnets as [CoinbaseSubnet, CoinbaseSubnet, CoinbaseSubnet];
    expect(b.taoReserve).toBe(0n);
    for (const x of [a, c]) {
      const d = x.taoReserve - emission / 2n;
      expect(d >= -2n && d <= 2n).toBe(true);
    }
    // disabled subnets still get alpha_out
    expect(r.subnets[1]?.alphaInEmission).toBe(0n);
    expect(r.subnets[1]?.alphaOutEmission).toBeGreaterThan(0n);
  });

  it("test_coinbase_alpha_issuance_base: alpha_in = tao_in / price (prices 1 and 1)", () => {
    const emission = 1_000_000n;
    const initial = 1_000_000n;
    const subnets = [1, 2].map((n) => subnet(n, { mechanism: 0, taoReserve: initial, alphaIn: initial }));
    const r = runCoinbase(state(subnets, fullRoot), pool425, emission);
    for (const s of r.state.subnets) expect(s.alphaIn).toBe(initial + emission / 2n);
  });

  it("test_coinbase_alpha_issuance_different: prices 1 and 2, moving prices 1 and 2", () => {
    const emission = 1_000_000n;
    const initial = 1_000_000n;
    const subnets = [
      subnet(1, { taoReserve: initial, alphaIn: initial, movingPrice: fx.fromInt(I96F32, 1n) }),
      subnet(2, { taoReserve: 2n * initial, alphaIn: initial, movingPrice: fx.fromInt(I96F32, 2n) }),
    ];
    const r = runCoinbase(state(subnets, fullRoot), pool425, emission);
    expect(r.state.subnets[0]?.alphaIn).toBe(initial + emission / 3n);
    expect(r.state.subnets[1]?.alphaIn).toBe(initial + (emission * 2n) / 3n / 2n);
  });

  it("test_coinbase_alpha_issuance_with_cap_trigger: alpha_in stays below a block emission, alpha_out is the full 1e9", () => {
    const emission = 1_000_000n;
    const initial = 1_000n;
    const initialAlpha = initial * 1_000_000n;
    const subnets = [1, 2].map((n) =>
      subnet(n, { taoReserve: initial, alphaIn: initialAlpha, movingPrice: fx.fromInt(I96F32, BigInt(n)) }),
    );
    const r = runCoinbase(state(subnets, fullRoot), pool425, emission);
    for (const s of r.state.subnets) expect(s.alphaIn).toBeLessThan(initialAlpha + 1_000_000_000n);
    for (const s of r.subnets) expect(s.alphaOutEmission).toBe(1_000_000_000n);
  });

  it("test_coinbase_alpha_issuance_with_cap_trigger_and_block_emission: issuance ≥ 21M → no cap room, chain buys", () => {
    const emission = 1_000_000n;
    const initialTao = 10_000n;
    const initialAlpha = initialTao * 100_000n;
    const subnets = [1, 2].map((n) =>
      subnet(n, {
        taoReserve: initialTao,
        alphaIn: initialAlpha,
        alphaOut: 21_000_000_000_000_000n,
        movingPrice: fx.fromInt(I96F32, BigInt(n)),
        firstEmissionBlock: 0n,
      }),
    );
    const before = subnets.map((s) =>
      pool425.spotPrice({ ...s, mechanism: 1, alphaReserve: s.alphaIn, pool: s.pool }),
    );
    const r = runCoinbase(state(subnets, fullRoot), pool425, emission);
    const [a, b] = r.state.subnets as [CoinbaseSubnet, CoinbaseSubnet];
    expect((a.protocolAlpha ?? 0n) > 0n || (b.protocolAlpha ?? 0n) > 0n).toBe(true);
    for (const [i, s] of [a, b].entries()) {
      expect(s.alphaIn).toBeLessThan(initialAlpha);
      expect(s.alphaOut).toBe(21_000_000_000_000_000n + (s.protocolAlpha ?? 0n));
      const after = pool425.spotPrice({ ...s, mechanism: 1, alphaReserve: s.alphaIn, pool: s.pool });
      expect(after).toBeGreaterThan(before[i] as bigint);
    }
  });

  it("test_owner_cut_base: cut 0 → nothing pending, cut 65535 → the whole 1e9 alpha_out", () => {
    const base = subnet(1, { mechanism: 0 });
    const none = runCoinbase(state([base], { subnetOwnerCut: 0 }), pool425, 0n);
    expect(none.state.subnets[0]?.pendingOwnerCut).toBe(0n);
    const full = runCoinbase(state([base], { subnetOwnerCut: 65535 }), pool425, 0n);
    expect(full.state.subnets[0]?.pendingOwnerCut).toBe(1_000_000_000n);
  });

  it("test_pending_emission: root_prop 0.25 → server 5e8, validator 3.75e8, root alpha 1.25e8 (±1)", () => {
    const s = subnet(1, {
      taoReserve: 1_000_000n,
      alphaIn: 1n,
      alphaOut: 2_000_000_000n,
      movingPrice: fx.fromInt(I96F32, 2n),
    });
    const r = runCoinbase(state([s], { rootTao: 1_000_000_000n, taoWeight: U64_MAX }), pool425, 0n);
    expect(r.rootSellFlag).toBe(true);
    const out = r.state.subnets[0] as CoinbaseSubnet;
    const near = (v: bigint | undefined, e: bigint) => expect(((v ?? 0n) - e) ** 2n <= 1n).toBe(true);
    near(out.pendingServer, 500_000_000n);
    near(out.pendingValidator, 500_000_000n - 125_000_000n);
    near(out.pendingRootAlpha, 125_000_000n);
  });

  it("test_root_proportion: tw·root / (tw·root + alpha issuance) in U96F32", () => {
    const tw = 3_320_413_933_267_719_290n;
    const rp = rootProportion(1_000_000_000_000n, tw, 100_000_000_000n);
    const w = taoWeightFraction(tw);
    const root = fx.saturatingFromInt(U96F32, 1_000_000_000_000n);
    const twRoot = fx.mul(U96F32, w, root);
    expect(rp).toBe(
      fx.div(U96F32, twRoot, fx.add(U96F32, twRoot, fx.saturatingFromInt(U96F32, 100_000_000_000n))),
    );
  });

  it("test_get_subnet_terms_alpha_emissions_cap: alpha_in capped at root_prop · alpha_emission", () => {
    const s = subnet(1);
    const cap = fx.saturatingMul(
      U96F32,
      rootProportion(fullRoot.rootTao, fullRoot.taoWeight, s.alphaIn),
      1_000_000_000n << 32n,
    );
    const small = runCoinbase(state([s], fullRoot), pool425, 100_000_000n);
    expect(small.subnets[0]?.alphaInRequested).toBe(100_000_000n);
    const big = runCoinbase(state([s], fullRoot), pool425, 10_000_000_000n);
    expect(big.subnets[0]?.alphaInRequested).toBe(fx.toU64Saturating(U96F32, cap));
  });

  it("root sell flag off (Σ moving prices ≤ 1) recycles root alpha out of SubnetAlphaOut", () => {
    const s = subnet(1, { movingPrice: fx.fromF64(I96F32, 0.5) });
    const r = runCoinbase(state([s], { rootTao: 1_000_000_000n, taoWeight: U64_MAX }), pool425, 0n);
    expect(r.rootSellFlag).toBe(false);
    const res = r.subnets[0];
    expect(res?.rootAlphaRecycled).toBeGreaterThan(0n);
    expect(r.state.subnets[0]?.pendingRootAlpha ?? 0n).toBe(0n);
    expect(r.state.subnets[0]?.alphaOut).toBe((res?.alphaOutEmission ?? 0n) - (res?.rootAlphaRecycled ?? 0n));
  });

  it("test_run_coinbase_not_started: subnets without FirstEmissionBlockNumber get nothing", () => {
    const r = runCoinbase(
      state([subnet(1, { firstEmissionBlock: null }), subnet(2)], fullRoot),
      pool425,
      1_000n,
    );
    expect(r.subnets[0]?.emitted).toBe(false);
    expect(r.state.subnets[0]?.taoReserve).toBe(1_000_000_000_000n);
    expect(r.state.subnets[1]?.taoReserve).toBe(1_000_000_000_000n + 1_000n);
  });

  it("drains the pending accumulators when the epoch fires (test_coinbase_drain_pending_gets_counters_and_resets_them)", () => {
    const s = subnet(1, {
      tempo: 100,
      lastEpochBlock: 0n,
      pendingServer: 123_434_534n,
      pendingValidator: 111_111n,
      pendingRootAlpha: 12_222_222n,
      pendingOwnerCut: 12_345_678n,
      firstEmissionBlock: null,
    });
    const r = runCoinbase(state([s], { block: 102n }), pool425, 0n);
    expect(r.epochsFired).toEqual([1]);
    expect(r.subnets[0]?.drained).toEqual({
      server: 123_434_534n,
      validator: 111_111n,
      rootAlpha: 12_222_222n,
      ownerCut: 12_345_678n,
    });
    const out = r.state.subnets[0] as CoinbaseSubnet;
    expect([out.pendingServer, out.pendingValidator, out.pendingRootAlpha, out.pendingOwnerCut]).toEqual([
      0n,
      0n,
      0n,
      0n,
    ]);
    expect(out.blocksSinceLastStep).toBe(0n);
  });
});

describe("coinbase eras", () => {
  it("spec 393: cap min(alpha_emission, E), bought alpha recycled, TotalIssuance += tao_in + excess", () => {
    const s = subnet(1, { taoReserve: 10_000n, alphaIn: 1_000_000_000n, taoFlow: 100n });
    const r = runCoinbase(state([s], { spec: 393, ...fullRoot }), balancerCoinbasePool(425));
    const res = r.subnets[0];
    // price 1e-5: alpha_in = 1e9 / 1e-5 = 1e14 > min(alpha_emission 1e9, E 1e9)
    expect(res?.alphaInRequested).toBe(1_000_000_000n);
    expect(res?.excessTao).toBeGreaterThan(0n);
    expect(res?.boughtAlphaRecycled).toBe(res?.chainBoughtAlpha);
    expect(r.state.subnets[0]?.protocolAlpha ?? 0n).toBe(0n);
    expect(r.state.totalIssuance).toBe((res?.taoInRequested ?? 0n) + (res?.excessTao ?? 0n));
  });

  it("spec 362–419 caps at the curve at TotalIssuance (get_block_emission), not at a passed emission", () => {
    const s = subnet(1, { taoReserve: 10_000n, alphaIn: 1_000_000_000n, taoFlow: 100n });
    const r = runCoinbase(state([s], { spec: 393, ...fullRoot }), balancerCoinbasePool(425), 1_000_000n);
    // alpha_in = 1e6 / 1e-5 = 1e11, capped at min(alpha_emission 1e9, curve(TI = 0) = 1e9), not at the passed 1e6
    expect(r.subnets[0]?.alphaInRequested).toBe(1_000_000_000n);
  });

  it("refuses specs before 343 (subsidy rule and PendingEmission, not modelled)", () => {
    expect(() => runCoinbase(state([subnet(1)], { spec: 320 }), pool425, 1n)).toThrow(/spec 320/);
    expect(() => runCoinbase(state([subnet(1)], { spec: 338 }), pool425, 1n)).toThrow(/spec 338/);
    expect(runCoinbase(state([subnet(1)], { spec: 343 }), pool425, 1n).blockEmission).toBe(1n);
  });
});

describe("coinbase invariants (fast-check)", () => {
  const arbSubnet = (netuid: number) =>
    fc
      .record({
        tao: fc.bigInt({ min: 1_000_000n, max: 10n ** 16n }),
        // above one block of emission, so a 1:1 stable-subnet buy never hits the saturating reserve floor
        alpha: fc.bigInt({ min: 2_000_000_000n, max: 10n ** 16n }),
        alphaOut: fc.bigInt({ min: 0n, max: 10n ** 16n }),
        price: fc.integer({ min: 0, max: 2_000_000 }),
        enabled: fc.boolean(),
        mech: fc.constantFrom(0, 1, 1, 1),
      })
      .map(
        (r): CoinbaseSubnet =>
          subnet(netuid, {
            taoReserve: r.tao,
            alphaIn: r.alpha,
            alphaOut: r.alphaOut,
            movingPrice: fx.fromF64(I96F32, r.price / 1_000_000),
            emissionEnabled: r.enabled,
            mechanism: r.mech,
          }),
      );

  it("no rao created or lost: emission = Σ TAO into reserves + recycled; alpha minted = Δ alpha in + Δ alpha out + recycled", () => {
    fc.assert(
      fc.property(
        fc.tuple(arbSubnet(1), arbSubnet(2), arbSubnet(3)),
        fc.bigInt({ min: 0n, max: 1_000_000_000n }),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 65535 }),
        (subnets, emission, rootTao, cut) => {
          const st = state(subnets, {
            rootTao,
            taoWeight: 3_320_413_933_267_719_290n,
            subnetOwnerCut: cut,
            block: 5n,
          });
          const r = runCoinbase(st, pool425, emission);
          let taoIn = 0n;
          let stranded = 0n;
          let staked = 0n;
          for (const [i, s] of r.state.subnets.entries()) {
            const s0 = subnets[i] as CoinbaseSubnet;
            const res = r.subnets[i];
            if (!res) throw new Error("missing result");
            taoIn += s.taoReserve - s0.taoReserve;
            stranded += res.excessTaoStranded;
            staked +=
              res.taoInEmission + (res.excessTaoPaid > 0n || res.chainBoughtAlpha > 0n ? res.excessTao : 0n);
            const minted = res.alphaInEmission + res.alphaOutEmission;
            const dIn = s.alphaIn - s0.alphaIn;
            const dOut = s.alphaOut - s0.alphaOut;
            expect(dIn + dOut + res.rootAlphaRecycled).toBe(minted);
            // the split never exceeds what was minted for participants; truncation dust stays below 4 rao
            const split = res.ownerCut + res.server + res.validator + res.rootAlpha;
            expect(split <= res.alphaOutEmission).toBe(true);
            expect(res.alphaOutEmission - split <= 4n).toBe(true);
            // the injection never moves the spot price beyond pool rounding
          }
          expect(taoIn + stranded + r.recycledTao).toBe(emission);
          expect(r.issuedTao).toBe(emission - r.recycledTao);
          expect(r.state.totalStake - st.totalStake).toBe(staked);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("injection leaves the balancer spot price unchanged up to its rounding", () => {
    fc.assert(
      fc.property(arbSubnet(1), fc.bigInt({ min: 1n, max: 1_000_000_000n }), (s, emission) => {
        const dyn = { ...s, mechanism: 1, movingPrice: I96F32.one, emissionEnabled: true };
        const view = (x: CoinbaseSubnet) => ({
          netuid: 1,
          mechanism: 1,
          taoReserve: x.taoReserve,
          alphaReserve: x.alphaIn,
          pool: x.pool,
        });
        const before = pool425.spotPrice(view(dyn));
        const r = runCoinbase(state([dyn], fullRoot), pool425, emission);
        const res = r.subnets[0];
        if (!res || res.excessTaoPaid > 0n) return; // a chain buy moves the price on purpose
        const after = pool425.spotPrice(view(r.state.subnets[0] as CoinbaseSubnet));
        const rel = Number(after > before ? after - before : before - after) / Number(before);
        expect(rel).toBeLessThan(1e-6);
      }),
      { numRuns: 200 },
    );
  });
});
