import { describe, expect, it } from "vitest";
import {
  fixedProportionToU16,
  isTopkNonzero,
  u16ProportionToFixed,
  weightedMedian,
} from "../../lib/engine/ref/epoch-math";
import { u16MaxUpscale, type YumaInput, type YumaOutput, yumaEpoch } from "../../lib/engine/ref/epoch-yuma";
import * as fx from "../../lib/engine/ref/fixed";

const I32 = fx.I32F32;
const f = (x: number) => fx.fromF64(I32, x);

/**
 * A subnet driven the way subtensor's epoch tests drive it: every neuron registered at block 1,
 * `epoch()` called directly (so LastMechansimStepBlock stays 0), stored permits/bonds fed back.
 */
class Scenario {
  block: bigint;
  permits: boolean[];
  bonds: [number, number][][];
  weights: [number, number][][];
  lastUpdate: bigint[];
  last: YumaOutput | null = null;
  constructor(
    readonly n: number,
    readonly stakes: bigint[],
    readonly hyper: Pick<
      YumaInput,
      | "kappa"
      | "bondsPenalty"
      | "bondsMovingAverage"
      | "yuma3"
      | "liquidAlpha"
      | "alphaLow"
      | "alphaHigh"
      | "alphaSigmoidSteepness"
      | "maxAllowedValidators"
    >,
    readonly registeredAt = 1n,
  ) {
    this.block = registeredAt;
    this.permits = new Array(n).fill(false);
    this.bonds = Array.from({ length: n }, () => []);
    this.weights = Array.from({ length: n }, () => []);
    this.lastUpdate = new Array(n).fill(0n);
  }
  /** `set_weights`: the row is max-upscaled to 65535 and LastUpdate = now. */
  setWeights(uid: number, uids: number[], values: number[]) {
    const up = u16MaxUpscale(values);
    this.weights[uid] = uids.map((u, i) => [u, up[i] as number]);
    this.lastUpdate[uid] = this.block;
  }
  nextBlock() {
    this.block += 1n;
  }
  epoch(): YumaOutput {
    const out = yumaEpoch({
      spec: 425,
      block: this.block,
      tempo: 1,
      activityCutoff: 5000n,
      lastUpdate: this.lastUpdate,
      blockAtRegistration: new Array(this.n).fill(this.registeredAt),
      alphaStake: this.stakes,
      validatorPermit: this.permits,
      weights: this.weights,
      bonds: this.bonds,
      emission: 1_000_000_000n,
      ...this.hyper,
    });
    this.permits = out.newValidatorPermit;
    this.bonds = out.bonds;
    this.last = out;
    return out;
  }
  bond(i: number, j: number): number {
    return (this.bonds[i] ?? []).find(([c]) => c === j)?.[1] ?? 0;
  }
}

describe("Yuma epoch: original bonds (subtensor tests/epoch.rs test_bonds)", () => {
  it("reproduces every pinned bond value across seven epochs, and the E traces in its comments", () => {
    const s = new Scenario(8, [1n, 2n, 3n, 4n, 0n, 0n, 0n, 0n], {
      kappa: 32767,
      bondsPenalty: 65535,
      bondsMovingAverage: 900_000n,
      yuma3: false,
      liquidAlpha: false,
      maxAllowedValidators: 8,
    });
    s.epoch(); // sets permits
    s.nextBlock();
    const w = [16383, 32767, 49149, 65535]; // u16::MAX/4, /2, (·/4)·3, MAX
    for (let uid = 0; uid < 4; uid++) s.setWeights(uid, [4, 5, 6, 7], w);
    s.epoch();
    expect([0, 1, 2, 3].map((i) => s.bond(i, 4))).toEqual([16383, 32767, 49151, 65535]);
    expect(s.last?.emission).toEqual([
      49999998n,
      99999999n,
      150000000n,
      200000001n,
      49998779n,
      100000610n,
      149996337n,
      200004272n,
    ]);

    s.setWeights(0, [0], [65535]);
    s.nextBlock();
    s.epoch();
    expect([0, 1, 2, 3].map((i) => s.bond(i, 4))).toEqual([14582, 32767, 49151, 65535]);
    expect(s.last?.emission).toEqual([
      44998351n,
      101110561n,
      151667215n,
      202223870n,
      49998779n,
      100000610n,
      149996337n,
      200004272n,
    ]);

    s.setWeights(1, [1], [65535]);
    s.nextBlock();
    s.epoch();
    expect([0, 1, 2, 3].map((i) => s.bond(i, 4))).toEqual([12603, 28321, 49151, 65535]);
    expect(s.last?.emission).toEqual([
      40496805n,
      90999783n,
      157929636n,
      210573773n,
      49998779n,
      100000610n,
      149996337n,
      200004272n,
    ]);

    s.setWeights(2, [2], [65535]);
    s.nextBlock();
    s.epoch();
    expect([0, 1, 2, 3].map((i) => s.bond(i, 7))).toEqual([12602, 28320, 49150, 65535]);
    expect(s.last?.emission).toEqual([99999999n, 199999999n, 299999999n, 399999999n, 0n, 0n, 0n, 0n]);

    s.setWeights(2, [7], [65535]);
    s.nextBlock();
    s.epoch();
    expect([0, 1, 2, 3].map((i) => s.bond(i, 7))).toEqual([10951, 24609, 49150, 65535]);
    expect(s.last?.emission).toEqual([36443733n, 81898628n, 163565493n, 218092144n, 0n, 0n, 0n, 500000000n]);

    s.nextBlock();
    s.epoch();
    expect([0, 1, 2, 3].map((i) => s.bond(i, 7))).toEqual([9559, 21482, 49150, 65535]);
    expect(s.last?.emission).toEqual([32799427n, 73706612n, 168638129n, 224855830n, 0n, 0n, 0n, 500000000n]);

    s.nextBlock();
    s.epoch();
    expect([0, 1, 2, 3].map((i) => s.bond(i, 7))).toEqual([8376, 18824, 49150, 65535]);
    expect(s.last?.emission).toEqual([29518068n, 66336137n, 173203134n, 230942659n, 0n, 0n, 0n, 500000000n]);
  });
});

interface Yuma3Case {
  name: string;
  n: number;
  stakes: bigint[];
  liquidAlpha: boolean;
  /** First bond column the target rows describe. */
  firstCol: number;
  servers: number[];
  /** Weights (per validator) to set before each epoch; missing = keep. */
  weights: Record<number, number[][]>;
  bonds: number[][][];
  dividends: number[][];
}

const M = 65535;
const H = Math.floor(65535 / 2);
const all3 = (row: number[]) => [row, row, row];

// Targets and weight schedules of subtensor tests/epoch.rs (setup_yuma_3_scenario: kappa 0.5, bonds
// penalty 0, steepness 1000, bonds moving average 975,000, alpha (0.1, 0.3), 3 validator permits).
const YUMA3_CASES: Yuma3Case[] = [
  {
    name: "test_yuma_3_kappa_moves_first",
    n: 5,
    stakes: [8n, 1n, 1n, 0n, 0n],
    liquidAlpha: true,
    firstCol: 3,
    servers: [3, 4],
    weights: {
      0: all3([M, 0]),
      1: [
        [0, M],
        [M, 0],
        [M, 0],
      ],
      2: [
        [0, M],
        [0, M],
        [M, 0],
      ],
      3: all3([0, M]),
    },
    bonds: [
      [
        [0.1013, 0.0],
        [0.1013, 0.0],
        [0.1013, 0.0],
      ],
      [
        [0.0908, 0.1013],
        [0.3697, 0.0],
        [0.3697, 0.0],
      ],
      [
        [0.0815, 0.1924],
        [0.317, 0.1013],
        [0.558, 0.0],
      ],
      [
        [0.0731, 0.2742],
        [0.2765, 0.1924],
        [0.4306, 0.1013],
      ],
      [
        [0.0656, 0.3478],
        [0.2435, 0.2742],
        [0.3589, 0.1924],
      ],
      [
        [0.0588, 0.4139],
        [0.2157, 0.3478],
        [0.3089, 0.2742],
      ],
    ],
    dividends: [
      [0.8, 0.1, 0.1, 0, 0],
      [1.0, 0, 0, 0, 0],
      [0.9382, 0.0618, 0, 0, 0],
      [0.8819, 0.0773, 0.0407, 0, 0],
      [0.8564, 0.0844, 0.0592, 0, 0],
      [0.8418, 0.0884, 0.0697, 0, 0],
    ],
  },
  {
    name: "test_yuma_3_kappa_moves_second",
    n: 5,
    stakes: [8n, 1n, 1n, 0n, 0n],
    liquidAlpha: true,
    firstCol: 3,
    servers: [3, 4],
    weights: {
      0: all3([M, 0]),
      1: [
        [M, 0],
        [0, M],
        [M, 0],
      ],
      2: [
        [0, M],
        [0, M],
        [M, 0],
      ],
      3: all3([0, M]),
    },
    bonds: [
      [
        [0.1013, 0.0],
        [0.1013, 0.0],
        [0.1013, 0.0],
      ],
      [
        [0.1924, 0.0],
        [0.0908, 0.2987],
        [0.1924, 0.0],
      ],
      [
        [0.1715, 0.1013],
        [0.0815, 0.3697],
        [0.4336, 0.0],
      ],
      [
        [0.1531, 0.1924],
        [0.0731, 0.4336],
        [0.3608, 0.1013],
      ],
      [
        [0.1369, 0.2742],
        [0.0656, 0.491],
        [0.3103, 0.1924],
      ],
      [
        [0.1225, 0.3478],
        [0.0588, 0.5426],
        [0.2712, 0.2742],
      ],
    ],
    dividends: [
      [0.8, 0.1, 0.1, 0, 0],
      [0.8446, 0.0498, 0.1056, 0, 0],
      [0.6868, 0.3132, 0, 0, 0],
      [0.7421, 0.209, 0.0489, 0, 0],
      [0.7625, 0.1706, 0.0669, 0, 0],
      [0.773, 0.1508, 0.0762, 0, 0],
    ],
  },
  {
    name: "test_yuma_3_kappa_moves_last",
    n: 5,
    stakes: [8n, 1n, 1n, 0n, 0n],
    liquidAlpha: true,
    firstCol: 3,
    servers: [3, 4],
    weights: {
      0: all3([M, 0]),
      1: [
        [M, 0],
        [0, M],
        [M, 0],
      ],
      2: [
        [M, 0],
        [0, M],
        [0, M],
      ],
      3: all3([0, M]),
    },
    bonds: [
      [
        [0.1013, 0.0],
        [0.1013, 0.0],
        [0.1013, 0.0],
      ],
      [
        [0.1924, 0.0],
        [0.0908, 0.2987],
        [0.1924, 0.0],
      ],
      [
        [0.2742, 0.0],
        [0.0815, 0.5081],
        [0.1715, 0.2987],
      ],
      [
        [0.2416, 0.1013],
        [0.0731, 0.558],
        [0.1531, 0.3697],
      ],
      [
        [0.2141, 0.1924],
        [0.0656, 0.6028],
        [0.1369, 0.4336],
      ],
      [
        [0.1903, 0.2742],
        [0.0588, 0.643],
        [0.1225, 0.491],
      ],
    ],
    dividends: [
      [0.8, 0.1, 0.1, 0, 0],
      [0.8446, 0.0498, 0.1056, 0, 0],
      [0.8966, 0.0333, 0.0701, 0, 0],
      [0.4663, 0.321, 0.2127, 0, 0],
      [0.5976, 0.234, 0.1683, 0, 0],
      [0.6592, 0.1932, 0.1475, 0, 0],
    ],
  },
  {
    name: "test_yuma_3_one_epoch_switch",
    n: 5,
    stakes: [33n, 33n, 34n, 0n, 0n],
    liquidAlpha: true,
    firstCol: 3,
    servers: [3, 4],
    weights: {
      0: all3([M, 0]),
      1: all3([M, 0]),
      2: [
        [M, 0],
        [M, 0],
        [0, M],
      ],
      3: all3([M, 0]),
      4: all3([M, 0]),
      5: all3([M, 0]),
    },
    bonds: [
      [
        [0.1013, 0.0],
        [0.1013, 0.0],
        [0.1013, 0.0],
      ],
      [
        [0.1924, 0.0],
        [0.1924, 0.0],
        [0.1924, 0.0],
      ],
      [
        [0.2742, 0.0],
        [0.2742, 0.0],
        [0.1715, 0.2987],
      ],
      [
        [0.3478, 0.0],
        [0.3478, 0.0],
        [0.2554, 0.2618],
      ],
      [
        [0.4139, 0.0],
        [0.4139, 0.0],
        [0.3309, 0.2312],
      ],
      [
        [0.4733, 0.0],
        [0.4733, 0.0],
        [0.3987, 0.2051],
      ],
    ],
    dividends: [
      [0.33, 0.33, 0.34, 0, 0],
      [0.33, 0.33, 0.34, 0, 0],
      [0.3782, 0.3782, 0.2436, 0, 0],
      [0.3628, 0.3628, 0.2745, 0, 0],
      [0.3541, 0.3541, 0.2917, 0, 0],
      [0.3487, 0.3487, 0.3026, 0, 0],
    ],
  },
  {
    name: "test_yuma_3_liquid_alpha_disabled",
    n: 5,
    stakes: [33n, 33n, 34n, 0n, 0n],
    liquidAlpha: false,
    firstCol: 2,
    servers: [3, 4],
    weights: {
      0: all3([M, 0]),
      1: all3([M, 0]),
      2: [
        [M, 0],
        [M, 0],
        [0, M],
      ],
      3: all3([M, 0]),
      4: all3([M, 0]),
      5: all3([M, 0]),
    },
    bonds: [
      [
        [0, 0.025, 0],
        [0, 0.025, 0],
        [0, 0.025, 0],
      ],
      [
        [0, 0.0494, 0],
        [0, 0.0494, 0],
        [0, 0.0494, 0],
      ],
      [
        [0, 0.0731, 0],
        [0, 0.0731, 0],
        [0, 0.0481, 0.025],
      ],
      [
        [0, 0.0963, 0],
        [0, 0.0963, 0],
        [0, 0.0719, 0.0244],
      ],
      [
        [0, 0.1189, 0],
        [0, 0.1189, 0],
        [0, 0.0951, 0.0238],
      ],
      [
        [0, 0.1409, 0],
        [0, 0.1409, 0],
        [0, 0.1178, 0.0232],
      ],
    ],
    dividends: [
      [0.33, 0.33, 0.34, 0, 0],
      [0.33, 0.33, 0.34, 0, 0],
      [0.3734, 0.3734, 0.2532, 0, 0],
      [0.3611, 0.3611, 0.2779, 0, 0],
      [0.3541, 0.3541, 0.2919, 0, 0],
      [0.3495, 0.3495, 0.3009, 0, 0],
    ],
  },
  {
    name: "test_yuma_3_stable_miner",
    n: 6,
    stakes: [8n, 1n, 1n, 0n, 0n, 0n],
    liquidAlpha: true,
    firstCol: 3,
    servers: [3, 4, 5],
    weights: {
      0: all3([H, 0, H]),
      1: [
        [H, 0, H],
        [0, H, H],
        [H, 0, H],
      ],
      2: [
        [0, H, H],
        [0, H, H],
        [H, 0, H],
      ],
      3: all3([0, H, H]),
    },
    bonds: [
      [
        [0.0507, 0.0, 0.0507],
        [0.0507, 0.0, 0.0507],
        [0.0507, 0.0, 0.0507],
      ],
      [
        [0.0962, 0.0, 0.0962],
        [0.0455, 0.1, 0.0962],
        [0.0962, 0.0, 0.0962],
      ],
      [
        [0.0863, 0.0507, 0.1371],
        [0.0408, 0.1405, 0.1371],
        [0.177, 0.0, 0.1371],
      ],
      [
        [0.0774, 0.0962, 0.1739],
        [0.0367, 0.177, 0.1739],
        [0.1579, 0.0507, 0.1739],
      ],
      [
        [0.0694, 0.1371, 0.2069],
        [0.0329, 0.2097, 0.2069],
        [0.1411, 0.0962, 0.2069],
      ],
      [
        [0.0623, 0.1739, 0.2366],
        [0.0296, 0.2391, 0.2366],
        [0.1263, 0.1371, 0.2366],
      ],
    ],
    dividends: [
      [0.8, 0.1, 0.1, 0, 0, 0],
      [0.8226, 0.0745, 0.1028, 0, 0, 0],
      [0.775, 0.1685, 0.0565, 0, 0, 0],
      [0.7864, 0.1372, 0.0764, 0, 0, 0],
      [0.7912, 0.1241, 0.0847, 0, 0, 0],
      [0.7937, 0.1173, 0.089, 0, 0, 0],
    ],
  },
];

describe("Yuma epoch: Yuma3 (subtensor tests/epoch.rs test_yuma_3_*)", () => {
  const alphaU16 = (x: number) => Number(fx.saturatingMul(I32, f(x), 65535n << 32n) >> 32n);
  for (const c of YUMA3_CASES) {
    it(`${c.name}: bonds and dividends within 1e-3 of the pinned targets`, () => {
      const s = new Scenario(c.n, c.stakes, {
        kappa: 32767,
        bondsPenalty: 0,
        bondsMovingAverage: 975_000n,
        yuma3: true,
        liquidAlpha: c.liquidAlpha,
        alphaLow: alphaU16(0.1),
        alphaHigh: alphaU16(0.3),
        alphaSigmoidSteepness: 1000,
        maxAllowedValidators: 3,
      });
      const run = () => {
        s.nextBlock();
        return s.epoch();
      };
      run();
      for (let epoch = 0; epoch < 6; epoch++) {
        const rows = c.weights[epoch];
        if (rows) {
          rows.forEach((r, uid) => {
            s.setWeights(uid, c.servers, r);
          });
        }
        const out = run();
        (c.bonds[epoch] as number[][]).forEach((row, v) => {
          row.forEach((target, k) => {
            const got = Number(fx.toDecimal(I32, u16ProportionToFixed(s.bond(v, c.firstCol + k))));
            expect(
              Math.abs(got - target),
              `epoch ${epoch} bond[${v}][${c.firstCol + k}]`,
            ).toBeLessThanOrEqual(1e-3);
          });
        });
        out.dividendsU16.forEach((d, i) => {
          const got = Number(fx.toDecimal(I32, u16ProportionToFixed(d)));
          const target = c.dividends[epoch]?.[i] as number;
          expect(Math.abs(got - target), `epoch ${epoch} dividend[${i}]`).toBeLessThanOrEqual(1e-3);
        });
      }
    });
  }
});

describe("Yuma epoch: activity cutoff (subtensor tests/epoch.rs test_active_stake)", () => {
  it("inactive validators lose active stake; dividends, emission and bonds match the pinned values", () => {
    const s = new Scenario(
      4,
      [1n, 1n, 1n, 1n],
      {
        kappa: 32767,
        bondsPenalty: 65535,
        bondsMovingAverage: 900_000n,
        yuma3: false,
        liquidAlpha: false,
        maxAllowedValidators: 4,
      },
      0n,
    );
    s.epoch();
    s.nextBlock();
    const half = Math.floor(65535 / 2);
    for (const uid of [0, 1]) s.setWeights(uid, [2, 3], [half, half]);
    let out = s.epoch();
    expect(out.dividendsU16.slice(0, 2)).toEqual([32767, 32767]);
    expect(out.emission).toEqual([250000000n, 250000000n, 250000000n, 250000000n]);
    for (const v of [0, 1])
      expect([s.bond(v, 0), s.bond(v, 1), s.bond(v, 2), s.bond(v, 3)]).toEqual([0, 0, 65535, 65535]);

    s.block = 5_002n; // run_to_block_no_epoch(activity_cutoff + 2): uid 1's weights are now outdated
    s.setWeights(0, [2, 3], [half, half]);
    out = s.epoch();
    expect(out.dividendsU16[0]).toBe(36044);
    expect(out.emission[0]).toBe(274999999n);
    expect([s.bond(0, 2), s.bond(0, 3)]).toEqual([65535, 65535]);
    expect(out.dividendsU16[1]).toBe(29490);
    expect(out.emission[1]).toBe(224999999n);
    expect([s.bond(1, 2), s.bond(1, 3)]).toEqual([53619, 53619]);

    s.setWeights(1, [2, 3], [half, half]);
    s.block = 5_003n;
    out = s.epoch();
    expect(out.dividendsU16[0]).toBe(35716);
    expect(out.emission[0]).toBe(272501132n);
    expect([s.bond(0, 2), s.bond(0, 3)]).toEqual([65535, 65535]);
    expect(out.dividendsU16[1]).toBe(29818);
    expect(out.emission[1]).toBe(227498866n);
    expect([s.bond(1, 2), s.bond(1, 3)]).toEqual([54712, 54712]);
  });
});

describe("Yuma epoch: small graphs (subtensor tests/epoch.rs)", () => {
  it("test_10_graph: self-weights only, no permits → emission by stake, 99,999,999 each", () => {
    const n = 10;
    const out = yumaEpoch({
      spec: 425,
      block: 1n,
      tempo: 65534,
      activityCutoff: 5000n,
      lastUpdate: Array(n).fill(1n),
      blockAtRegistration: Array(n).fill(0n),
      alphaStake: Array(n).fill(1n),
      validatorPermit: Array(n).fill(false),
      maxAllowedValidators: 64,
      weights: Array.from({ length: n }, (_, i): [number, number][] => [[i, 65535]]),
      bonds: Array.from({ length: n }, () => []),
      kappa: 32767,
      bondsPenalty: 65535,
      bondsMovingAverage: 900_000n,
      yuma3: false,
      liquidAlpha: false,
      emission: 1_000_000_000n,
    });
    expect(out.emission).toEqual(Array(n).fill(99_999_999n));
    expect(out.consensusU16).toEqual(Array(n).fill(0));
    expect(out.incentiveU16).toEqual(Array(n).fill(0));
    expect(out.dividendsU16).toEqual(Array(n).fill(0));
  });

  it("test_1_graph: a single self-weighting neuron gets no consensus, incentive or dividends", () => {
    const out = yumaEpoch({
      spec: 425,
      block: 1n,
      tempo: 65534,
      activityCutoff: 5000n,
      lastUpdate: [1n],
      blockAtRegistration: [0n],
      alphaStake: [1_000_000_000n],
      validatorPermit: [false],
      maxAllowedValidators: 64,
      weights: [[[0, 65535]]],
      bonds: [[]],
      kappa: 32767,
      bondsPenalty: 65535,
      bondsMovingAverage: 900_000n,
      yuma3: false,
      liquidAlpha: false,
      emission: 1_000_000_000n,
    });
    expect([out.consensusU16[0], out.incentiveU16[0], out.dividendsU16[0]]).toEqual([0, 0, 0]);
  });
});

describe("Yuma epoch invariants", () => {
  it("miner + validator emission never exceeds the epoch emission and loses at most n rao", () => {
    const s = new Scenario(8, [1n, 2n, 3n, 4n, 0n, 0n, 0n, 0n], {
      kappa: 32767,
      bondsPenalty: 65535,
      bondsMovingAverage: 900_000n,
      yuma3: false,
      liquidAlpha: false,
      maxAllowedValidators: 8,
    });
    s.epoch();
    s.nextBlock();
    for (let uid = 0; uid < 4; uid++) s.setWeights(uid, [4, 5, 6, 7], [16383, 32767, 49149, 65535]);
    const out = s.epoch();
    const total = [...out.serverEmission, ...out.validatorEmission].reduce((a, b) => a + b, 0n);
    expect(total).toBeLessThanOrEqual(1_000_000_000n);
    expect(1_000_000_000n - total).toBeLessThanOrEqual(16n);
    // consensus of four identical validators is their common normalised weight (C in test_bonds' trace:
    // 0.0999975584, 0.2000012207, 0.2999926754, 0.400008545 → floor(· 65535))
    expect(out.consensusU16.slice(4)).toEqual([6553, 13107, 19660, 26214]);
    expect(out.consensus.slice(4).map((c) => Number(fx.toDecimal(I32, c)).toFixed(10))).toEqual([
      "0.0999975584",
      "0.2000012207",
      "0.2999926754",
      "0.4000085450",
    ]);
    expect(out.incentiveU16.slice(0, 4)).toEqual([0, 0, 0, 0]);
  });

  it("no weights: emission goes to validators by active stake (test_epoch_outputs_single_staker_registered_no_weights)", () => {
    const out = yumaEpoch({
      spec: 425,
      block: 10n,
      tempo: 360,
      activityCutoff: 5000n,
      lastUpdate: [10n],
      blockAtRegistration: [1n],
      alphaStake: [1_000n],
      validatorPermit: [true],
      maxAllowedValidators: 64,
      weights: [[]],
      bonds: [[]],
      kappa: 32767,
      bondsPenalty: 65535,
      bondsMovingAverage: 900_000n,
      yuma3: false,
      liquidAlpha: false,
      emission: 1_000_000_000n,
    });
    expect(out.serverEmission).toEqual([0n]);
    expect(out.validatorEmission).toEqual([1_000_000_000n]);
    expect(out.emission).toEqual([1_000_000_000n]);
    expect(out.stakeWeightU16).toEqual([65535]);
  });
});

describe("epoch math helpers (subtensor tests/math.rs)", () => {
  it("test_math_fixed_proportion_to_u16 style conversions", () => {
    expect(fixedProportionToU16(I32.one)).toBe(65535);
    expect(fixedProportionToU16(0n)).toBe(0);
    expect(fixedProportionToU16(f(0.5))).toBe(32767);
    expect(fixedProportionToU16(fx.fromInt(I32, 2n))).toBe(65535);
  });

  it("is_topk_nonzero: zeros never get a permit; ties resolved by stable sort (lower UID loses)", () => {
    expect(isTopkNonzero([f(1), f(0), f(1), f(2)], 2)).toEqual([false, false, true, true]);
    expect(isTopkNonzero([f(0), f(0), f(3)], 5)).toEqual([false, false, true]);
  });

  it("weighted_median: stake quantile pivot search", () => {
    const stake = [f(0.25), f(0.25), f(0.25), f(0.25)];
    const score = [f(0.1), f(0.2), f(0.3), f(0.4)];
    const idx = [0, 1, 2, 3];
    // minority = 1 − kappa(0.5) = 0.5: the median lies on the boundary between 0.2 and 0.3
    const med = weightedMedian(stake, score, idx, f(0.5), 0n, I32.one);
    expect([f(0.2), f(0.3)]).toContain(med);
    // all stake on one score returns that score
    expect(weightedMedian([I32.one], [f(0.7)], [0], f(0.5), 0n, I32.one)).toBe(f(0.7));
  });
});
