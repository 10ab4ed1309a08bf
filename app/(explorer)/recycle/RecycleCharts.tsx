"use client";
// The recycle page's charts: TAO recycled per day (neuron and subnet registrations) with the running total, and
// for one subnet its alpha burned and recycled per day. Numbers arrive converted for the axes (lib/units).
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

export interface RecycleChartPoint {
  day: string;
  recycled: number;
  network: number;
  cumulative: number;
  burned: number;
  alphaRecycled: number;
}

export function RecycleCharts({
  chart,
  netuid,
  pending,
}: {
  chart: RecycleChartPoint[];
  netuid: number | undefined;
  pending: boolean;
}) {
  return (
    <>
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
            {pending ? "Loading…" : "No registrations or burns in this range yet."}
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
      {netuid !== undefined && chart.length > 0 ? (
        <section
          className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
          aria-label="Alpha burned and recycled per day"
          data-testid="alpha-burn-chart"
        >
          <h2 className="mb-2 text-sm font-medium text-zinc-500">
            Alpha burned and recycled per day (subnet {netuid})
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
    </>
  );
}
