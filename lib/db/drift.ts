// Detects drift between prisma/schema.prisma (parsed offline by Prisma's own schema WASM) and a live
// PostgreSQL catalog. Migrations are hand-written SQL, so this is what keeps the two honest.
import { createRequire } from "node:module";
import type pg from "pg";

export interface TableShape {
  columns: Map<string, string>;
  primaryKey: string;
  indexes: Set<string>;
  foreignKeys: Set<string>;
}
export type SchemaShape = Map<string, TableShape>;

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: { name: string; dbName?: string | null }[]; indexes: DmmfIndex[] };
}

export function parsePrismaSchema(schemaText: string): Dmmf {
  const require = createRequire(import.meta.url);
  const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf(params: string): string };
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schemaText]] }))) as Dmmf;
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  Float: "double precision",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
  Decimal: "numeric(65,30)",
};

function nativeTypeSql([name, args]: [string, string[]]): string {
  const a = args.join(",");
  switch (name) {
    case "Timestamptz":
      return `timestamp(${a || "6"}) with time zone`;
    case "Timestamp":
      return `timestamp(${a || "6"}) without time zone`;
    case "Decimal":
      return `numeric(${a})`;
    case "VarChar":
      return a ? `character varying(${a})` : "character varying";
    case "Char":
      return `character(${a || "1"})`;
    case "Text":
      return "text";
    case "SmallInt":
      return "smallint";
    case "Integer":
      return "integer";
    case "BigInt":
      return "bigint";
    case "DoublePrecision":
      return "double precision";
    case "Real":
      return "real";
    case "Date":
      return "date";
    case "Uuid":
      return "uuid";
    case "JsonB":
      return "jsonb";
    case "Json":
      return "json";
    case "ByteA":
      return "bytea";
    default:
      return `${name.toLowerCase()}${a ? `(${a})` : ""}`;
  }
}

function expectedDefault(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object" && value !== null && "name" in value) {
    const fn = (value as { name: string }).name;
    return fn === "now" ? "now" : fn === "autoincrement" ? "autoincrement" : fn;
  }
  return String(value);
}

function liveDefault(expr: string | null): string {
  if (!expr) return "";
  if (/^(CURRENT_TIMESTAMP|now\(\))$/i.test(expr)) return "now";
  if (expr.startsWith("nextval(")) return "autoincrement";
  const literal = /^'(.*)'::[\w\s".]+$/.exec(expr);
  if (literal) return literal[1]!;
  return expr;
}

function emptyTable(): TableShape {
  return { columns: new Map(), primaryKey: "", indexes: new Set(), foreignKeys: new Set() };
}

/** The catalog shape that schema.prisma describes (with Prisma's default PostgreSQL mappings). */
export function expectedShape(schemaText: string): SchemaShape {
  const dmmf = parsePrismaSchema(schemaText);
  const models = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
  const enums = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const shape: SchemaShape = new Map();
  const column = (model: DmmfModel, field: string) => {
    const f = model.fields.find((x) => x.name === field);
    return f?.dbName ?? field;
  };
  for (const m of dmmf.datamodel.models) {
    const table = emptyTable();
    for (const f of m.fields) {
      if (f.kind === "object") {
        if (f.relationFromFields?.length) {
          const target = models.get(f.type)!;
          const from = f.relationFromFields.map((x) => column(m, x)).join(",");
          const to = (f.relationToFields ?? []).map((x) => column(target, x)).join(",");
          table.foreignKeys.add(`(${from}) -> ${target.dbName ?? target.name}(${to})`);
        }
        continue;
      }
      const base = f.nativeType
        ? nativeTypeSql(f.nativeType)
        : f.kind === "enum"
          ? enums.get(f.type)!
          : SCALAR_TYPES[f.type];
      if (!base) throw new Error(`unsupported Prisma type ${f.type} on ${m.name}.${f.name}`);
      // Prisma leaves list columns nullable.
      const notNull = f.isRequired && !f.isList;
      table.columns.set(
        f.dbName ?? f.name,
        `${base}${f.isList ? "[]" : ""} ${notNull ? "NOT NULL" : "NULL"} default=${expectedDefault(f.default)}`,
      );
    }
    shape.set(m.dbName ?? m.name, table);
  }
  for (const idx of dmmf.datamodel.indexes) {
    const m = models.get(idx.model)!;
    const table = shape.get(m.dbName ?? m.name)!;
    const cols = idx.fields.map((f) => column(m, f.name)).join(",");
    if (idx.type === "id") table.primaryKey = cols;
    else table.indexes.add(`${idx.type === "unique" ? "unique" : "index"}(${cols})`);
  }
  return shape;
}

/** The same shape read from the live catalog (public schema, Prisma's bookkeeping table excluded). */
export async function liveShape(client: pg.Client): Promise<SchemaShape> {
  const shape: SchemaShape = new Map();
  const table = (name: string) => {
    let t = shape.get(name);
    if (!t) {
      t = emptyTable();
      shape.set(name, t);
    }
    return t;
  };
  const columns = await client.query<{
    table: string;
    column: string;
    type: string;
    notnull: boolean;
    dflt: string | null;
  }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS dflt
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      AND c.relname <> '_prisma_migrations'`);
  for (const r of columns.rows) {
    table(r.table).columns.set(
      r.column,
      `${r.type} ${r.notnull ? "NOT NULL" : "NULL"} default=${liveDefault(r.dflt)}`,
    );
  }
  const indexes = await client.query<{ table: string; primary: boolean; unique: boolean; cols: string }>(`
    SELECT t.relname AS table, i.indisprimary AS primary, i.indisunique AS unique,
           string_agg(a.attname, ',' ORDER BY k.ord) AS cols
    FROM pg_index i
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
    GROUP BY t.relname, i.indexrelid, i.indisprimary, i.indisunique`);
  for (const r of indexes.rows) {
    const t = table(r.table);
    if (r.primary) t.primaryKey = r.cols;
    else t.indexes.add(`${r.unique ? "unique" : "index"}(${r.cols})`);
  }
  const fks = await client.query<{ table: string; def: string }>(`
    SELECT c.conrelid::regclass::text AS table, pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = 'public'`);
  for (const r of fks.rows) {
    const m = /^FOREIGN KEY \(([^)]*)\) REFERENCES ([^(]+)\(([^)]*)\)/.exec(r.def);
    if (m)
      table(r.table.replace(/"/g, "")).foreignKeys.add(
        `(${m[1]!.replace(/[\s"]/g, "")}) -> ${m[2]!.replace(/"/g, "")}(${m[3]!.replace(/[\s"]/g, "")})`,
      );
  }
  return shape;
}

/** Human-readable differences; empty when the two shapes agree. */
export function diffShapes(expected: SchemaShape, live: SchemaShape): string[] {
  const out: string[] = [];
  for (const name of new Set([...expected.keys(), ...live.keys()])) {
    const e = expected.get(name);
    const l = live.get(name);
    if (!e) {
      out.push(`table ${name} exists in the database but not in schema.prisma`);
      continue;
    }
    if (!l) {
      out.push(`table ${name} is in schema.prisma but no migration creates it`);
      continue;
    }
    for (const col of new Set([...e.columns.keys(), ...l.columns.keys()])) {
      const ec = e.columns.get(col);
      const lc = l.columns.get(col);
      if (ec !== lc)
        out.push(`${name}.${col}: schema.prisma says ${ec ?? "(absent)"}, database has ${lc ?? "(absent)"}`);
    }
    if (e.primaryKey !== l.primaryKey)
      out.push(`${name} primary key: schema.prisma (${e.primaryKey}), database (${l.primaryKey})`);
    for (const [kind, a, b] of [
      ["index", e.indexes, l.indexes],
      ["foreign key", e.foreignKeys, l.foreignKeys],
    ] as const) {
      for (const x of a)
        if (!b.has(x)) out.push(`${name}: ${kind} ${x} is in schema.prisma but not in the database`);
      for (const x of b)
        if (!a.has(x)) out.push(`${name}: ${kind} ${x} is in the database but not in schema.prisma`);
    }
  }
  return out;
}
