"use client";
// Daily recycle chart (Recharts) and its table, from /api/v1/recycle through the resource registry. Amounts
// stay exact strings in the table; only the chart converts them to numbers (lib/units toChartNumber).
import dynamic from "next/dynamic";
import { Amount } from "../../../components/ui/Amount";
import { type Column, DataTable } from "../../../components/ui/DataTable";
import { EmptyState } from "../../../components/ui/States";
import type { RecycleParams } from "../../../lib/api/resources";
import { useApiQuery } from "../../../lib/api/use-api-query";
import type { RecyclePeriodDto } from "../../../lib/api/v1/schemas";
import { formatInteger } from "../../../lib/format/numbers";
import { toChartNumber } from "../../../lib/units";
import type { RecycleChartPoint } from "./RecycleCharts";

// Recharts loads after first paint (the table is the page's content).
const RecycleCharts = dynamic(() => import("./RecycleCharts").then((m) => m.RecycleCharts), {
  ssr: false,
  loading: () => <div className="h-72 rounded-lg border border-zinc-200 dark:border-zinc-800" />,
});

const columns: Column<RecyclePeriodDto>[] = [
  { key: "period", header: "Day (UTC)", cell: (p) => <span className="font-mono">{p.period}</span> },
  {
    key: "regs",
    header: "Neuron registrations",
    cell: (p) => formatInteger(p.neuron_registrations),
    align: "right",
  },
  { key: "recycled", header: "TAO recycled", cell: (p) => <Amount value={p.recycled_tao} />, align: "right" },
  {
    key: "network",
    hideOnMobile: true,
    header: "Subnet registrations (τ)",
    cell: (p) => (
      <span>
        {formatInteger(p.network_registrations)} · <Amount value={p.network_registration_tao} compact />
      </span>
    ),
    align: "right",
  },
  {
    key: "burned",
    header: "Alpha burned",
    cell: (p) => <Amount value={p.alpha_burned} unit="alpha" compact />,
    align: "right",
  },
  {
    key: "alpha_recycled",
    header: "Alpha recycled",
    cell: (p) => <Amount value={p.alpha_recycled} unit="alpha" compact />,
    align: "right",
  },
];

export function RecycleView({ params }: { params: RecycleParams }) {
  const q = useApiQuery("recycle", params, { keepPrevious: true });
  const rows = q.data?.data;
  // The API answers newest first; the chart reads left to right in time.
  // The running total is summed exactly (bigint) over the shown days, oldest first.
  let running = 0n;
  const chart: RecycleChartPoint[] = [...(rows ?? [])].reverse().map((p) => {
    running += BigInt(p.recycled_tao) + BigInt(p.network_registration_tao);
    return {
      day: p.period,
      recycled: toChartNumber(BigInt(p.recycled_tao)),
      network: toChartNumber(BigInt(p.network_registration_tao)),
      cumulative: toChartNumber(running),
      burned: toChartNumber(BigInt(p.alpha_burned)),
      alphaRecycled: toChartNumber(BigInt(p.alpha_recycled)),
    };
  });
  return (
    <div className="space-y-4">
      <RecycleCharts chart={chart} netuid={params.netuid} pending={q.isPending} />
      <section className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <DataTable
          label="Recycle per day"
          testId="recycle-table"
          columns={columns}
          rows={rows}
          rowKey={(p) => p.period}
          isPending={q.isPending}
          error={q.error}
          onRetry={() => void q.refetch()}
          empty={<EmptyState title="Nothing recycled or burned yet" />}
          skeletonRows={10}
        />
      </section>
    </div>
  );
}
