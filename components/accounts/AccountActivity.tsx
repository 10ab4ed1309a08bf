"use client";
// An account's recent activity: transfers either way, its stake trades as coldkey, and the extrinsics it signed
// (/api/v1/transfers?address=, /stake-trades?coldkey=, /extrinsics?signer=), each with a link to the full list.
import Link from "next/link";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { TransferDto } from "../../lib/api/v1/schemas";
import { ExtrinsicsTable } from "../explorer/ExtrinsicsTable";
import { stakeTradeColumns } from "../explorer/StakeTradeColumns";
import { Address } from "../ui/Address";
import { Amount } from "../ui/Amount";
import { Badge } from "../ui/Badge";
import { Panel } from "../ui/Card";
import { type Column, DataTable } from "../ui/DataTable";
import { BlockLink } from "../ui/Links";
import { EmptyState } from "../ui/States";
import { Time } from "../ui/Time";

const LIMIT = 10;
const more = "text-brand-600 hover:underline";

function transferColumns(self: string): Column<TransferDto>[] {
  return [
    { key: "block", header: "Block", cell: (t) => <BlockLink number={t.block_number} /> },
    {
      key: "direction",
      header: "",
      cell: (t) =>
        t.from?.ss58 === self ? <Badge tone="neutral">out</Badge> : <Badge tone="green">in</Badge>,
    },
    {
      key: "counterparty",
      header: "Counterparty",
      cell: (t) => <Address address={t.from?.ss58 === self ? t.to : t.from} link />,
    },
    { key: "amount", header: "Amount", align: "right", cell: (t) => <Amount value={t.amount} compact /> },
    { key: "time", header: "Age", hideOnMobile: true, cell: (t) => <Time iso={t.timestamp} compact /> },
  ];
}

export function AccountActivity({ address }: { address: string }) {
  const transfers = useApiQuery("transfers", { address, limit: LIMIT });
  const trades = useApiQuery("stakeTrades", { coldkey: address, limit: LIMIT });
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <Panel
        title="Transfers"
        id="account-transfers"
        actions={
          <Link href={`/transfers?address=${address}`} className={more}>
            All transfers
          </Link>
        }
      >
        <DataTable
          label="Transfers of this account"
          testId="account-transfers"
          columns={transferColumns(address)}
          rows={transfers.data?.data}
          rowKey={(t) => t.id}
          rowHref={(t) => (t.extrinsic_id ? `/extrinsics/${t.extrinsic_id}` : `/blocks/${t.block_number}`)}
          isPending={transfers.isPending}
          error={transfers.error}
          onRetry={() => void transfers.refetch()}
          empty={<EmptyState title="No transfers indexed for this account" />}
          skeletonRows={4}
        />
      </Panel>
      <Panel
        title="Stake trades"
        id="account-trades"
        actions={
          <Link href={`/stake-trades?coldkey=${address}`} className={more}>
            All stake trades
          </Link>
        }
      >
        <DataTable
          label="Stake trades of this account"
          testId="account-trades"
          columns={stakeTradeColumns}
          rows={trades.data?.data}
          rowKey={(t) => t.id}
          rowHref={(t) => (t.extrinsic_id ? `/extrinsics/${t.extrinsic_id}` : `/blocks/${t.block_number}`)}
          isPending={trades.isPending}
          error={trades.error}
          onRetry={() => void trades.refetch()}
          empty={<EmptyState title="No stake trades indexed for this coldkey" />}
          skeletonRows={4}
        />
      </Panel>
      <Panel
        title="Extrinsics signed"
        id="account-extrinsics"
        actions={
          <Link href={`/extrinsics?signer=${address}`} className={more}>
            All extrinsics
          </Link>
        }
      >
        <ExtrinsicsTable
          params={{ signer: address, limit: LIMIT }}
          label="Extrinsics signed by this account"
        />
      </Panel>
    </div>
  );
}
