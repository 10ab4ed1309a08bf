// A scenario chain served over RPC reads with @polkadot/api like Finney does: decoded extrinsics and events
// at historical blocks on both sides of the runtime upgrade, and SubtensorModule storage.
import "@polkadot/api-augment";
import { ApiPromise, WsProvider } from "@polkadot/api";
import type { Codec } from "@polkadot/types/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { createScenario, scenarioRuntimes } from "../../devnet/scenario";

const UPGRADE_AT = 8;

describe("scenario chain through @polkadot/api", () => {
  let node: Devnet;
  let api: ApiPromise;

  beforeAll(async () => {
    const scenario = await createScenario({
      seed: 9,
      accounts: 300,
      validators: 8,
      owners: 6,
      genesisSubnets: 4,
      tempo: 20,
      upgradeAt: UPGRADE_AT,
    });
    node = await startDevnet({
      runtimes: scenarioRuntimes(scenario.economyGenesis),
      genesis: scenario.genesis,
      history: 16,
      manual: true,
      beforeBlock: scenario.beforeBlock,
    });
    api = await ApiPromise.create({
      provider: new WsProvider(node.wsUrl),
      noInitWarn: true,
      throwOnConnect: true,
    });
  }, 30_000);
  afterAll(async () => {
    await api?.disconnect();
    await node?.close();
  });

  it("decodes scenario blocks and their events before and after the upgrade", async () => {
    const seen = new Set<string>();
    const specs = new Set<number>();
    for (const n of [3, UPGRADE_AT - 1, UPGRADE_AT + 2, 16]) {
      const hash = await api.rpc.chain.getBlockHash(n);
      const block = await api.rpc.chain.getBlock(hash);
      for (const xt of block.block.extrinsics) seen.add(`${xt.method.section}.${xt.method.method}`);
      const at = await api.at(hash);
      specs.add(at.runtimeVersion.specVersion.toNumber());
      const events = (await at.query.system.events()) as unknown as Array<{
        event: { section: string; method: string };
      }>;
      expect(events.length).toBeGreaterThan(block.block.extrinsics.length);
      for (const e of events) seen.add(`${e.event.section}.${e.event.method}`);
    }
    expect([...specs].sort()).toEqual([393, 394]);
    for (const name of [
      "subtensorModule.addStake",
      "balances.transferKeepAlive",
      "subtensorModule.StakeAdded",
      "system.ExtrinsicSuccess",
    ])
      expect(seen, name).toContain(name);
  });

  it("reads SubtensorModule storage at the head", async () => {
    const q = api.query.subtensorModule as unknown as Record<string, (...a: unknown[]) => Promise<Codec>>;
    expect(Number((await q.totalNetworks!()).toString())).toBeGreaterThanOrEqual(5);
    expect(BigInt((await q.subnetTAO!(1)).toString())).toBeGreaterThan(0n);
  });
});
