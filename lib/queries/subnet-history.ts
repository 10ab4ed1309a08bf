// A subnet's registration history (every neuron registration with what it cost, and the cost per period) and
// its hyperparameter change history, from the indexer's projections (`registrations`,
// `hyperparameter_changes`). NUMERIC in SQL, `::text` out; methodology in README.md ("Subnet history").
import { toAddress } from "../api/v1/address";
import type { PagePagination } from "../api/v1/schemas";
import type {
  HyperparameterChangeDto,
  RegistrationCostPointDto,
  SubnetRegistrationDto,
} from "../api/v1/subnet-history-schemas";
import type { Dir } from "./keyset";
import { pagePagination } from "./metagraph";
import { empty, iso, raw, type Sql, select, sql, where } from "./sql";

interface Window {
  from?: Date;
  to?: Date;
}

/**
 * The current incarnation's first block: a dissolved subnet's netuid can be registered again, and its history
 * must not show the previous owner's registrations or settings.
 */
async function since(netuid: number): Promise<number> {
  const rows = await select<{ b: number | null }[]>`
    SELECT max(block_number) AS b FROM registrations WHERE netuid = ${netuid} AND kind = 'network'`;
  return rows[0]?.b ?? 0;
}

function windowConds(w: Window): Sql[] {
  const out: Sql[] = [];
  if (w.from !== undefined) out.push(sql`"timestamp" >= ${w.from}`);
  if (w.to !== undefined) out.push(sql`"timestamp" <= ${w.to}`);
  return out;
}

export interface RegistrationListQuery extends Window {
  netuid: number;
  page: number;
  limit: number;
  dir: Dir;
}

export async function listSubnetRegistrations(
  q: RegistrationListQuery,
): Promise<{ pagination: PagePagination; data: SubnetRegistrationDto[] }> {
  const from = await since(q.netuid);
  const w = where([
    sql`netuid = ${q.netuid}`,
    sql`kind = 'neuron'`,
    sql`block_number >= ${from}`,
    ...windowConds(q),
  ]);
  const dir = raw(q.dir === "asc" ? "ASC" : "DESC");
  const [rows, totals] = await Promise.all([
    select<
      {
        block_number: number;
        event_index: number;
        extrinsic_index: number | null;
        timestamp: Date | null;
        uid: number | null;
        hotkey: string | null;
        coldkey: string | null;
        cost: string | null;
      }[]
    >`
      SELECT block_number, event_index, extrinsic_index, "timestamp", uid, hotkey, coldkey, cost::text
      FROM registrations ${w}
      ORDER BY block_number ${dir}, event_index ${dir} LIMIT ${q.limit} OFFSET ${(q.page - 1) * q.limit}`,
    select<{ n: number }[]>`SELECT count(*)::int AS n FROM registrations ${w}`,
  ]);
  return {
    pagination: pagePagination(q.page, q.limit, totals[0]?.n ?? 0),
    data: rows.map((r) => ({
      block_number: r.block_number,
      event_index: r.event_index,
      extrinsic_id: r.extrinsic_index === null ? null : `${r.block_number}-${r.extrinsic_index}`,
      timestamp: iso(r.timestamp),
      uid: r.uid,
      hotkey: toAddress(r.hotkey),
      coldkey: toAddress(r.coldkey),
      cost: r.cost,
    })),
  };
}

export interface RegistrationCostQuery extends Window {
  netuid: number;
  frequency: "hour" | "day";
  page: number;
  limit: number;
  dir: Dir;
}

export async function registrationCostSeries(
  q: RegistrationCostQuery,
): Promise<{ pagination: PagePagination; data: RegistrationCostPointDto[] }> {
  const from = await since(q.netuid);
  const w = where([
    sql`netuid = ${q.netuid}`,
    sql`kind = 'neuron'`,
    sql`block_number >= ${from}`,
    sql`"timestamp" IS NOT NULL`,
    ...windowConds(q),
  ]);
  // A constant chosen by code from the validated frequency.
  const period = raw(`date_trunc('${q.frequency}', "timestamp" AT TIME ZONE 'UTC')`);
  const dir = raw(q.dir === "asc" ? "ASC" : "DESC");
  const periods = sql`
    p AS (
      SELECT ${period} AS period, count(*)::int AS registrations,
             count(cost)::int AS priced, min(cost) AS cost_min, max(cost) AS cost_max,
             sum(cost) AS cost_total,
             (array_agg(cost ORDER BY block_number DESC, event_index DESC) FILTER (WHERE cost IS NOT NULL))[1]
               AS cost_last
      FROM registrations ${w} GROUP BY 1)`;
  const [rows, totals] = await Promise.all([
    select<
      {
        period: Date;
        registrations: number;
        priced: number;
        cost_min: string | null;
        cost_max: string | null;
        cost_avg: string | null;
        cost_total: string | null;
        cost_last: string | null;
      }[]
    >`
      WITH ${periods}
      SELECT (period AT TIME ZONE 'UTC') AS period, registrations, priced, cost_min::text, cost_max::text,
             CASE WHEN priced > 0 THEN trunc(cost_total / priced)::text END AS cost_avg,
             cost_total::text, cost_last::text
      FROM p ORDER BY p.period ${dir} LIMIT ${q.limit} OFFSET ${(q.page - 1) * q.limit}`,
    select<{ n: number }[]>`WITH ${periods} SELECT count(*)::int AS n FROM p`,
  ]);
  return {
    pagination: pagePagination(q.page, q.limit, totals[0]?.n ?? 0),
    data: rows.map((r) => ({
      period: r.period.toISOString(),
      registrations: r.registrations,
      priced: r.priced,
      cost_min: r.cost_min,
      cost_max: r.cost_max,
      cost_avg: r.cost_avg,
      cost_last: r.cost_last,
      cost_total: r.cost_total ?? "0",
    })),
  };
}

export interface HyperparameterHistoryQuery extends Window {
  netuid: number;
  name?: string;
  page: number;
  limit: number;
  dir: Dir;
}

export async function hyperparameterHistory(
  q: HyperparameterHistoryQuery,
): Promise<{ pagination: PagePagination; data: HyperparameterChangeDto[] }> {
  const byName = q.name === undefined ? empty : sql`AND name = ${q.name}`;
  const from = await since(q.netuid);
  // `previous` needs every change of the name before the window, so the window and page apply after it.
  const history = sql`
    h AS (
      SELECT block_number, extrinsic_index, call_index, "timestamp", name, value,
             lag(value) OVER (PARTITION BY name ORDER BY block_number, extrinsic_index, call_index) AS previous
      FROM hyperparameter_changes WHERE netuid = ${q.netuid} AND block_number >= ${from} ${byName})`;
  const w = where(windowConds(q));
  const dir = raw(q.dir === "asc" ? "ASC" : "DESC");
  const [rows, totals] = await Promise.all([
    select<
      {
        block_number: number;
        extrinsic_index: number;
        call_index: number;
        timestamp: Date | null;
        name: string;
        value: unknown;
        previous: unknown;
      }[]
    >`
      WITH ${history}
      SELECT * FROM h ${w}
      ORDER BY block_number ${dir}, extrinsic_index ${dir}, call_index ${dir}
      LIMIT ${q.limit} OFFSET ${(q.page - 1) * q.limit}`,
    select<{ n: number }[]>`WITH ${history} SELECT count(*)::int AS n FROM h ${w}`,
  ]);
  return {
    pagination: pagePagination(q.page, q.limit, totals[0]?.n ?? 0),
    data: rows.map((r) => ({
      block_number: r.block_number,
      extrinsic_id: `${r.block_number}-${r.extrinsic_index}`,
      call_index: r.call_index,
      timestamp: iso(r.timestamp),
      name: r.name,
      value: r.value,
      previous: r.previous ?? null,
    })),
  };
}
