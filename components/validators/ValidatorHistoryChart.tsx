"use client";
// A validator's staked TAO value and nominator count at each holder scan (/api/v1/validators/{hotkey}/history).
import { useState } from "react";
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useApiQuery } from "../../lib/api/use-api-query";
import { toChartNumber } from "../../lib/units";
import { Panel } from "../ui/Card";
import { Skeleton } from "../ui/Skeleton";
import { EmptyState, ErrorState } from "../ui/States";
import { ToggleGroup } from "../ui/ToggleGroup";

type Frequency = "block" | "hour" | "day";

export function ValidatorHistoryChart({ hotkey }: { hotkey: string }) {
  const [frequency, setFrequency] = useState<Frequency>("block");
  const q = useApiQuery("validatorHistory", { hotkey, frequency, limit: 1000 }, { keepPrevious: true });
  const points = (q.data?.data ?? []).map((p) => ({
    block: p.block_number,
    time: p.timestamp,
    stake: toChartNumber(BigInt(p.stake)),
    nominators: p.nominators,
  }));
  return (
    <Panel
      title="Stake and nominators"
      id="validator-history-title"
      actions={
        <ToggleGroup
          label="Sampling"
          options={[
            ["block", "Scans"],
            ["hour", "Hourly"],
            ["day", "Daily"],
          ]}
          value={frequency}
          onChange={setFrequency}
        />
      }
    >
      {q.isPending ? (
        <Skeleton className="m-4 h-56" />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : points.length === 0 ? (
        <EmptyState title="No holder scan indexed yet">
          Stake and nominators are recorded at each holder scan.
        </EmptyState>
      ) : (
        <div className="h-56 px-2 py-3" data-testid="validator-history-chart" data-points={points.length}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={points} margin={{ left: 8, right: 8 }}>
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
                yAxisId="stake"
                fontSize={11}
                width={64}
                tickFormatter={(v) => Number(v).toPrecision(4)}
              />
              <YAxis yAxisId="n" orientation="right" fontSize={11} width={40} allowDecimals={false} />
              <Tooltip
                labelFormatter={(b, items) => {
                  const t = items?.[0]?.payload?.time as string | null | undefined;
                  return `block #${b}${t ? ` · ${t.slice(0, 19).replace("T", " ")} UTC` : ""}`;
                }}
                formatter={(v, name) =>
                  name === "Nominators" ? [String(v), name] : [`${Number(v).toPrecision(9)} τ`, name]
                }
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Line
                yAxisId="stake"
                type="stepAfter"
                dataKey="stake"
                name="Stake (TAO value)"
                stroke="#10b981"
                dot={points.length < 3}
                isAnimationActive={false}
              />
              <Line
                yAxisId="n"
                type="stepAfter"
                dataKey="nominators"
                name="Nominators"
                stroke="#8b5cf6"
                dot={points.length < 3}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
    </Panel>
  );
}
