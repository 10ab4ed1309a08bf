"use client";
// Delegation events of a validator: the newest stake and unstake trades on its hotkey (/api/v1/stake-trades?hotkey=).
import Link from "next/link";
import { useApiQuery } from "../../lib/api/use-api-query";
import { stakeTradeColumns } from "../explorer/StakeTradeColumns";
import { Panel } from "../ui/Card";
import { DataTable } from "../ui/DataTable";
import { EmptyState } from "../ui/States";

const LIMIT = 10;
// The hotkey column would repeat the validator on every row.
const columns = stakeTradeColumns.filter((c) => c.key !== "hotkey");

export function ValidatorStakeEvents({ hotkey }: { hotkey: string }) {
  const q = useApiQuery("stakeTrades", { hotkey, limit: LIMIT });
  return (
    <Panel
      title="Delegation events"
      id="validator-stake-events"
      actions={
        <Link href={`/stake-trades?hotkey=${hotkey}`} className="text-brand-600 hover:underline">
          All stake trades
        </Link>
      }
    >
      <DataTable
        label="Stake and unstake trades on this validator"
        testId="validator-stake-events"
        columns={columns}
        rows={q.data?.data}
        rowKey={(t) => t.id}
        rowHref={(t) => (t.extrinsic_id ? `/extrinsics/${t.extrinsic_id}` : `/blocks/${t.block_number}`)}
        isPending={q.isPending}
        error={q.error}
        onRetry={() => void q.refetch()}
        empty={<EmptyState title="No stake trades on this hotkey indexed" />}
        skeletonRows={4}
      />
    </Panel>
  );
}
