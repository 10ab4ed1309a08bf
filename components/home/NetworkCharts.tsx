"use client";
// Network history on the home page (/api/v1/stats/history): issuance against stake, the sum of subnet alpha prices
// and the TAO held in subnet pools, sampled per snapshot, hour or day.
import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { NetworkPointDto } from "../../lib/api/v1/schemas";
import { toChartNumber } from "../../lib/units";
import { Panel } from "../ui/Card";
import { Skeleton } from "../ui/Skeleton";
import { EmptyState, ErrorState } from "../ui/States";
import { ToggleGroup } from "../ui/ToggleGroup";

type Frequency = "block" | "hour" | "day";
type Series = { key: string; name: string; color: string; value: (p: NetworkPointDto) => string | null };

const tao = (v: string | null) => (v === null ? null : toChartNumber(BigInt(v)));

const CHARTS: { id: string; title: string; series: Series[] }[] = [
  {
    id: "issuance",
    title: "Issuance vs staked (τ)",
    series: [
      { key: "issuance", name: "Issuance", color: "#2563eb", value: (p) => p.issuance },
      { key: "staked", name: "Staked", color: "#10b981", value: (p) => p.staked },
    ],
  },
  {
    id: "prices",
    title: "Sum of alpha prices (τ)",
    series: [{ key: "prices", name: "Σ α price", color: "#8b5cf6", value: (p) => p.alpha_price_sum }],
  },
  {
    id: "pools",
    title: "TAO in pools (τ)",
    series: [{ key: "pools", name: "TAO in pools", color: "#f59e0b", value: (p) => p.tao_in_pools }],
  },
];

function NetworkChart({ points, series }: { points: NetworkPointDto[]; series: Series[] }) {
  const data = points.map((p) => ({
    block: p.block_number,
    time: p.timestamp,
    ...Object.fromEntries(series.map((s) => [s.key, tao(s.value(p))])),
  }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ left: 8, right: 8 }}>
        <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
        <XAxis
          dataKey="block"
          type="number"
          domain={["dataMin", "dataMax"]}
          tickFormatter={(b) => `#${b}`}
          fontSize={11}
          minTickGap={24}
        />
        <YAxis
          fontSize={11}
          width={64}
          domain={["auto", "auto"]}
          tickFormatter={(v) => Number(v).toPrecision(4)}
        />
        <Tooltip
          labelFormatter={(b, items) => {
            const t = items?.[0]?.payload?.time as string | null | undefined;
            return `block #${b}${t ? ` · ${t.slice(0, 19).replace("T", " ")} UTC` : ""}`;
          }}
          formatter={(v, name) => [`${Number(v).toPrecision(9)} τ`, name]}
        />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            dot={data.length < 3}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function NetworkCharts() {
  const [frequency, setFrequency] = useState<Frequency>("block");
  const q = useApiQuery("statsHistory", { frequency, limit: 1000 }, { keepPrevious: true });
  const points = q.data?.data ?? [];
  return (
    <Panel
      title="Network history"
      id="network-history"
      actions={
        <ToggleGroup
          label="Sampling"
          options={[
            ["block", "Snapshots"],
            ["hour", "Hourly"],
            ["day", "Daily"],
          ]}
          value={frequency}
          onChange={setFrequency}
        />
      }
    >
      {q.isPending ? (
        <Skeleton className="m-4 h-48" />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : points.length === 0 ? (
        <EmptyState title="No network snapshot indexed yet" />
      ) : (
        <div className="grid gap-2 p-2 lg:grid-cols-3">
          {CHARTS.map((c) => (
            <figure
              key={c.id}
              className="h-52"
              data-testid={`network-chart-${c.id}`}
              data-points={points.length}
            >
              <figcaption className="px-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">
                {c.title}
              </figcaption>
              <div className="h-44">
                <NetworkChart points={points} series={c.series} />
              </div>
            </figure>
          ))}
        </div>
      )}
    </Panel>
  );
}
