"use client";
// Validators over every subnet's newest metagraph, page by page; sorting is the server's.
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { PageParams } from "../../lib/api/resources";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { ValidatorDto } from "../../lib/api/v1/validator-schemas";
import { sharePercent } from "../metagraph/format";
import { Address } from "../ui/Address";
import { Amount, SignedAmount } from "../ui/Amount";
import { type Column, DataTable } from "../ui/DataTable";
import { CursorPager } from "../ui/Pager";
import { EmptyState } from "../ui/States";

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
  { key: "coldkey", header: "Owner", hideOnMobile: true, cell: (v) => <Address address={v.coldkey} link /> },
  {
    key: "alpha_stake",
    header: "Alpha stake",
    align: "right",
    sortable: true,
    cell: (v) => <Amount value={v.alpha_stake} unit="alpha" compact />,
  },
  {
    key: "apy",
    header: "APY 7d",
    align: "right",
    cell: (v) => (
      <span className="font-mono" title={`1d ${sharePercent(v.apy.d1)} · 30d ${sharePercent(v.apy.d30)}`}>
        {sharePercent(v.apy.d7)}
      </span>
    ),
  },
  {
    key: "stake_value",
    header: "Stake (τ value)",
    align: "right",
    hideOnMobile: true,
    cell: (v) => (
      <span className="flex flex-col items-end">
        <Amount value={v.stake_value} compact />
        <span
          className="text-xs"
          title={v.change_from_block === null ? undefined : `since #${v.change_from_block}`}
        >
          <SignedAmount value={v.stake_change_24h} /> 24h
        </span>
      </span>
    ),
  },
  {
    key: "nominators",
    header: "Nominators",
    align: "right",
    hideOnMobile: true,
    cell: (v) => (
      <span className="flex flex-col items-end font-mono">
        {v.nominators ?? "—"}
        {v.nominators_change_24h === null ? null : (
          <span
            className={`text-xs ${v.nominators_change_24h < 0 ? "text-red-600 dark:text-red-400" : v.nominators_change_24h > 0 ? "text-green-700 dark:text-green-400" : "text-zinc-500"}`}
          >
            {v.nominators_change_24h > 0 ? "+" : v.nominators_change_24h < 0 ? "−" : ""}
            {Math.abs(v.nominators_change_24h)} 24h
          </span>
        )}
      </span>
    ),
  },
  {
    key: "dominance",
    header: "Dominance",
    align: "right",
    cell: (v) => <span className="font-mono">{sharePercent(v.dominance)}</span>,
  },
  {
    key: "root_stake",
    header: "Root stake",
    align: "right",
    sortable: true,
    hideOnMobile: true,
    cell: (v) => <Amount value={v.root_stake} compact />,
  },
  {
    key: "subnets_validated",
    header: "Subnets validated",
    align: "right",
    sortable: true,
    cell: (v) => (
      <span className="font-mono" title={`UIDs on ${v.subnets} subnets`}>
        {v.subnets_validated}
      </span>
    ),
  },
  {
    key: "emission",
    header: "Emission / epoch",
    align: "right",
    sortable: true,
    hideOnMobile: true,
    cell: (v) => <Amount value={v.emission} unit="alpha" compact />,
  },
  {
    key: "take",
    header: "Take",
    align: "right",
    sortable: true,
    cell: (v) => <span className="font-mono">{v.take === null ? "—" : sharePercent(v.take)}</span>,
  },
];

export function validatorsHref(p: PageParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `/validators?${s}` : "/validators";
}

export function ValidatorsTable({ params, defaultLimit }: { params: PageParams; defaultLimit: number }) {
  const router = useRouter();
  const q = useApiQuery("validators", params, { keepPrevious: true });
  const body = q.data;
  const base: PageParams = { ...params, page: undefined };
  const limit = params.limit ?? defaultLimit;
  const order = params.order ?? "alpha_stake_desc";
  const cut = order.lastIndexOf("_");
  const pageHref = (page: number | null) =>
    page === null ? null : validatorsHref({ ...base, page: page === 1 ? undefined : page });
  return (
    <DataTable
      label="Validators"
      testId="validators-table"
      columns={columns}
      rows={body?.data}
      rowKey={(v) => v.hotkey.ss58}
      rowHref={(v) => `/validators/${v.hotkey.ss58}`}
      isPending={q.isPending}
      error={q.error}
      onRetry={() => void q.refetch()}
      sort={{ key: order.slice(0, cut), dir: order.slice(cut + 1) as "asc" | "desc" }}
      onSortChange={(s) => {
        const next = `${s.key}_${s.dir}`;
        router.push(validatorsHref({ ...base, order: next === "alpha_stake_desc" ? undefined : next }));
      }}
      empty={
        <EmptyState title="No validators yet">
          Validators appear once the indexer has stored a metagraph with a validator permit.
        </EmptyState>
      }
      skeletonRows={limit}
      footer={
        <CursorPager
          prevHref={pageHref(body?.pagination.prev ?? null)}
          nextHref={pageHref(body?.pagination.next ?? null)}
          limit={limit}
          onLimitChange={(l) =>
            router.push(validatorsHref({ ...base, limit: l === defaultLimit ? undefined : l }))
          }
          total={body?.pagination.total}
          totalExact
        />
      }
    />
  );
}
