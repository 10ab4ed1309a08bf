"use client";
// Holder concentration over time (holders, top-10 share and Gini per holder scan) and the distribution of the
// current top holders' shares, network-wide (/holders) or for one subnet.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useApiQuery } from "../../lib/api/use-api-query";
import { Panel } from "../ui/Card";
import { Skeleton } from "../ui/Skeleton";
import { EmptyState, ErrorState } from "../ui/States";

/** An exact decimal fraction ("0.123…") as a percentage number for the chart axis. */
const pct = (v: string | null) => (v === null ? null : Number(v) * 100);

export function ConcentrationChart({ netuid }: { netuid?: number }) {
  const q = useApiQuery("holderStats", { netuid, limit: 500 });
  // Newest first on the wire; the chart reads left to right in time.
  const points = [...(q.data?.data ?? [])].reverse().map((s) => ({
    block: s.block_number,
    holders: s.holders,
    top10: pct(s.top10_share),
    gini: pct(s.gini),
  }));
  return (
    <Panel title="Concentration over time" id={`concentration-${netuid ?? "network"}`}>
      {q.isPending ? (
        <Skeleton className="m-4 h-48" />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : points.length === 0 ? (
        <EmptyState title="No holder scan yet" />
      ) : (
        <div className="h-56 px-2 py-3" data-testid="concentration-chart" data-points={points.length}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} margin={{ left: 8, right: 8 }}>
              <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
              <XAxis
                dataKey="block"
                type="number"
                domain={["dataMin", "dataMax"]}
                tickFormatter={(b) => `#${b}`}
                fontSize={11}
                minTickGap={24}
              />
              <YAxis yAxisId="pct" fontSize={11} width={40} domain={[0, 100]} unit="%" />
              <YAxis yAxisId="n" orientation="right" fontSize={11} width={48} allowDecimals={false} />
              <Tooltip
                labelFormatter={(b) => `scan at block #${b}`}
                formatter={(v, name) =>
                  name === "Holders" ? [String(v), name] : [`${Number(v).toFixed(2)}%`, name]
                }
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Line
                yAxisId="pct"
                dataKey="top10"
                name="Top-10 share"
                stroke="#2563eb"
                dot={points.length < 3}
                isAnimationActive={false}
              />
              <Line
                yAxisId="pct"
                dataKey="gini"
                name="Gini"
                stroke="#f59e0b"
                dot={points.length < 3}
                isAnimationActive={false}
              />
              <Line
                yAxisId="n"
                dataKey="holders"
                name="Holders"
                stroke="#10b981"
                dot={points.length < 3}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </Panel>
  );
}

/**
 * The largest holders as bars (rank on the axis): their share of the subnet's total, or their total in τ on the
 * network-wide list. Values are display numbers (the page's table has the exact amounts).
 */
export function DistributionChart({
  bars,
  unit,
  title,
}: {
  bars: { label: string; value: number | null }[];
  unit: "%" | "τ";
  title: string;
}) {
  const points = bars.map((b, i) => ({ rank: i + 1, label: b.label, value: b.value }));
  return (
    <Panel title={title} id="holder-distribution">
      {points.length === 0 ? (
        <EmptyState title="No holders" />
      ) : (
        <div className="h-56 px-2 py-3" data-testid="distribution-chart" data-points={points.length}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={points} margin={{ left: 8, right: 8 }}>
              <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
              <XAxis dataKey="rank" fontSize={11} />
              <YAxis
                fontSize={11}
                width={56}
                tickFormatter={(v) => `${Number(v).toPrecision(3)}${unit === "%" ? "%" : ""}`}
              />
              <Tooltip
                labelFormatter={(_, items) =>
                  `#${items?.[0]?.payload?.rank} ${items?.[0]?.payload?.label ?? ""}`
                }
                formatter={(v) => [
                  unit === "%" ? `${Number(v).toFixed(4)}%` : `${Number(v).toPrecision(9)} τ`,
                  unit === "%" ? "share" : "total",
                ]}
              />
              <Bar dataKey="value" fill="#8b5cf6" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </Panel>
  );
}
