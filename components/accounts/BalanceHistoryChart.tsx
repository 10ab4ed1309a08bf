"use client";
// An account's free, reserved and staked TAO over time (/api/v1/accounts/{address}/history), stacked: the top
// edge is the total. Staked is the TAO value at each holder scan; free and reserved are every change the indexer
// read.
import { useState } from "react";
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useApiQuery } from "../../lib/api/use-api-query";
import { toChartNumber } from "../../lib/units";
import { Panel } from "../ui/Card";
import { Skeleton } from "../ui/Skeleton";
import { EmptyState, ErrorState } from "../ui/States";
import { ToggleGroup } from "../ui/ToggleGroup";

type Frequency = "block" | "hour" | "day";

const SERIES = [
  { key: "free", name: "Free", color: "#2563eb" },
  { key: "reserved", name: "Reserved", color: "#f59e0b" },
  { key: "staked", name: "Staked (TAO value)", color: "#10b981" },
] as const;

export function BalanceHistoryChart({ address }: { address: string }) {
  const [frequency, setFrequency] = useState<Frequency>("block");
  const q = useApiQuery("accountHistory", { address, frequency, limit: 1000 }, { keepPrevious: true });
  const points = (q.data?.data ?? []).map((p) => ({
    block: p.block_number,
    time: p.timestamp,
    free: toChartNumber(BigInt(p.free)),
    reserved: toChartNumber(BigInt(p.reserved)),
    staked: p.staked === null ? null : toChartNumber(BigInt(p.staked)),
  }));
  return (
    <Panel
      title="Balance history (τ)"
      id="balance-history-title"
      actions={
        <ToggleGroup
          label="Sampling"
          options={[
            ["block", "Changes"],
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
        <EmptyState title="No balance history indexed for this account" />
      ) : (
        <div className="h-56 px-2 py-3" data-testid="balance-history-chart" data-points={points.length}>
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={points} margin={{ left: 8, right: 8 }}>
              <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
              <XAxis
                dataKey="block"
                type="number"
                domain={["dataMin", "dataMax"]}
                tickFormatter={(b) => `#${b}`}
                fontSize={11}
                minTickGap={24}
              />
              <YAxis fontSize={11} width={64} tickFormatter={(v) => Number(v).toPrecision(4)} />
              <Tooltip
                labelFormatter={(b, items) => {
                  const t = items?.[0]?.payload?.time as string | null | undefined;
                  return `block #${b}${t ? ` · ${t.slice(0, 19).replace("T", " ")} UTC` : ""}`;
                }}
                formatter={(v, name) => [`${Number(v).toPrecision(9)} τ`, name]}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {SERIES.map((s) => (
                <Area
                  key={s.key}
                  type="stepAfter"
                  dataKey={s.key}
                  name={s.name}
                  stackId="balance"
                  stroke={s.color}
                  fill={s.color}
                  fillOpacity={0.25}
                  dot={points.length < 3}
                  isAnimationActive={false}
                />
              ))}
            </AreaChart>
          </ResponsiveContainer>
        </div>
      )}
    </Panel>
  );
}
