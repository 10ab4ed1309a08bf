// Runtime versions the indexer has seen (a handful of rows: plain page pagination with an exact total).
import type { PagePagination, RuntimeVersionDto } from "../api/v1/schemas";
import type { Dir } from "./keyset";
import { raw, select } from "./sql";

export interface RuntimeVersionQuery {
  page: number;
  limit: number;
  field: "spec_version" | "first_block";
  dir: Dir;
}

export async function listRuntimeVersions(
  q: RuntimeVersionQuery,
): Promise<{ pagination: PagePagination; data: RuntimeVersionDto[] }> {
  const order = raw(
    `${q.field === "first_block" ? "first_block" : "spec_version"} ${q.dir === "asc" ? "ASC" : "DESC"} NULLS LAST, spec_version`,
  );
  const [rows, totals] = await Promise.all([
    select<{ spec_version: number; first_block: number | null; size: number; created_at: Date }[]>`
      SELECT spec_version, first_block, octet_length(metadata) AS size, created_at FROM runtime_versions
      ORDER BY ${order} LIMIT ${q.limit} OFFSET ${(q.page - 1) * q.limit}`,
    select<{ n: string }[]>`SELECT count(*) AS n FROM runtime_versions`,
  ]);
  const total = Number(totals[0]?.n ?? 0);
  const pages = Math.ceil(total / q.limit);
  return {
    pagination: {
      page: q.page,
      limit: q.limit,
      total,
      next: q.page < pages ? q.page + 1 : null,
      prev: q.page > 1 ? Math.min(q.page - 1, Math.max(pages, 1)) : null,
    },
    data: rows.map((r) => ({
      spec_version: r.spec_version,
      first_block: r.first_block,
      metadata_bytes: r.size,
      seen_at: r.created_at.toISOString(),
    })),
  };
}
