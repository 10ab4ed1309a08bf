// Registration, subnet lifecycle, weights + epochs, stake moves, burns and sudo hyperparameters on the
// devnet economy, through signed extrinsics.
import { beforeAll, describe, expect, it } from "vitest";
import { genesisOwnerHotkey } from "../../devnet/pallets/subtensor/genesis";
import { balancesIssuance, EconChain, poolTao, TAO } from "./economyHarness";

const names = (evs: { section: string; method: string }[]) => evs.map((e) => `${e.section}.${e.method}`);

describe.each(["v3", "current"] as const)("economy calls (%s rules)", (variant) => {
  let c: EconChain;
  beforeAll(async () => {
    c = await EconChain.create(variant, { subnets: 2, tempo: 10 });
  });

  it("burned_register recycles the burn, assigns the next UID and bumps the burn", () => {
    const { Bob, Dave } = c.pairs;
    const st0 = c.store;
    const burn = st0.big("Burn", 1);
    void burn;
    const alphaOut = st0.big("SubnetAlphaOut", 1);
    const r = c.send(Bob, "SubtensorModule", "burned_register", [1, Dave.publicKey]);
    expect(r.ok, c.errorName(r.error)).toBe(true);
    const reg = r.events.find((e) => e.method === "NeuronRegistered")!;
    expect(reg.data).toEqual([1, 1, Dave.address]);
    const st = c.store;
    expect(st.num("SubnetworkN", 1)).toBe(2);
    expect(st.account("Keys", 1, 1)).toEqual(Dave.publicKey);
    expect(st.read("SubtensorModule", "Uids", 1, Dave.publicKey)?.toJSON()).toBe(1);
    expect(st.account("Owner", Dave.publicKey)).toEqual(Bob.publicKey);
    // The burn paid is the (decayed) Burn at the start of this block; the next price is bumped ×1.26.
    const paid = st.big("RAORecycledForRegistration", 1);
    expect(paid).toBeGreaterThan(0n);
    expect(paid).toBeLessThanOrEqual(st0.big("Burn", 1));
    expect(st.big("Burn", 1)).toBe((paid * 126n) / 100n);
    // The bought alpha was recycled: nobody holds it.
    expect(st.big("TotalHotkeyAlpha", Dave.publicKey, 1)).toBe(0n);
    void alphaOut;
    const again = c.send(Bob, "SubtensorModule", "burned_register", [1, Dave.publicKey]);
    expect(c.errorName(again.error)).toBe("subtensorModule.HotKeyAlreadyRegisteredInSubNet");
    const root = c.send(Bob, "SubtensorModule", "burned_register", [0, Dave.publicKey]);
    expect(c.errorName(root.error)).toBe("subtensorModule.RegistrationNotPermittedOnRootSubnet");
  });

  it("validators set weights and the epoch writes Yuma outputs and pays incentive", () => {
    const { Bob, Dave } = c.pairs;
    const ownerHot = genesisOwnerHotkey(1);
    expect(c.sudo("AdminUtils", "sudo_set_weights_set_rate_limit", [1, 0]).ok).toBe(true);
    // Bob nominates the owner hotkey (UID 0, the only permit holder) so it has stake to weigh with.
    expect(c.send(Bob, "SubtensorModule", "add_stake", [ownerHot, 1, 50n * TAO]).ok).toBe(true);
    // The owner hotkey has no key pair; Dave (UID 1) cannot set weights without a permit.
    const noPermit = c.send(Dave, "SubtensorModule", "set_weights", [1, [0], [65535], 0]);
    expect(c.errorName(noPermit.error)).toBe("subtensorModule.NeuronNoValidatorPermit");
    const bad = c.send(Dave, "SubtensorModule", "set_weights", [1, [0, 1], [1], 0]);
    expect(c.errorName(bad.error)).toBe("subtensorModule.WeightVecNotEqualSize");
    // Give Dave stake so the next epoch grants it a permit, then it sets weights on UID 0 and itself.
    // (more than the owner hotkey holds, so the stake-weighted median follows Dave's weights)
    expect(c.send(Bob, "SubtensorModule", "add_stake", [Dave.publicKey, 1, 200n * TAO]).ok).toBe(true);
    c.blocks(12);
    const permits = c.store.bools("ValidatorPermit", 1);
    expect(permits[1]).toBe(true);
    const w = c.send(Dave, "SubtensorModule", "set_weights", [1, [0, 1], [100, 50], 0]);
    expect(w.ok, c.errorName(w.error)).toBe(true);
    expect(w.events.find((e) => e.method === "WeightsSet")?.data).toEqual([1, 1]);
    expect(c.store.pairs("Weights", 1, 1)).toEqual([
      [0, 65535],
      [1, 32768],
    ]);
    const daveStake = c.store.big("TotalHotkeyAlpha", Dave.publicKey, 1);
    c.blocks(12);
    const st = c.store;
    const incentive = st.u16s("Incentive", 1);
    expect(incentive.length).toBe(2);
    expect(incentive.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(st.u16s("Dividends", 1)[1]).toBeGreaterThan(0);
    expect(st.u64s("Emission", 1).some((e) => e > 0n)).toBe(true);
    expect(st.big("TotalHotkeyAlpha", Dave.publicKey, 1)).toBeGreaterThan(daveStake);
    expect(st.big("LastMechansimStepBlock", 1)).toBeGreaterThan(0n);
  });

  it("move/transfer/swap stake emit the underlying pair and the summary event", () => {
    const { Bob, Charlie, Dave } = c.pairs;
    const ownerHot = genesisOwnerHotkey(1);
    const alpha = c.store.big("TotalHotkeyAlpha", ownerHot, 1) / 10n;
    const mv = c.send(Bob, "SubtensorModule", "move_stake", [ownerHot, Dave.publicKey, 1, 1, alpha]);
    expect(mv.ok, c.errorName(mv.error)).toBe(true);
    expect(names(mv.events).filter((n) => n.startsWith("subtensorModule"))).toEqual([
      "subtensorModule.StakeRemoved",
      "subtensorModule.StakeAdded",
      "subtensorModule.StakeMoved",
    ]);
    const moved = mv.events.find((e) => e.method === "StakeMoved")!.data;
    expect(moved.slice(0, 5)).toEqual([
      Bob.address,
      c.store.codec.registry.createType("AccountId32", ownerHot).toString(),
      1,
      Dave.address,
      1,
    ]);
    const sw = c.send(Bob, "SubtensorModule", "swap_stake", [Dave.publicKey, 1, 2, alpha]);
    expect(sw.ok, c.errorName(sw.error)).toBe(true);
    expect(names(sw.events)).toContain("subtensorModule.StakeSwapped");
    const st = c.store;
    expect(st.big("TotalHotkeyAlpha", Dave.publicKey, 2)).toBeGreaterThan(0n);
    const tr = c.send(Bob, "SubtensorModule", "transfer_stake", [
      Charlie.publicKey,
      Dave.publicKey,
      2,
      2,
      st.big("TotalHotkeyAlpha", Dave.publicKey, 2) / 2n,
    ]);
    expect(tr.ok, c.errorName(tr.error)).toBe(true);
    const t = tr.events.find((e) => e.method === "StakeTransferred")!.data;
    expect(t.slice(0, 5)).toEqual([Bob.address, Charlie.address, Dave.address, 2, 2]);
    expect(c.store.accounts("StakingHotkeys", Charlie.publicKey)).toEqual([Dave.publicKey]);
    expect(c.store.big("TotalStake")).toBe(poolTao(c.store));
  });

  it("burn_alpha keeps alpha issuance, recycle_alpha lowers it", () => {
    const { Bob, Dave } = c.pairs;
    const b = c.send(Bob, "SubtensorModule", "burn_alpha", [Dave.publicKey, 1_000_000n, 1]);
    expect(b.ok, c.errorName(b.error)).toBe(true);
    expect(b.events.find((e) => e.method === "AlphaBurned")?.data).toEqual([
      Bob.address,
      Dave.address,
      1_000_000,
      1,
    ]);
    const r = c.send(Bob, "SubtensorModule", "recycle_alpha", [Dave.publicKey, 1_000_000n, 1]);
    expect(r.ok, c.errorName(r.error)).toBe(true);
    expect(r.events.find((e) => e.method === "AlphaRecycled")?.data).toEqual([
      Bob.address,
      Dave.address,
      1_000_000,
      1,
    ]);
    const root = c.send(Bob, "SubtensorModule", "recycle_alpha", [Dave.publicKey, 1n, 0]);
    expect(c.errorName(root.error)).toBe("subtensorModule.CannotBurnOrRecycleOnRootSubnet");
  });

  it("register_network charges the engine's lock cost; start_call and identity by the owner only", () => {
    const { Charlie, Eve, Ferdie } = c.pairs;
    const lock = BigInt(
      c.runtime.codec.registry
        .createType(
          "u64",
          c.runtime.callApi(
            "SubnetRegistrationRuntimeApi_get_network_registration_cost",
            c.chain.reader(c.chain.best),
            new Uint8Array(),
          )!,
        )
        .toString(),
    );
    expect(lock).toBe(1_000n * TAO);
    const r = c.send(Charlie, "SubtensorModule", "register_network", [Eve.publicKey]);
    expect(r.ok, c.errorName(r.error)).toBe(true);
    expect(r.events.find((e) => e.method === "NetworkAdded")?.data).toEqual([3, 1]);
    const st = c.store;
    expect(st.netuids()).toEqual([0, 1, 2, 3]);
    expect(st.account("SubnetOwner", 3)).toEqual(Charlie.publicKey);
    expect(st.big("NetworkLastLockCost")).toBe(lock);
    expect(st.big("SubnetTAO", 3)).toBe(1_000n * TAO);
    expect(st.bool("SubtokenEnabled", 3)).toBe(false);
    const early = c.send(Ferdie, "SubtensorModule", "add_stake", [Eve.publicKey, 3, TAO]);
    expect(c.errorName(early.error)).toBe("subtensorModule.SubtokenDisabled");
    const notOwner = c.send(Ferdie, "SubtensorModule", "start_call", [3]);
    expect(c.errorName(notOwner.error)).toBe("subtensorModule.NotSubnetOwner");
    const sc = c.send(Charlie, "SubtensorModule", "start_call", [3]);
    expect(sc.ok, c.errorName(sc.error)).toBe(true);
    expect(sc.events.find((e) => e.method === "FirstEmissionBlockNumberSet")?.data[0]).toBe(3);
    const twice = c.send(Charlie, "SubtensorModule", "start_call", [3]);
    expect(c.errorName(twice.error)).toBe("subtensorModule.FirstEmissionBlockNumberAlreadySet");
    const id = c.send(Charlie, "SubtensorModule", "set_subnet_identity", [
      3,
      "gamma",
      "gh",
      "c",
      "u",
      "d",
      "desc",
      "l",
      "a",
    ]);
    expect(id.ok, c.errorName(id.error)).toBe(true);
    expect(id.events.find((e) => e.method === "SubnetIdentitySet")?.data).toEqual([3]);
    // The next lock costs twice the last one (minus the per-block reduction).
    const next = BigInt(
      c.runtime.codec.registry
        .createType(
          "u64",
          c.runtime.callApi(
            "SubnetRegistrationRuntimeApi_get_network_registration_cost",
            c.chain.reader(c.chain.best),
            new Uint8Array(),
          )!,
        )
        .toString(),
    );
    expect(next).toBeGreaterThan(lock);
    expect(next).toBeLessThanOrEqual(2n * lock);
  });

  it("serve_axon publishes a registered neuron's endpoint (neurons_lite shows it)", () => {
    const { Dave, Ferdie } = c.pairs;
    const ip = (127n << 24n) + 1n;
    const r = c.send(Dave, "SubtensorModule", "serve_axon", [1, 7, ip, 8091, 4, 0, 0, 0]);
    expect(r.ok, c.errorName(r.error)).toBe(true);
    expect(r.events.find((e) => e.method === "AxonServed")?.data).toEqual([1, Dave.address]);
    const axon = c.store.read("SubtensorModule", "Axons", 1, Dave.publicKey)?.toJSON() as {
      ip: number;
      port: number;
    };
    expect([axon.ip, axon.port]).toEqual([Number(ip), 8091]);
    const lite = c.runtime.codec.registry
      .createType(
        c.runtime.codec.apiOutputType("NeuronInfoRuntimeApi", "get_neurons_lite"),
        c.runtime.callApi(
          "NeuronInfoRuntimeApi_get_neurons_lite",
          c.chain.reader(c.chain.best),
          new Uint8Array([1, 0]),
        )!,
      )
      .toJSON() as Array<{ uid: number; axonInfo: { port: number } }>;
    expect(lite.find((n) => n.uid === 1)?.axonInfo.port).toBe(8091);
    const bad = c.send(Dave, "SubtensorModule", "serve_axon", [1, 7, ip, 0, 4, 0, 0, 0]);
    expect(c.errorName(bad.error)).toBe("subtensorModule.InvalidPort");
    const stranger = c.send(Ferdie, "SubtensorModule", "serve_axon", [1, 7, ip, 8091, 4, 0, 0, 0]);
    expect(c.errorName(stranger.error)).toBe("subtensorModule.HotKeyNotRegisteredInNetwork");
  });

  it("take changes follow the delegate rules", () => {
    const { Bob, Charlie, Dave } = c.pairs;
    const dec = c.send(Bob, "SubtensorModule", "decrease_take", [Dave.publicKey, 5_000]);
    expect(dec.ok, c.errorName(dec.error)).toBe(true);
    expect(dec.events.find((e) => e.method === "TakeDecreased")?.data).toEqual([
      Bob.address,
      Dave.address,
      5_000,
    ]);
    const up = c.send(Bob, "SubtensorModule", "increase_take", [Dave.publicKey, 6_000]);
    expect(up.ok, c.errorName(up.error)).toBe(true);
    expect(c.store.num("Delegates", Dave.publicKey)).toBe(6_000);
    const tooHigh = c.send(Bob, "SubtensorModule", "increase_take", [Dave.publicKey, 60_000]);
    expect(c.errorName(tooHigh.error)).toBe("subtensorModule.DelegateTakeTooHigh");
    const other = c.send(Charlie, "SubtensorModule", "decrease_take", [Dave.publicKey, 1_000]);
    expect(c.errorName(other.error)).toBe("subtensorModule.NonAssociatedColdKey");
  });

  it("sudo hyperparameter setters write storage and emit events; signed non-owners are refused", () => {
    const s = c.sudo("AdminUtils", "sudo_set_kappa", [1, 40_000]);
    expect(s.ok).toBe(true);
    expect(names(s.events)).toContain("subtensorModule.KappaSet");
    expect(c.store.num("Kappa", 1)).toBe(40_000);
    const t = c.sudo("AdminUtils", "sudo_set_tempo", [2, 20]);
    expect(t.events.find((e) => e.method === "TempoSet")?.data).toEqual([2, 20]);
    const f = c.sudo("Swap", "set_fee_rate", [1, 100]);
    expect(names(f.events)).toContain("swap.FeeRateSet");
    expect(c.store.read("Swap", "FeeRate", 1)?.toJSON()).toBe(100);
    const denied = c.send(c.pairs.Ferdie, "AdminUtils", "sudo_set_kappa", [1, 1]);
    expect(denied.error).toEqual({ badOrigin: null });
    expect(c.store.num("Kappa", 1)).toBe(40_000);
  });

  it("keeps TotalIssuance = Σ balances + Σ pools + burned tx fees across all of the above", () => {
    let fees = 0n;
    for (let n = 1; n <= c.chain.best.number; n++)
      for (const e of c.events(n)) if (e.method === "TransactionFeePaid") fees += BigInt(e.data[1] as number);
    const st = c.store;
    expect(st.big("TotalIssuance")).toBe(balancesIssuance(st) + poolTao(st) + fees);
    expect(st.big("TotalStake")).toBe(poolTao(st));
  });
});
