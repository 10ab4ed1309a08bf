"use client";
// The transfers list: state in the URL (filters and cursor), data through the resource registry.
import { useRouter } from "next/navigation";
import { Address } from "../../../components/ui/Address";
import { Amount } from "../../../components/ui/Amount";
import { type Column, DataTable } from "../../../components/ui/DataTable";
import { BlockLink, ExtrinsicLink } from "../../../components/ui/Links";
import { CursorPager } from "../../../components/ui/Pager";
import { EmptyState } from "../../../components/ui/States";
import { Time } from "../../../components/ui/Time";
import type { TransferListParams } from "../../../lib/api/resources";
import { useApiQuery } from "../../../lib/api/use-api-query";
import type { TransferDto } from "../../../lib/api/v1/schemas";

const columns: Column<TransferDto>[] = [
  { key: "block", header: "Block", cell: (t) => <BlockLink number={t.block_number} />, sortable: true },
  {
    key: "extrinsic",
    hideOnMobile: true,
    header: "Extrinsic",
    cell: (t) => (t.extrinsic_id ? <ExtrinsicLink id={t.extrinsic_id} /> : <span>—</span>),
  },
  { key: "time", header: "Time", cell: (t) => <Time iso={t.timestamp} /> },
  { key: "from", header: "From", cell: (t) => <Address address={t.from} link /> },
  { key: "to", header: "To", cell: (t) => <Address address={t.to} link /> },
  { key: "amount", header: "Amount", cell: (t) => <Amount value={t.amount} />, align: "right" },
];

/** URL of the transfers page for these params (shareable). */
export function transfersHref(p: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `/transfers?${s}` : "/transfers";
}

export function TransfersTable({
  params,
  defaultLimit,
  hrefParams,
}: {
  /** What the API is asked (amounts in rao). */
  params: TransferListParams;
  defaultLimit: number;
  /** The page's own URL parameters (amounts as typed, in TAO), kept when paging. */
  hrefParams: Record<string, string | undefined>;
}) {
  const router = useRouter();
  const q = useApiQuery("transfers", params, { keepPrevious: true });
  const page = q.data;
  const base = { ...hrefParams, after: undefined, before: undefined };
  const dir = params.order === "block_number_asc" ? "asc" : "desc";
  return (
    <DataTable
      label="Transfers"
      testId="transfers-table"
      columns={columns}
      rows={page?.data}
      rowKey={(t) => t.id}
      isPending={q.isPending}
      error={q.error}
      onRetry={() => void q.refetch()}
      sort={{ key: "block", dir }}
      onSortChange={(s) =>
        router.push(transfersHref({ ...base, order: s.dir === "asc" ? "block_number_asc" : undefined }))
      }
      empty={
        <EmptyState title="No transfers match">
          Balances transfers appear here as the indexer follows the chain.
        </EmptyState>
      }
      skeletonRows={params.limit ?? defaultLimit}
      footer={
        <CursorPager
          prevHref={page?.pagination.prev ? transfersHref({ ...base, before: page.pagination.prev }) : null}
          nextHref={page?.pagination.next ? transfersHref({ ...base, after: page.pagination.next }) : null}
          limit={params.limit ?? defaultLimit}
          onLimitChange={(limit) =>
            router.push(transfersHref({ ...base, limit: limit === defaultLimit ? undefined : String(limit) }))
          }
          total={page?.pagination.total}
          totalExact={page?.pagination.total_exact}
        />
      }
    />
  );
}
