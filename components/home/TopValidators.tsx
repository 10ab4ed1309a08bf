"use client";
// The ten validators with the most stake (alpha summed over every subnet's newest metagraph).
import Link from "next/link";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { ValidatorDto } from "../../lib/api/v1/validator-schemas";
import { sharePercent } from "../metagraph/format";
import { Amount } from "../ui/Amount";
import { Panel } from "../ui/Card";
import { type Column, DataTable } from "../ui/DataTable";
import { EmptyState } from "../ui/States";
import { TOP_VALIDATORS } from "./params";

const link = "font-mono text-brand-600 hover:underline dark:text-brand-500";

const columns: Column<ValidatorDto>[] = [
  {
    key: "hotkey",
    header: "Validator",
    cell: (v) => (
      <Link href={`/validators/${v.hotkey.ss58}`} className={link} title={v.hotkey.ss58}>
        {`${v.hotkey.ss58.slice(0, 8)}…${v.hotkey.ss58.slice(-6)}`}
      </Link>
    ),
  },
  {
    key: "alpha_stake",
    header: "Alpha stake",
    align: "right",
    cell: (v) => <Amount value={v.alpha_stake} unit="alpha" compact />,
  },
  {
    key: "dominance",
    header: "Dominance",
    align: "right",
    hideOnMobile: true,
    cell: (v) => <span className="font-mono">{sharePercent(v.dominance)}</span>,
  },
  {
    key: "root_stake",
    header: "Root stake",
    align: "right",
    cell: (v) => <Amount value={v.root_stake} compact />,
  },
  {
    key: "subnets",
    header: "Subnets",
    align: "right",
    hideOnMobile: true,
    cell: (v) => <span className="font-mono">{v.subnets_validated}</span>,
  },
];

export function TopValidators({ className }: { className?: string }) {
  const q = useApiQuery("validators", TOP_VALIDATORS);
  return (
    <Panel
      title="Top validators"
      id="top-validators"
      className={className}
      actions={
        <Link href="/validators" className="text-brand-600 hover:underline">
          All validators
        </Link>
      }
    >
      <DataTable
        label="Top validators by stake"
        testId="top-validators"
        columns={columns}
        rows={q.data?.data}
        rowKey={(v) => v.hotkey.ss58}
        rowHref={(v) => `/validators/${v.hotkey.ss58}`}
        isPending={q.isPending}
        error={q.error}
        onRetry={() => void q.refetch()}
        empty={
          <EmptyState title="No validators yet">They appear with the first stored metagraph.</EmptyState>
        }
        skeletonRows={10}
      />
    </Panel>
  );
}
