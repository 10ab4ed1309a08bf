import type pg from "pg";
import type { EngineCheck } from "./self-check";

/** Stores self-check results (in the block batch's transaction). A re-run of a block keeps the first result. */
export async function writeEngineChecks(
  client: pg.ClientBase,
  checks: readonly EngineCheck[],
): Promise<void> {
  if (checks.length === 0) return;
  await client.query(
    `INSERT INTO engine_checks (block_number, spec_version, rules, subnets_checked, items_checked, mismatches, details)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::int[], $6::int[], $7::jsonb[])
     ON CONFLICT (block_number) DO NOTHING`,
    [
      checks.map((c) => c.blockNumber),
      checks.map((c) => c.specVersion),
      checks.map((c) => c.rules),
      checks.map((c) => c.subnetsChecked),
      checks.map((c) => c.itemsChecked),
      checks.map((c) => c.mismatches.length),
      checks.map((c) =>
        JSON.stringify({ reason: c.reason, unsupported: c.unsupported, mismatches: c.mismatches }),
      ),
    ],
  );
}
