// Network stats (latest). Cheap by construction: the chain position comes from indexer_status (written by the
// indexer, no chain call), heads are index-only lookups, counts are planner estimates once tables are large
// (see counts.ts).
import type { StatsDto } from "../api/v1/schemas";
import { rowCount } from "./counts";
import { networkFigures } from "./network";
import { iso, select } from "./sql";

export async function latestStats(): Promise<StatsDto> {
  const [[top], blocks, extrinsics, signed, events, network] = await Promise.all([
    select<
      {
        chain_head: number | null;
        chain_finalized: number | null;
        seen_at: Date | null;
        head: number | null;
        head_time: Date | null;
        head_spec: number | null;
        finalized: number | null;
        versions: number;
      }[]
    >`
      WITH head AS (SELECT number, "timestamp", spec_version FROM blocks ORDER BY number DESC LIMIT 1),
           status AS (SELECT chain_head, finalized, updated_at FROM indexer_status WHERE lane = 'main')
      SELECT (SELECT chain_head FROM status) AS chain_head,
             (SELECT finalized FROM status) AS chain_finalized,
             (SELECT updated_at FROM status) AS seen_at,
             (SELECT number FROM head) AS head,
             (SELECT "timestamp" FROM head) AS head_time,
             (SELECT spec_version FROM head) AS head_spec,
             (SELECT number FROM blocks WHERE finalized ORDER BY number DESC LIMIT 1) AS finalized,
             (SELECT count(*)::int FROM runtime_versions) AS versions`,
    rowCount("blocks"),
    rowCount("extrinsics"),
    rowCount("signed_extrinsics"),
    rowCount("events"),
    networkFigures(),
  ]);
  return {
    chain: {
      head: top?.chain_head ?? null,
      finalized: top?.chain_finalized ?? null,
      seen_at: iso(top?.seen_at ?? null),
    },
    indexed: {
      head: top?.head ?? null,
      finalized: top?.finalized ?? null,
      timestamp: iso(top?.head_time ?? null),
    },
    counts: { blocks, extrinsics, signed_extrinsics: signed, events },
    runtime: { spec_version: top?.head_spec ?? null, versions_seen: top?.versions ?? 0 },
    network,
  };
}
