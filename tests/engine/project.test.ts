import { describe, expect, it } from "vitest";
import { type CoinbaseState, type CoinbaseSubnet, runCoinbase } from "../../lib/engine/ref/coinbase";
import { balancerCoinbasePool } from "../../lib/engine/ref/coinbase-pool";
import * as fx from "../../lib/engine/ref/fixed";
import { movingPrice } from "../../lib/engine/ref/movingPrice";
import { DEFAULT_MOVING_ALPHA, project } from "../../lib/engine/ref/project";

const pool = balancerCoinbasePool(425);

function subnet(netuid: number, over: Partial<CoinbaseSubnet> = {}): CoinbaseSubnet {
  return {
    netuid,
    taoReserve: 100_000_000_000_000n,
    alphaIn: 200_000_000_000_000n,
    alphaOut: 300_000_000_000_000n,
    movingPrice: fx.fromF64(fx.I96F32, 0.4),
    firstEmissionBlock: 1_000n,
    tempo: 100,
    lastEpochBlock: 6_000_000n - BigInt(netuid),
    emissionEnabled: true,
    ...over,
  };
}

function state(): CoinbaseState {
  return {
    spec: 425,
    block: 6_000_001n,
    totalIssuance: 10_000_000_000_000_000n,
    totalStake: 0n,
    rootTao: 3_000_000_000_000_000n,
    taoWeight: 3_320_413_933_267_719_290n,
    subnets: [
      subnet(1),
      subnet(2, { movingPrice: fx.fromF64(fx.I96F32, 0.1), alphaIn: 400_000_000_000_000n }),
      subnet(3, { firstEmissionBlock: null }),
    ],
  };
}

describe("project (N blocks, no trading)", () => {
  it("equals chaining runCoinbase + update_moving_price block by block", () => {
    const p = project({ state: state(), blocks: 25, sampleEvery: 5 }, pool);
    let s = state();
    for (let i = 0; i < 25; i++) {
      const r = runCoinbase(s, pool);
      s = r.state;
      for (const sub of s.subnets) {
        if (sub.firstEmissionBlock === null) continue;
        sub.movingPrice = movingPrice({
          spec: 425,
          movingPrice: sub.movingPrice,
          price: pool.spotPrice({
            netuid: sub.netuid,
            mechanism: 1,
            taoReserve: sub.taoReserve,
            alphaReserve: sub.alphaIn,
            pool: sub.pool,
          }),
          movingAlpha: DEFAULT_MOVING_ALPHA,
          block: s.block,
          firstEmissionBlock: sub.firstEmissionBlock,
          halvingBlocks: 201_600n,
        });
      }
      s = { ...s, block: s.block + 1n };
    }
    expect(p.state).toEqual(s);
    expect(p.pricePath[1]?.map((x) => x.block)).toEqual([
      6_000_005n,
      6_000_010n,
      6_000_015n,
      6_000_020n,
      6_000_025n,
    ]);
  });

  it("conserves TAO: Σ emitted = Σ issued + recycled; TotalIssuance grows by what was issued", () => {
    const s0 = state();
    const p = project({ state: s0, blocks: 40 }, pool);
    expect(p.state.totalIssuance - s0.totalIssuance).toBe(p.taoIssued);
    const injected = p.subnets.reduce((a, t) => a + t.taoInjected + t.excessTao, 0n);
    expect(injected).toBeLessThanOrEqual(p.taoEmitted);
    // TotalIssuance 10e15 is below the first halving (10.5e15): 1 TAO per block
    expect(p.taoEmitted).toBe(40n * 1_000_000_000n);
  });

  it("subnets that never started get nothing; started ones fire an epoch every tempo blocks", () => {
    const p = project({ state: state(), blocks: 201 }, pool);
    const [a, b, c] = p.subnets;
    expect(c?.taoEmission).toBe(0n);
    expect(c?.alphaOutEmitted).toBe(0n);
    expect(a?.epochs).toBe(2);
    expect(b?.epochs).toBe(2);
    expect(a?.alphaOutEmitted).toBe(201n * 1_000_000_000n);
    // moving price is an EMA capped at 1 that moves towards the spot price
    const path = p.pricePath[2] ?? [];
    const first = path[0];
    const last = path[path.length - 1];
    if (!first || !last) throw new Error("no price path");
    expect(last.movingPrice).toBeGreaterThan(first.movingPrice);
  });

  it("rejects a negative block count", () => {
    expect(() => project({ state: state(), blocks: -1 }, pool)).toThrow(/blocks/);
  });
});
