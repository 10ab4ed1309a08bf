// The indexer end to end against a devnet node: what it stores equals what the chain serves, a rerun changes
// nothing, and a reorg of the unfinalized tip is rolled back and replaced.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { FIXTURE_MISSING, finneyRuntime } from "../../devnet/node/testing/harness";
import { Indexer } from "../../indexer/pipeline/indexer";
import { HttpRpcClient } from "../../indexer/rpc";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";

const runtime = finneyRuntime(393);
if (!runtime) console.warn(FIXTURE_MISSING);

interface ChainBlock {
  hash: string;
  parentHash: string;
  extrinsics: number;
}

async function rpc<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const r = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await r.json()) as { result: T };
  return body.result;
}

async function chainBlock(url: string, n: number): Promise<ChainBlock> {
  const hash = await rpc<string>(url, "chain_getBlockHash", [n]);
  const block = await rpc<{ block: { header: { parentHash: string }; extrinsics: string[] } }>(
    url,
    "chain_getBlock",
    [hash],
  );
  return { hash, parentHash: block.block.header.parentHash, extrinsics: block.block.extrinsics.length };
}

describe.skipIf(!runtime)("indexer against the devnet", () => {
  let devnet: Devnet;
  let database: TestDatabase;
  let pool: pg.Pool;
  let client: HttpRpcClient;

  beforeAll(async () => {
    devnet = await startDevnet({ runtimes: [runtime!], manual: true, history: 120 });
    database = await freshDatabase();
    pool = testPool(database.url);
    client = new HttpRpcClient(devnet.httpUrl);
  });
  afterAll(async () => {
    await client?.close();
    await pool?.end();
    await devnet?.close();
    await database?.drop();
  });

  const index = async () => {
    const indexer = new Indexer({ client, pool, follow: false, batchSize: 25 });
    await indexer.run();
    return indexer;
  };

  const stored = async () =>
    (
      await pool.query<{
        number: number;
        hash: string;
        parent_hash: string;
        extrinsic_count: number;
        finalized: boolean;
      }>("SELECT number, hash, parent_hash, extrinsic_count, finalized FROM blocks ORDER BY number")
    ).rows;

  it("stores every block exactly as the chain serves it", async () => {
    const indexer = await index();
    const rows = await stored();
    const head = devnet.chain.best.number;
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: head + 1 }, (_, i) => i));
    for (const row of rows) {
      const c = await chainBlock(devnet.httpUrl, row.number);
      expect(row.hash).toBe(c.hash);
      expect(row.parent_hash).toBe(c.parentHash);
      expect(row.extrinsic_count).toBe(c.extrinsics);
    }
    const finalized = devnet.chain.finalized.number;
    expect(
      rows
        .filter((r) => r.finalized)
        .map((r) => r.number)
        .at(-1),
    ).toBe(finalized);
    expect(rows.filter((r) => !r.finalized)).toHaveLength(head - finalized);
    // Events: one row per System.Events record, numbered from 0 within each block.
    const counts = await pool.query<{ n: number; events: string; declared: number }>(
      "SELECT b.number AS n, count(e.index) AS events, b.event_count AS declared FROM blocks b LEFT JOIN events e ON e.block_number = b.number GROUP BY b.number",
    );
    for (const c of counts.rows) expect(Number(c.events)).toBe(c.declared);
    expect(indexer.totals.blocks).toBe(head + 1);
    const status = await pool.query("SELECT block_number FROM indexer_status WHERE lane = 'main'");
    expect(status.rows[0].block_number).toBe(head);
    const raw = await pool.query<{ extrinsics: string[] }>(
      "SELECT extrinsics FROM block_raw WHERE number = 1",
    );
    const chainRaw = await rpc<{ block: { extrinsics: string[] } }>(devnet.httpUrl, "chain_getBlock", [
      (await chainBlock(devnet.httpUrl, 1)).hash,
    ]);
    expect(raw.rows[0]!.extrinsics).toEqual(chainRaw.block.extrinsics);
  });

  it("changes nothing when run again", async () => {
    const before = await pool.query(
      "SELECT md5(string_agg(hash || finalized::text, ',' ORDER BY number)) AS h, (SELECT count(*) FROM events) AS e FROM blocks",
    );
    const indexer = await index();
    expect(indexer.totals.blocks).toBe(0);
    const after = await pool.query(
      "SELECT md5(string_agg(hash || finalized::text, ',' ORDER BY number)) AS h, (SELECT count(*) FROM events) AS e FROM blocks",
    );
    expect(after.rows).toEqual(before.rows);
  });

  it("rolls back a reorg of the unfinalized tip and stores the new branch", async () => {
    devnet.newBlocks(3);
    await index();
    const oldTip = devnet.chain.best;
    const depth = Math.min(2, oldTip.number - devnet.chain.finalized.number);
    expect(depth).toBeGreaterThan(0);
    devnet.chain.reorg(depth);
    expect(devnet.chain.best.hash).not.toBe(oldTip.hash);
    const indexer = await index();
    expect(indexer.reorgs).toBe(1);
    const rows = await stored();
    expect(rows.at(-1)!.number).toBe(devnet.chain.best.number);
    for (const row of rows.slice(-6))
      expect(row.hash).toBe((await chainBlock(devnet.httpUrl, row.number)).hash);
    const orphans = await pool.query("SELECT count(*)::int AS n FROM blocks WHERE hash = $1", [oldTip.hash]);
    expect(orphans.rows[0].n).toBe(0);
  });
});
