"use client";
// The subnet table: one row per subnet in the newest pool snapshot, sorted by the server (the sort lives in the
// URL, so a sorted view is shareable), with a CSV export of the same order.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { SubnetListParams, SubnetOrderField } from "../../lib/api/resources";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { SubnetDto } from "../../lib/api/v1/subnet-schemas";
import { Address } from "../ui/Address";
import { Amount, SignedAmount } from "../ui/Amount";
import { type Column, DataTable } from "../ui/DataTable";
import { EmptyState } from "../ui/States";
import { formatChange, formatShare } from "./format";

export const SUBNETS_DEFAULT_ORDER = "market_cap_desc" as const;

export function Change({ value }: { value: string | null }) {
  const tone =
    value === null || /^-?0(\.0*)?$/.test(value)
      ? "text-zinc-500"
      : value.startsWith("-")
        ? "text-red-600 dark:text-red-400"
        : "text-green-700 dark:text-green-400";
  return <span className={`whitespace-nowrap font-mono ${tone}`}>{formatChange(value)}</span>;
}

export function SubnetName({ s }: { s: Pick<SubnetDto, "netuid" | "name" | "symbol"> }) {
  return (
    <span className="flex items-baseline gap-2">
      <span className="font-mono text-zinc-500">{s.netuid}</span>
      <span className="font-medium">{s.name ?? (s.netuid === 0 ? "root" : `Subnet ${s.netuid}`)}</span>
      {s.symbol ? <span className="text-zinc-500">{s.symbol}</span> : null}
    </span>
  );
}

const columns: Column<SubnetDto>[] = [
  {
    key: "netuid",
    header: "Subnet",
    cell: (s) => (
      <Link href={`/subnets/${s.netuid}`} className="hover:underline">
        <SubnetName s={s} />
      </Link>
    ),
    sortable: true,
  },
  {
    key: "price",
    header: "Price",
    cell: (s) => <Amount value={s.price} unit="tao" />,
    align: "right",
    sortable: true,
  },
  {
    key: "price_change_1h",
    header: "1h",
    hideOnMobile: true,
    cell: (s) => <Change value={s.price_change_1h} />,
    align: "right",
    sortable: true,
  },
  {
    key: "price_change_24h",
    header: "24h",
    cell: (s) => <Change value={s.price_change_24h} />,
    align: "right",
    sortable: true,
  },
  {
    key: "price_change_7d",
    header: "7d",
    hideOnMobile: true,
    cell: (s) => <Change value={s.price_change_7d} />,
    align: "right",
    sortable: true,
  },
  {
    key: "market_cap",
    header: "Market cap",
    cell: (s) => <Amount value={s.market_cap} compact />,
    align: "right",
    sortable: true,
  },
  {
    key: "emission_share",
    header: "Emission",
    cell: (s) => <span className="font-mono">{formatShare(s.emission_share)}</span>,
    align: "right",
    sortable: true,
  },
  {
    key: "tao_in",
    header: "TAO in pool",
    cell: (s) => <Amount value={s.tao_in} compact />,
    align: "right",
    sortable: true,
  },
  {
    key: "alpha_in",
    header: "α in pool",
    hideOnMobile: true,
    cell: (s) => <Amount value={s.alpha_in} unit="alpha" compact />,
    align: "right",
    sortable: true,
  },
  {
    key: "alpha_out",
    header: "α outstanding",
    hideOnMobile: true,
    cell: (s) => <Amount value={s.alpha_out} unit="alpha" compact />,
    align: "right",
    sortable: true,
  },
  {
    key: "volume_24h",
    header: "24h volume",
    hideOnMobile: true,
    cell: (s) => <Amount value={s.volume_24h} compact />,
    align: "right",
    sortable: true,
  },
  {
    key: "tao_flow_24h",
    header: "24h TAO flow",
    hideOnMobile: true,
    cell: (s) => <SignedAmount value={s.tao_flow_24h} />,
    align: "right",
    sortable: true,
  },
  {
    key: "liquidity",
    header: "Liquidity",
    hideOnMobile: true,
    cell: (s) => <Amount value={s.liquidity} compact />,
    align: "right",
    sortable: true,
  },
  {
    key: "uids",
    header: "Validators / miners",
    hideOnMobile: true,
    cell: (s) => (
      <span className="font-mono">{s.validators === null ? "—" : `${s.validators} / ${s.miners ?? 0}`}</span>
    ),
    align: "right",
  },
  {
    key: "registration_cost",
    header: "Reg. cost",
    hideOnMobile: true,
    cell: (s) => <Amount value={s.registration_cost} compact />,
    align: "right",
    sortable: true,
  },
  {
    key: "recycled_24h",
    header: "24h recycled",
    hideOnMobile: true,
    cell: (s) => <Amount value={s.recycled_24h} compact />,
    align: "right",
    sortable: true,
  },
  {
    key: "owner",
    header: "Owner",
    hideOnMobile: true,
    cell: (s) => (s.owner ? <Address address={s.owner} link /> : <span className="text-zinc-400">—</span>),
  },
];

/** Exact sum of a rao column over the shown rows (nulls count as 0). */
function sum(rows: SubnetDto[], pick: (r: SubnetDto) => string | null): bigint {
  return rows.reduce((a, r) => a + BigInt(pick(r) ?? "0"), 0n);
}

/** A row matches when its netuid, name, symbol or owner address contains the text (case-insensitive). */
function matches(s: SubnetDto, needle: string): boolean {
  return [
    String(s.netuid),
    s.name ?? (s.netuid === 0 ? "root" : `subnet ${s.netuid}`),
    s.symbol ?? "",
    s.owner?.ss58 ?? "",
  ].some((v) => v.toLowerCase().includes(needle));
}

export function subnetsHref(p: SubnetListParams): string {
  const q = new URLSearchParams();
  if (p.order && p.order !== SUBNETS_DEFAULT_ORDER) q.set("order", p.order);
  if (p.page && p.page > 1) q.set("page", String(p.page));
  const s = q.toString();
  return s ? `/subnets?${s}` : "/subnets";
}

export function SubnetsTable({ params }: { params: SubnetListParams }) {
  const router = useRouter();
  const q = useApiQuery("subnets", params, { keepPrevious: true });
  const order = params.order ?? SUBNETS_DEFAULT_ORDER;
  const i = order.lastIndexOf("_");
  const sort = { key: order.slice(0, i), dir: order.slice(i + 1) as "asc" | "desc" };
  const csv = `/api/v1/subnets?format=csv&order=${order}`;
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLowerCase();
  const rows = q.data?.data.filter((s) => !needle || matches(s, needle));
  return (
    <DataTable
      label="Subnets"
      testId="subnets-table"
      columns={columns}
      rows={rows}
      toolbar={
        <div className="flex items-center gap-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="Filter by netuid, name, symbol or owner"
            aria-label="Filter subnets"
            className="w-80 max-w-full rounded-md border border-zinc-200 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
          {needle ? (
            <span className="text-xs text-zinc-500" data-testid="subnets-filter-count">
              {rows?.length ?? 0} of {q.data?.data.length ?? 0}
            </span>
          ) : null}
        </div>
      }
      rowKey={(s) => String(s.netuid)}
      rowHref={(s) => `/subnets/${s.netuid}`}
      isPending={q.isPending}
      error={q.error}
      onRetry={() => void q.refetch()}
      sort={sort}
      onSortChange={(s) => router.push(subnetsHref({ order: `${s.key as SubnetOrderField}_${s.dir}` }))}
      empty={
        <EmptyState title="No subnets yet">
          Subnets appear once the indexer has stored a pool snapshot (it reads them from chain storage).
        </EmptyState>
      }
      skeletonRows={12}
      footer={
        <div className="flex flex-wrap items-center gap-3 border-t border-zinc-200 px-4 py-3 text-sm text-zinc-500 dark:border-zinc-800">
          <span>
            {q.data ? `${q.data.pagination.total} subnets` : ""}
            {q.data?.data[0] ? ` · pool state at block #${q.data.data[0].block_number}` : ""}
          </span>
          {rows && rows.length > 0 ? (
            <span data-testid="subnets-totals">
              Σ{needle ? " (filtered)" : ""} market cap{" "}
              <Amount value={sum(rows, (r) => r.market_cap)} compact /> · TAO in pools{" "}
              <Amount value={sum(rows, (r) => r.tao_in)} compact /> · 24h volume{" "}
              <Amount value={sum(rows, (r) => r.volume_24h)} compact />
            </span>
          ) : null}
          <a href={csv} className="ml-auto text-brand-600 hover:underline" download>
            Export CSV
          </a>
        </div>
      }
    />
  );
}
