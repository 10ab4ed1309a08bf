// Bulk writes of decoded blocks: one statement per table per batch (unnest of column arrays, a fixed number of
// bind parameters whatever the batch size), all inside the caller's transaction.
import type pg from "pg";
import type { DecodedBlock, RawBlock } from "../decode";
import { PROJECTIONS, writeProjections } from "../project";
import { dropCandlesFrom, writeCandles } from "../state/candles";

export interface IngestedBlock {
  raw: RawBlock;
  decoded: DecodedBlock;
}

export interface WriteStats {
  blocks: number;
  extrinsics: number;
  events: number;
}

/** Every table keyed by block number, deleted from on rollback: the projections, then the core tables. */
export const BLOCK_KEYED_TABLES: readonly { table: string; column: string }[] = [
  ...PROJECTIONS.map((p) => ({ table: p.table, column: "block_number" })),
  { table: "network_snapshots", column: "block_number" },
  { table: "pool_snapshots", column: "block_number" },
  { table: "holder_stats", column: "block_number" },
  { table: "holder_scans", column: "block_number" },
  { table: "stake_positions", column: "block_number" },
  { table: "account_balances", column: "block_number" },
  { table: "account_balance_history", column: "block_number" },
  { table: "account_stake_history", column: "block_number" },
  { table: "hotkey_history", column: "block_number" },
  { table: "engine_checks", column: "block_number" },
  { table: "metagraph_neurons", column: "block_number" },
  { table: "metagraph_snapshots", column: "block_number" },
  { table: "events", column: "block_number" },
  { table: "extrinsics", column: "block_number" },
  { table: "block_raw", column: "number" },
  { table: "blocks", column: "number" },
];

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

export async function writeBlocks(
  client: pg.ClientBase,
  blocks: readonly IngestedBlock[],
  finalizedHead: number,
): Promise<WriteStats> {
  if (blocks.length === 0) return { blocks: 0, extrinsics: 0, events: 0 };
  const b = blocks.map((x) => x.decoded);
  await client.query(
    `INSERT INTO blocks (number, hash, parent_hash, state_root, extrinsics_root, spec_version, "timestamp", author,
                         extrinsic_count, event_count, finalized)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::timestamptz[],
                          $8::text[], $9::int[], $10::int[], $11::bool[])
     ON CONFLICT (number) DO NOTHING`,
    [
      b.map((d) => d.header.number),
      b.map((d) => d.header.hash),
      b.map((d) => d.header.parentHash),
      b.map((d) => d.header.stateRoot),
      b.map((d) => d.header.extrinsicsRoot),
      b.map((d) => d.specVersion),
      b.map((d) => (d.timestampMs === null ? null : new Date(d.timestampMs).toISOString())),
      b.map((d) => d.header.author),
      b.map((d) => d.extrinsics.length),
      b.map((d) => d.events.length),
      b.map((d) => d.header.number <= finalizedHead),
    ],
  );
  // Raw payloads: extrinsics are a text[] per row, which unnest would flatten, so they go as JSON and are
  // turned back into arrays in SQL.
  await client.query(
    `INSERT INTO block_raw (number, hash, header, extrinsics, events)
     SELECT n, h, hd, ARRAY(SELECT jsonb_array_elements_text(x)), e
     FROM unnest($1::int[], $2::text[], $3::jsonb[], $4::jsonb[], $5::text[]) AS t(n, h, hd, x, e)
     ON CONFLICT (number) DO NOTHING`,
    [
      blocks.map((x) => x.raw.number),
      blocks.map((x) => x.raw.hash),
      blocks.map((x) => JSON.stringify(x.raw.header)),
      blocks.map((x) => JSON.stringify(x.raw.extrinsics)),
      blocks.map((x) => x.raw.eventsHex),
    ],
  );
  const xs = b.flatMap((d) => d.extrinsics.map((e) => ({ n: d.header.number, e })));
  if (xs.length > 0) {
    await client.query(
      `INSERT INTO extrinsics (block_number, index, hash, signed, signer, section, method, args, success, error, fee, tip,
                               nonce, decode_error)
       SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::bool[], $5::text[], $6::text[], $7::text[], $8::jsonb[],
                            $9::bool[], $10::jsonb[], $11::numeric[], $12::numeric[], $13::int8[], $14::text[])
       ON CONFLICT (block_number, index) DO NOTHING`,
      [
        xs.map((x) => x.n),
        xs.map((x) => x.e.index),
        xs.map((x) => x.e.hash),
        xs.map((x) => x.e.signed),
        xs.map((x) => x.e.signer),
        xs.map((x) => x.e.section),
        xs.map((x) => x.e.method),
        xs.map((x) => json(x.e.args) ?? "null"),
        xs.map((x) => x.e.success),
        xs.map((x) => json(x.e.error)),
        xs.map((x) => x.e.fee),
        xs.map((x) => x.e.tip),
        xs.map((x) => (x.e.nonce === null ? null : String(x.e.nonce))),
        xs.map((x) => x.e.decodeError),
      ],
    );
  }
  const evs = b.flatMap((d) => d.events.map((e) => ({ n: d.header.number, e })));
  if (evs.length > 0) {
    await client.query(
      `INSERT INTO events (block_number, index, phase, extrinsic_index, section, method, args, decode_error)
       SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::jsonb[], $8::text[])
       ON CONFLICT (block_number, index) DO NOTHING`,
      [
        evs.map((x) => x.n),
        evs.map((x) => x.e.index),
        evs.map((x) => x.e.phase),
        evs.map((x) => x.e.extrinsicIndex),
        evs.map((x) => x.e.section),
        evs.map((x) => x.e.method),
        evs.map((x) => json(x.e.args) ?? "null"),
        evs.map((x) => x.e.decodeError),
      ],
    );
  }
  await writeProjections(client, b);
  return { blocks: blocks.length, extrinsics: xs.length, events: evs.length };
}

/** Removes every block from `number` on (a reorg of the unfinalized tip). */
export async function deleteFrom(client: pg.ClientBase, number: number): Promise<void> {
  const rebuildFrom = await dropCandlesFrom(client, number);
  for (const { table, column } of BLOCK_KEYED_TABLES) {
    await client.query(`DELETE FROM ${table} WHERE ${column} >= $1`, [number]);
  }
  // Candles are keyed by period, not block: the ones reaching the fork are rebuilt from the snapshots left.
  if (rebuildFrom !== null) await writeCandles(client, rebuildFrom, number - 1);
}

export async function markFinalized(client: pg.ClientBase, finalizedHead: number): Promise<void> {
  await client.query("UPDATE blocks SET finalized = true WHERE number <= $1 AND NOT finalized", [
    finalizedHead,
  ]);
}
