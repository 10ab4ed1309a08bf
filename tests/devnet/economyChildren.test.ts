// Childkeys on the devnet economy: set_children checks, scheduling with the cooldown, application at the
// subnet's epoch (ChildKeys/ParentKeys, SetChildren), and the parent's share of the child's dividends.
import { describe, expect, it } from "vitest";
import { EconChain, TAO } from "./economyHarness";

const HALF = (1n << 63n) - 1n;

describe.each(["v3", "current"] as const)("childkeys (%s rules)", (variant) => {
  it("schedules, applies at the epoch and shares the child's dividends with the parent", async () => {
    const c = await EconChain.create(variant, { subnets: 1, tempo: 5 });
    const { Bob, Charlie, Dave, Eve } = c.pairs;
    expect(c.sudo("SubtensorModule", "set_pending_childkey_cooldown", [0n]).ok).toBe(true);
    expect(c.sudo("AdminUtils", "sudo_set_weights_set_rate_limit", [1, 0]).ok).toBe(true);
    // Dave (child, Bob's) validates on subnet 1; Eve (parent, Charlie's) has stake but no UID.
    expect(c.send(Bob, "SubtensorModule", "burned_register", [1, Dave.publicKey]).ok).toBe(true);
    expect(c.send(Charlie, "SubtensorModule", "try_associate_hotkey", [Eve.publicKey]).ok).toBe(true);
    expect(c.send(Bob, "SubtensorModule", "add_stake", [Dave.publicKey, 1, 100n * TAO]).ok).toBe(true);
    expect(c.send(Charlie, "SubtensorModule", "add_stake", [Eve.publicKey, 1, 100n * TAO]).ok).toBe(true);

    const self = c.send(Charlie, "SubtensorModule", "set_children", [
      Eve.publicKey,
      1,
      [[HALF, Eve.publicKey]],
    ]);
    expect(c.errorName(self.error)).toBe("subtensorModule.InvalidChild");
    const notMine = c.send(Bob, "SubtensorModule", "set_children", [
      Eve.publicKey,
      1,
      [[HALF, Dave.publicKey]],
    ]);
    expect(c.errorName(notMine.error)).toBe("subtensorModule.NonAssociatedColdKey");
    const dup = c.send(Charlie, "SubtensorModule", "set_children", [
      Eve.publicKey,
      1,
      [
        [1n, Dave.publicKey],
        [1n, Dave.publicKey],
      ],
    ]);
    expect(c.errorName(dup.error)).toBe("subtensorModule.DuplicateChild");
    const ok = c.send(Charlie, "SubtensorModule", "set_children", [
      Eve.publicKey,
      1,
      [[HALF, Dave.publicKey]],
    ]);
    expect(ok.ok, c.errorName(ok.error)).toBe(true);
    expect(ok.events.find((e) => e.method === "SetChildrenScheduled")?.data[0]).toBe(Eve.address);

    // Epochs run every tempo+1 (v3) / tempo (current) blocks; the pending children apply at one of them.
    c.blocks(8);
    const applied = Array.from({ length: 8 }, (_, i) => c.events(c.chain.best.number - i)).flat();
    expect(applied.some((e) => e.method === "SetChildren")).toBe(true);
    const st = c.store;
    expect(st.read("SubtensorModule", "ChildKeys", Eve.publicKey, 1)?.toJSON()).toEqual([
      ["0x7fffffffffffffff", Dave.address],
    ]);
    expect(st.read("SubtensorModule", "ParentKeys", Dave.publicKey, 1)?.toJSON()).toEqual([
      ["0x7fffffffffffffff", Eve.address],
    ]);

    // Dave sets weights; after the next epochs the parent's pool grows from the child's dividends.
    c.blocks(6);
    const w = c.send(Dave, "SubtensorModule", "set_weights", [1, [0], [65535], 0]);
    expect(w.ok, c.errorName(w.error)).toBe(true);
    const eveBefore = c.store.big("TotalHotkeyAlpha", Eve.publicKey, 1);
    c.blocks(12);
    expect(c.store.big("TotalHotkeyAlpha", Eve.publicKey, 1)).toBeGreaterThan(eveBefore);
  });
});
