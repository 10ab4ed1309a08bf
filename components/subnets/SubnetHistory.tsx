"use client";
// A subnet's registration cost over time (per hour or day: average and range of what registrations paid) and
// its hyperparameter change history (each change with the value it replaced), from
// /api/v1/subnets/{netuid}/registrations/cost and /hyperparameters.
import { useState } from "react";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { HyperparameterChangeDto } from "../../lib/api/v1/subnet-history-schemas";
import { toChartNumber } from "../../lib/units";
import { Panel } from "../ui/Card";
import { type Column, DataTable } from "../ui/DataTable";
import { ExtrinsicLink } from "../ui/Links";
import { Skeleton } from "../ui/Skeleton";
import { EmptyState, ErrorState } from "../ui/States";
import { Time } from "../ui/Time";
import { ToggleGroup } from "../ui/ToggleGroup";

const amountTao = (v: string | null) => (v === null ? null : toChartNumber(BigInt(v)));

function json(v: unknown): string {
  if (v === null || v === undefined) return "—";
  return typeof v === "string" ? v : JSON.stringify(v);
}

function RegistrationCostChart({ netuid }: { netuid: number }) {
  const [frequency, setFrequency] = useState<"hour" | "day">("hour");
  const q = useApiQuery("subnetRegistrationCost", { netuid, frequency, limit: 500 }, { keepPrevious: true });
  // Periods as categories: a young subnet may have a single hour, which a time axis cannot place a bar on.
  const points = [...(q.data?.data ?? [])].reverse().map((p) => ({
    label:
      frequency === "hour" ? `${p.period.slice(5, 10)} ${p.period.slice(11, 16)}` : p.period.slice(0, 10),
    avg: amountTao(p.cost_avg),
    max: amountTao(p.cost_max),
    n: p.registrations,
  }));
  return (
    <Panel
      title="Registration cost (τ)"
      id="registration-cost-title"
      actions={
        <ToggleGroup
          label="Period"
          options={[
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
        <EmptyState title="No neuron registrations indexed on this subnet" />
      ) : (
        <div className="h-56 px-2 py-3" data-testid="registration-cost-chart" data-points={points.length}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={points} margin={{ left: 8, right: 8 }}>
              <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
              <XAxis dataKey="label" fontSize={11} minTickGap={16} />
              <YAxis
                yAxisId="cost"
                fontSize={11}
                width={56}
                tickFormatter={(v) => Number(v).toPrecision(3)}
              />
              <YAxis yAxisId="n" orientation="right" fontSize={11} width={32} allowDecimals={false} />
              <Tooltip
                labelFormatter={(l) => `${l} UTC`}
                formatter={(v, key) =>
                  key === "n"
                    ? [String(v), "registrations"]
                    : [`${Number(v).toPrecision(6)} τ`, key === "avg" ? "average cost" : "highest cost"]
                }
              />
              <Bar yAxisId="n" dataKey="n" fill="#a1a1aa" opacity={0.5} isAnimationActive={false} />
              <Line
                yAxisId="cost"
                dataKey="avg"
                stroke="#2563eb"
                dot={points.length < 3}
                isAnimationActive={false}
              />
              <Line
                yAxisId="cost"
                dataKey="max"
                stroke="#f59e0b"
                strokeDasharray="4 3"
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

const hyperColumns: Column<HyperparameterChangeDto>[] = [
  { key: "name", header: "Hyperparameter", cell: (h) => <span className="font-mono">{h.name}</span> },
  {
    key: "change",
    header: "Change",
    cell: (h) => (
      <span className="font-mono">
        <span className="text-zinc-500">{json(h.previous)}</span> → {json(h.value)}
      </span>
    ),
  },
  { key: "extrinsic", header: "Extrinsic", cell: (h) => <ExtrinsicLink id={h.extrinsic_id} /> },
  {
    key: "time",
    header: "Time",
    align: "right",
    hideOnMobile: true,
    cell: (h) => (h.timestamp ? <Time iso={h.timestamp} /> : "—"),
  },
];

function HyperparameterHistory({ netuid }: { netuid: number }) {
  const q = useApiQuery("subnetHyperparameters", { netuid, limit: 25 });
  return (
    <Panel title="Hyperparameter changes" id="hyperparameter-history-title">
      {q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <DataTable
          label="Hyperparameter changes"
          testId="hyperparameter-history"
          columns={hyperColumns}
          rows={q.data?.data}
          rowKey={(h) => `${h.extrinsic_id}/${h.call_index}`}
          empty={<EmptyState title="No hyperparameter change indexed for this subnet" />}
        />
      )}
    </Panel>
  );
}

/** Daily TAO recycled by the subnet's neuron registrations, and alpha burned/recycled on it (/api/v1/recycle). */
function RecycleChart({ netuid }: { netuid: number }) {
  const q = useApiQuery("recycle", { netuid, frequency: "day", limit: 90 });
  const points = [...(q.data?.data ?? [])].reverse().map((p) => ({
    day: p.period,
    recycled: amountTao(p.recycled_tao),
    burned: amountTao(p.alpha_burned),
    alphaRecycled: amountTao(p.alpha_recycled),
  }));
  return (
    <Panel title="Recycled and burned per day" id="subnet-recycle-title">
      {q.isPending ? (
        <Skeleton className="m-4 h-56" />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : points.length === 0 ? (
        <EmptyState title="Nothing recycled or burned on this subnet yet" />
      ) : (
        <div className="h-56 px-2 py-3" data-testid="subnet-recycle-chart" data-points={points.length}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={points} margin={{ left: 8, right: 8 }}>
              <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
              <XAxis dataKey="day" fontSize={11} minTickGap={16} />
              <YAxis yAxisId="tao" fontSize={11} width={56} tickFormatter={(v) => Number(v).toPrecision(3)} />
              <YAxis
                yAxisId="alpha"
                orientation="right"
                fontSize={11}
                width={56}
                tickFormatter={(v) => Number(v).toPrecision(3)}
              />
              <Tooltip
                labelFormatter={(l) => `${l} UTC`}
                formatter={(v, key) =>
                  key === "recycled"
                    ? [`${Number(v).toPrecision(6)} τ`, "TAO recycled (registrations)"]
                    : [`${Number(v).toPrecision(6)} α`, key === "burned" ? "alpha burned" : "alpha recycled"]
                }
              />
              <Bar yAxisId="tao" dataKey="recycled" fill="#2563eb" isAnimationActive={false} />
              <Bar yAxisId="alpha" dataKey="burned" fill="#ef4444" isAnimationActive={false} />
              <Bar yAxisId="alpha" dataKey="alphaRecycled" fill="#f59e0b" isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
    </Panel>
  );
}

export function SubnetHistory({ netuid }: { netuid: number }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <RegistrationCostChart netuid={netuid} />
      <HyperparameterHistory netuid={netuid} />
      <RecycleChart netuid={netuid} />
    </div>
  );
}
