"use client";
// Daily recycle chart (Recharts) and its table, from /api/v1/recycle through the resource registry. Amounts
// stay exact strings in the table; only the chart converts them to numbers (lib/units toChartNumber).
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { Amount } from "../../../components/ui/Amount";
import { type Column, DataTable } from "../../../components/ui/DataTable";
import { EmptyState } from "../../../components/ui/States";
import type { RecycleParams } from "../../../lib/api/resources";
import { useApiQuery } from "../../../lib/api/use-api-query";
import type { RecyclePeriodDto } from "../../../lib/api/v1/schemas";
import { formatInteger } from "../../../lib/format/numbers";
import { toChartNumber } from "../../../lib/units";

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
  const chart = [...(rows ?? [])].reverse().map((p) => {
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
      <section
        className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
        aria-label="TAO recycled per day"
        data-testid="recycle-chart"
      >
        <h2 className="mb-2 text-sm font-medium text-zinc-500">
          TAO recycled per day (neuron registrations)
        </h2>
        {chart.length === 0 ? (
          <div className="flex h-64 items-center justify-center text-sm text-zinc-500">
            {q.isPending ? "Loading…" : "No registrations or burns in this range yet."}
          </div>
        ) : (
          <div className="h-64">
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={chart} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
                <XAxis dataKey="day" fontSize={12} />
                <YAxis yAxisId="day" fontSize={12} tickFormatter={(v: number) => `${v} τ`} />
                <YAxis
                  yAxisId="sum"
                  orientation="right"
                  fontSize={12}
                  tickFormatter={(v: number) => `${v} τ`}
                />
                <Tooltip formatter={(v) => `${Number(v).toLocaleString("en-US")} τ`} />
                <Legend />
                <Bar
                  yAxisId="day"
                  dataKey="recycled"
                  name="Neuron registrations"
                  fill="#0ea5e9"
                  stackId="tao"
                />
                <Bar
                  yAxisId="day"
                  dataKey="network"
                  name="Subnet registrations"
                  fill="#a855f7"
                  stackId="tao"
                />
                <Line
                  yAxisId="sum"
                  dataKey="cumulative"
                  name="Cumulative (shown days)"
                  stroke="#f59e0b"
                  dot={chart.length < 3}
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
        )}
      </section>
      {params.netuid !== undefined && chart.length > 0 ? (
        <section
          className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
          aria-label="Alpha burned and recycled per day"
          data-testid="alpha-burn-chart"
        >
          <h2 className="mb-2 text-sm font-medium text-zinc-500">
            Alpha burned and recycled per day (subnet {params.netuid})
          </h2>
          <div className="h-56">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={chart} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
                <XAxis dataKey="day" fontSize={12} />
                <YAxis fontSize={12} tickFormatter={(v: number) => `${v} α`} />
                <Tooltip formatter={(v) => `${Number(v).toLocaleString("en-US")} α`} />
                <Legend />
                <Bar dataKey="burned" name="Burned" fill="#ef4444" />
                <Bar dataKey="alphaRecycled" name="Recycled" fill="#f59e0b" />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </section>
      ) : null}
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
