// Block queries shared by pages and API routes.
import { toAddress } from "../api/v1/address";
import type { BlockDto, CursorPagination } from "../api/v1/schemas";
import { db } from "../db/client";
import { rowCount } from "./counts";
import { type Dir, keysetPage, keysetScan } from "./keyset";
import { hasFilters, type RangeFilter, resolveRange } from "./ranges";
import { iso, raw, type Sql, select, sql, where } from "./sql";

export interface BlockSummary {
  number: number;
  hash: string;
  timestamp: string | null;
  extrinsicCount: number;
  eventCount: number;
  specVersion: number;
  finalized: boolean;
}

export async function latestBlocks(limit: number): Promise<BlockSummary[]> {
  const rows = await db().block.findMany({ orderBy: { number: "desc" }, take: limit });
  return rows.map((b) => ({
    number: b.number,
    hash: b.hash,
    timestamp: b.timestamp?.toISOString() ?? null,
    extrinsicCount: b.extrinsicCount,
    eventCount: b.eventCount,
    specVersion: b.specVersion,
    finalized: b.finalized,
  }));
}

interface BlockRow {
  number: number;
  hash: string;
  parent_hash: string;
  state_root: string;
  extrinsics_root: string;
  spec_version: number;
  timestamp: Date | null;
  author: string | null;
  extrinsic_count: number;
  event_count: number;
  finalized: boolean;
}

const COLUMNS = raw(
  `number, hash, parent_hash, state_root, extrinsics_root, spec_version, "timestamp", author, extrinsic_count,
   event_count, finalized`,
);

function toDto(r: BlockRow): BlockDto {
  return {
    number: r.number,
    hash: r.hash,
    parent_hash: r.parent_hash,
    state_root: r.state_root,
    extrinsics_root: r.extrinsics_root,
    spec_version: r.spec_version,
    timestamp: iso(r.timestamp),
    author: toAddress(r.author),
    extrinsic_count: r.extrinsic_count,
    event_count: r.event_count,
    finalized: r.finalized,
  };
}

export interface BlockListQuery extends RangeFilter {
  spec_version?: number;
  limit: number;
  dir: Dir;
  after?: number;
  before?: number;
}

export interface CursorList<T> {
  pagination: CursorPagination;
  data: T[];
}

export async function listBlocks(q: BlockListQuery): Promise<CursorList<BlockDto>> {
  const { limit, dir, after, before, ...filters } = q;
  const filtered = hasFilters(filters);
  const total = filtered ? null : await rowCount("blocks");
  const range = await resolveRange(filters);
  const request = { limit, dir, after, before };
  const pagination = { limit, total: total?.value ?? null, total_exact: total?.exact ?? false };
  if (!range) return { pagination: { ...pagination, next: null, prev: null }, data: [] };
  const { scan, from, take } = keysetScan(request);
  const conds: Sql[] = [];
  if (range.from !== null) conds.push(sql`number >= ${range.from}`);
  if (range.to !== null) conds.push(sql`number <= ${range.to}`);
  if (q.spec_version !== undefined) conds.push(sql`spec_version = ${q.spec_version}`);
  if (from !== undefined) conds.push(scan === "desc" ? sql`number < ${from}` : sql`number > ${from}`);
  const rows = await select<BlockRow[]>`
    SELECT ${COLUMNS} FROM blocks ${where(conds)}
    ORDER BY number ${raw(scan === "desc" ? "DESC" : "ASC")} LIMIT ${take}`;
  const page = keysetPage(request, rows);
  return {
    pagination: {
      ...pagination,
      next: page.next ? String(page.next.number) : null,
      prev: page.prev ? String(page.prev.number) : null,
    },
    data: page.rows.map(toDto),
  };
}

/** By number or 0x hash; null when not stored. */
export async function getBlock(id: number | string): Promise<BlockDto | null> {
  const rows =
    typeof id === "number"
      ? await select<BlockRow[]>`SELECT ${COLUMNS} FROM blocks WHERE number = ${id}`
      : await select<BlockRow[]>`SELECT ${COLUMNS} FROM blocks WHERE hash = ${id.toLowerCase()}`;
  return rows[0] ? toDto(rows[0]) : null;
}
