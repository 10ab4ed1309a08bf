// Validators: hotkeys holding a validator permit in the latest metagraph of at least one subnet, aggregated over
// every subnet's latest snapshot.
import { toAddress } from "../api/v1/address";
import type { PagePagination } from "../api/v1/schemas";
import type { ValidatorDetailDto, ValidatorDto, ValidatorSubnetDto } from "../api/v1/validator-schemas";
import { LATEST_SNAPSHOTS } from "./latest-snapshots";
import { blocksSince, pagePagination, u16Proportion } from "./metagraph";
import { holderScanBlock, nominatorCounts } from "./nominators";
import { raw, select, sql } from "./sql";
import { type HotkeyApy, hotkeyApys } from "./validator-apy";

export const VALIDATOR_ORDER_FIELDS = [
  "alpha_stake",
  "root_stake",
  "subnets_validated",
  "take",
  "emission",
] as const;
export type ValidatorOrderField = (typeof VALIDATOR_ORDER_FIELDS)[number];

export interface ValidatorQuery {
  page: number;
  limit: number;
  field: ValidatorOrderField;
  dir: "asc" | "desc";
}

interface ValidatorRow {
  hotkey: string;
  coldkey: string | null;
  take: number | null;
  alpha_stake: string;
  root_stake: string;
  subnets: number;
  subnets_validated: number;
  dominance: string;
  emission: string;
  block_number: number;
}

const LATEST = sql`
  ${LATEST_SNAPSHOTS},
  n AS (SELECT m.* FROM metagraph_neurons m JOIN latest l USING (netuid, block_number)),
  total AS (SELECT coalesce(sum(stake), 0) AS s FROM n),
  v AS (
    SELECT hotkey,
           (array_agg(coldkey ORDER BY block_number DESC, netuid))[1] AS coldkey,
           (array_agg(take ORDER BY block_number DESC, netuid))[1] AS take,
           sum(stake) AS alpha_stake,
           (array_agg(root_stake ORDER BY block_number DESC, netuid))[1] AS root_stake,
           count(*)::int AS subnets,
           (count(*) FILTER (WHERE validator_permit))::int AS subnets_validated,
           sum(emission) AS emission,
           max(block_number) AS block_number
    FROM n GROUP BY hotkey HAVING bool_or(validator_permit))`;

const COLUMNS = raw(
  `v.hotkey, v.coldkey, v.take, v.alpha_stake::text AS alpha_stake, v.root_stake::text AS root_stake, v.subnets,
   v.subnets_validated, v.emission::text AS emission, v.block_number,
   (CASE WHEN total.s > 0 THEN trunc(v.alpha_stake / total.s, 10) ELSE 0 END)::text AS dominance`,
);

const NO_APY = { d1: null, d7: null, d30: null, epochs_d30: 0, span_blocks_d30: null };

/** Nominators per hotkey, or null for all of them before the first holder scan. */
async function nominators(hotkeys: string[]): Promise<(hotkey: string) => number | null> {
  const [scan, counts] = await Promise.all([holderScanBlock(), nominatorCounts(hotkeys)]);
  return (hotkey) => (scan === null ? null : (counts.get(hotkey) ?? 0));
}

interface StakeChange {
  stake_value: string | null;
  stake_change_24h: string | null;
  nominators_change_24h: number | null;
  change_from_block: number | null;
}

const NO_CHANGE: StakeChange = {
  stake_value: null,
  stake_change_24h: null,
  nominators_change_24h: null,
  change_from_block: null,
};

/**
 * Each hotkey's staked value at the last kept holder scan and its change over 24 h (hotkey_history; a hotkey
 * absent from a kept scan had nothing staked then). Bounded work: one indexed lookup per hotkey and scan.
 */
async function stakeChanges(hotkeys: string[]): Promise<Map<string, StakeChange>> {
  if (hotkeys.length === 0) return new Map();
  const rows = await select<
    {
      hotkey: string;
      scan: number | null;
      ref: number | null;
      n: number | null;
      stake: string | null;
      prev_n: number | null;
      prev_stake: string | null;
    }[]
  >`
    WITH l AS (
      SELECT h.block_number AS b, bl."timestamp" AS t
      FROM (SELECT max(block_number) AS block_number FROM hotkey_history) h
      LEFT JOIN blocks bl ON bl.number = h.block_number),
    r AS (
      SELECT coalesce(
        (SELECT max(s.block_number) FROM holder_scans s JOIN blocks bl ON bl.number = s.block_number
          WHERE bl."timestamp" <= (SELECT t FROM l) - interval '24 hours'
            AND EXISTS (SELECT 1 FROM hotkey_history x WHERE x.block_number = s.block_number)),
        (SELECT min(block_number) FROM hotkey_history)) AS b)
    SELECT k.hotkey, l.b AS scan, r.b AS ref, cur.nominators AS n, cur.stake::text AS stake,
           prev.nominators AS prev_n, prev.stake::text AS prev_stake
    FROM unnest(${hotkeys}::text[]) AS k(hotkey) CROSS JOIN l CROSS JOIN r
    LEFT JOIN hotkey_history cur ON cur.hotkey = k.hotkey AND cur.block_number = l.b
    LEFT JOIN hotkey_history prev ON prev.hotkey = k.hotkey AND prev.block_number = r.b`;
  return new Map(
    rows.map((r) => {
      if (r.scan === null) return [r.hotkey, NO_CHANGE];
      const now = BigInt(r.stake ?? "0");
      const then = BigInt(r.prev_stake ?? "0");
      return [
        r.hotkey,
        {
          stake_value: now.toString(),
          stake_change_24h: (now - then).toString(),
          nominators_change_24h: (r.n ?? 0) - (r.prev_n ?? 0),
          change_from_block: r.ref,
        },
      ];
    }),
  );
}

function validatorDto(
  r: ValidatorRow,
  apy: HotkeyApy | undefined,
  nominated: number | null,
  change: StakeChange | undefined,
): ValidatorDto {
  return {
    hotkey: toAddress(r.hotkey)!,
    coldkey: toAddress(r.coldkey),
    take: r.take === null ? null : u16Proportion(r.take),
    take_u16: r.take,
    alpha_stake: r.alpha_stake,
    root_stake: r.root_stake,
    subnets: r.subnets,
    subnets_validated: r.subnets_validated,
    dominance: r.dominance,
    emission: r.emission,
    nominators: nominated,
    apy: apy?.overall ?? NO_APY,
    block_number: r.block_number,
    ...(change ?? NO_CHANGE),
  };
}

export async function listValidators(
  q: ValidatorQuery,
): Promise<{ pagination: PagePagination; data: ValidatorDto[] }> {
  const dir = q.dir === "asc" ? "ASC" : "DESC";
  const order = raw(`v.${q.field} ${dir} NULLS LAST, v.alpha_stake DESC, v.hotkey`);
  const rows = await select<(ValidatorRow & { total: number })[]>`
    WITH ${LATEST}
    SELECT ${COLUMNS}, (count(*) OVER ())::int AS total FROM v, total
    ORDER BY ${order} LIMIT ${q.limit} OFFSET ${(q.page - 1) * q.limit}`;
  let total = rows[0]?.total;
  if (total === undefined) {
    // Past the last page: still report the real total.
    const t = await select<{ n: number }[]>`WITH ${LATEST} SELECT count(*)::int AS n FROM v`;
    total = t[0]?.n ?? 0;
  }
  // APY only for the page's hotkeys: bounded work per request (the hotkey index), so it cannot be sorted on.
  const hotkeys = rows.map((r) => r.hotkey);
  const [apys, nominatorsOf, changes] = await Promise.all([
    hotkeyApys(hotkeys),
    nominators(hotkeys),
    stakeChanges(hotkeys),
  ]);
  return {
    pagination: pagePagination(q.page, q.limit, total),
    data: rows.map((r) => validatorDto(r, apys.get(r.hotkey), nominatorsOf(r.hotkey), changes.get(r.hotkey))),
  };
}

/** Whether the hotkey holds a validator permit in some subnet's newest metagraph (the validators' 404 rule). */
export async function isValidator(hotkey: string): Promise<boolean> {
  const rows = await select<{ ok: boolean }[]>`
    WITH ${LATEST_SNAPSHOTS}
    SELECT EXISTS (SELECT 1 FROM metagraph_neurons m JOIN latest l USING (netuid, block_number)
                   WHERE m.hotkey = ${hotkey} AND m.validator_permit) AS ok`;
  return rows[0]?.ok === true;
}

export async function getValidator(hotkey: string): Promise<ValidatorDetailDto | null> {
  const rows = await select<ValidatorRow[]>`
    WITH ${LATEST} SELECT ${COLUMNS} FROM v, total WHERE v.hotkey = ${hotkey}`;
  const row = rows[0];
  if (!row) return null;
  const [apys, nominatorsOf, changes] = await Promise.all([
    hotkeyApys([hotkey]),
    nominators([hotkey]),
    stakeChanges([hotkey]),
  ]);
  const apy = apys.get(hotkey);
  const subnets = await select<
    {
      netuid: number;
      block_number: number;
      uid: number;
      validator_permit: boolean;
      stake: string;
      share: string;
      validator_trust: number;
      consensus: number;
      incentive: number;
      dividends: number;
      emission: string;
      active: boolean;
      last_update: string;
      axon: string | null;
    }[]
  >`
    WITH ${LATEST_SNAPSHOTS},
    t AS (SELECT m.netuid, sum(m.stake) AS s FROM metagraph_neurons m JOIN latest l USING (netuid, block_number)
          GROUP BY m.netuid)
    SELECT m.netuid, m.block_number, m.uid, m.validator_permit, m.stake::text AS stake,
           (CASE WHEN t.s > 0 THEN trunc(m.stake / t.s, 10) ELSE 0 END)::text AS share,
           m.validator_trust, m.consensus, m.incentive, m.dividends, m.emission::text AS emission, m.active,
           m.last_update::text AS last_update, m.axon
    FROM metagraph_neurons m JOIN latest l USING (netuid, block_number) JOIN t USING (netuid)
    WHERE m.hotkey = ${hotkey}
    ORDER BY m.validator_permit DESC, m.stake DESC, m.netuid`;
  const subnetRows: ValidatorSubnetDto[] = subnets.map((s) => ({
    netuid: s.netuid,
    block_number: s.block_number,
    uid: s.uid,
    validator_permit: s.validator_permit,
    stake: s.stake,
    subnet_dominance: s.share,
    validator_trust: u16Proportion(s.validator_trust),
    consensus: u16Proportion(s.consensus),
    incentive: u16Proportion(s.incentive),
    dividends: u16Proportion(s.dividends),
    emission: s.emission,
    active: s.active,
    last_update: s.last_update,
    blocks_since_update: blocksSince(s.block_number, s.last_update),
    axon: s.axon,
    apy: apy?.bySubnet.get(s.netuid) ?? NO_APY,
  }));
  return { ...validatorDto(row, apy, nominatorsOf(hotkey), changes.get(hotkey)), subnet_rows: subnetRows };
}
