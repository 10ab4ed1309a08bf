// The (block_number, index) key of extrinsics and events: its text form `123-2` and its keyset SQL.
import type { Dir } from "./keyset";
import { raw, type Sql, sql } from "./sql";

export interface Key {
  block: number;
  index: number;
}

export const keyText = (r: { block_number: number; index: number }) => `${r.block_number}-${r.index}`;

/** `(block_number, index) <op> (b, i)`: a row comparison the primary key index answers directly. */
export function afterKey(alias: "x" | "e", scan: Dir, k: Key): Sql {
  const cols = raw(`(${alias}.block_number, ${alias}.index)`);
  return scan === "desc" ? sql`${cols} < (${k.block}, ${k.index})` : sql`${cols} > (${k.block}, ${k.index})`;
}

export const orderBy = (alias: "x" | "e", scan: Dir): Sql =>
  raw(
    scan === "desc"
      ? `ORDER BY ${alias}.block_number DESC, ${alias}.index DESC`
      : `ORDER BY ${alias}.block_number ASC, ${alias}.index ASC`,
  );
