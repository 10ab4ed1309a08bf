// Migration 20261122050000_api_indexes: the deep-page plans it exists for walk an index in key order with no
// sort, and it is safe to apply while a `--defer-indexes` backfill has parked the indexes it replaces.
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deferIndexes, restoreIndexes } from "../../indexer/store/deferred-indexes";
import { diffShapes, expectedShape, liveShape } from "../../lib/db/drift";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";

const MIGRATION = readFileSync("prisma/migrations/20261122050000_api_indexes/migration.sql", "utf8");
const REPLACED = [
  `CREATE INDEX events_section_method_block_number_idx ON public.events USING btree (section, method, block_number)`,
  `CREATE INDEX extrinsics_signer_block_number_idx ON public.extrinsics USING btree (signer, block_number)`,
  `CREATE INDEX extrinsics_section_method_block_number_idx ON public.extrinsics USING btree (section, method, block_number)`,
];

let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await freshDatabase();
  pool = testPool(database.url);
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

async function drift(): Promise<string[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return diffShapes(expectedShape(readFileSync("prisma/schema.prisma", "utf8")), await liveShape(client));
  } finally {
    await client.end();
  }
}

describe("api_indexes migration", () => {
  it("applied during a deferred backfill, the restore brings back the new indexes, not the replaced ones", async () => {
    expect(await drift()).toEqual([]);
    // A backfill started under the previous schema: its ingest indexes are dropped and parked...
    const parked = await deferIndexes(pool);
    expect(parked).toContain("events_section_method_block_number_index_idx");
    await pool.query("DELETE FROM indexer_deferred_indexes");
    for (const name of parked) await pool.query("DROP INDEX IF EXISTS " + pg.escapeIdentifier(name));
    for (const def of REPLACED) {
      const name = /INDEX (\S+)/.exec(def)![1]!;
      await pool.query("INSERT INTO indexer_deferred_indexes (name, definition) VALUES ($1, $2)", [
        name,
        def,
      ]);
    }
    // ...then the migration runs (as at start-up), then the backfill ends and restores what it parked.
    await pool.query(MIGRATION);
    await restoreIndexes(pool);
    // Indexes the migration does not touch and the old backfill had parked: rebuilt by hand here.
    for (const name of parked) {
      if (!/_index_idx$|spec_version_number/.test(name))
        await pool.query(
          name === "blocks_timestamp_idx"
            ? `CREATE INDEX IF NOT EXISTS blocks_timestamp_idx ON blocks ("timestamp")`
            : `CREATE INDEX IF NOT EXISTS extrinsics_hash_idx ON extrinsics (hash)`,
        );
    }
    expect(await drift()).toEqual([]);
  });

  it("serves filtered deep pages by walking an index in key order, with no sort", async () => {
    await pool.query(`
      INSERT INTO events (block_number, index, phase, section, method, args)
      SELECT n, i, 'ApplyExtrinsic', (ARRAY['system', 'balances', 'balances'])[i + 1],
             (ARRAY['ExtrinsicSuccess', 'Withdraw', 'Transfer'])[i + 1], '[]'::jsonb
      FROM generate_series(0, 40000) AS n, generate_series(0, 2) AS i;
      INSERT INTO extrinsics (block_number, index, hash, signed, signer, section, method, args)
      SELECT n, 1, md5(n::text), true, 'signer' || (n % 40), 'balances', 'transferKeepAlive', '{}'::jsonb
      FROM generate_series(0, 40000) AS n;
      INSERT INTO transfers (block_number, event_index, "from", "to", amount)
      SELECT n, 2, 'a' || (n % 5), 'b' || (n % 3), n FROM generate_series(0, 40000) AS n;
      ANALYZE`);
    // Sorting and bitmap scans priced out: what is asserted is that an index can deliver the rows in key
    // order, not which of two cheap plans the estimates of a small table happen to favour.
    const client = await pool.connect();
    await client.query("SET enable_sort = off; SET enable_bitmapscan = off");
    const plan = async (query: string) =>
      JSON.stringify((await client.query(`EXPLAIN (FORMAT JSON) ${query}`)).rows[0]["QUERY PLAN"]);
    for (const [query, index] of [
      [
        `SELECT * FROM events e WHERE e.section = 'balances' AND e.method = 'Transfer'
         AND (e.block_number, e.index) < (20000, 2) ORDER BY e.block_number DESC, e.index DESC LIMIT 51`,
        "events_section_method_block_number_index_idx",
      ],
      [
        `SELECT * FROM events e WHERE e.section = 'system'
         AND (e.block_number, e.index) < (20000, 2) ORDER BY e.block_number DESC, e.index DESC LIMIT 51`,
        "events_section_block_number_index_idx",
      ],
      [
        `SELECT * FROM extrinsics x WHERE x.signer = 'signer3'
         AND (x.block_number, x.index) < (20000, 1) ORDER BY x.block_number DESC, x.index DESC LIMIT 51`,
        "extrinsics_signer_block_number_index_idx",
      ],
      [
        `SELECT * FROM transfers t WHERE t."from" = 'a1'
         AND (t.block_number, t.event_index) < (20000, 2) ORDER BY t.block_number DESC, t.event_index DESC LIMIT 51`,
        "transfers_from_block_number_event_index_idx",
      ],
    ]) {
      const p = await plan(query!);
      expect(p, query).toContain(index!);
      expect(p, query).not.toMatch(/"Node Type":"(Incremental )?Sort"/);
    }
    client.release(true);
  });
});
