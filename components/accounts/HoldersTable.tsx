"use client";
// The rich list: coldkeys by free + reserved + staked TAO value, page by page; sorting is the server's.
import { useRouter } from "next/navigation";
import type { PageParams } from "../../lib/api/resources";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { RichListItemDto } from "../../lib/api/v1/account-schemas";
import { formatInteger } from "../../lib/format/numbers";
import { Address } from "../ui/Address";
import { Amount } from "../ui/Amount";
import { Panel } from "../ui/Card";
import { type Column, DataTable } from "../ui/DataTable";
import { CursorPager } from "../ui/Pager";
import { EmptyState } from "../ui/States";
import { Concentration } from "./Concentration";

const columns: Column<RichListItemDto>[] = [
  { key: "rank", header: "#", cell: (r) => <span className="font-mono">{formatInteger(r.rank)}</span> },
  { key: "address", header: "Account", cell: (r) => <Address address={r.address} link /> },
  {
    key: "total",
    header: "Total",
    align: "right",
    sortable: true,
    cell: (r) => <Amount value={r.total} compact />,
  },
  {
    key: "free",
    header: "Free",
    align: "right",
    sortable: true,
    hideOnMobile: true,
    cell: (r) => <Amount value={r.free} compact />,
  },
  {
    key: "staked",
    header: "Staked",
    align: "right",
    sortable: true,
    cell: (r) => <Amount value={r.staked} compact />,
  },
  {
    key: "positions",
    header: "Positions",
    align: "right",
    hideOnMobile: true,
    cell: (r) => <span className="font-mono">{formatInteger(r.positions)}</span>,
  },
];

export function holdersHref(p: PageParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `/holders?${s}` : "/holders";
}

export function HoldersTable({ params, defaultLimit }: { params: PageParams; defaultLimit: number }) {
  const router = useRouter();
  const q = useApiQuery("holders", params, { keepPrevious: true });
  const body = q.data;
  const base: PageParams = { ...params, page: undefined };
  const limit = params.limit ?? defaultLimit;
  const order = params.order ?? "total_desc";
  const cut = order.lastIndexOf("_");
  const pageHref = (page: number | null) =>
    page === null ? null : holdersHref({ ...base, page: page === 1 ? undefined : page });
  return (
    <div className="space-y-4">
      <Panel
        title={
          body?.stats ? `Concentration at block ${formatInteger(body.stats.block_number)}` : "Concentration"
        }
        id="holders-concentration"
      >
        {body?.stats ? (
          <Concentration stats={body.stats} unit="tao" />
        ) : (
          <EmptyState title="No holder scan yet">
            The indexer scans every account and stake position when it starts and then once per tempo.
          </EmptyState>
        )}
      </Panel>
      <Panel title="Rich list" id="holders-list">
        <DataTable
          label="Holders"
          testId="holders-table"
          columns={columns}
          rows={body?.data}
          rowKey={(r) => r.address.ss58}
          rowHref={(r) => `/accounts/${r.address.ss58}`}
          isPending={q.isPending}
          error={q.error}
          onRetry={() => void q.refetch()}
          sort={{ key: order.slice(0, cut), dir: order.slice(cut + 1) as "asc" | "desc" }}
          onSortChange={(s) => {
            const next = `${s.key}_${s.dir}`;
            router.push(holdersHref({ ...base, order: next === "total_desc" ? undefined : next }));
          }}
          empty={
            <EmptyState title="No holders yet">
              Holders appear after the indexer&apos;s first holder scan.
            </EmptyState>
          }
          skeletonRows={limit}
          footer={
            <CursorPager
              prevHref={pageHref(body?.pagination.prev ?? null)}
              nextHref={pageHref(body?.pagination.next ?? null)}
              limit={limit}
              onLimitChange={(l) =>
                router.push(holdersHref({ ...base, limit: l === defaultLimit ? undefined : l }))
              }
              total={body?.pagination.total}
              totalExact
            />
          }
        />
      </Panel>
    </div>
  );
}
