// Transfers (Balances.Transfer, projected by the indexer into `transfers`): keyset lists on
// (block_number, event_index), the key every projection table shares. The keyset helpers here serve
// stake-trades.ts as well.
import { toAddress } from "../api/v1/address";
import type { TransferDto } from "../api/v1/schemas";
import type { CursorList } from "./blocks";
import { type Dir, keysetPage } from "./keyset";
import { emptyList, rangeConds, startList } from "./list-start";
import type { RangeFilter } from "./ranges";
import { iso, raw, type Sql, select, sql, where } from "./sql";

/** (block_number, event_index) of a projected event; text form `123-4`. */
export interface EventKey {
  block: number;
  index: number;
}

export const eventKeyText = (r: { block_number: number; event_index: number }) =>
  `${r.block_number}-${r.event_index}`;

/** `alias` is a code-chosen constant (never user input). */
export function afterEventKey(alias: string, scan: Dir, k: EventKey): Sql {
  const cols = raw(`(${alias}.block_number, ${alias}.event_index)`);
  return scan === "desc" ? sql`${cols} < (${k.block}, ${k.index})` : sql`${cols} > (${k.block}, ${k.index})`;
}

export const eventOrder = (alias: string, scan: Dir): Sql =>
  raw(
    scan === "desc"
      ? `ORDER BY ${alias}.block_number DESC, ${alias}.event_index DESC`
      : `ORDER BY ${alias}.block_number ASC, ${alias}.event_index ASC`,
  );

export const extrinsicId = (block: number, extrinsicIndex: number | null) =>
  extrinsicIndex === null ? null : `${block}-${extrinsicIndex}`;

interface TransferRow {
  block_number: number;
  event_index: number;
  extrinsic_index: number | null;
  timestamp: Date | null;
  from: string | null;
  to: string | null;
  amount: string | null;
}

const COLUMNS = raw(
  `t.block_number, t.event_index, t.extrinsic_index, t."timestamp", t."from", t."to", t.amount::text AS amount`,
);

function toDto(r: TransferRow): TransferDto {
  return {
    id: eventKeyText(r),
    block_number: r.block_number,
    event_index: r.event_index,
    timestamp: iso(r.timestamp),
    extrinsic_id: extrinsicId(r.block_number, r.extrinsic_index),
    from: toAddress(r.from),
    to: toAddress(r.to),
    amount: r.amount,
  };
}

export interface TransferListQuery extends RangeFilter {
  /** SS58 as stored (prefix 42). */
  from?: string;
  to?: string;
  /** Either side. */
  address?: string;
  amount_min?: bigint;
  amount_max?: bigint;
  limit: number;
  dir: Dir;
  after?: EventKey;
  before?: EventKey;
}

export async function listTransfers(q: TransferListQuery): Promise<CursorList<TransferDto>> {
  const { request, pagination, range, scan, from, take } = await startList("transfers", q);
  if (!range) return emptyList(pagination);
  const conds: Sql[] = rangeConds("t", range);
  if (q.from !== undefined) conds.push(sql`t."from" = ${q.from}`);
  if (q.to !== undefined) conds.push(sql`t."to" = ${q.to}`);
  if (q.amount_min !== undefined) conds.push(sql`t.amount >= ${q.amount_min.toString()}::numeric`);
  if (q.amount_max !== undefined) conds.push(sql`t.amount <= ${q.amount_max.toString()}::numeric`);
  if (from !== undefined) conds.push(afterEventKey("t", scan, from));
  let rows: TransferRow[];
  if (q.address !== undefined) {
    // Either side: two walks down (from, key) and (to, key), merged; an OR would scan the primary key.
    const a = q.address;
    rows = await select<TransferRow[]>`
      SELECT u.* FROM (
        (SELECT ${COLUMNS} FROM transfers t ${where([...conds, sql`t."from" = ${a}`])}
         ${eventOrder("t", scan)} LIMIT ${take})
        UNION ALL
        (SELECT ${COLUMNS} FROM transfers t
         ${where([...conds, sql`t."to" = ${a}`, sql`t."from" IS DISTINCT FROM ${a}`])}
         ${eventOrder("t", scan)} LIMIT ${take})
      ) u ${eventOrder("u", scan)} LIMIT ${take}`;
  } else {
    rows = await select<TransferRow[]>`
      SELECT ${COLUMNS} FROM transfers t ${where(conds)} ${eventOrder("t", scan)} LIMIT ${take}`;
  }
  const page = keysetPage(request, rows);
  return {
    pagination: {
      ...pagination,
      next: page.next ? eventKeyText(page.next) : null,
      prev: page.prev ? eventKeyText(page.prev) : null,
    },
    data: page.rows.map(toDto),
  };
}
