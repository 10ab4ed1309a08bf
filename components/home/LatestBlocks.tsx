"use client";
// Live feed of the newest blocks: refetched whenever /api/live reports a new indexed head.
import Link from "next/link";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { BlockDto } from "../../lib/api/v1/schemas";
import { formatInteger } from "../../lib/format/numbers";
import { Panel } from "../ui/Card";
import { type Column, DataTable } from "../ui/DataTable";
import { Hash } from "../ui/Hash";
import { BlockLink } from "../ui/Links";
import { EmptyState } from "../ui/States";
import { Time } from "../ui/Time";
import { LATEST_BLOCKS } from "./params";

const columns: Column<BlockDto>[] = [
  { key: "number", header: "Block", cell: (b) => <BlockLink number={b.number} /> },
  { key: "hash", hideOnMobile: true, header: "Hash", cell: (b) => <Hash value={b.hash} /> },
  { key: "extrinsics", header: "Extrinsics", cell: (b) => formatInteger(b.extrinsic_count), align: "right" },
  {
    key: "events",
    hideOnMobile: true,
    header: "Events",
    cell: (b) => formatInteger(b.event_count),
    align: "right",
  },
  { key: "time", header: "Age", cell: (b) => <Time iso={b.timestamp} compact /> },
];

export function LatestBlocks() {
  const q = useApiQuery("blocks", LATEST_BLOCKS);
  return (
    <Panel
      title="Latest blocks"
      id="latest-blocks"
      actions={
        <Link href="/blocks" className="text-brand-600 hover:underline">
          All blocks
        </Link>
      }
    >
      <DataTable
        label="Latest blocks"
        testId="latest-blocks"
        columns={columns}
        rows={q.data?.data}
        rowKey={(b) => b.hash}
        rowHref={(b) => `/blocks/${b.number}`}
        isPending={q.isPending}
        error={q.error}
        onRetry={() => void q.refetch()}
        empty={
          <EmptyState title="No blocks indexed yet">The indexer fills this as it catches up.</EmptyState>
        }
        skeletonRows={10}
      />
    </Panel>
  );
}
