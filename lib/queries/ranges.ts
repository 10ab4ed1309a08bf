// Block and timestamp range filters → one inclusive block range. Block timestamps only increase along the
// chain, so a time window is the block window between its first and last block (found on blocks_timestamp_idx),
// and every list keeps scanning its (block_number, index) key.
import { select } from "./sql";

export interface RangeFilter {
  block_start?: number;
  block_end?: number;
  timestamp_start?: Date;
  timestamp_end?: Date;
}

export interface BlockRange {
  from: number | null;
  to: number | null;
}

/** The inclusive block range, or null when the time window holds no block (the result is empty). */
export async function resolveRange(f: RangeFilter): Promise<BlockRange | null> {
  let from = f.block_start ?? null;
  let to = f.block_end ?? null;
  if (f.timestamp_start) {
    const [r] = await select<{ number: number }[]>`
      SELECT number FROM blocks WHERE "timestamp" >= ${f.timestamp_start} ORDER BY "timestamp" ASC LIMIT 1`;
    if (!r) return null;
    from = from === null ? r.number : Math.max(from, r.number);
  }
  if (f.timestamp_end) {
    const [r] = await select<{ number: number }[]>`
      SELECT number FROM blocks WHERE "timestamp" <= ${f.timestamp_end} ORDER BY "timestamp" DESC LIMIT 1`;
    if (!r) return null;
    to = to === null ? r.number : Math.min(to, r.number);
  }
  if (from !== null && to !== null && from > to) return null;
  return { from, to };
}

export const hasFilters = (f: object): boolean => Object.values(f).some((v) => v !== undefined);
