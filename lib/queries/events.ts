// Event queries: keyset lists on (block_number, index), and the events of one extrinsic.
import type { EventDto } from "../api/v1/schemas";
import { afterKey, type Key, keyText, orderBy } from "./block-key";
import type { CursorList } from "./blocks";
import { type Dir, keysetPage } from "./keyset";
import { emptyList, rangeConds, startList } from "./list-start";
import type { RangeFilter } from "./ranges";
import { iso, raw, type Sql, select, sql, where } from "./sql";

interface EventRow {
  block_number: number;
  index: number;
  timestamp: Date | null;
  phase: string | null;
  extrinsic_index: number | null;
  section: string | null;
  method: string | null;
  args: unknown;
  decode_error: string | null;
}

const COLUMNS = raw(
  `e.block_number, e.index, b."timestamp", e.phase, e.extrinsic_index, e.section, e.method, e.args, e.decode_error`,
);
const FROM = raw("events e LEFT JOIN blocks b ON b.number = e.block_number");

function toDto(r: EventRow): EventDto {
  return {
    id: keyText(r),
    block_number: r.block_number,
    index: r.index,
    timestamp: iso(r.timestamp),
    phase: r.phase,
    extrinsic_index: r.extrinsic_index,
    extrinsic_id: r.extrinsic_index === null ? null : `${r.block_number}-${r.extrinsic_index}`,
    section: r.section,
    method: r.method,
    full_name: r.section !== null && r.method !== null ? `${r.section}.${r.method}` : null,
    args: r.args,
    decode_error: r.decode_error,
  };
}

export interface EventListQuery extends RangeFilter {
  section?: string;
  method?: string;
  extrinsic_id?: Key;
  limit: number;
  dir: Dir;
  after?: Key;
  before?: Key;
}

export async function listEvents(q: EventListQuery): Promise<CursorList<EventDto>> {
  const { request, pagination, range, scan, from, take } = await startList("events", q);
  if (!range) return emptyList(pagination);
  const conds: Sql[] = rangeConds("e", range);
  if (q.section !== undefined) conds.push(sql`e.section = ${q.section}`);
  if (q.method !== undefined) conds.push(sql`e.method = ${q.method}`);
  if (q.extrinsic_id !== undefined)
    conds.push(sql`e.block_number = ${q.extrinsic_id.block} AND e.extrinsic_index = ${q.extrinsic_id.index}`);
  if (from !== undefined) conds.push(afterKey("e", scan, from));
  const rows = await select<EventRow[]>`
    SELECT ${COLUMNS} FROM ${FROM} ${where(conds)} ${orderBy("e", scan)} LIMIT ${take}`;
  const page = keysetPage(request, rows);
  return {
    pagination: {
      ...pagination,
      next: page.next ? keyText(page.next) : null,
      prev: page.prev ? keyText(page.prev) : null,
    },
    data: page.rows.map(toDto),
  };
}

export async function eventsOfExtrinsic(block: number, extrinsicIndex: number): Promise<EventDto[]> {
  const rows = await select<EventRow[]>`
    SELECT ${COLUMNS} FROM ${FROM} WHERE e.block_number = ${block} AND e.extrinsic_index = ${extrinsicIndex}
    ORDER BY e.index`;
  return rows.map(toDto);
}
