"use client";
// Live feed of stake and unstake trades (StakeAdded / StakeRemoved), beside the latest transfers.
import Link from "next/link";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { StakeTradeDto } from "../../lib/api/v1/schemas";
import { Address } from "../ui/Address";
import { Amount } from "../ui/Amount";
import { Badge } from "../ui/Badge";
import { Panel } from "../ui/Card";
import { type Column, DataTable } from "../ui/DataTable";
import { EmptyState } from "../ui/States";
import { Time } from "../ui/Time";
import { LATEST_STAKE_TRADES } from "./params";

const columns: Column<StakeTradeDto>[] = [
  {
    key: "action",
    header: "Action",
    cell: (t) =>
      t.action === "stake" ? <Badge tone="green">stake</Badge> : <Badge tone="neutral">unstake</Badge>,
  },
  {
    key: "subnet",
    header: "Subnet",
    cell: (t) =>
      t.netuid === null ? (
        "—"
      ) : (
        <Link href={`/subnets/${t.netuid}`} className="font-mono hover:underline">
          {t.netuid}
        </Link>
      ),
  },
  {
    key: "coldkey",
    header: "Coldkey",
    hideOnMobile: true,
    cell: (t) => <Address address={t.coldkey} link />,
  },
  { key: "tao", header: "TAO", align: "right", cell: (t) => <Amount value={t.tao} compact /> },
  {
    key: "alpha",
    header: "Alpha",
    align: "right",
    hideOnMobile: true,
    cell: (t) => <Amount value={t.alpha} unit="alpha" compact />,
  },
  { key: "time", header: "Age", cell: (t) => <Time iso={t.timestamp} compact /> },
];

export function LatestStakeTrades() {
  const q = useApiQuery("stakeTrades", LATEST_STAKE_TRADES);
  return (
    <Panel title="Latest stake trades" id="latest-stake-trades">
      <DataTable
        label="Latest stake trades"
        testId="latest-stake-trades"
        columns={columns}
        rows={q.data?.data}
        rowKey={(t) => t.id}
        rowHref={(t) => (t.extrinsic_id ? `/extrinsics/${t.extrinsic_id}` : `/blocks/${t.block_number}`)}
        isPending={q.isPending}
        error={q.error}
        onRetry={() => void q.refetch()}
        empty={<EmptyState title="No stake trades indexed yet" />}
        skeletonRows={10}
      />
    </Panel>
  );
}
