// Daily network stats across a UTC midnight: the closed day is read at its last block and matches the chain's
// storage there; activity counts match the indexed tables.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { FIXTURE_MISSING, finneyRuntime } from "../../devnet/node/testing/harness";
import { createRuntime, decodeStorageValue, type Hex, unwrapOpaqueMetadata } from "../../indexer/decode";
import { Indexer } from "../../indexer/pipeline/indexer";
import { HttpRpcClient } from "../../indexer/rpc";
import { dayMarks } from "../../indexer/state/daily-stats";
import { storageKey, storagePrefix } from "../../indexer/state/keys";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";

const runtime = finneyRuntime(393);
if (!runtime) console.warn(FIXTURE_MISSING);

// Genesis two minutes before midnight with 12 s blocks: the day turns between blocks 9 and 10.
const GENESIS = BigInt(Date.UTC(2025, 5, 1, 23, 58, 0));

describe.skipIf(!runtime)("daily network stats", () => {
  let devnet: Devnet;
  let database: TestDatabase;
  let pool: pg.Pool;
  let client: HttpRpcClient;
  beforeAll(async () => {
    devnet = await startDevnet({
      runtimes: [runtime!],
      manual: true,
      history: 30,
      blockTimeMs: 12_000,
      genesisTimestamp: GENESIS,
    });
    database = await freshDatabase();
    pool = testPool(database.url);
    client = new HttpRpcClient(devnet.httpUrl);
    // Batches of 10 end at block 9, the last block of June 1st: the day closes across a batch boundary.
    await new Indexer({ client, pool, follow: false, batchSize: 10 }).run();
  });
  afterAll(async () => {
    await client?.close();
    await pool?.end();
    await devnet?.close();
    await database?.drop();
  });

  it("closes a day at its last block with the chain's totals there", async () => {
    const rows = await pool.query<{
      day: string;
      block_number: number;
      issuance: string;
      subnets: number | null;
      accounts: number | null;
      blocks: number;
      extrinsics: number;
      events: number;
    }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, block_number, issuance::text, subnets, accounts, blocks, extrinsics, events
       FROM network_stats_daily ORDER BY day`,
    );
    expect(rows.rows.map((r) => r.day)).toEqual(["2025-06-01", "2025-06-02"]);
    const [closed, current] = rows.rows as [(typeof rows.rows)[0], (typeof rows.rows)[0]];
    const lastOfDay = await pool.query<{ n: number; hash: string }>(
      `SELECT max(number) AS n FROM blocks WHERE "timestamp" < '2025-06-02T00:00:00Z'`,
    );
    expect(closed.block_number).toBe(lastOfDay.rows[0]!.n);
    expect(current.block_number).toBe(devnet.chain.best.number);

    // Issuance and accounts straight from the chain at the closing block.
    const metadataHex = await client.call<string>("state_call", [
      "Metadata_metadata_at_version",
      "0x0f000000",
    ]);
    const rt = createRuntime(unwrapOpaqueMetadata(metadataHex)!);
    const at = await client.call<Hex>("chain_getBlockHash", [closed.block_number]);
    const key = storageKey(rt, "balances", "totalIssuance");
    const raw = await client.call<Hex>("state_getStorage", [key, at]);
    const hasSubtensorIssuance = rt.metadata.asLatest.pallets.some(
      (p) => p.name.toString() === "SubtensorModule",
    );
    const subtensorKey = storageKey(rt, "subtensorModule", "totalIssuance");
    const subtensorRaw = hasSubtensorIssuance
      ? await client.call<Hex | null>("state_getStorage", [subtensorKey, at])
      : null;
    const expected = subtensorRaw
      ? decodeStorageValue(rt, subtensorKey, subtensorRaw).value
      : decodeStorageValue(rt, key, raw).value;
    expect(closed.issuance).toBe(subtensorRaw === null && hasSubtensorIssuance ? "0" : String(expected));
    const accounts = await client.call<string[]>("state_getKeysPaged", [
      storagePrefix(rt, "system", "account"),
      1000,
      null,
      at,
    ]);
    expect(closed.accounts).toBe(accounts.length);
    expect(closed.subnets).toBe(0);
  });

  it("counts the day's activity from the indexed tables", async () => {
    const counts = await pool.query<{ day: string; blocks: number; extrinsics: number; events: number }>(
      `SELECT to_char(b."timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS blocks,
              sum(b.extrinsic_count)::int AS extrinsics, sum(b.event_count)::int AS events
       FROM blocks b WHERE b."timestamp" IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    const stats = await pool.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, blocks, extrinsics, events FROM network_stats_daily ORDER BY day`,
    );
    expect(stats.rows).toEqual(counts.rows);
  });

  it("finds day boundaries inside a batch and across batches", () => {
    const at = (n: number, iso: string) =>
      ({ raw: { number: n, hash: `0x${n}` }, decoded: { timestampMs: Date.parse(iso) } }) as never;
    const marks = dayMarks(
      [at(5, "2025-06-01T23:59:50Z"), at(6, "2025-06-02T00:00:02Z"), at(7, "2025-06-02T00:00:14Z")],
      null,
    );
    expect(marks.closed).toEqual([{ day: "2025-06-01", blockNumber: 5, blockHash: "0x5" }]);
    expect(marks.current).toEqual({ day: "2025-06-02", blockNumber: 7, blockHash: "0x7" });
    // Midnight between two batches: the previous batch's last block closes the day.
    const across = dayMarks([at(6, "2025-06-02T00:00:02Z")], {
      number: 5,
      hash: "0x5",
      ms: Date.parse("2025-06-01T23:59:50Z"),
    });
    expect(across.closed).toEqual([{ day: "2025-06-01", blockNumber: 5, blockHash: "0x5" }]);
    expect(across.current).toEqual({ day: "2025-06-02", blockNumber: 6, blockHash: "0x6" });
  });
});
