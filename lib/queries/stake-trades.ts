// Stake trades (StakeAdded / StakeRemoved, projected into `stake_trades`): keyset lists on
// (block_number, event_index).
import { toAddress } from "../api/v1/address";
import type { StakeTradeDto } from "../api/v1/schemas";
import type { CursorList } from "./blocks";
import { type Dir, keysetPage } from "./keyset";
import { emptyList, rangeConds, startList } from "./list-start";
import type { RangeFilter } from "./ranges";
import { iso, raw, type Sql, select, sql, where } from "./sql";
import { afterEventKey, type EventKey, eventKeyText, eventOrder, extrinsicId } from "./transfers";

interface StakeTradeRow {
  block_number: number;
  event_index: number;
  extrinsic_index: number | null;
  timestamp: Date | null;
  action: string;
  netuid: number | null;
  coldkey: string | null;
  hotkey: string | null;
  tao: string | null;
  alpha: string | null;
  fee: string | null;
  price_rao: string | null;
}

const COLUMNS = raw(
  `s.block_number, s.event_index, s.extrinsic_index, s."timestamp", s.action, s.netuid, s.coldkey, s.hotkey,
   s.tao::text AS tao, s.alpha::text AS alpha, s.fee::text AS fee, s.price_rao::text AS price_rao`,
);

function toDto(r: StakeTradeRow): StakeTradeDto {
  if (r.action !== "stake" && r.action !== "unstake") throw new Error(`unknown stake action ${r.action}`);
  return {
    id: eventKeyText(r),
    block_number: r.block_number,
    event_index: r.event_index,
    timestamp: iso(r.timestamp),
    extrinsic_id: extrinsicId(r.block_number, r.extrinsic_index),
    action: r.action,
    netuid: r.netuid,
    coldkey: toAddress(r.coldkey),
    hotkey: toAddress(r.hotkey),
    tao: r.tao,
    alpha: r.alpha,
    fee: r.fee,
    price_rao: r.price_rao,
  };
}

export interface StakeTradeListQuery extends RangeFilter {
  netuid?: number;
  action?: "stake" | "unstake";
  /** SS58 as stored (prefix 42). */
  hotkey?: string;
  coldkey?: string;
  /** On the TAO side, in rao. */
  amount_min?: bigint;
  amount_max?: bigint;
  limit: number;
  dir: Dir;
  after?: EventKey;
  before?: EventKey;
}

export async function listStakeTrades(q: StakeTradeListQuery): Promise<CursorList<StakeTradeDto>> {
  const { request, pagination, range, scan, from, take } = await startList("stake_trades", q);
  if (!range) return emptyList(pagination);
  const conds: Sql[] = rangeConds("s", range);
  if (q.netuid !== undefined) conds.push(sql`s.netuid = ${q.netuid}`);
  if (q.action !== undefined) conds.push(sql`s.action = ${q.action}`);
  if (q.hotkey !== undefined) conds.push(sql`s.hotkey = ${q.hotkey}`);
  if (q.coldkey !== undefined) conds.push(sql`s.coldkey = ${q.coldkey}`);
  if (q.amount_min !== undefined) conds.push(sql`s.tao >= ${q.amount_min.toString()}::numeric`);
  if (q.amount_max !== undefined) conds.push(sql`s.tao <= ${q.amount_max.toString()}::numeric`);
  if (from !== undefined) conds.push(afterEventKey("s", scan, from));
  const rows = await select<StakeTradeRow[]>`
    SELECT ${COLUMNS} FROM stake_trades s ${where(conds)} ${eventOrder("s", scan)} LIMIT ${take}`;
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
