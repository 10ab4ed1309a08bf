"use client";
// Recent stake trades and neuron registrations on one subnet (/api/v1/subnets/{netuid}/activity).
import Link from "next/link";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { SubnetActivityDto } from "../../lib/api/v1/subnet-schemas";
import { shortAddress } from "../../lib/format/numbers";
import { Amount } from "../ui/Amount";
import { Panel } from "../ui/Card";
import { type Column, DataTable } from "../ui/DataTable";
import { EmptyState } from "../ui/States";
import { Time } from "../ui/Time";

type Trade = SubnetActivityDto["stake_trades"][number];
type Reg = SubnetActivityDto["registrations"][number];

const blockCell = (n: number) => (
  <Link href={`/blocks/${n}`} className="text-brand-600 hover:underline">
    #{n}
  </Link>
);
const who = (a: { ss58: string } | null) => (
  <span className="font-mono" title={a?.ss58}>
    {a ? shortAddress(a.ss58) : "—"}
  </span>
);

const tradeColumns: Column<Trade>[] = [
  { key: "block", header: "Block", cell: (t) => blockCell(t.block_number) },
  { key: "time", header: "Time", hideOnMobile: true, cell: (t) => <Time iso={t.timestamp} compact /> },
  { key: "action", header: "Action", cell: (t) => t.action },
  { key: "coldkey", header: "Coldkey", hideOnMobile: true, cell: (t) => who(t.coldkey) },
  { key: "tao", header: "TAO", align: "right", cell: (t) => <Amount value={t.tao} compact /> },
  { key: "alpha", header: "α", align: "right", cell: (t) => <Amount value={t.alpha} unit="alpha" compact /> },
  { key: "price", header: "Price", align: "right", cell: (t) => <Amount value={t.price} /> },
];

const regColumns: Column<Reg>[] = [
  { key: "block", header: "Block", cell: (r) => blockCell(r.block_number) },
  { key: "time", header: "Time", hideOnMobile: true, cell: (r) => <Time iso={r.timestamp} compact /> },
  { key: "uid", header: "UID", align: "right", cell: (r) => r.uid ?? "—" },
  { key: "hotkey", header: "Hotkey", cell: (r) => who(r.hotkey) },
  { key: "cost", header: "Cost", align: "right", cell: (r) => <Amount value={r.cost} /> },
];

export function SubnetActivity({ netuid }: { netuid: number }) {
  const q = useApiQuery("subnetActivity", { netuid });
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Panel title="Recent stake trades" id="recent-trades">
        <DataTable
          label="Recent stake trades"
          testId="subnet-trades"
          columns={tradeColumns}
          rows={q.data?.stake_trades}
          rowKey={(t) => `${t.block_number}-${t.event_index}`}
          isPending={q.isPending}
          error={q.error}
          onRetry={() => void q.refetch()}
          empty={<EmptyState title="No stake trades indexed on this subnet" />}
          skeletonRows={10}
        />
      </Panel>
      <Panel title="Recent registrations" id="recent-registrations">
        <DataTable
          label="Recent registrations"
          testId="subnet-registrations"
          columns={regColumns}
          rows={q.data?.registrations}
          rowKey={(r) => `${r.block_number}-${r.event_index}`}
          isPending={q.isPending}
          error={q.error}
          onRetry={() => void q.refetch()}
          empty={<EmptyState title="No neuron registrations indexed on this subnet" />}
          skeletonRows={10}
        />
      </Panel>
    </div>
  );
}
