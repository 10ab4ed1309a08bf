"use client";
import { useRouter } from "next/navigation";
import type { BlockListParams } from "../../lib/api/resources";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { BlockDto } from "../../lib/api/v1/schemas";
import { formatInteger } from "../../lib/format/numbers";
import { Badge } from "../ui/Badge";
import { type Column, DataTable } from "../ui/DataTable";
import { Hash } from "../ui/Hash";
import { BlockLink } from "../ui/Links";
import { CursorPager } from "../ui/Pager";
import { EmptyState } from "../ui/States";
import { Time } from "../ui/Time";

const columns: Column<BlockDto>[] = [
  { key: "number", header: "Block", cell: (b) => <BlockLink number={b.number} />, sortable: true },
  { key: "hash", hideOnMobile: true, header: "Hash", cell: (b) => <Hash value={b.hash} /> },
  { key: "time", header: "Time", cell: (b) => <Time iso={b.timestamp} /> },
  { key: "extrinsics", header: "Extrinsics", cell: (b) => formatInteger(b.extrinsic_count), align: "right" },
  {
    key: "events",
    hideOnMobile: true,
    header: "Events",
    cell: (b) => formatInteger(b.event_count),
    align: "right",
  },
  { key: "spec", hideOnMobile: true, header: "Spec", cell: (b) => b.spec_version, align: "right" },
  {
    key: "status",
    header: "Status",
    cell: (b) =>
      b.finalized ? <Badge tone="green">finalized</Badge> : <Badge tone="amber">unfinalized</Badge>,
  },
];

/** URL of the blocks list for these params (the list's state lives in the URL, so pages are shareable). */
export function blocksHref(p: BlockListParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `/blocks?${s}` : "/blocks";
}

export function BlocksTable({ params, defaultLimit }: { params: BlockListParams; defaultLimit: number }) {
  const router = useRouter();
  const q = useApiQuery("blocks", params, { keepPrevious: true });
  const page = q.data;
  const base: BlockListParams = { ...params, after: undefined, before: undefined };
  const dir = params.order === "number_asc" ? "asc" : "desc";
  return (
    <DataTable
      label="Blocks"
      testId="blocks-table"
      columns={columns}
      rows={page?.data}
      rowKey={(b) => b.hash}
      rowHref={(b) => `/blocks/${b.number}`}
      isPending={q.isPending}
      error={q.error}
      onRetry={() => void q.refetch()}
      sort={{ key: "number", dir }}
      onSortChange={(s) =>
        router.push(blocksHref({ ...base, order: s.dir === "asc" ? "number_asc" : undefined }))
      }
      empty={
        <EmptyState title="No blocks match">The indexer fills this list as it follows the chain.</EmptyState>
      }
      skeletonRows={params.limit ?? defaultLimit}
      footer={
        <CursorPager
          prevHref={page?.pagination.prev ? blocksHref({ ...base, before: page.pagination.prev }) : null}
          nextHref={page?.pagination.next ? blocksHref({ ...base, after: page.pagination.next }) : null}
          limit={params.limit ?? defaultLimit}
          onLimitChange={(limit) =>
            router.push(blocksHref({ ...base, limit: limit === defaultLimit ? undefined : limit }))
          }
          total={page?.pagination.total}
          totalExact={page?.pagination.total_exact}
        />
      }
    />
  );
}
