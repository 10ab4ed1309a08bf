// What every filtered keyset list (events, extrinsics, transfers, stake trades) does before its own SQL: a
// total only when nothing is filtered (cheap estimate above 50k rows), the block range the filters resolve to,
// and the index scan for the cursor.
import { type CountedTable, rowCount } from "./counts";
import { type Dir, type KeysetRequest, type KeysetScan, keysetScan } from "./keyset";
import { type BlockRange, hasFilters, type RangeFilter, resolveRange } from "./ranges";
import { raw, type Sql, sql } from "./sql";

export interface ListPagination {
  limit: number;
  total: number | null;
  total_exact: boolean;
}

export interface ListStart<K> extends KeysetScan<K> {
  request: KeysetRequest<K>;
  pagination: ListPagination;
  /** null: the filters' time window holds no block, so the list is empty. */
  range: BlockRange | null;
}

export async function startList<K>(
  table: CountedTable,
  q: { limit: number; dir: Dir; after?: K; before?: K } & RangeFilter & object,
): Promise<ListStart<K>> {
  const { limit, dir, after, before, ...filters } = q;
  const total = hasFilters(filters) ? null : await rowCount(table);
  const range = await resolveRange(filters);
  const request = { limit, dir, after, before };
  return {
    request,
    pagination: { limit, total: total?.value ?? null, total_exact: total?.exact ?? false },
    range,
    ...keysetScan(request),
  };
}

/** The empty page of a list whose filters cannot match. */
export const emptyList = (pagination: ListPagination) => ({
  pagination: { ...pagination, next: null, prev: null },
  data: [],
});

/** Block range conditions on `alias.block_number`. */
export function rangeConds(alias: string, range: BlockRange): Sql[] {
  const col = raw(`${alias}.block_number`);
  const out: Sql[] = [];
  if (range.from !== null) out.push(sql`${col} >= ${range.from}`);
  if (range.to !== null) out.push(sql`${col} <= ${range.to}`);
  return out;
}
