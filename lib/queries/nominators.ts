// A validator's nominators: coldkeys with a non-zero stake position on the hotkey, as of the last holder scan
// (stake_positions; the hotkey's owner counts like any other staker), valued in TAO at the newest pool prices.
import { toAddress } from "../api/v1/address";
import type { PagePagination } from "../api/v1/schemas";
import type { NominatorDto } from "../api/v1/validator-schemas";
import { LATEST_PRICES, TAO_VALUE } from "./accounts";
import type { Dir } from "./keyset";
import { pagePagination } from "./metagraph";
import { raw, select, sql } from "./sql";

/** Nominator count per hotkey; hotkeys without positions (or before the first scan) are absent. */
export async function nominatorCounts(hotkeys: readonly string[]): Promise<Map<string, number>> {
  if (hotkeys.length === 0) return new Map();
  const rows = await select<{ hotkey: string; n: number }[]>`
    SELECT hotkey, count(DISTINCT coldkey)::int AS n FROM stake_positions
    WHERE hotkey = ANY(${[...hotkeys]}::text[]) AND alpha > 0 GROUP BY hotkey`;
  return new Map(rows.map((r) => [r.hotkey, r.n]));
}

/** Whether any holder scan is stored (before it, nominator counts are unknown rather than zero). */
export async function holderScanBlock(): Promise<number | null> {
  const rows = await select<{ b: number | null }[]>`SELECT max(block_number) AS b FROM holder_scans`;
  return rows[0]?.b ?? null;
}

export const NOMINATOR_ORDER_FIELDS = ["tao_value", "alpha"] as const;

export async function listNominators(q: {
  hotkey: string;
  netuid?: number;
  field: (typeof NOMINATOR_ORDER_FIELDS)[number];
  dir: Dir;
  page: number;
  limit: number;
}): Promise<{ scan_block: number | null; pagination: PagePagination; data: NominatorDto[] }> {
  const dir = q.dir === "asc" ? "ASC" : "DESC";
  const order =
    q.field === "alpha"
      ? raw(`p.alpha ${dir}, p.coldkey, p.netuid`)
      : sql`${TAO_VALUE} ${raw(dir)} NULLS LAST, p.alpha DESC, p.coldkey, p.netuid`;
  const netuid = q.netuid ?? null;
  const [rows, totals, scan] = await Promise.all([
    select<
      { coldkey: string; netuid: number; alpha: string; tao_value: string | null; block_number: number }[]
    >`
      WITH ${LATEST_PRICES}
      SELECT p.coldkey, p.netuid, p.alpha::text, ${TAO_VALUE}::text AS tao_value, p.block_number
      FROM stake_positions p LEFT JOIN px USING (netuid)
      WHERE p.hotkey = ${q.hotkey} AND p.alpha > 0 AND (${netuid}::int IS NULL OR p.netuid = ${netuid}::int)
      ORDER BY ${order} LIMIT ${q.limit} OFFSET ${(q.page - 1) * q.limit}`,
    select<{ n: number }[]>`
      SELECT count(*)::int AS n FROM stake_positions
      WHERE hotkey = ${q.hotkey} AND alpha > 0 AND (${netuid}::int IS NULL OR netuid = ${netuid}::int)`,
    holderScanBlock(),
  ]);
  return {
    scan_block: scan,
    pagination: pagePagination(q.page, q.limit, totals[0]?.n ?? 0),
    data: rows.map((r) => ({
      coldkey: toAddress(r.coldkey)!,
      netuid: r.netuid,
      alpha: r.alpha,
      tao_value: r.tao_value,
      block_number: r.block_number,
    })),
  };
}
