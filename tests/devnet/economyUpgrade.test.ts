// The devnet's mid-history runtime upgrade with the economy: spec 393 → 394 via sudo(set_code), the
// economy keeps running on the old state, and chain-bought alpha is kept in SubnetProtocolAlpha afterwards.
import { u8aToHex } from "@polkadot/util";
import { cryptoWaitReady } from "@polkadot/util-crypto";
import { describe, expect, it } from "vitest";
import { Chain } from "../../devnet/node/chain";
import { devGenesis, devPairs } from "../../devnet/node/genesis";
import { signCall } from "../../devnet/node/signer";
import { genesisOwnerHotkey } from "../../devnet/pallets/subtensor/genesis";
import { Store } from "../../devnet/pallets/subtensor/store";
import { economyRuntime, makeCall, TAO } from "./economyHarness";

describe("economy across the 393 → 394 upgrade (v3 rules)", () => {
  it("keeps emitting and caches chain-bought alpha after the upgrade", async () => {
    await cryptoWaitReady();
    const genesis = { subnets: 2, tempo: 10 };
    const base = economyRuntime("v3", genesis, "v3", 393);
    const next = economyRuntime("v3", genesis, "v3", 394);
    const chain = new Chain({
      runtimes: [base, next],
      genesis: devGenesis({ seed: 1 }),
      blockTimeMs: 12_000,
    });
    const { Alice, Bob } = devPairs();
    const send = (pair: typeof Bob, pallet: string, call: string, args: unknown[]) => {
      chain.submit(signCall(chain, pair, makeCall(chain, pallet, call, args)));
      chain.produceBlock();
    };
    // TAO flow into subnet 2 (price 0.5) gives it emission shares; its price is below 1, so part of the
    // emission is a chain buy.
    send(Bob, "SubtensorModule", "add_stake", [genesisOwnerHotkey(2), 2, 50n * TAO]);
    for (let i = 0; i < 3; i++) chain.produceBlock();
    const before = new Store(chain.best.runtime.codec, chain.reader(chain.best));
    expect(before.exists("SubtensorModule", "SubnetProtocolAlpha")).toBe(false);
    send(Alice, "Sudo", "sudo", [makeCall(chain, "System", "set_code", [u8aToHex(next.code)])]);
    for (let i = 0; i < 5; i++) chain.produceBlock();
    const after = new Store(chain.best.runtime.codec, chain.reader(chain.best));
    expect(chain.best.runtime.version.specVersion).toBe(394);
    expect(after.big("SubnetAlphaOut", 2)).toBeGreaterThan(before.big("SubnetAlphaOut", 2));
    expect(after.big("SubnetTaoInEmission", 2) + after.big("SubnetAlphaInEmission", 2)).toBeGreaterThan(0n);
    expect(after.big("SubnetProtocolAlpha", 2)).toBeGreaterThan(0n);
  });
});
