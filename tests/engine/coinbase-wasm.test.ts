import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type CoinbaseWasmExports,
  hasCoinbaseExports,
  runCoinbaseWasm,
} from "../../lib/engine/coinbase-wasm";
import { readEngineWasm } from "../../lib/engine/compile";
import {
  type CoinbaseResult,
  type CoinbaseState,
  type CoinbaseSubnet,
  runCoinbase,
} from "../../lib/engine/ref/coinbase";
import { coinbaseBenchState } from "../../lib/engine/ref/coinbase-bench";
import { balancerCoinbasePool } from "../../lib/engine/ref/coinbase-pool";
import * as fx from "../../lib/engine/ref/fixed";
import { engineImports } from "../../lib/engine/wasm";

let x: CoinbaseWasmExports;
beforeAll(async () => {
  const bytes = await readEngineWasm();
  const instance = await WebAssembly.instantiate(
    new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>),
    engineImports(),
  );
  if (!hasCoinbaseExports(instance.exports))
    throw new Error("engine.wasm lacks the coinbase exports (stale build?)");
  x = instance.exports as unknown as CoinbaseWasmExports;
}, 180_000);

/** Canonical view: every optional state field filled with its chain default. */
function canon(r: CoinbaseResult) {
  return {
    ...r,
    state: {
      block: r.state.block,
      totalIssuance: r.state.totalIssuance,
      totalStake: r.state.totalStake,
      subnets: r.state.subnets.map((s: CoinbaseSubnet) => ({
        netuid: s.netuid,
        taoReserve: s.taoReserve,
        alphaIn: s.alphaIn,
        alphaOut: s.alphaOut,
        protocolAlpha: s.protocolAlpha ?? 0n,
        weight: (s.pool as { quoteWeight?: bigint } | undefined)?.quoteWeight ?? 500_000_000_000_000_000n,
        pending: [
          s.pendingServer ?? 0n,
          s.pendingValidator ?? 0n,
          s.pendingRootAlpha ?? 0n,
          s.pendingOwnerCut ?? 0n,
        ],
        protocolFlow: s.protocolFlow ?? 0n,
        schedule: [
          s.lastEpochBlock ?? 0n,
          s.pendingEpochAt ?? 0n,
          s.blocksSinceLastStep ?? 0n,
          s.epochIndex ?? 0n,
        ],
      })),
    },
  };
}

const arbSubnet = (netuid: number) =>
  fc
    .record({
      mechanism: fc.constantFrom(0, 1, 1, 1),
      tao: fc.bigInt({ min: 1_000_000n, max: 10n ** 17n }),
      alpha: fc.bigInt({ min: 2_000_000_000n, max: 10n ** 17n }),
      alphaOut: fc.bigInt({ min: 0n, max: 2n * 10n ** 16n }),
      weight: fc.option(fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n }), { nil: undefined }),
      price: fc.integer({ min: 0, max: 3_000_000 }),
      burned: fc.option(fc.integer({ min: 0, max: 1_100_000 }), { nil: undefined }),
      enabled: fc.option(fc.boolean(), { nil: undefined }),
      ownerCut: fc.option(fc.boolean(), { nil: undefined }),
      started: fc.boolean(),
      tempo: fc.integer({ min: 0, max: 400 }),
      last: fc.bigInt({ min: 0n, max: 1_000n }),
      pendingAt: fc.bigInt({ min: 0n, max: 1_000n }),
      bsls: fc.bigInt({ min: 0n, max: 60_000n }),
      pend: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    })
    .map(
      (r): CoinbaseSubnet => ({
        netuid,
        mechanism: r.mechanism,
        taoReserve: r.tao,
        alphaIn: r.alpha,
        alphaOut: r.alphaOut,
        pool: r.weight === undefined ? undefined : { quoteWeight: r.weight },
        movingPrice: fx.fromF64(fx.I96F32, r.price / 1_000_000),
        minerBurned: r.burned === undefined ? undefined : fx.fromF64(fx.U96F32, r.burned / 1_000_000),
        emissionEnabled: r.enabled,
        ownerCutEnabled: r.ownerCut,
        firstEmissionBlock: r.started ? 1n : null,
        tempo: r.tempo,
        lastEpochBlock: r.last,
        pendingEpochAt: r.pendingAt,
        blocksSinceLastStep: r.bsls,
        pendingServer: r.pend,
        pendingValidator: r.pend,
      }),
    );

describe("coinbase: WASM agrees with the BigInt reference bit for bit (balancer, spec ≥ 421)", () => {
  it("random multi-subnet states (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(421, 423, 424, 425),
        fc.tuple(arbSubnet(1), arbSubnet(2), arbSubnet(3), arbSubnet(5)),
        fc.option(fc.bigInt({ min: 0n, max: 2_000_000_000n }), { nil: undefined }),
        fc.bigInt({ min: 0n, max: 10n ** 16n }),
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        fc.integer({ min: 0, max: 65535 }),
        fc.integer({ min: 0, max: 3 }),
        fc.bigInt({ min: 0n, max: 21_000_000_000_000_000n }),
        fc.bigInt({ min: 100n, max: 1_500n }),
        (spec, subnets, emission, rootTao, taoWeight, cut, maxEpochs, ti, block) => {
          const state: CoinbaseState = {
            spec,
            block,
            totalIssuance: ti,
            totalStake: 0n,
            rootTao,
            taoWeight,
            subnetOwnerCut: cut,
            maxEpochsPerBlock: maxEpochs,
            subnets: [...subnets].reverse(),
          };
          const ref = runCoinbase(state, balancerCoinbasePool(spec), emission);
          const wasm = runCoinbaseWasm(x, state, emission);
          expect(canon(wasm)).toEqual(canon(ref));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("several blocks in one call equal chained reference blocks (bench state, 3 blocks)", () => {
    const s0 = coinbaseBenchState();
    s0.subnets = s0.subnets.slice(0, 12);
    let ref = runCoinbase(s0, balancerCoinbasePool(425));
    for (let i = 1; i < 3; i++)
      ref = runCoinbase({ ...ref.state, block: ref.state.block + 1n }, balancerCoinbasePool(425));
    const wasm = runCoinbaseWasm(x, s0, undefined, 3);
    expect(canon(wasm)).toEqual(canon(ref));
  });
});
