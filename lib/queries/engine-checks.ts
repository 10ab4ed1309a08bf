// The indexer's engine self-check (indexer/state/self-check.ts), summarised per runtime spec version, plus the
// newest mismatches with their values. Both aggregates use indexes: (spec_version, block_number) for the per-spec
// counts and (mismatches, block_number) for the rows with mismatches, which should be rare.
import { select } from "./sql";

export interface SelfCheckSpecRow {
  spec_version: number;
  rules: string[];
  blocks_checked: number;
  blocks_without_rules: number;
  blocks_failed: number;
  blocks_with_mismatches: number;
  mismatching_items: number;
  items_checked: string;
  unsupported_items: string[];
  first_block: number;
  last_block: number;
  first_mismatch_block: number | null;
  last_mismatch_block: number | null;
}

export interface SelfCheckMismatchRow {
  block_number: number;
  spec_version: number;
  rules: string | null;
  netuid: number;
  item: string;
  chain: string;
  engine: string;
}

export interface SelfCheckSummary {
  data: SelfCheckSpecRow[];
  latest_mismatches: SelfCheckMismatchRow[];
}

export async function getSelfCheckSummary(opts: {
  spec?: number;
  mismatches: number;
}): Promise<SelfCheckSummary> {
  const spec = opts.spec ?? null;
  const specs = await select<
    (Omit<
      SelfCheckSpecRow,
      | "blocks_checked"
      | "blocks_without_rules"
      | "blocks_failed"
      | "blocks_with_mismatches"
      | "mismatching_items"
    > & {
      blocks_checked: string;
      blocks_without_rules: string;
      blocks_failed: string;
      blocks_with_mismatches: string;
      mismatching_items: string;
    })[]
  >`
    SELECT c.spec_version,
           coalesce(array_agg(DISTINCT c.rules) FILTER (WHERE c.rules IS NOT NULL), '{}') AS rules,
           count(*) FILTER (WHERE c.rules IS NOT NULL AND c.details->>'reason' IS NULL) AS blocks_checked,
           count(*) FILTER (WHERE c.rules IS NULL) AS blocks_without_rules,
           count(*) FILTER (WHERE c.rules IS NOT NULL AND c.details->>'reason' IS NOT NULL) AS blocks_failed,
           count(*) FILTER (WHERE c.mismatches > 0) AS blocks_with_mismatches,
           coalesce(sum(c.mismatches), 0) AS mismatching_items,
           coalesce(sum(c.items_checked), 0)::text AS items_checked,
           min(c.block_number) AS first_block,
           max(c.block_number) AS last_block,
           min(c.block_number) FILTER (WHERE c.mismatches > 0) AS first_mismatch_block,
           max(c.block_number) FILTER (WHERE c.mismatches > 0) AS last_mismatch_block,
           (SELECT coalesce(array_agg(DISTINCT u ORDER BY u), '{}')
              FROM (SELECT details FROM engine_checks l
                     WHERE l.spec_version = c.spec_version
                     ORDER BY (l.details->>'reason' IS NULL) DESC, l.block_number DESC LIMIT 1) last,
                   jsonb_array_elements_text(last.details->'unsupported') u) AS unsupported_items
      FROM engine_checks c
     WHERE (${spec}::int IS NULL OR c.spec_version = ${spec}::int)
     GROUP BY c.spec_version
     ORDER BY c.spec_version`;
  const latest = await select<SelfCheckMismatchRow[]>`
    SELECT b.block_number, b.spec_version, b.rules, (m->>'netuid')::int AS netuid, m->>'item' AS item,
           m->>'chain' AS chain, m->>'engine' AS engine
      FROM (SELECT block_number, spec_version, rules, details FROM engine_checks
             WHERE mismatches > 0 AND (${spec}::int IS NULL OR spec_version = ${spec}::int)
             ORDER BY block_number DESC LIMIT ${opts.mismatches}) b,
           jsonb_array_elements(b.details->'mismatches') m
     ORDER BY b.block_number DESC, netuid, item
     LIMIT ${opts.mismatches}`;
  return {
    data: specs.map((r) => ({
      ...r,
      blocks_checked: Number(r.blocks_checked),
      blocks_without_rules: Number(r.blocks_without_rules),
      blocks_failed: Number(r.blocks_failed),
      blocks_with_mismatches: Number(r.blocks_with_mismatches),
      mismatching_items: Number(r.mismatching_items),
    })),
    latest_mismatches: latest,
  };
}

/** For /health: newest checked block and the blocks with mismatches (index-only on the mismatch index). */
export async function selfCheckHealth(): Promise<{
  checked_head: number | null;
  mismatch_blocks: number;
  last_mismatch_block: number | null;
}> {
  const [r] = await select<{ head: number | null; bad: string; last_bad: number | null }[]>`
    SELECT (SELECT max(block_number) FROM engine_checks) AS head,
           (SELECT count(*) FROM engine_checks WHERE mismatches > 0) AS bad,
           (SELECT max(block_number) FROM engine_checks WHERE mismatches > 0) AS last_bad`;
  return {
    checked_head: r?.head ?? null,
    mismatch_blocks: Number(r?.bad ?? 0),
    last_mismatch_block: r?.last_bad ?? null,
  };
}
