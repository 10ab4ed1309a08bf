// For a large backfill, the secondary (non-unique) indexes of the ingest tables are dropped and rebuilt once
// at the end: maintaining them row by row costs more than building them in one pass. Their definitions are
// saved in `indexer_deferred_indexes` first, so a crash mid-backfill never loses one.
import type pg from "pg";
import { transaction } from "./transaction";

const INGEST_TABLES = ["blocks", "extrinsics", "events"];

export async function deferIndexes(pool: pg.Pool): Promise<string[]> {
  return transaction(pool, async (client) => {
    const r = await client.query<{ name: string; definition: string }>(
      `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = current_schema() AND t.relname = ANY($1) AND NOT x.indisprimary AND NOT x.indisunique`,
      [INGEST_TABLES],
    );
    for (const { name, definition } of r.rows) {
      await client.query(
        "INSERT INTO indexer_deferred_indexes (name, definition) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        [name, definition],
      );
      await client.query(`DROP INDEX IF EXISTS ${client.escapeIdentifier(name)}`);
    }
    return r.rows.map((x) => x.name);
  });
}

/** Rebuilds every deferred index (idempotent: safe after a crash, or when nothing was deferred). */
export async function restoreIndexes(pool: pg.Pool): Promise<string[]> {
  const r = await pool.query<{ name: string; definition: string }>(
    "SELECT name, definition FROM indexer_deferred_indexes ORDER BY name",
  );
  for (const { name, definition } of r.rows) {
    await transaction(pool, async (client) => {
      await client.query(definition.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS "));
      await client.query("DELETE FROM indexer_deferred_indexes WHERE name = $1", [name]);
    });
  }
  return r.rows.map((x) => x.name);
}
