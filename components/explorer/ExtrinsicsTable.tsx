"use client";
import type { ExtrinsicListParams } from "../../lib/api/resources";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { ExtrinsicDto } from "../../lib/api/v1/schemas";
import { Address } from "../ui/Address";
import { Amount } from "../ui/Amount";
import { ResultBadge } from "../ui/Badge";
import { type Column, DataTable } from "../ui/DataTable";
import { ExtrinsicLink } from "../ui/Links";
import { EmptyState } from "../ui/States";

export const extrinsicColumns: Column<ExtrinsicDto>[] = [
  {
    key: "id",
    header: "ID",
    cell: (x) => <ExtrinsicLink id={x.id} />,
    sortable: true,
    sortValue: (x) => x.index,
  },
  {
    key: "call",
    header: "Call",
    cell: (x) => <span className="font-mono text-xs">{x.full_name ?? "undecoded"}</span>,
    sortable: true,
    sortValue: (x) => x.full_name ?? "",
  },
  {
    key: "signer",
    header: "Signer",
    cell: (x) =>
      x.signer ? <Address address={x.signer} link /> : <span className="text-zinc-400">unsigned</span>,
  },
  { key: "result", header: "Result", cell: (x) => <ResultBadge success={x.success} /> },
  {
    key: "fee",
    header: "Fee",
    cell: (x) => <Amount value={x.fee} compact />,
    align: "right",
    sortable: true,
    sortValue: (x) => BigInt(x.fee ?? "0"),
  },
];

export function ExtrinsicsTable({ params, label }: { params: ExtrinsicListParams; label: string }) {
  const q = useApiQuery("extrinsics", params);
  return (
    <DataTable
      label={label}
      testId="extrinsics-table"
      columns={extrinsicColumns}
      rows={q.data?.data}
      rowKey={(x) => x.id}
      rowHref={(x) => `/extrinsics/${x.id}`}
      isPending={q.isPending}
      error={q.error}
      onRetry={() => void q.refetch()}
      empty={<EmptyState title="No extrinsics" />}
      skeletonRows={4}
    />
  );
}
