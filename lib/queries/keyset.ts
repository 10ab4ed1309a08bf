// Keyset pagination in either direction. A page is `limit` rows after (or before) a key in the requested
// order; one extra row tells whether there is more. Page cost is independent of depth, unlike OFFSET.

export type Dir = "asc" | "desc";

export interface KeysetRequest<K> {
  limit: number;
  dir: Dir;
  after?: K;
  before?: K;
}

export interface KeysetScan<K> {
  /** Direction to scan the index in. */
  scan: Dir;
  /** Rows must be strictly beyond this key in scan direction. */
  from: K | undefined;
  /** Rows to fetch (limit + 1). */
  take: number;
}

export interface KeysetPage<T> {
  rows: T[];
  next: T | null;
  prev: T | null;
}

export function keysetScan<K>(r: KeysetRequest<K>): KeysetScan<K> {
  const flip: Dir = r.dir === "asc" ? "desc" : "asc";
  return { scan: r.before !== undefined ? flip : r.dir, from: r.after ?? r.before, take: r.limit + 1 };
}

/** Turns the scanned rows into a page in the requested order, with the rows whose keys are the cursors. */
export function keysetPage<T, K>(r: KeysetRequest<K>, scanned: T[]): KeysetPage<T> {
  const more = scanned.length > r.limit;
  const rows = scanned.slice(0, r.limit);
  if (r.before !== undefined) {
    rows.reverse();
    return { rows, next: rows.at(-1) ?? null, prev: more ? (rows[0] ?? null) : null };
  }
  return {
    rows,
    next: more ? (rows.at(-1) ?? null) : null,
    prev: r.after !== undefined ? (rows[0] ?? null) : null,
  };
}
