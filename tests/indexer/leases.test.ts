// Split backfill: workers sharing one database through leases end with the same tables as a single run; an
// expired lease is taken over; deferred secondary indexes come back exactly as the migrations define them.
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { FIXTURE_MISSING, finneyRuntime } from "../../devnet/node/testing/harness";
import { Indexer } from "../../indexer/pipeline/indexer";
import { HttpRpcClient } from "../../indexer/rpc";
import { deferIndexes, restoreIndexes } from "../../indexer/store/deferred-indexes";
import { diffShapes, expectedShape, liveShape } from "../../lib/db/drift";
import { checksums } from "../helpers/checksums";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";

const runtime = finneyRuntime(393);
if (!runtime) console.warn(FIXTURE_MISSING);

describe.skipIf(!runtime)("split backfill with leases", () => {
  let devnet: Devnet;
  const dbs: TestDatabase[] = [];
  const pools: pg.Pool[] = [];
  const clients: HttpRpcClient[] = [];
  beforeAll(async () => {
    devnet = await startDevnet({ runtimes: [runtime!], manual: true, history: 300 });
  });
  afterAll(async () => {
    for (const c of clients) await c.close();
    for (const p of pools) await p.end();
    await devnet?.close();
    for (const d of dbs) await d.drop();
  });

  const setup = async () => {
    const db = await freshDatabase();
    dbs.push(db);
    const pool = testPool(db.url);
    pools.push(pool);
    return { db, pool };
  };
  const rpc = () => {
    const c = new HttpRpcClient(devnet.httpUrl);
    clients.push(c);
    return c;
  };

  it("three concurrent workers store exactly what one uninterrupted run stores", async () => {
    const to = devnet.chain.finalized.number;
    const reference = await setup();
    await new Indexer({ client: rpc(), pool: reference.pool, follow: false, to, batchSize: 20 }).run();

    const shared = await setup();
    const workers = ["a", "b", "c"].map(
      (name) =>
        new Indexer({
          client: rpc(),
          pool: shared.pool,
          follow: false,
          from: 0,
          to,
          batchSize: 20,
          lease: { size: 37, owner: name, ttlSeconds: 60 },
        }),
    );
    await Promise.all(workers.map((w) => w.run()));
    const owners = await shared.pool.query<{ owner: string; n: number }>(
      "SELECT owner, count(*)::int AS n FROM indexer_leases GROUP BY owner",
    );
    expect(owners.rows.length).toBeGreaterThan(1);
    const open = await shared.pool.query("SELECT count(*)::int AS n FROM indexer_leases WHERE NOT done");
    expect(open.rows[0].n).toBe(0);
    expect(workers.reduce((s, w) => s + w.totals.blocks, 0)).toBe(to + 1);
    const { runtime_versions: _a, ...mine } = await checksums(shared.db.url);
    const { runtime_versions: _b, ...theirs } = await checksums(reference.db.url);
    expect(mine).toEqual(theirs);
  });

  it("takes over a lease whose worker stopped sending heartbeats, resuming from its cursor", async () => {
    const to = 99;
    const { pool } = await setup();
    const size = 50;
    await pool.query(
      `INSERT INTO indexer_leases (range_start, range_end, owner, heartbeat_at) VALUES (0, 49, 'dead', now() - interval '10 minutes')`,
    );
    // The dead worker had finished blocks 0..19 of its lease before dying.
    await new Indexer({ client: rpc(), pool, follow: false, to: 19, batchSize: 20 }).run();
    await pool.query(`UPDATE indexer_status SET lane = 'lease:0'`);
    const worker = new Indexer({
      client: rpc(),
      pool,
      follow: false,
      from: 0,
      to,
      batchSize: 20,
      lease: { size, owner: "alive", ttlSeconds: 30 },
    });
    await worker.run();
    expect(worker.totals.blocks).toBe(to + 1 - 20);
    const leases = await pool.query(
      "SELECT range_start, owner, done FROM indexer_leases ORDER BY range_start",
    );
    expect(leases.rows).toEqual([
      { range_start: 0, owner: "alive", done: true },
      { range_start: 50, owner: "alive", done: true },
    ]);
    const count = await pool.query("SELECT count(*)::int AS n FROM blocks");
    expect(count.rows[0].n).toBe(to + 1);
  });

  it("drops and rebuilds the secondary indexes of a deferred backfill", async () => {
    const { db, pool } = await setup();
    const dropped = await deferIndexes(pool);
    expect(dropped.length).toBeGreaterThanOrEqual(4);
    const during = await pool.query("SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = ANY($1)", [
      dropped,
    ]);
    expect(during.rows[0].n).toBe(0);
    await new Indexer({ client: rpc(), pool, follow: false, to: 50, batchSize: 25 }).run();
    expect((await restoreIndexes(pool)).sort()).toEqual([...dropped].sort());
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      expect(
        diffShapes(expectedShape(readFileSync("prisma/schema.prisma", "utf8")), await liveShape(client)),
      ).toEqual([]);
    } finally {
      await client.end();
    }
    expect(await restoreIndexes(pool)).toEqual([]);
  });
});
