import { describe, expect, it } from "vitest";
import {
  coinbaseOp,
  economyOps,
  epochScheduleOp,
  projectOp,
  subnetSharesOp,
  yumaEpochOp,
} from "../../lib/engine/ref/ops-economy";

/** The JSON the CLI would receive: everything survives a JSON round trip. */
const viaJson = (x: unknown) => JSON.parse(JSON.stringify(x));

const subnetJson = (netuid: number, over: Record<string, unknown> = {}) => ({
  netuid,
  taoReserve: "1000000000000",
  alphaIn: "1000000000000",
  alphaOut: "0",
  movingPrice: "1",
  firstEmissionBlock: "1",
  tempo: 10000,
  lastEpochBlock: "0",
  ...over,
});

const stateJson = (over: Record<string, unknown> = {}) => ({
  spec: 425,
  block: "2",
  totalIssuance: "0",
  totalStake: "0",
  rootTao: "1000000000000000000",
  taoWeight: "18446744073709551615",
  subnetOwnerCut: 0,
  subnets: [subnetJson(1)],
  ...over,
});

describe("economy ops (JSON edge)", () => {
  it("subnetShares: exact decimal outputs", () => {
    const r = viaJson(
      subnetSharesOp({
        spec: 425,
        block: "1",
        blockEmission: "1000000000",
        subnets: [
          { netuid: 1, movingPrice: "0.25" },
          { netuid: 2, movingPrice: "0.75" },
        ],
      }),
    );
    expect(r.scheme).toBe("price-burn");
    expect(r.subnets).toEqual([
      { netuid: 1, share: "0.25", taoEmission: "250000000", taoEmissionRao: "250000000" },
      { netuid: 2, share: "0.75", taoEmission: "750000000", taoEmissionRao: "750000000" },
    ]);
  });

  it("coinbase: test_coinbase_tao_issuance_base through the op", () => {
    const r = viaJson(coinbaseOp({ state: stateJson(), blockEmission: "1234567" }));
    expect(r.state.subnets[0].taoReserve).toBe("1000001234567");
    expect(r.state.totalIssuance).toBe("1234567");
    expect(r.subnets[0].alphaOutEmission).toBe("1000000000");
  });

  it("coinbase: output state feeds the next block", () => {
    const r1 = viaJson(coinbaseOp({ state: stateJson() }));
    const s2 = {
      ...stateJson(),
      block: "3",
      totalIssuance: r1.state.totalIssuance,
      totalStake: r1.state.totalStake,
    };
    s2.subnets = r1.state.subnets.map((s: Record<string, unknown>) => ({
      ...subnetJson(1),
      ...s,
      tempo: 10000,
      firstEmissionBlock: "1",
    }));
    const r2 = viaJson(coinbaseOp({ state: s2 }));
    // flooring tao_in and excess to rao leaves dust in the credit, which is recycled (never issued)
    for (const r of [r1, r2]) expect(BigInt(r.issuedTao) + BigInt(r.recycledTao)).toBe(1_000_000_000n);
    expect(BigInt(r2.state.totalIssuance)).toBe(BigInt(r1.issuedTao) + BigInt(r2.issuedTao));
    expect(BigInt(r2.recycledTao)).toBeLessThanOrEqual(2n);
  });

  it("epochSchedule: legacy and stateful", () => {
    const legacy = viaJson(epochScheduleOp({ spec: 393, block: "5", subnets: [{ netuid: 1, tempo: 10 }] }));
    expect(legacy.rule).toBe("legacy");
    expect(legacy.subnets[0].blocksUntilNextEpoch).toBe("3");
    expect(legacy.subnets[0].nextEpochBlock).toBe("8");
    const cur = viaJson(
      epochScheduleOp({ spec: 425, block: "102", subnets: [{ netuid: 1, tempo: 100, lastEpochBlock: "0" }] }),
    );
    expect(cur.fired).toEqual([1]);
    expect(cur.subnets[0].lastEpochBlock).toBe("102");
  });

  it("yumaEpoch: the first epoch of test_bonds", () => {
    const w = [
      [4, 16383],
      [5, 32767],
      [6, 49149],
      [7, 65535],
    ];
    const r = viaJson(
      yumaEpochOp({
        spec: 425,
        block: "2",
        tempo: 1,
        activityCutoff: "5000",
        lastUpdate: ["2", "2", "2", "2", "0", "0", "0", "0"],
        blockAtRegistration: Array(8).fill("1"),
        alphaStake: ["1", "2", "3", "4", "0", "0", "0", "0"],
        validatorPermit: [true, true, true, true, false, false, false, false],
        maxAllowedValidators: 8,
        weights: [w, w, w, w, [], [], [], []],
        bonds: Array(8).fill([]),
        kappa: 32767,
        bondsPenalty: 65535,
        bondsMovingAverage: "900000",
        yuma3: false,
        liquidAlpha: false,
        emission: "1000000000",
      }),
    );
    expect(r.bonds.map((row: number[][]) => row.find(([j]) => j === 4)?.[1] ?? 0).slice(0, 4)).toEqual([
      16383, 32767, 49151, 65535,
    ]);
    expect(r.emission).toEqual([
      "49999998",
      "99999999",
      "150000000",
      "200000001",
      "49998779",
      "100000610",
      "149996337",
      "200004272",
    ]);
  });

  it("project: totals and a sampled price path", () => {
    const r = viaJson(projectOp({ state: stateJson(), blocks: 10, sampleEvery: 5 }));
    expect(r.taoEmitted).toBe("10000000000");
    expect(r.pricePath["1"].map((p: { block: string }) => p.block)).toEqual(["6", "11"]);
    expect(r.subnets[0].alphaOutEmitted).toBe("10000000000");
  });

  it("distributeEmission: incentives, dividends and takes as strings", () => {
    const r = viaJson(
      economyOps.distributeEmission.run({
        pendingServer: "500",
        pendingValidator: "300",
        pendingRootAlpha: "0",
        pendingOwnerCut: "180",
        hotkeyEmission: [{ hotkey: "v", incentive: "0", dividend: "10" }],
        hotkeys: { v: { coldkey: "c", alphaStake: "10", rootStake: "0", take: 0 } },
        taoWeight: "0",
      }),
    );
    expect(r.alphaDividends).toEqual([{ hotkey: "v", amount: "800", take: "0", rest: "800" }]);
    expect(() => economyOps.distributeEmission.run({})).toThrow(/^pendingServer:/);
  });

  it("bad input: one-line error naming the field", () => {
    expect(() => coinbaseOp({ state: stateJson({ totalIssuance: "-5" }) })).toThrow(
      /^state\.totalIssuance: must be a u64/,
    );
    expect(() =>
      coinbaseOp({ state: stateJson({ subnets: [subnetJson(1, { movingPrice: "abc" })] }) }),
    ).toThrow(/^state\.subnets\.0\.movingPrice:/);
    expect(() => coinbaseOp({ state: stateJson({ totalStake: "18446744073709551616" }) })).toThrow(
      /state\.totalStake/,
    );
    expect(() => subnetSharesOp({ spec: 425, block: "1", subnets: [] })).toThrow(/^blockEmission:/);
    expect(() => yumaEpochOp({})).toThrow(/^spec:/);
    expect(() => epochScheduleOp({ spec: 100, block: "1", subnets: [] })).toThrow(/^spec:/);
    expect(() => coinbaseOp({ state: stateJson({ spec: 393 }) })).toThrow(/^spec: .*Uniswap-v3/);
    expect(() => coinbaseOp({ state: stateJson({ subnets: [subnetJson(1), subnetJson(1)] }) })).toThrow(
      /duplicate netuid/,
    );
    expect(() => projectOp({ state: stateJson(), blocks: -1 })).toThrow(/^blocks:/);
  });

  it("registry lists the economy ops with a schema and a runner each", () => {
    expect(Object.keys(economyOps).sort()).toEqual([
      "coinbase",
      "distributeEmission",
      "epochSchedule",
      "project",
      "subnetShares",
      "yumaEpoch",
    ]);
    for (const op of Object.values(economyOps)) {
      expect(typeof op.run).toBe("function");
      expect(typeof op.schema.safeParse).toBe("function");
    }
  });
});
