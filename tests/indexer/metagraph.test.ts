// Metagraph snapshots from a scenario devnet with the economy (weights every tempo, epochs firing): the indexer
// stores one snapshot per subnet per epoch plus an initial one, in the block's transaction, and every stored row
// equals the chain's storage at that block read independently with @polkadot/api.
import "@polkadot/api-augment";
import { ApiPromise, WsProvider } from "@polkadot/api";
import type { Codec } from "@polkadot/types/types";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { createScenario, scenarioRuntimes } from "../../devnet/scenario";
import { createRuntime, type Hex, unwrapOpaqueMetadata } from "../../indexer/decode";
import { Indexer } from "../../indexer/pipeline/indexer";
import { HttpRpcClient } from "../../indexer/rpc";
import { storagePrefix } from "../../indexer/state/keys";
import { axonAddress, epochsFromStorage, metagraphEvents } from "../../indexer/state/metagraph";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";

const TEMPO = 20;
const HISTORY = 70;

async function runtimeAt(client: HttpRpcClient, hash: string) {
  const hex = await client.call<string>("state_call", ["Metadata_metadata_at_version", "0x0f000000", hash]);
  return createRuntime(unwrapOpaqueMetadata(hex)!);
}

interface NeuronRow {
  netuid: number;
  block_number: number;
  uid: number;
  hotkey: string;
  coldkey: string | null;
  stake: string;
  root_stake: string;
  validator_permit: boolean;
  validator_trust: number;
  trust: number | null;
  consensus: number;
  incentive: number;
  dividends: number;
  stake_weight: number | null;
  emission: string;
  active: boolean;
  last_update: string;
  registered_at: string | null;
  axon: string | null;
  take: number | null;
}

describe("metagraph snapshots", () => {
  let devnet: Devnet;
  let database: TestDatabase;
  let pool: pg.Pool;
  let api: ApiPromise;

  beforeAll(async () => {
    const scenario = await createScenario({
      seed: 11,
      accounts: 200,
      validators: 8,
      owners: 6,
      genesisSubnets: 3,
      tempo: TEMPO,
      upgradeAt: 30,
    });
    devnet = await startDevnet({
      runtimes: scenarioRuntimes(scenario.economyGenesis),
      genesis: scenario.genesis,
      history: HISTORY,
      manual: true,
      beforeBlock: scenario.beforeBlock,
    });
    database = await freshDatabase();
    pool = testPool(database.url);
    const client = new HttpRpcClient(devnet.httpUrl);
    try {
      // Index the first half, then the rest: the second run must not add "initial" snapshots again.
      await new Indexer({ client, pool, follow: false, batchSize: 16, to: 35 }).run();
      await new Indexer({ client, pool, follow: false, batchSize: 16 }).run();
    } finally {
      await client.close();
    }
    api = await ApiPromise.create({ provider: new WsProvider(devnet.wsUrl), noInitWarn: true });
  }, 120_000);
  afterAll(async () => {
    await api?.disconnect();
    await pool?.end();
    await devnet?.close();
    await database?.drop();
  });

  it("snapshots every subnet at the first block and again at every epoch the events report", async () => {
    const snaps = await pool.query<{ netuid: number; block_number: number; reason: string; neurons: number }>(
      "SELECT netuid, block_number, reason, neurons FROM metagraph_snapshots ORDER BY block_number, netuid",
    );
    const initial = snaps.rows.filter((r) => r.reason === "initial");
    // Genesis subnets at block 0; subnets registered later at their NetworkAdded block.
    expect(initial.filter((r) => r.block_number === 0).map((r) => r.netuid)).toEqual([0, 1, 2, 3]);
    const added = await pool.query<{ block_number: number; args: unknown }>(
      `SELECT block_number, args FROM events WHERE section = 'subtensorModule' AND method = 'NetworkAdded'`,
    );
    for (const a of added.rows) expect(initial.some((r) => r.block_number === a.block_number)).toBe(true);
    expect(new Set(initial.map((r) => r.netuid)).size).toBe(initial.length);

    const epochEvents = await pool.query<{ block_number: number; args: unknown }>(
      `SELECT block_number, args FROM events
       WHERE section = 'subtensorModule' AND method = 'IncentiveAlphaEmittedToMiners' ORDER BY block_number, index`,
    );
    const expected = epochEvents.rows.flatMap((e) =>
      metagraphEvents([
        { section: "subtensorModule", method: "IncentiveAlphaEmittedToMiners", args: e.args } as never,
      ]).epochs.map((n) => `${e.block_number}:${n}`),
    );
    // Three genesis subnets over 70 blocks at tempo 20: several epochs each.
    expect(expected.length).toBeGreaterThanOrEqual(6);
    const epochs = snaps.rows.filter((r) => r.reason === "epoch").map((r) => `${r.block_number}:${r.netuid}`);
    expect(epochs).toEqual(expected);
    // Header counts match the rows.
    const counts = await pool.query<{ netuid: number; block_number: number; n: number }>(
      "SELECT netuid, block_number, count(*)::int AS n FROM metagraph_neurons GROUP BY 1, 2",
    );
    const byKey = new Map(counts.rows.map((r) => [`${r.block_number}:${r.netuid}`, r.n]));
    for (const s of snaps.rows) expect(byKey.get(`${s.block_number}:${s.netuid}`) ?? 0).toBe(s.neurons);
  });

  it("stores exactly what the chain holds at each snapshot block", async () => {
    const snaps = await pool.query<{ netuid: number; block_number: number }>(
      `SELECT netuid, block_number FROM metagraph_snapshots WHERE reason = 'epoch' AND neurons > 0
       ORDER BY block_number DESC LIMIT 4`,
    );
    expect(snaps.rows.length).toBeGreaterThan(0);
    let permits = 0;
    let paid = 0;
    for (const { netuid, block_number } of snaps.rows) {
      const hash = await api.rpc.chain.getBlockHash(block_number);
      const at = await api.at(hash);
      const sm = at.query.subtensorModule as unknown as Record<string, (...a: unknown[]) => Promise<Codec>>;
      const get = (item: string, ...args: unknown[]) => sm[item]!(...args);
      const rows = (
        await pool.query<NeuronRow>(
          `SELECT netuid, block_number, uid, hotkey, coldkey, stake::text, root_stake::text, validator_permit,
                  validator_trust, trust, consensus, incentive, dividends, stake_weight, emission::text, active,
                  last_update::text, registered_at::text, axon, take
           FROM metagraph_neurons WHERE netuid = $1 AND block_number = $2 ORDER BY uid`,
          [netuid, block_number],
        )
      ).rows;
      const n = (await get("subnetworkN", netuid)).toString();
      expect(rows.length).toBe(Number(n));
      // The epoch ran in this very block.
      expect((await get("lastMechansimStepBlock", netuid)).toString()).toBe(String(block_number));
      const vec = async (name: string) =>
        ((await get(name, netuid)).toJSON() as unknown[]).map((v) => String(v));
      const [active, consensus, incentive, dividends, emission, lastUpdate, vtrust, permit, stakeWeight] =
        await Promise.all(
          [
            "active",
            "consensus",
            "incentive",
            "dividends",
            "emission",
            "lastUpdate",
            "validatorTrust",
            "validatorPermit",
            "stakeWeight",
          ].map(vec),
        );
      for (const r of rows) {
        const hot = (await get("keys", netuid, r.uid)).toString();
        expect(r.hotkey).toBe(hot);
        expect(r.coldkey).toBe((await get("owner", hot)).toString());
        expect(r.stake).toBe((await get("totalHotkeyAlpha", hot, netuid)).toString());
        expect(r.root_stake).toBe((await get("totalHotkeyAlpha", hot, 0)).toString());
        expect(r.take).toBe(Number((await get("delegates", hot)).toString()));
        expect(r.registered_at).toBe((await get("blockAtRegistration", netuid, r.uid)).toString());
        const axon = (await get("axons", netuid, hot)) as Codec & { isSome: boolean };
        expect(r.axon).toBe(axon.isSome ? axonAddress(axon.toJSON() as never) : null);
        expect(String(r.active)).toBe(active![r.uid] ?? "false");
        expect(String(r.consensus)).toBe(consensus![r.uid] ?? "0");
        expect(String(r.incentive)).toBe(incentive![r.uid] ?? "0");
        expect(String(r.dividends)).toBe(dividends![r.uid] ?? "0");
        expect(r.emission).toBe(BigInt(emission![r.uid] ?? "0").toString());
        expect(r.last_update).toBe(BigInt(lastUpdate![r.uid] ?? "0").toString());
        expect(String(r.validator_trust)).toBe(vtrust![r.uid] ?? "0");
        expect(String(r.validator_permit)).toBe(permit![r.uid] ?? "false");
        expect(String(r.stake_weight)).toBe(stakeWeight![r.uid] ?? "0");
        if (r.validator_permit) permits++;
        if (BigInt(r.emission) > 0n && BigInt(r.stake) > 0n) paid++;
      }
    }
    // Epochs hand out permits and pay emission to staked neurons.
    expect(permits).toBeGreaterThan(0);
    expect(paid).toBeGreaterThan(0);
  });

  it("refreshes a subnet's metagraph where neurons registered, so they show before the next epoch", async () => {
    const regs = await pool.query<{ netuid: number; block_number: number }>(
      `SELECT DISTINCT COALESCE(args->>'netuid', args->>0)::int AS netuid, block_number FROM events
       WHERE section = 'subtensorModule' AND method = 'NeuronRegistered'`,
    );
    expect(regs.rows.length).toBeGreaterThan(0);
    const snaps = await pool.query<{ netuid: number; block_number: number; reason: string }>(
      "SELECT netuid, block_number, reason FROM metagraph_snapshots",
    );
    const registrationSnaps = snaps.rows.filter((r) => r.reason === "registration");
    expect(registrationSnaps.length).toBeGreaterThan(0);
    // Each is at a block where that subnet registered a neuron…
    const regAt = new Set(regs.rows.map((r) => `${r.block_number}:${r.netuid}`));
    for (const r of registrationSnaps) expect(regAt.has(`${r.block_number}:${r.netuid}`)).toBe(true);
    // …and every registration is covered by a snapshot of its subnet at or after it.
    for (const reg of regs.rows)
      expect(
        snaps.rows.some((r) => r.netuid === reg.netuid && r.block_number >= reg.block_number),
        `registration on ${reg.netuid} at ${reg.block_number}`,
      ).toBe(true);
  });

  it("gives a database started mid-chain a metagraph of every subnet at its first block", async () => {
    const other = await freshDatabase();
    const otherPool = testPool(other.url);
    const client = new HttpRpcClient(devnet.httpUrl);
    try {
      await new Indexer({ client, pool: otherPool, follow: false, from: 45, to: 50 }).run();
      const snaps = await otherPool.query<{ netuid: number; block_number: number; reason: string }>(
        "SELECT netuid, block_number, reason FROM metagraph_snapshots WHERE block_number = 45 ORDER BY netuid",
      );
      const hash = await client.call<string>("chain_getBlockHash", [45]);
      const keys = await client.call<string[]>("state_getKeysPaged", [
        // NetworksAdded prefix: every subnet that exists at block 45.
        storagePrefix(await runtimeAt(client, hash), "subtensorModule", "networksAdded"),
        1000,
        null,
        hash,
      ]);
      expect(snaps.rows.length).toBe(keys.length);
      // "initial" unless the subnet's epoch ran in block 45 itself, which the genesis-indexed database then
      // has as an epoch snapshot too.
      const epochsAt45 = new Set(
        (
          await pool.query<{ netuid: number }>(
            "SELECT netuid FROM metagraph_snapshots WHERE block_number = 45 AND reason = 'epoch'",
          )
        ).rows.map((r) => r.netuid),
      );
      for (const r of snaps.rows)
        expect(r.reason, `netuid ${r.netuid}`).toBe(epochsAt45.has(r.netuid) ? "epoch" : "initial");
      // Same rows as the database indexed from genesis wherever both have a snapshot at block 45.
      const both = await pool.query<{ netuid: number }>(
        "SELECT netuid FROM metagraph_snapshots WHERE block_number = 45",
      );
      for (const { netuid } of both.rows) {
        const q = `SELECT uid, hotkey, stake::text, emission::text, dividends FROM metagraph_neurons
                   WHERE netuid = $1 AND block_number = 45 ORDER BY uid`;
        expect((await otherPool.query(q, [netuid])).rows).toEqual((await pool.query(q, [netuid])).rows);
      }
    } finally {
      await client.close();
      await otherPool.end();
      await other.drop();
    }
  });

  it("finds the same epochs from LastMechansimStepBlock as from the events (runtimes without the event)", async () => {
    const client = new HttpRpcClient(devnet.httpUrl);
    try {
      const epochs = await pool.query<{ block_number: number; netuids: number[] }>(
        `SELECT block_number, array_agg(netuid ORDER BY netuid) AS netuids FROM metagraph_snapshots
         WHERE reason = 'epoch' GROUP BY block_number ORDER BY block_number`,
      );
      expect(epochs.rows.length).toBeGreaterThan(2);
      // Blocks with an epoch and the block before each (none there unless the schedule says so).
      for (const { block_number, netuids } of epochs.rows) {
        for (const n of [block_number, block_number - 1]) {
          const hash = await client.call<Hex>("chain_getBlockHash", [n]);
          const ran = await epochsFromStorage(client, await runtimeAt(client, hash), [{ number: n, hash }]);
          const expected = epochs.rows.find((r) => r.block_number === n)?.netuids ?? [];
          expect(ran.get(n) ?? [], `block ${n}`).toEqual(expected);
        }
        expect(netuids.length).toBeGreaterThan(0);
      }
    } finally {
      await client.close();
    }
  });

  it("formats axons as ip:port", () => {
    expect(axonAddress({ ip: "3232235777", port: 8091, ip_type: 4 })).toBe("192.168.1.1:8091");
    expect(axonAddress({ ip: "1", port: 1, ipType: 6 })).toBe("[0:0:0:0:0:0:0:1]:1");
    expect(axonAddress({ ip: "0", port: 0, ipType: 4 })).toBeNull();
  });

  it("rolls metagraph rows back with the blocks", async () => {
    const { deleteFrom } = await import("../../indexer/store/write-blocks");
    const last = await pool.query<{ b: number }>("SELECT max(block_number) AS b FROM metagraph_snapshots");
    const c = await pool.connect();
    try {
      await c.query("BEGIN");
      await deleteFrom(c, last.rows[0]!.b);
      const left = await c.query(
        "SELECT count(*)::int AS n FROM metagraph_neurons WHERE block_number >= $1",
        [last.rows[0]!.b],
      );
      expect(left.rows[0].n).toBe(0);
      await c.query("ROLLBACK");
    } finally {
      c.release();
    }
  });
});
