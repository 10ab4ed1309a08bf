"use client";
// The ten largest subnets by market cap, live, each with a 7-day hourly price sparkline. All sparklines come
// from one request (app/api/sparklines) keyed by the listed netuids.
import dynamic from "next/dynamic";
import Link from "next/link";
import { useMemo } from "react";
import type { SparklinePointDto } from "../../lib/api/schemas/sparklines";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { SubnetDto } from "../../lib/api/v1/subnet-schemas";
import { Change, SubnetName } from "../subnets/SubnetsTable";
import { Amount } from "../ui/Amount";
import { Panel } from "../ui/Card";
import { type Column, DataTable } from "../ui/DataTable";
import { Skeleton } from "../ui/Skeleton";
import { EmptyState } from "../ui/States";
import { sparklineParams, TOP_SUBNETS } from "./params";

// Sparklines load after first paint: Recharts would otherwise be most of the home page's first-load JavaScript.
const Sparkline = dynamic(() => import("./Sparkline").then((m) => m.Sparkline), {
  ssr: false,
  loading: () => <Skeleton className="h-8 w-28" />,
});

export function TopSubnets({ className }: { className?: string }) {
  const q = useApiQuery("subnets", TOP_SUBNETS);
  const netuids = q.data?.data.map((s) => s.netuid) ?? [];
  const lines = useApiQuery("sparklines", sparklineParams(netuids), { enabled: netuids.length > 0 });
  const series = lines.data?.data;
  const linesPending = lines.isPending;
  const columns = useMemo<Column<SubnetDto>[]>(
    () => [
      {
        key: "subnet",
        header: "Subnet",
        cell: (s) => (
          <Link href={`/subnets/${s.netuid}`} className="hover:underline">
            <SubnetName s={s} />
          </Link>
        ),
      },
      {
        key: "price",
        header: "Price",
        align: "right",
        cell: (s) => (
          <span className="whitespace-nowrap">
            <Amount value={s.price} unit="tao" compact />
            <span className="text-zinc-500">/α</span>
          </span>
        ),
      },
      { key: "change", header: "24h", align: "right", cell: (s) => <Change value={s.price_change_24h} /> },
      {
        key: "market_cap",
        header: "Market cap",
        align: "right",
        hideOnMobile: true,
        cell: (s) => <Amount value={s.market_cap} compact />,
      },
      {
        key: "spark",
        header: "7d",
        align: "right",
        cell: (s) => {
          const pts: SparklinePointDto[] | undefined = series?.[String(s.netuid)];
          if (pts) return <Sparkline points={pts} label={`Subnet ${s.netuid} price, last 7 days`} />;
          return linesPending ? (
            <Skeleton className="ml-auto h-6 w-24" />
          ) : (
            <span className="text-zinc-400">—</span>
          );
        },
      },
    ],
    [series, linesPending],
  );
  return (
    <Panel
      title="Top subnets"
      id="top-subnets"
      className={className}
      actions={
        <Link href="/subnets" className="text-brand-600 hover:underline">
          All subnets
        </Link>
      }
    >
      <DataTable
        label="Top subnets by market cap"
        testId="top-subnets"
        columns={columns}
        rows={q.data?.data}
        rowKey={(s) => String(s.netuid)}
        rowHref={(s) => `/subnets/${s.netuid}`}
        isPending={q.isPending}
        error={q.error}
        onRetry={() => void q.refetch()}
        empty={
          <EmptyState title="No subnets indexed yet">Pool snapshots appear as the indexer runs.</EmptyState>
        }
        skeletonRows={10}
      />
    </Panel>
  );
}
