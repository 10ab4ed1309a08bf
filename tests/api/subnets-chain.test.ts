// Indexing an economy + scenario devnet fills pool_snapshots with what the chain stores: every snapshot row at
// a few blocks matches SubtensorModule storage and SwapRuntimeApi.current_alpha_price_all read through
// @polkadot/api at the same block hash.
import "@polkadot/api-augment";
import { ApiPromise, WsProvider } from "@polkadot/api";
import type { Codec } from "@polkadot/types/types";
import { hexToU8a } from "@polkadot/util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { I96F32, toDecimal } from "../../lib/engine/ref/fixed";
import { indexedScenario, type SubnetsFixture } from "./subnets-fixture";

type Query = Record<string, (...a: unknown[]) => Promise<Codec>>;

describe("pool snapshots of an indexed scenario devnet", () => {
  let fx: SubnetsFixture;
  let api: ApiPromise;

  beforeAll(async () => {
    fx = await indexedScenario();
    api = await ApiPromise.create({
      provider: new WsProvider(fx.devnet.wsUrl),
      noInitWarn: true,
      throwOnConnect: true,
    });
  });
  afterAll(async () => {
    await api?.disconnect();
    await fx?.close();
  });

  it("stores one row per subnet per block, equal to chain storage and the swap runtime API", async () => {
    const blocks = [5, 19, 21, fx.head];
    let compared = 0;
    for (const n of blocks) {
      const hash = await api.rpc.chain.getBlockHash(n);
      const at = await api.at(hash);
      const q = at.query.subtensorModule as unknown as Query;
      const added = (await (
        at.query.subtensorModule as unknown as { networksAdded: { keys(): Promise<{ args: Codec[] }[]> } }
      ).networksAdded.keys()) as { args: Codec[] }[];
      const netuids = added.map((k) => Number(k.args[0]!.toString())).sort((a, b) => a - b);
      const { rows } = await fx.pool.query<Record<string, string | number | null>>(
        `SELECT netuid, tao_in::text, alpha_in::text, alpha_out::text, price_rao::text, moving_price::text,
                tao_in_emission::text, alpha_in_emission::text, alpha_out_emission::text, volume::text, burn::text
           FROM pool_snapshots WHERE block_number = $1 ORDER BY netuid`,
        [n],
      );
      expect(
        rows.map((r) => r.netuid),
        `netuids at #${n}`,
      ).toEqual(netuids);
      const priceHex = (
        await api.rpc.state.call("SwapRuntimeApi_current_alpha_price_all", "0x", hash)
      ).toHex();
      const prices = new Map<number, bigint>();
      const decoded = api.registry
        .createTypeUnsafe<Codec>("Vec<(u16, u64)>", [hexToU8a(priceHex)])
        .toJSON() as unknown as [number, number | string][];
      // The API returns Vec<SubnetPrice { netuid: u16, price: u64 }>, the same bytes as Vec<(u16, u64)>.
      for (const [netuid, price] of decoded) prices.set(netuid, BigInt(price));
      for (const r of rows) {
        const netuid = Number(r.netuid);
        const read = async (item: string) => (await q[item]!(netuid)).toString();
        const moving = (await q.subnetMovingPrice!(netuid)) as unknown as { bits?: Codec } & Codec;
        const movingBits = BigInt(
          (moving.toJSON() as { bits?: string | number } | string | number) instanceof Object
            ? String((moving.toJSON() as { bits: string | number }).bits)
            : String(moving.toJSON()),
        );
        expect(
          {
            tao_in: r.tao_in,
            alpha_in: r.alpha_in,
            alpha_out: r.alpha_out,
            tao_in_emission: r.tao_in_emission,
            alpha_in_emission: r.alpha_in_emission,
            alpha_out_emission: r.alpha_out_emission,
            volume: r.volume,
            burn: r.burn,
            price_rao: r.price_rao,
            moving_price: r.moving_price === null ? null : Number(r.moving_price),
          },
          `subnet ${netuid} at #${n}`,
        ).toEqual({
          tao_in: await read("subnetTAO"),
          alpha_in: await read("subnetAlphaIn"),
          alpha_out: await read("subnetAlphaOut"),
          tao_in_emission: await read("subnetTaoInEmission"),
          alpha_in_emission: await read("subnetAlphaInEmission"),
          alpha_out_emission: await read("subnetAlphaOutEmission"),
          volume: await read("subnetVolume"),
          burn: await read("burn"),
          price_rao: prices.get(netuid)?.toString() ?? null,
          moving_price: Number(toDecimal(I96F32, movingBits)),
        });
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(blocks.length * 3);
    // The scenario trades and emits: pools move, so equal values are not trivially zeros.
    const { rows } = await fx.pool.query<{ n: string }>(
      "SELECT count(DISTINCT price_rao)::text AS n FROM pool_snapshots WHERE price_rao > 0",
    );
    expect(Number(rows[0]!.n)).toBeGreaterThan(3);
  });
});
