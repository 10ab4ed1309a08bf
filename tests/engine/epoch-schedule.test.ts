import { describe, expect, it } from "vitest";
import {
  blocksUntilNextAutoEpoch,
  type EpochScheduleState,
  legacyBlocksUntilNextEpoch,
  legacyShouldRunEpoch,
  statefulShouldRunEpoch,
  stepEpochSchedule,
} from "../../lib/engine/ref/epoch-schedule";

const U64_MAX = (1n << 64n) - 1n;

describe("legacy epoch schedule (spec ≤ 422)", () => {
  // Values pinned by subtensor tests/emission.rs at c032dd804 (blocks_until_next_epoch).
  it("test_zero_tempo", () => {
    expect(legacyBlocksUntilNextEpoch(1, 0, 100n)).toBe(U64_MAX);
  });
  it("test_regular_case", () => {
    expect(legacyBlocksUntilNextEpoch(1, 10, 5n)).toBe(3n);
    expect(legacyBlocksUntilNextEpoch(2, 20, 15n)).toBe(2n);
    expect(legacyBlocksUntilNextEpoch(3, 30, 25n)).toBe(1n);
  });
  it("test_boundary_conditions / test_overflow_handling (u64 wrap-around)", () => {
    expect(legacyBlocksUntilNextEpoch(65535, 65535, U64_MAX)).toBe(0n);
    expect(legacyBlocksUntilNextEpoch(65535, 65535, 0n)).toBe(65535n);
    expect(legacyBlocksUntilNextEpoch(65535, 65535, U64_MAX - 1n)).toBe(1n);
  });
  it("test_epoch_alignment", () => {
    expect(legacyBlocksUntilNextEpoch(1, 10, 9n)).toBe(10n);
    expect(legacyBlocksUntilNextEpoch(2, 20, 21n)).toBe(17n);
  });
  it("test_different_network_ids", () => {
    expect(legacyBlocksUntilNextEpoch(1, 10, 5n)).toBe(3n);
    expect(legacyBlocksUntilNextEpoch(2, 10, 5n)).toBe(2n);
    expect(legacyBlocksUntilNextEpoch(3, 10, 5n)).toBe(1n);
  });
  it("test_large_tempo_values", () => {
    expect(legacyBlocksUntilNextEpoch(1, 65534, 100n)).toBe(65535n - 103n);
  });
  it("test_consecutive_blocks", () => {
    let last = legacyBlocksUntilNextEpoch(1, 10, 0n);
    for (let i = 1n; i < 9n; i++) {
      const cur = legacyBlocksUntilNextEpoch(1, 10, i);
      expect(cur).toBe(last - 1n);
      last = cur;
    }
  });
  it("test_wrap_around_behavior", () => {
    expect(legacyBlocksUntilNextEpoch(1, 10, U64_MAX)).toBe(9n);
    expect(legacyBlocksUntilNextEpoch(1, 10, U64_MAX - 1n)).toBe(10n);
  });
  it("fires with period tempo + 1 when blocks_until_next_epoch is 0, i.e. (block + netuid + 1) mod (tempo + 1) == tempo", () => {
    const fires = [];
    for (let b = 0n; b < 1000n; b++) if (legacyShouldRunEpoch(7, 360, b)) fires.push(b);
    expect(fires).toEqual([352n, 713n]);
    // The chain's doc table: tempo 1 → netuid 0 first fires at block 0, netuid 1 at block 1; tempo 100 → 99, 98.
    expect(legacyShouldRunEpoch(0, 1, 0n)).toBe(true);
    expect(legacyShouldRunEpoch(1, 1, 1n)).toBe(true);
    expect(legacyBlocksUntilNextEpoch(0, 100, 0n)).toBe(99n);
    expect(legacyBlocksUntilNextEpoch(1, 100, 0n)).toBe(98n);
  });
});

describe("stateful epoch schedule (spec ≥ 423)", () => {
  // Values pinned by subtensor tests/emission.rs @ 14bc6f9f9 (blocks_until_next_auto_epoch, LastEpochBlock = 0).
  it("test_regular_case / test_epoch_alignment / test_boundary_conditions / test_wrap_around_behavior", () => {
    expect(blocksUntilNextAutoEpoch(0n, 0, 100n)).toBe(U64_MAX);
    expect(blocksUntilNextAutoEpoch(0n, 10, 5n)).toBe(5n);
    expect(blocksUntilNextAutoEpoch(0n, 20, 15n)).toBe(5n);
    expect(blocksUntilNextAutoEpoch(0n, 30, 25n)).toBe(5n);
    expect(blocksUntilNextAutoEpoch(0n, 10, 9n)).toBe(1n);
    expect(blocksUntilNextAutoEpoch(0n, 20, 21n)).toBe(0n);
    expect(blocksUntilNextAutoEpoch(0n, 65535, U64_MAX)).toBe(0n);
    expect(blocksUntilNextAutoEpoch(0n, 65535, 0n)).toBe(65535n);
    expect(blocksUntilNextAutoEpoch(0n, 65534, 100n)).toBe(65534n - 100n);
    expect(blocksUntilNextAutoEpoch(0n, 10, U64_MAX - 1n)).toBe(0n);
  });

  const base = (netuid: number, over: Partial<EpochScheduleState> = {}): EpochScheduleState => ({
    netuid,
    tempo: 100,
    lastEpochBlock: 0n,
    pendingEpochAt: 0n,
    blocksSinceLastStep: 0n,
    epochIndex: 0n,
    ...over,
  });

  it("test_coinbase_drain_pending_resets_blockssincelaststep: due at LastEpochBlock + tempo", () => {
    expect(statefulShouldRunEpoch(base(1), 102n)).toBe(true);
    const r = stepEpochSchedule(425, 102n, [base(1, { blocksSinceLastStep: 12_345_678n })], 2);
    expect(r.fired).toEqual([1]);
    expect(r.states[0]?.blocksSinceLastStep).toBe(0n);
    expect(r.states[0]?.lastEpochBlock).toBe(102n);
    expect(r.states[0]?.epochIndex).toBe(1n);
  });

  it("test_coinbase_drain_pending_increments_blockssincelaststep", () => {
    const r = stepEpochSchedule(425, 1n, [base(1, { lastEpochBlock: 1n })], 2);
    expect(r.fired).toEqual([]);
    expect(r.states[0]?.blocksSinceLastStep).toBe(1n);
  });

  it("test_epochs_deferred_this_block_respects_cap: due subnets beyond MaxEpochsPerBlock move to block + 1", () => {
    const cap = 2;
    const subnets = [1, 2, 3, 4].map((n) => base(n, { pendingEpochAt: 1n, lastEpochBlock: 1n }));
    const r = stepEpochSchedule(425, 1n, subnets, cap);
    expect(r.fired).toEqual([1, 2]);
    expect(r.deferred).toEqual([3, 4]);
    expect(r.states[2]?.pendingEpochAt).toBe(2n);
    const r2 = stepEpochSchedule(425, 2n, r.states, cap);
    expect(r2.fired).toEqual([3, 4]);
    expect(r2.states.every((s) => s.pendingEpochAt === 0n)).toBe(true);
  });

  it("safety net: an epoch fires once BlocksSinceLastStep exceeds 50,400", () => {
    const s = base(1, { tempo: 50_400, lastEpochBlock: 1_000_000n, blocksSinceLastStep: 50_400n });
    expect(stepEpochSchedule(425, 1_000_001n, [s], 2).fired).toEqual([1]);
  });

  it("inconsistent Keys map consumes the slot without draining", () => {
    const r = stepEpochSchedule(425, 100n, [base(1, { consistent: false })], 2);
    expect(r.fired).toEqual([]);
    expect(r.skipped).toEqual([1]);
    expect(r.states[0]?.lastEpochBlock).toBe(100n);
  });

  it("tempo 0 never fires", () => {
    expect(stepEpochSchedule(425, 10_000n, [base(1, { tempo: 0 })], 2).fired).toEqual([]);
    expect(stepEpochSchedule(393, 10_000n, [base(1, { tempo: 0 })], 2).fired).toEqual([]);
  });

  it("period is tempo blocks (stateful) vs tempo + 1 (legacy)", () => {
    const count = (spec: number) => {
      let states = [base(3, { tempo: 360 })];
      let n = 0;
      for (let b = 1n; b <= 3_610n; b++) {
        const r = stepEpochSchedule(spec, b, states, 2);
        n += r.fired.length;
        states = r.states;
      }
      return n;
    };
    expect(count(425)).toBe(10);
    expect(count(393)).toBe(10);
    expect(count(393)).toBe(Math.floor((3_610 + 3 + 2) / 361));
  });
});
