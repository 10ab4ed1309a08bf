// Extrinsic queries: keyset lists on (block_number, index) and lookups by hash or block-index.
import { toAddress } from "../api/v1/address";
import type { EventDto, ExtrinsicDetailDto, ExtrinsicDto } from "../api/v1/schemas";
import { afterKey, type Key, keyText, orderBy } from "./block-key";
import type { CursorList } from "./blocks";
import { eventsOfExtrinsic } from "./events";
import { type Dir, keysetPage } from "./keyset";
import { emptyList, rangeConds, startList } from "./list-start";
import type { RangeFilter } from "./ranges";
import { iso, raw, type Sql, select, sql, where } from "./sql";

export type { Key };

interface ExtrinsicRow {
  block_number: number;
  index: number;
  timestamp: Date | null;
  hash: string;
  signed: boolean;
  signer: string | null;
  section: string | null;
  method: string | null;
  args: unknown;
  success: boolean | null;
  error: unknown;
  fee: string | null;
  tip: string | null;
  nonce: string | null;
  decode_error: string | null;
}

// Amounts come back as text so no NUMERIC/BIGINT value ever passes through a JS number.
const COLUMNS = raw(
  `x.block_number, x.index, b."timestamp", x.hash, x.signed, x.signer, x.section, x.method, x.args, x.success,
   x.error, x.fee::text AS fee, x.tip::text AS tip, x.nonce::text AS nonce, x.decode_error`,
);
const FROM = raw("extrinsics x LEFT JOIN blocks b ON b.number = x.block_number");

const fullName = (s: string | null, m: string | null) => (s !== null && m !== null ? `${s}.${m}` : null);

function toDto(r: ExtrinsicRow): ExtrinsicDto {
  return {
    id: keyText(r),
    block_number: r.block_number,
    index: r.index,
    timestamp: iso(r.timestamp),
    hash: r.hash,
    signed: r.signed,
    signer: toAddress(r.signer),
    section: r.section,
    method: r.method,
    full_name: fullName(r.section, r.method),
    args: r.args,
    success: r.success,
    error: r.error ?? null,
    fee: r.fee,
    tip: r.tip,
    nonce: r.nonce,
    decode_error: r.decode_error,
  };
}

export interface ExtrinsicListQuery extends RangeFilter {
  /** SS58 as the indexer stores it (prefix 42). */
  signer?: string;
  section?: string;
  method?: string;
  success?: boolean;
  signed?: boolean;
  limit: number;
  dir: Dir;
  after?: Key;
  before?: Key;
}

export async function listExtrinsics(q: ExtrinsicListQuery): Promise<CursorList<ExtrinsicDto>> {
  const { request, pagination, range, scan, from, take } = await startList("extrinsics", q);
  if (!range) return emptyList(pagination);
  const conds: Sql[] = rangeConds("x", range);
  if (q.signer !== undefined) conds.push(sql`x.signer = ${q.signer}`);
  if (q.section !== undefined) conds.push(sql`x.section = ${q.section}`);
  if (q.method !== undefined) conds.push(sql`x.method = ${q.method}`);
  if (q.success !== undefined) conds.push(sql`x.success = ${q.success}`);
  if (q.signed !== undefined) conds.push(sql`x.signed = ${q.signed}`);
  if (from !== undefined) conds.push(afterKey("x", scan, from));
  const rows = await select<ExtrinsicRow[]>`
    SELECT ${COLUMNS} FROM ${FROM} ${where(conds)} ${orderBy("x", scan)} LIMIT ${take}`;
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

/** By block-index, or by hash (the most recent extrinsic with that hash); null when not stored. */
export async function getExtrinsic(id: Key | string): Promise<ExtrinsicDetailDto | null> {
  const rows =
    typeof id === "string"
      ? await select<ExtrinsicRow[]>`
          SELECT ${COLUMNS} FROM ${FROM} WHERE x.hash = ${id.toLowerCase()}
          ORDER BY x.block_number DESC, x.index DESC LIMIT 1`
      : await select<ExtrinsicRow[]>`
          SELECT ${COLUMNS} FROM ${FROM} WHERE x.block_number = ${id.block} AND x.index = ${id.index}`;
  const row = rows[0];
  if (!row) return null;
  const events: EventDto[] = await eventsOfExtrinsic(row.block_number, row.index);
  return { ...toDto(row), events };
}

/** Extrinsics with this hash (search), newest first. */
export async function extrinsicsByHash(hash: string, limit = 10): Promise<Key[]> {
  const rows = await select<{ block_number: number; index: number }[]>`
    SELECT block_number, index FROM extrinsics WHERE hash = ${hash.toLowerCase()}
    ORDER BY block_number DESC, index DESC LIMIT ${limit}`;
  return rows.map((r) => ({ block: r.block_number, index: r.index }));
}
