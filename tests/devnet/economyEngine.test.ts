// The economy's prices come from the engine: stake events match the engine's quote for the pool read
// from storage, limit orders execute the engine's max amount, and the WASM engine gives the same chain.
import { cryptoWaitReady } from "@polkadot/util-crypto";
import { describe, expect, it } from "vitest";
import { economyPallets } from "../../devnet/economy";
import { buildMetadata } from "../../devnet/metadata";
import { Chain } from "../../devnet/node/chain";
import { devGenesis, devPairs } from "../../devnet/node/genesis";
import { composeRuntime } from "../../devnet/node/runtime/compose";
import { signCall } from "../../devnet/node/signer";
import { createEconomyEngine } from "../../devnet/pallets/engine";
import { genesisOwnerHotkey } from "../../devnet/pallets/subtensor/genesis";
import { readPool } from "../../devnet/pallets/subtensor/pool";
import { Store } from "../../devnet/pallets/subtensor/store";
import { loadEngineNode } from "../../lib/engine/node";
import type { EngineOps } from "../../lib/engine/types";
import { EconChain, makeCall, TAO } from "./economyHarness";

describe.each(["v3", "current"] as const)("economy priced by the engine (%s rules)", (variant) => {
  it("StakeAdded carries the engine's quote for the pool in storage", async () => {
    const c = await EconChain.create(variant, { subnets: 2, emitting: false });
    const engine = createEconomyEngine(variant);
    const hot = genesisOwnerHotkey(2);
    const q = engine.swap(readPool(c.store, engine, 2), { direction: "stake", amount: 123n * TAO });
    const r = c.send(c.pairs.Bob, "SubtensorModule", "add_stake", [hot, 2, 123n * TAO]);
    const data = r.events.find((e) => e.method === "StakeAdded")!.data;
    expect(BigInt(data[3] as number)).toBe(q.amountPaidOut);
    expect(BigInt(data[5] as number)).toBe(q.feePaid);
    expect(c.store.big("SubnetAlphaIn", 2)).toBe(q.alphaReserveAfter);
    const u = engine.swap(readPool(c.store, engine, 2), {
      direction: "unstake",
      amount: q.amountPaidOut / 3n,
    });
    const r2 = c.send(c.pairs.Bob, "SubtensorModule", "remove_stake", [hot, 2, q.amountPaidOut / 3n]);
    const removed = r2.events.find((e) => e.method === "StakeRemoved")!.data;
    expect(BigInt(removed[2] as number)).toBe(u.amountPaidOut);
    expect(BigInt(removed[5] as number)).toBe(u.feePaid);
  });

  it("limit orders: refused past the limit, partial fills stop at the engine's max amount", async () => {
    const c = await EconChain.create(variant, { subnets: 2, emitting: false });
    const engine = createEconomyEngine(variant);
    const { Bob } = c.pairs;
    const hot = genesisOwnerHotkey(1);
    // Price of subnet 1 is 1 TAO/alpha: a buy limited at 0.9 cannot execute at all.
    const low = c.send(Bob, "SubtensorModule", "add_stake_limit", [hot, 1, 10n * TAO, 900_000_000n, true]);
    expect(c.errorName(low.error)).toMatch(/ZeroMaxStakeAmount|PriceLimitExceeded/);
    const limit = 1_010_000_000n;
    const max = engine.maxAmount(readPool(c.store, engine, 1), "stake", limit);
    expect(max).toBeGreaterThan(0n);
    expect(max).toBeLessThan(100n * TAO);
    const strict = c.send(Bob, "SubtensorModule", "add_stake_limit", [hot, 1, 100n * TAO, limit, false]);
    expect(c.errorName(strict.error)).toBe("subtensorModule.SlippageTooHigh");
    const partial = c.send(Bob, "SubtensorModule", "add_stake_limit", [hot, 1, 100n * TAO, limit, true]);
    expect(partial.ok, c.errorName(partial.error)).toBe(true);
    const tao = BigInt(partial.events.find((e) => e.method === "StakeAdded")!.data[2] as number);
    expect(tao).toBeLessThanOrEqual(max);
    expect(tao).toBeGreaterThan(max - 1_000_000n);
    const price = engine.spotPrice(readPool(c.store, engine, 1));
    expect((price * 1_000_000_000n) >> 64n).toBeLessThanOrEqual(limit);
    // Selling limited at a price above spot executes nothing.
    const alpha = c.store.big("TotalHotkeyAlpha", hot, 1);
    const sell = c.send(Bob, "SubtensorModule", "remove_stake_limit", [
      hot,
      1,
      alpha / 2n,
      2_000_000_000n,
      true,
    ]);
    expect(c.errorName(sell.error)).toMatch(/ZeroMaxStakeAmount|PriceLimitExceeded/);
  });

  it("runs the same chain on the WASM engine as on the BigInt reference", async () => {
    await cryptoWaitReady();
    const wasm = await loadEngineNode();
    const run = (ops?: EngineOps) => {
      const metadata = buildMetadata({ specVersion: 393, variant });
      const runtime = composeRuntime({
        metadata,
        specVersion: 393,
        pallets: economyPallets({
          specVersion: 393,
          variant,
          engine: ops,
          genesis: { subnets: 2, tempo: 5 },
        }),
      });
      const chain = new Chain({ runtimes: [runtime], genesis: devGenesis({ seed: 1 }), blockTimeMs: 12_000 });
      const pairs = devPairs();
      const tx = (call: string, args: unknown[]) =>
        chain.submit(signCall(chain, pairs.Bob, makeCall(chain, "SubtensorModule", call, args)));
      tx("add_stake", [genesisOwnerHotkey(1), 1, 40n * TAO]);
      chain.produceBlock();
      tx("swap_stake", [genesisOwnerHotkey(1), 1, 2, 5n * TAO]);
      chain.produceBlock();
      for (let i = 0; i < 6; i++) chain.produceBlock();
      const st = new Store(runtime.codec, chain.reader(chain.best));
      return [1, 2].flatMap((n) => [
        st.big("SubnetTAO", n),
        st.big("SubnetAlphaIn", n),
        st.big("SubnetAlphaOut", n),
      ]);
    };
    expect(run(wasm)).toEqual(run());
  });
});
