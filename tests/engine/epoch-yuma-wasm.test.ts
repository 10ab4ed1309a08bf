import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { readEngineWasm } from "../../lib/engine/compile";
import { hasYumaExports, type YumaWasmExports, yumaEpochWasm } from "../../lib/engine/epoch-yuma-wasm";
import { type YumaInput, yumaEpoch } from "../../lib/engine/ref/epoch-yuma";
import { engineImports } from "../../lib/engine/wasm";

let x: YumaWasmExports;
beforeAll(async () => {
  // The project's engine.wasm (built from lib/engine/assembly, incl. epoch-yuma.entry.ts) instantiated directly,
  // because the Yuma entry points are not part of the typed WasmEngine wrapper yet.
  const bytes = await readEngineWasm();
  const instance = await WebAssembly.instantiate(
    new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>),
    engineImports(),
  );
  if (!hasYumaExports(instance.exports)) throw new Error("engine.wasm lacks the yuma exports (stale build?)");
  x = instance.exports as unknown as YumaWasmExports;
}, 180_000);

const arbInput = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    spec: fc.constantFrom(362, 393, 397, 423, 425),
    block: fc.bigInt({ min: 1n, max: 20_000n }),
    tempo: fc.integer({ min: 1, max: 400 }),
    activityCutoff: fc.bigInt({ min: 1n, max: 10_000n }),
    lastMechanismStepBlock: fc.bigInt({ min: 0n, max: 20_000n }),
    lastUpdate: fc.array(fc.bigInt({ min: 0n, max: 20_000n }), { minLength: n, maxLength: n }),
    blockAtRegistration: fc.array(fc.bigInt({ min: 0n, max: 20_000n }), { minLength: n, maxLength: n }),
    alphaStake: fc.array(fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10n ** 18n })), {
      minLength: n,
      maxLength: n,
    }),
    rootStake: fc.array(fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10n ** 16n })), {
      minLength: n,
      maxLength: n,
    }),
    taoWeight: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    stakeThreshold: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    ownerUid: fc.option(fc.integer({ min: 0, max: n }), { nil: null }),
    validatorPermit: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    maxAllowedValidators: fc.integer({ min: 0, max: n + 1 }),
    weights: fc.array(
      fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: 65535 })), {
        selector: (t) => t[0],
        maxLength: n,
      }),
      { minLength: n, maxLength: n },
    ),
    bonds: fc.array(
      fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: 65535 })), {
        selector: (t) => t[0],
        maxLength: n,
      }),
      { minLength: n, maxLength: n },
    ),
    commitBlocks: fc.option(
      fc.array(fc.option(fc.bigInt({ min: 0n, max: 20_000n }), { nil: null }), {
        minLength: n,
        maxLength: n,
      }),
      { nil: null },
    ),
    kappa: fc.integer({ min: 0, max: 65535 }),
    bondsPenalty: fc.integer({ min: 0, max: 65535 }),
    bondsMovingAverage: fc.bigInt({ min: 0n, max: 1_000_000n }),
    yuma3: fc.boolean(),
    liquidAlpha: fc.boolean(),
    alphaLow: fc.integer({ min: 0, max: 65535 }),
    alphaHigh: fc.integer({ min: 0, max: 65535 }),
    alphaSigmoidSteepness: fc.integer({ min: -32768, max: 32767 }),
    emission: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  }),
);

describe("Yuma epoch: WASM agrees with the BigInt reference bit for bit", () => {
  it("native I32F32 exp equals the generic library exp over the liquid-alpha range", () => {
    const ex = x as unknown as { yumaExpCheck(v: bigint): bigint; yumaExpGeneric(v: bigint): bigint };
    fc.assert(
      fc.property(fc.bigInt({ min: -(25n << 32n), max: 25n << 32n }), (v) => {
        expect(ex.yumaExpCheck(v)).toBe(ex.yumaExpGeneric(v));
      }),
      { numRuns: 10_000 },
    );
  });

  it("the pinned test_bonds epoch", () => {
    const w: [number, number][] = [
      [4, 16383],
      [5, 32767],
      [6, 49149],
      [7, 65535],
    ];
    const input: YumaInput = {
      spec: 425,
      block: 2n,
      tempo: 1,
      activityCutoff: 5000n,
      lastUpdate: [2n, 2n, 2n, 2n, 0n, 0n, 0n, 0n],
      blockAtRegistration: Array(8).fill(1n),
      alphaStake: [1n, 2n, 3n, 4n, 0n, 0n, 0n, 0n],
      validatorPermit: [true, true, true, true, false, false, false, false],
      maxAllowedValidators: 8,
      weights: [w, w, w, w, [], [], [], []],
      bonds: Array(8).fill([]),
      kappa: 32767,
      bondsPenalty: 65535,
      bondsMovingAverage: 900_000n,
      yuma3: false,
      liquidAlpha: false,
      emission: 1_000_000_000n,
    };
    const out = yumaEpochWasm(x, input);
    expect(out.emission).toEqual([
      49999998n,
      99999999n,
      150000000n,
      200000001n,
      49998779n,
      100000610n,
      149996337n,
      200004272n,
    ]);
    expect(out).toEqual(yumaEpoch(input));
  });

  it("random subnets (fast-check)", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const inp = input as YumaInput;
        expect(yumaEpochWasm(x, inp)).toEqual(yumaEpoch(inp));
      }),
      { numRuns: 10_000 },
    );
  });
});
