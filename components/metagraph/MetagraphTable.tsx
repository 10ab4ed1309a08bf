"use client";
// A subnet's metagraph: one row per UID from the newest stored snapshot (or the one at/before `block`), with
// server-side search, sort and pages. The list state lives in the URL under `basePath`, so the same table works
// on /subnets/[netuid]/metagraph and inside a subnet page.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { MetagraphParams } from "../../lib/api/resources";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { MetagraphNeuronDto } from "../../lib/api/v1/validator-schemas";
import { formatInteger } from "../../lib/format/numbers";
import { Address } from "../ui/Address";
import { Amount } from "../ui/Amount";
import { Badge } from "../ui/Badge";
import { type Column, DataTable } from "../ui/DataTable";
import { BlockLink } from "../ui/Links";
import { CursorPager } from "../ui/Pager";
import { EmptyState } from "../ui/States";
import { proportion } from "./format";

type OrderField =
  | "uid"
  | "stake"
  | "validator_trust"
  | "consensus"
  | "incentive"
  | "dividends"
  | "emission"
  | "last_update";

const link = "font-mono text-brand-600 hover:underline dark:text-brand-500";

const num = (
  key: OrderField,
  header: string,
  value: (n: MetagraphNeuronDto) => string,
): Column<MetagraphNeuronDto> => ({
  key,
  header,
  align: "right",
  sortable: true,
  cell: (n) => <span className="font-mono">{proportion(value(n))}</span>,
});

const columns: Column<MetagraphNeuronDto>[] = [
  { key: "uid", header: "UID", sortable: true, cell: (n) => <span className="font-mono">{n.uid}</span> },
  {
    key: "role",
    header: "Role",
    cell: (n) =>
      n.role === "validator" ? <Badge tone="green">validator</Badge> : <Badge tone="neutral">miner</Badge>,
  },
  {
    key: "stake",
    header: "Stake",
    align: "right",
    sortable: true,
    cell: (n) => <Amount value={n.stake} unit="alpha" compact />,
  },
  num("validator_trust", "vTrust", (n) => n.validator_trust),
  num("consensus", "Consensus", (n) => n.consensus),
  num("incentive", "Incentive", (n) => n.incentive),
  num("dividends", "Dividends", (n) => n.dividends),
  {
    key: "emission",
    header: "Emission",
    align: "right",
    sortable: true,
    cell: (n) => <Amount value={n.emission} unit="alpha" compact />,
  },
  {
    key: "last_update",
    header: "Updated",
    align: "right",
    sortable: true,
    hideOnMobile: true,
    cell: (n) => (
      <span className="font-mono" title={`last weights at block ${n.last_update}`}>
        {formatInteger(n.blocks_since_update)}
      </span>
    ),
  },
  {
    key: "registered_at",
    header: "Registered",
    align: "right",
    hideOnMobile: true,
    cell: (n) =>
      n.registered_at === null ? (
        "—"
      ) : (
        <span className="font-mono" title="block at registration">
          #{formatInteger(n.registered_at)}
        </span>
      ),
  },
  {
    key: "hotkey",
    header: "Hotkey",
    cell: (n) =>
      n.role === "validator" ? (
        <Link href={`/validators/${n.hotkey.ss58}`} className={link} title={n.hotkey.ss58}>
          {`${n.hotkey.ss58.slice(0, 6)}…${n.hotkey.ss58.slice(-6)}`}
        </Link>
      ) : (
        <Address address={n.hotkey} />
      ),
  },
  {
    key: "coldkey",
    header: "Coldkey",
    hideOnMobile: true,
    cell: (n) => <Address address={n.coldkey} link />,
  },
  {
    key: "axon",
    header: "Axon",
    hideOnMobile: true,
    cell: (n) =>
      n.axon ? <span className="font-mono text-xs">{n.axon}</span> : <span className="text-zinc-400">—</span>,
  },
];

/** URL of the metagraph list under `basePath` for these params. */
export function metagraphHref(basePath: string, p: Omit<MetagraphParams, "netuid">): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `${basePath}?${s}` : basePath;
}

export function MetagraphTable({
  params,
  defaultLimit,
  basePath,
}: {
  params: MetagraphParams;
  defaultLimit: number;
  basePath: string;
}) {
  const router = useRouter();
  const q = useApiQuery("metagraph", params, { keepPrevious: true });
  const [search, setSearch] = useState(params.search ?? "");
  const { netuid: _netuid, ...state } = params;
  const base = { ...state, page: undefined };
  const limit = params.limit ?? defaultLimit;
  const order = params.order ?? "uid_asc";
  const cut = order.lastIndexOf("_");
  const sort = { key: order.slice(0, cut), dir: order.slice(cut + 1) as "asc" | "desc" };
  const body = q.data;
  const pageHref = (page: number | null) =>
    page === null ? null : metagraphHref(basePath, { ...base, page: page === 1 ? undefined : page });
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    router.push(metagraphHref(basePath, { ...base, search: search.trim() || undefined }));
  };
  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
        <form onSubmit={onSearch} className="flex items-center gap-2" aria-label="Search the metagraph">
          <input
            name="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="UID, hotkey, coldkey or IP"
            maxLength={64}
            className="w-64 rounded-md border border-zinc-200 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
          />
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-3 py-1 font-medium text-white hover:bg-brand-500"
          >
            Search
          </button>
          {params.search ? (
            <Link
              href={metagraphHref(basePath, { ...base, search: undefined })}
              className="text-zinc-500 hover:underline"
            >
              Clear
            </Link>
          ) : null}
        </form>
        {body ? (
          <span className="ml-auto text-zinc-500" data-testid="metagraph-snapshot">
            {body.snapshot.reason === "epoch" ? "Epoch at block " : "Snapshot at block "}
            <BlockLink number={body.snapshot.block_number} />
          </span>
        ) : null}
      </div>
      <DataTable
        label={`Metagraph of subnet ${params.netuid}`}
        testId="metagraph-table"
        columns={columns}
        rows={body?.data}
        rowKey={(n) => String(n.uid)}
        isPending={q.isPending}
        error={q.error}
        onRetry={() => void q.refetch()}
        sort={sort}
        onSortChange={(s) => {
          const next = `${s.key}_${s.dir}`;
          router.push(metagraphHref(basePath, { ...base, order: next === "uid_asc" ? undefined : next }));
        }}
        empty={
          <EmptyState title={params.search ? "No neuron matches" : "No neurons"}>
            {params.search
              ? "Try a UID, or part of a hotkey, coldkey or IP."
              : "This subnet has no UIDs yet."}
          </EmptyState>
        }
        skeletonRows={limit}
        footer={
          <CursorPager
            prevHref={pageHref(body?.pagination.prev ?? null)}
            nextHref={pageHref(body?.pagination.next ?? null)}
            limit={limit}
            onLimitChange={(l) =>
              router.push(metagraphHref(basePath, { ...base, limit: l === defaultLimit ? undefined : l }))
            }
            total={body?.pagination.total}
            totalExact
          />
        }
      />
    </div>
  );
}
