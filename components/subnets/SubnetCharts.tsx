"use client";
// Price (line or candles), pool-reserve and emission charts of one subnet, fed by /api/v1/subnets/{netuid}/pool,
// /candles, /emission and /engine/projection through the resource registry. Amounts become JS numbers only at
// the chart boundary.
import { useState } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SubnetSeriesParams } from "../../lib/api/resources";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { PoolPointDto } from "../../lib/api/v1/subnet-schemas";
import { Panel } from "../ui/Card";
import { Skeleton } from "../ui/Skeleton";
import { EmptyState, ErrorState } from "../ui/States";
import { ToggleGroup } from "../ui/ToggleGroup";
import { CandleChart } from "./CandleChart";
import { EmissionChart } from "./EmissionChart";
import { RANGES, type Range, seriesQuery, toTao } from "./ranges";

function usePoolSeries(netuid: number, range: Range, headIso: string | null) {
  const coarseParams: SubnetSeriesParams = { netuid, ...seriesQuery(range, headIso, true) };
  const coarse = useApiQuery("subnetPool", coarseParams, { keepPrevious: true });
  const sparse =
    coarse.data !== undefined && coarse.data.data.length < 2 && coarseParams.frequency !== "block";
  const fineParams: SubnetSeriesParams = { netuid, ...seriesQuery(range, headIso, false) };
  const fine = useApiQuery("subnetPool", fineParams, { keepPrevious: true, enabled: sparse });
  return sparse ? fine : coarse;
}

interface Point {
  t: number;
  block: number;
  price: number | null;
  tao: number | null;
  alpha: number | null;
}

function points(data: PoolPointDto[] | undefined): Point[] {
  return (data ?? [])
    .filter((p) => p.timestamp !== null)
    .map((p) => ({
      t: Date.parse(p.timestamp!),
      block: p.block_number,
      price: toTao(p.price),
      tao: toTao(p.tao_in),
      alpha: toTao(p.alpha_in),
    }));
}

const tick = (t: number, span: number) => {
  const d = new Date(t);
  return span > 2 * 86_400_000 ? d.toISOString().slice(5, 10) : d.toISOString().slice(11, 16);
};
const num = (v: number) =>
  v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : v.toPrecision(4);

function RangeTabs({ range, onChange }: { range: Range; onChange: (r: Range) => void }) {
  return (
    <ToggleGroup
      label="Range"
      options={RANGES.map((r) => [r, r] as const)}
      value={range}
      onChange={onChange}
    />
  );
}

type PriceMode = "line" | "candles";

const MODES = [
  ["line", "Line"],
  ["candles", "Candles"],
] as const;

function ModeTabs({ mode, onChange }: { mode: PriceMode; onChange: (m: PriceMode) => void }) {
  return <ToggleGroup label="Chart type" options={MODES} value={mode} onChange={onChange} accent />;
}

function ChartBody({
  q,
  children,
  testId,
}: {
  q: ReturnType<typeof usePoolSeries>;
  children: (pts: Point[]) => React.ReactElement;
  testId: string;
}) {
  if (q.isPending) return <Skeleton className="m-4 h-64" />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const pts = points(q.data?.data);
  if (pts.length < 2)
    return (
      <EmptyState title="Not enough history yet">
        The chart needs two stored snapshots in this range.
      </EmptyState>
    );
  return (
    <div className="h-64 px-2 py-3" data-testid={testId} data-points={pts.length}>
      <ResponsiveContainer width="100%" height="100%">
        {children(pts)}
      </ResponsiveContainer>
    </div>
  );
}

export function SubnetCharts({ netuid, headIso }: { netuid: number; headIso: string | null }) {
  const [range, setRange] = useState<Range>("1D");
  const [mode, setMode] = useState<PriceMode>("line");
  const q = usePoolSeries(netuid, range, headIso);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Panel
        title="Price (τ per α)"
        id="price-chart-title"
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <ModeTabs mode={mode} onChange={setMode} />
            <RangeTabs range={range} onChange={setRange} />
          </div>
        }
      >
        {mode === "candles" ? (
          <CandleChart netuid={netuid} range={range} headIso={headIso} />
        ) : (
          <ChartBody q={q} testId="price-chart">
            {(pts) => {
              const span = pts.at(-1)!.t - pts[0]!.t;
              return (
                <LineChart data={pts} margin={{ left: 8, right: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
                  <XAxis
                    dataKey="t"
                    type="number"
                    domain={["dataMin", "dataMax"]}
                    tickFormatter={(t) => tick(t, span)}
                    fontSize={11}
                  />
                  <YAxis domain={["auto", "auto"]} tickFormatter={num} fontSize={11} width={56} />
                  <Tooltip
                    labelFormatter={(t) => new Date(Number(t)).toISOString().replace("T", " ").slice(0, 19)}
                    formatter={(v) => [`${Number(v).toPrecision(6)} τ`, "price"]}
                  />
                  <Line
                    type="monotone"
                    dataKey="price"
                    stroke="#2563eb"
                    dot={false}
                    isAnimationActive={false}
                  />
                </LineChart>
              );
            }}
          </ChartBody>
        )}
      </Panel>
      <Panel title="Pool reserves" id="pool-chart-title">
        <ChartBody q={q} testId="pool-chart">
          {(pts) => {
            const span = pts.at(-1)!.t - pts[0]!.t;
            return (
              <LineChart data={pts} margin={{ left: 8, right: 8 }}>
                <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
                <XAxis
                  dataKey="t"
                  type="number"
                  domain={["dataMin", "dataMax"]}
                  tickFormatter={(t) => tick(t, span)}
                  fontSize={11}
                />
                <YAxis yAxisId="tao" domain={["auto", "auto"]} tickFormatter={num} fontSize={11} width={56} />
                <YAxis
                  yAxisId="alpha"
                  orientation="right"
                  domain={["auto", "auto"]}
                  tickFormatter={num}
                  fontSize={11}
                  width={56}
                />
                <Tooltip
                  labelFormatter={(t) => new Date(Number(t)).toISOString().replace("T", " ").slice(0, 19)}
                  formatter={(v, name) => [
                    `${num(Number(v))} ${name === "tao" ? "τ" : "α"}`,
                    name === "tao" ? "TAO in" : "α in",
                  ]}
                />
                <Line
                  yAxisId="tao"
                  type="monotone"
                  dataKey="tao"
                  stroke="#16a34a"
                  dot={false}
                  isAnimationActive={false}
                />
                <Line
                  yAxisId="alpha"
                  type="monotone"
                  dataKey="alpha"
                  stroke="#d97706"
                  dot={false}
                  isAnimationActive={false}
                />
              </LineChart>
            );
          }}
        </ChartBody>
      </Panel>
      <Panel title="Emission (per block)" id="emission-chart-title" className="lg:col-span-2">
        <EmissionChart netuid={netuid} range={range} headIso={headIso} />
      </Panel>
    </div>
  );
}
