// The economy through @polkadot/api exactly as Taoview reads Finney: storage queries, runtime API calls
// decoded from our V15 metadata, and a signed add_stake submitted over WebSocket.
import "@polkadot/api-augment";
import { ApiPromise, WsProvider } from "@polkadot/api";
import type { Codec } from "@polkadot/types/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devPairs } from "../../devnet/node/genesis";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { genesisOwnerHotkey } from "../../devnet/pallets/subtensor/genesis";
import { economyRuntime, TAO } from "./economyHarness";

describe.each(["v3", "current"] as const)("economy over @polkadot/api (%s rules)", (variant) => {
  let node: Devnet;
  let api: ApiPromise;
  const pairs = devPairs();

  beforeAll(async () => {
    node = await startDevnet({
      runtimes: [economyRuntime(variant, { subnets: 3, tempo: 10 })],
      history: 12,
      manual: true,
      seed: 3,
    });
    api = await ApiPromise.create({
      provider: new WsProvider(node.wsUrl),
      noInitWarn: true,
      throwOnConnect: true,
    });
  });
  afterAll(async () => {
    await api?.disconnect();
    await node?.close();
  });

  it("queries pools, emissions and identities from storage", async () => {
    const q = api.query.subtensorModule as unknown as Record<string, (...a: unknown[]) => Promise<Codec>>;
    const big = async (p: Promise<Codec>) => BigInt((await p).toString());
    expect((await q.networksAdded!(3)).toJSON()).toBe(true);
    expect(await big(q.subnetTAO!(1))).toBeGreaterThanOrEqual(1_000n * TAO);
    expect(await big(q.subnetAlphaOut!(1))).toBeGreaterThan(0n);
    expect(await big(q.subnetAlphaOutEmission!(2))).toBe(1_000_000_000n);
    expect(Number(await big(q.tempo!(1)))).toBe(10);
    const id = (await q.subnetIdentitiesV3!(2)).toHuman() as { subnetName: string };
    expect(id.subnetName).toBe("subnet-2");
    const mp = (await q.subnetMovingPrice!(2)).toJSON() as { bits: number | string };
    expect(BigInt(mp.bits)).toBeGreaterThan(0n);
  });

  it("answers the runtime APIs the indexer calls", async () => {
    const call = api.call as unknown as Record<
      string,
      Record<string, (...a: unknown[]) => Promise<{ toJSON(): unknown; toHuman(): unknown }>>
    >;
    const dyn = (await call.subnetInfoRuntimeApi!.getAllDynamicInfo!()).toJSON() as Array<{
      netuid: number;
      taoIn: number;
      alphaIn: number;
    } | null>;
    expect(dyn.map((d) => d?.netuid)).toEqual([0, 1, 2, 3]);
    const one = (await call.subnetInfoRuntimeApi!.getDynamicInfo!(2)).toJSON() as {
      netuid: number;
      taoIn: number;
    };
    expect(one.netuid).toBe(2);
    expect(BigInt(one.taoIn)).toBe(
      BigInt(
        (
          await (api.query.subtensorModule as unknown as Record<string, (n: number) => Promise<Codec>>)
            .subnetTAO!(2)
        ).toString(),
      ),
    );
    const infos = (await call.subnetInfoRuntimeApi!.getSubnetsInfoV2!()).toJSON() as Array<{
      netuid: number;
      subnetworkN: number;
    } | null>;
    expect(infos[1]?.subnetworkN).toBe(1);
    const hp = (await call.subnetInfoRuntimeApi!.getSubnetHyperparamsV2!(1)).toJSON() as {
      tempo: number;
      yumaVersion: number;
    };
    expect(hp.tempo).toBe(10);
    expect(hp.yumaVersion).toBe(3);
    const hp1 = (await call.subnetInfoRuntimeApi!.getSubnetHyperparams!(1)).toJSON() as { kappa: number };
    expect(hp1.kappa).toBe(32767);
    const prices = (await call.swapRuntimeApi!.currentAlphaPriceAll!()).toJSON() as Array<{
      netuid: number;
      price: number;
    }>;
    expect(prices.map((p) => p.netuid)).toEqual([0, 1, 2, 3]);
    expect(prices[0]?.price).toBe(1_000_000_000);
    const p2 = (await call.swapRuntimeApi!.currentAlphaPrice!(2)).toJSON() as number;
    expect(p2).toBe(prices[2]?.price);
    expect(p2).toBeGreaterThan(400_000_000);
    expect(p2).toBeLessThan(600_000_000);
    const neurons = (await call.neuronInfoRuntimeApi!.getNeuronsLite!(1)).toJSON() as Array<{
      uid: number;
      hotkey: string;
    }>;
    expect(neurons.map((n) => n.uid)).toEqual([0]);
    const sim = (await call.swapRuntimeApi!.simSwapTaoForAlpha!(1, 1_000_000_000)).toJSON() as {
      alphaAmount: number;
      taoFee: number;
    };
    expect(sim.alphaAmount).toBeGreaterThan(0);
    expect(sim.taoFee).toBeGreaterThan(0);
  });

  it("includes a signed add_stake and reports it in storage, events and stake info", async () => {
    const hot = genesisOwnerHotkey(1);
    const tx = api.tx.subtensorModule!.addStake!(hot, 1, 5n * TAO);
    const events = await new Promise<
      Array<{ event: { section: string; method: string; data: { toJSON(): unknown } } }>
    >((resolve, reject) => {
      let produced = false;
      tx.signAndSend(pairs.Charlie, (r) => {
        if (r.status.isReady && !produced) {
          produced = true;
          setImmediate(() => node.newBlocks(1));
        }
        if (r.status.isInBlock) resolve(r.events as never);
        if (r.status.isInvalid || r.status.isDropped) reject(new Error(r.status.type));
      }).catch(reject);
    });
    const added = events.find((e) => e.event.method === "StakeAdded");
    expect(added?.event.section).toBe("subtensorModule");
    const [cold, , tao, alpha, netuid] = added!.event.data.toJSON() as [
      string,
      string,
      number,
      number,
      number,
    ];
    expect(cold).toBe(pairs.Charlie.address);
    expect(BigInt(tao)).toBe(5n * TAO);
    expect(netuid).toBe(1);
    const call = api.call as unknown as Record<
      string,
      Record<string, (...a: unknown[]) => Promise<{ toJSON(): unknown }>>
    >;
    const info = (
      await call.stakeInfoRuntimeApi!.getStakeInfoForColdkey!(pairs.Charlie.address)
    ).toJSON() as Array<{ netuid: number; stake: number }>;
    expect(info).toHaveLength(1);
    expect(info[0]?.netuid).toBe(1);
    expect(BigInt(info[0]!.stake)).toBe(BigInt(alpha));
    const delegate = (await call.delegateInfoRuntimeApi!.getDelegate!(hot)).toJSON() as {
      take: number;
      nominators: [string, [number, number][]][];
      registrations: number[];
    } | null;
    expect(delegate?.take).toBe(11796);
    expect(delegate?.registrations).toEqual([1]);
    expect(delegate?.nominators).toContainEqual([pairs.Charlie.address, [[1, Number(alpha)]]]);
    const delegates = (await call.delegateInfoRuntimeApi!.getDelegates!()).toJSON() as unknown[];
    expect(delegates).toHaveLength(3);
    const hotAlpha = BigInt(
      (
        await (
          api.query.subtensorModule as unknown as Record<string, (h: Uint8Array, n: number) => Promise<Codec>>
        ).totalHotkeyAlpha!(hot, 1)
      ).toString(),
    );
    expect(hotAlpha).toBeGreaterThanOrEqual(BigInt(alpha));
  });
});
