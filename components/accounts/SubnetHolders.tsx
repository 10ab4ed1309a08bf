"use client";
// A subnet's top alpha holders (coldkeys summed over hotkeys) with its holder statistics from the last scan.
import Link from "next/link";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { SubnetHolderDto } from "../../lib/api/v1/account-schemas";
import { formatInteger } from "../../lib/format/numbers";
import { sharePercent } from "../metagraph/format";
import { Address } from "../ui/Address";
import { Amount } from "../ui/Amount";
import { type Column, DataTable } from "../ui/DataTable";
import { EmptyState } from "../ui/States";
import { Concentration } from "./Concentration";

export function SubnetHolders({ netuid, limit }: { netuid: number; limit: number }) {
  const q = useApiQuery("subnetHolders", { netuid, limit });
  const body = q.data;
  const unit = netuid === 0 ? "tao" : "alpha";
  const columns: Column<SubnetHolderDto>[] = [
    { key: "rank", header: "#", cell: (r) => <span className="font-mono">{formatInteger(r.rank)}</span> },
    { key: "coldkey", header: "Coldkey", cell: (r) => <Address address={r.coldkey} link /> },
    {
      key: "alpha",
      header: "Stake",
      align: "right",
      cell: (r) => <Amount value={r.alpha} unit={unit} compact />,
    },
    {
      key: "share",
      header: "Share",
      align: "right",
      cell: (r) => <span className="font-mono">{sharePercent(r.share)}</span>,
    },
    {
      key: "tao_value",
      header: "Value",
      align: "right",
      hideOnMobile: true,
      cell: (r) => <Amount value={r.tao_value} compact />,
    },
    {
      key: "hotkeys",
      header: "Hotkeys",
      align: "right",
      hideOnMobile: true,
      cell: (r) => <span className="font-mono">{r.hotkeys}</span>,
    },
  ];
  return (
    <div data-testid="subnet-holders">
      {body ? <Concentration stats={body.stats} unit={unit} /> : null}
      <DataTable
        label="Top holders of this subnet"
        testId="subnet-holders-table"
        columns={columns}
        rows={body?.data}
        rowKey={(r) => r.coldkey.ss58}
        isPending={q.isPending}
        error={q.error}
        onRetry={() => void q.refetch()}
        skeletonRows={limit}
        empty={<EmptyState title="No holders">Nobody held stake on this subnet at the last scan.</EmptyState>}
      />
      {body ? (
        <p className="px-4 py-2 text-xs text-zinc-500">
          {formatInteger(body.pagination.total)} holders at the holder scan of block{" "}
          {formatInteger(body.stats.block_number)}.{" "}
          <Link
            href={`/api/v1/subnets/${netuid}/holders?format=csv`}
            className="text-brand-600 hover:underline"
            prefetch={false}
          >
            All holders (CSV)
          </Link>
        </p>
      ) : null}
    </div>
  );
}
