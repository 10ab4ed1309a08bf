// Query params shared by a route file (server prefetch) and its client widgets: the keys must match exactly.
import type { EventListParams, ExtrinsicListParams } from "../../lib/api/resources";

export const BLOCK_LIST_LIMIT = 1000;

export function blockExtrinsicsParams(n: number): ExtrinsicListParams {
  return { block_start: n, block_end: n, order: "block_number_asc", limit: BLOCK_LIST_LIMIT };
}

export function blockEventsParams(n: number): EventListParams {
  return { block_start: n, block_end: n, order: "block_number_asc", limit: BLOCK_LIST_LIMIT };
}
