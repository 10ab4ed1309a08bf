// Every projection, written in the same transaction as its blocks (so a batch is all or nothing) and deleted
// with them on rollback.
import type pg from "pg";
import type { DecodedBlock } from "../decode";
import { transfers } from "./balances";
import { hyperparameterChanges, identityChanges, takeChanges, weightsSet } from "./governance";
import { alphaBurns, registrations } from "./registrations";
import { stakeMoves, stakeTrades } from "./staking";
import type { PgType, Projection } from "./types";

export const PROJECTIONS: readonly Projection[] = [
  transfers,
  stakeTrades,
  stakeMoves,
  registrations,
  alphaBurns,
  weightsSet,
  takeChanges,
  identityChanges,
  hyperparameterChanges,
];

const ARRAY_TYPE: Record<PgType, string> = {
  int: "int[]",
  int8: "int8[]",
  text: "text[]",
  numeric: "numeric[]",
  bool: "bool[]",
  jsonb: "jsonb[]",
  timestamptz: "timestamptz[]",
};

/** One `INSERT … SELECT unnest(…)` per projection with rows; returns rows written per table. */
export async function writeProjections(
  client: pg.ClientBase,
  blocks: readonly DecodedBlock[],
): Promise<Record<string, number>> {
  const written: Record<string, number> = {};
  for (const p of PROJECTIONS) {
    const rows = blocks.flatMap((b) => p.rows(b));
    if (rows.length === 0) continue;
    const cols = p.columns.map((c) => client.escapeIdentifier(c.name)).join(", ");
    const params = p.columns.map((c, i) => `$${i + 1}::${ARRAY_TYPE[c.type]}`).join(", ");
    const key = p.key.map((k) => client.escapeIdentifier(k)).join(", ");
    await client.query(
      `INSERT INTO ${client.escapeIdentifier(p.table)} (${cols}) SELECT * FROM unnest(${params}) ON CONFLICT (${key}) DO NOTHING`,
      p.columns.map((_, i) => rows.map((r) => r[i] ?? null)),
    );
    written[p.table] = rows.length;
  }
  return written;
}
