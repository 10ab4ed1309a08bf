// Helpers for composing parameterised SQL with Prisma's tagged templates. Every user value goes in as a bind
// parameter through `sql`; `raw` is only ever given constants chosen by code (sort direction, column lists).
import { Prisma } from "../generated/prisma/client";
import { queryPool } from "./pool";

export const sql = Prisma.sql;
export const raw = Prisma.raw;
export const empty = Prisma.empty;
export type Sql = Prisma.Sql;

/** `WHERE a AND b ...`, or nothing when there are no conditions. */
export function where(conditions: readonly Sql[]): Sql {
  return conditions.length === 0 ? empty : sql`WHERE ${Prisma.join(conditions, " AND ")}`;
}

export const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** Runs a tagged-template query: `select<Row[]>\`SELECT ... WHERE x = ${value}\``; values are bind parameters. */
export async function select<R extends unknown[]>(
  strings: TemplateStringsArray,
  ...values: unknown[]
): Promise<R> {
  const q = Prisma.sql(strings, ...(values as Prisma.Sql[]));
  return (await queryPool().query(q.text, q.values as unknown[])).rows as R;
}
