// A projection turns decoded blocks into rows of one typed table (transfers, stake trades, …). Projections
// are pure functions of the block, so a re-decode or a rollback can always rebuild them.
import type { DecodedBlock, DecodedEvent, DecodedExtrinsic, JsonValue } from "../decode";

export type PgType = "int" | "int8" | "text" | "numeric" | "bool" | "jsonb" | "timestamptz";

export interface Column {
  name: string;
  type: PgType;
}

export type Row = (string | number | boolean | null)[];

export interface Projection {
  table: string;
  /** Every table has block_number first, which is what rollback deletes by. */
  columns: readonly Column[];
  /** Primary-key columns, for idempotent inserts. */
  key: readonly string[];
  rows(block: DecodedBlock): Row[];
}

/** A field of an event or call, whether its args are positional (unnamed fields) or named. */
export function arg(args: JsonValue, index: number, name: string): JsonValue {
  if (Array.isArray(args)) return args[index] ?? null;
  if (args && typeof args === "object") return (args as Record<string, JsonValue>)[name] ?? null;
  return null;
}

export function str(v: JsonValue): string | null {
  return v === null || v === undefined
    ? null
    : typeof v === "string"
      ? v
      : typeof v === "number"
        ? String(v)
        : JSON.stringify(v);
}

export function int(v: JsonValue): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\d+$/.test(v)) return Number(v);
  return null;
}

export function eventsOf(block: DecodedBlock, section: string, methods: readonly string[]): DecodedEvent[] {
  return block.events.filter((e) => e.section === section && e.method !== null && methods.includes(e.method));
}

export function extrinsicOf(block: DecodedBlock, e: DecodedEvent): DecodedExtrinsic | null {
  return e.extrinsicIndex === null ? null : (block.extrinsics[e.extrinsicIndex] ?? null);
}

export function timestampOf(block: DecodedBlock): string | null {
  return block.timestampMs === null ? null : new Date(block.timestampMs).toISOString();
}
