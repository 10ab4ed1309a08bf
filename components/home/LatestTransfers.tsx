"use client";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { EventDto } from "../../lib/api/v1/schemas";
import { transferArgs } from "../explorer/transfer-args";
import { Address } from "../ui/Address";
import { Amount } from "../ui/Amount";
import { Panel } from "../ui/Card";
import { type Column, DataTable } from "../ui/DataTable";
import { BlockLink } from "../ui/Links";
import { EmptyState } from "../ui/States";
import { Time } from "../ui/Time";
// Live feed of TAO transfers, read from balances.Transfer events (the transfers projection has no API yet).
import { LATEST_TRANSFERS } from "./params";

const columns: Column<EventDto>[] = [
  { key: "block", hideOnMobile: true, header: "Block", cell: (e) => <BlockLink number={e.block_number} /> },
  { key: "from", header: "From", cell: (e) => <Address address={transferArgs(e.args).from} link /> },
  { key: "to", header: "To", cell: (e) => <Address address={transferArgs(e.args).to} link /> },
  {
    key: "amount",
    header: "Amount",
    cell: (e) => <Amount value={transferArgs(e.args).amount} compact />,
    align: "right",
  },
  { key: "time", header: "Age", cell: (e) => <Time iso={e.timestamp} compact /> },
];

export function LatestTransfers() {
  const q = useApiQuery("events", LATEST_TRANSFERS);
  return (
    <Panel title="Latest transfers" id="latest-transfers">
      <DataTable
        label="Latest transfers"
        testId="latest-transfers"
        columns={columns}
        rows={q.data?.data}
        rowKey={(e) => e.id}
        rowHref={(e) => (e.extrinsic_id ? `/extrinsics/${e.extrinsic_id}` : `/blocks/${e.block_number}`)}
        isPending={q.isPending}
        error={q.error}
        onRetry={() => void q.refetch()}
        empty={<EmptyState title="No transfers indexed yet" />}
        skeletonRows={10}
      />
    </Panel>
  );
}
