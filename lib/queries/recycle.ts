// Recycled and burned amounts per UTC period: TAO recycled by neuron registrations (their burned cost) and
// paid for subnet registrations (from `registrations.cost`, what the signer paid beyond its fee), and alpha
// burned vs recycled (from `alpha_burns`). Rows without a block timestamp cannot be placed in a period and
// are left out. Only periods with at least one such event are returned.
import type { PagePagination, RecyclePeriodDto } from "../api/v1/schemas";
import type { Dir } from "./keyset";
import { raw, type Sql, select, sql, where } from "./sql";

export type Frequency = "day" | "week" | "month";

export interface RecycleQuery {
  frequency: Frequency;
  netuid?: number;
  timestamp_start?: Date;
  timestamp_end?: Date;
  page: number;
  limit: number;
  dir: Dir;
}

interface RecycleRow {
  period: string;
  neuron_registrations: number;
  recycled_tao: string;
  network_registrations: number;
  network_registration_tao: string;
  alpha_burned: string;
  alpha_recycled: string;
}

function conds(q: RecycleQuery): Sql[] {
  const out: Sql[] = [sql`"timestamp" IS NOT NULL`];
  if (q.netuid !== undefined) out.push(sql`netuid = ${q.netuid}`);
  if (q.timestamp_start !== undefined) out.push(sql`"timestamp" >= ${q.timestamp_start}`);
  if (q.timestamp_end !== undefined) out.push(sql`"timestamp" <= ${q.timestamp_end}`);
  return out;
}

export async function listRecycle(
  q: RecycleQuery,
): Promise<{ pagination: PagePagination; data: RecyclePeriodDto[] }> {
  const w = where(conds(q));
  // The period expression: a constant chosen by code from the validated frequency.
  const period = raw(`date_trunc('${q.frequency}', "timestamp" AT TIME ZONE 'UTC')`);
  const periods = sql`
    r AS (
      SELECT ${period} AS period,
             count(*) FILTER (WHERE kind = 'neuron')::int AS nr,
             coalesce(sum(cost) FILTER (WHERE kind = 'neuron'), 0) AS rt,
             count(*) FILTER (WHERE kind = 'network')::int AS nn,
             coalesce(sum(cost) FILTER (WHERE kind = 'network'), 0) AS nt
      FROM registrations ${w} GROUP BY 1),
    a AS (
      SELECT ${period} AS period,
             coalesce(sum(amount) FILTER (WHERE kind = 'burn'), 0) AS ab,
             coalesce(sum(amount) FILTER (WHERE kind = 'recycle'), 0) AS ar
      FROM alpha_burns ${w} GROUP BY 1),
    j AS (
      SELECT coalesce(r.period, a.period) AS period, coalesce(r.nr, 0) AS nr, coalesce(r.rt, 0) AS rt,
             coalesce(r.nn, 0) AS nn, coalesce(r.nt, 0) AS nt, coalesce(a.ab, 0) AS ab, coalesce(a.ar, 0) AS ar
      FROM r FULL JOIN a ON a.period = r.period)`;
  const [rows, totals] = await Promise.all([
    select<RecycleRow[]>`
      WITH ${periods}
      SELECT to_char(period, 'YYYY-MM-DD') AS period, nr AS neuron_registrations, rt::text AS recycled_tao,
             nn AS network_registrations, nt::text AS network_registration_tao, ab::text AS alpha_burned,
             ar::text AS alpha_recycled
      FROM j ORDER BY j.period ${raw(q.dir === "asc" ? "ASC" : "DESC")}
      LIMIT ${q.limit} OFFSET ${(q.page - 1) * q.limit}`,
    select<{ n: number }[]>`WITH ${periods} SELECT count(*)::int AS n FROM j`,
  ]);
  const total = totals[0]?.n ?? 0;
  const pages = Math.ceil(total / q.limit);
  return {
    pagination: {
      page: q.page,
      limit: q.limit,
      total,
      next: q.page < pages ? q.page + 1 : null,
      prev: q.page > 1 ? Math.min(q.page - 1, Math.max(pages, 1)) : null,
    },
    data: rows.map((r) => ({ ...r, netuid: q.netuid ?? null })),
  };
}
