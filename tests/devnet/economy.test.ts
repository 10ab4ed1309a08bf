// The devnet economy on both rule sets: genesis storage, staking extrinsics with the chain's checks,
// errors and events, and exact TAO accounting.
import { describe, expect, it } from "vitest";
import { genesisOwnerHotkey } from "../../devnet/pallets/subtensor/genesis";
import { balancesIssuance, EconChain, poolTao, TAO } from "./economyHarness";

describe.each(["v3", "current"] as const)("economy (%s rules)", (variant) => {
  it("writes root + N subnets with pools, owners, identities and issuance at genesis", async () => {
    const c = await EconChain.create(variant, { subnets: 3, tempo: 10 });
    const st = c.storeAt(0);
    expect(st.netuids()).toEqual([0, 1, 2, 3]);
    expect(st.num("SubnetMechanism", 0)).toBe(0);
    expect(st.num("SubnetMechanism", 2)).toBe(1);
    expect(st.big("SubnetTAO", 2)).toBe(1_000n * TAO);
    expect(st.big("SubnetAlphaIn", 2)).toBe(2_000n * TAO); // price 0.5
    expect(st.num("Tempo", 1)).toBe(10);
    expect(st.num("TotalNetworks")).toBe(4);
    expect(st.account("SubnetOwnerHotkey", 1)).toEqual(genesisOwnerHotkey(1));
    expect((st.json("SubnetIdentitiesV3", 2) as { subnetName: string }).subnetName).toBe(
      `0x${Buffer.from("subnet-2").toString("hex")}`,
    );
    expect(st.big("TotalStake")).toBe(3_000n * TAO);
    expect(st.big("TotalIssuance")).toBe(balancesIssuance(st) + poolTao(st));
    if (variant === "v3") expect(st.read("Swap", "SwapV3Initialized", 1)?.toJSON()).toBe(true);
    else expect(st.read("Swap", "PalSwapInitialized", 1)?.toJSON()).toBe(true);
  });

  it("add_stake / remove_stake move TAO through the pool with the engine's quote and no rao lost", async () => {
    const c = await EconChain.create(variant, { subnets: 2, emitting: false });
    const { Bob } = c.pairs;
    const hot = genesisOwnerHotkey(1);
    const before = c.store;
    const bobBefore = c.free(Bob);
    const taoBefore = before.big("SubnetTAO", 1);
    const alphaInBefore = before.big("SubnetAlphaIn", 1);
    const r = c.send(Bob, "SubtensorModule", "add_stake", [hot, 1, 10n * TAO]);
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    const added = r.events.find((e) => e.method === "StakeAdded");
    expect(added).toBeDefined();
    const [cold, hk, tao, alpha, netuid, fee] = added!.data as [
      string,
      string,
      number,
      number,
      number,
      number,
    ];
    expect(cold).toBe(Bob.address);
    expect(hk).toBeTypeOf("string");
    expect(BigInt(tao)).toBe(10n * TAO);
    expect(netuid).toBe(1);
    expect(BigInt(fee)).toBeGreaterThan(0n);
    const st = c.store;
    expect(st.big("SubnetTAO", 1) - taoBefore).toBe(10n * TAO - BigInt(fee));
    expect(alphaInBefore - st.big("SubnetAlphaIn", 1)).toBe(BigInt(alpha));
    expect(st.big("SubnetAlphaOut", 1)).toBe(BigInt(alpha));
    expect(st.big("TotalHotkeyAlpha", hot, 1)).toBe(BigInt(alpha));
    expect(st.accounts("StakingHotkeys", Bob.publicKey)).toEqual([hot]);
    const feePaid = r.events.find((e) => e.method === "TransactionFeePaid")!.data[1] as number;
    expect(bobBefore - c.free(Bob)).toBe(10n * TAO + BigInt(feePaid));
    expect(BigInt(st.read("SubtensorModule", "SubnetVolume", 1)!.toString())).toBe(10n * TAO);

    // Unstake half of it: TAO comes back minus the swap fee (paid in alpha, sold to the author).
    const half = BigInt(alpha) / 2n;
    const r2 = c.send(Bob, "SubtensorModule", "remove_stake", [hot, 1, half]);
    expect(r2.ok).toBe(true);
    const removed = r2.events.find((e) => e.method === "StakeRemoved")!.data as number[];
    expect(BigInt(removed[5] as number)).toBeGreaterThan(0n);
    const st2 = c.store;
    expect(st2.big("TotalHotkeyAlpha", hot, 1)).toBe(BigInt(alpha) - half);
    expect(st2.big("SubnetAlphaOut", 1)).toBe(BigInt(alpha) - half);
    expect(st2.big("TotalStake")).toBe(poolTao(st2));
  });

  it("unstake_all_alpha sells every alpha position and restakes the TAO on root", async () => {
    const c = await EconChain.create(variant, { subnets: 2, emitting: false });
    const { Bob } = c.pairs;
    const hot = genesisOwnerHotkey(1);
    expect(c.send(Bob, "SubtensorModule", "add_stake", [hot, 1, 10n * TAO]).ok).toBe(true);
    expect(c.send(Bob, "SubtensorModule", "add_stake", [hot, 2, 10n * TAO]).ok).toBe(true);
    const r = c.send(Bob, "SubtensorModule", "unstake_all_alpha", [hot]);
    expect(r.ok, c.errorName(r.error)).toBe(true);
    const evs = r.events.filter((e) => e.section === "subtensorModule").map((e) => [e.method, e.data[4]]);
    expect(evs).toEqual([
      ["StakeRemoved", 1],
      ["StakeRemoved", 2],
      ["StakeAdded", 0],
    ]);
    const st = c.store;
    expect(st.big("TotalHotkeyAlpha", hot, 1)).toBe(0n);
    expect(st.big("TotalHotkeyAlpha", hot, 2)).toBe(0n);
    expect(st.big("TotalHotkeyAlpha", hot, 0)).toBeGreaterThan(19n * TAO);
    expect(st.big("SubnetTAO", 0)).toBe(st.big("TotalHotkeyAlpha", hot, 0));
    expect(st.big("TotalStake")).toBe(poolTao(st));
  });

  it("refuses invalid staking with the chain's errors and leaves state untouched", async () => {
    const c = await EconChain.create(variant, { subnets: 2, emitting: false });
    const { Bob, Charlie } = c.pairs;
    const hot = genesisOwnerHotkey(1);
    const cases: Array<[unknown[], string, string]> = [
      [[hot, 9, 10n * TAO], "add_stake", "subtensorModule.SubnetNotExists"],
      [[hot, 1, 1_000n], "add_stake", "subtensorModule.AmountTooLow"],
      [[Charlie.publicKey, 1, 10n * TAO], "add_stake", "subtensorModule.HotKeyAccountNotExists"],
      [[hot, 1, 10_000_000n * TAO], "add_stake", "subtensorModule.NotEnoughBalanceToStake"],
      [[hot, 1, 5n * TAO], "remove_stake", "subtensorModule.NotEnoughStakeToWithdraw"],
    ];
    for (const [args, call, err] of cases) {
      const before = c.store;
      const snapshot = [before.big("SubnetTAO", 1), before.big("SubnetAlphaIn", 1), before.big("TotalStake")];
      const r = c.send(Bob, "SubtensorModule", call, args);
      expect(r.ok, `${call} ${err}`).toBe(false);
      expect(c.errorName(r.error)).toBe(err);
      const after = c.store;
      expect([after.big("SubnetTAO", 1), after.big("SubnetAlphaIn", 1), after.big("TotalStake")]).toEqual(
        snapshot,
      );
      expect(r.events.some((e) => e.method === "StakeAdded" || e.method === "StakeRemoved")).toBe(false);
    }
    const r = c.send(Bob, "SubtensorModule", "swap_stake", [hot, 1, 1, 5n * TAO]);
    expect(c.errorName(r.error)).toBe("subtensorModule.SameNetuid");
  });
});
