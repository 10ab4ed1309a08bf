"use client";
// Emission history of one subnet (/api/v1/subnets/{netuid}/emission) continued by the engine's projection
// (/api/v1/engine/projection, dashed). Both are shown per block on a block-number axis: history points are a
// bucket's sum divided by its stored snapshots, projected points the growth of the cumulative projected amount
// between two path samples divided by the blocks between them. Numbers only at this chart boundary.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SubnetSeriesParams } from "../../lib/api/resources";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { ProjectionDto } from "../../lib/api/v1/engine-schemas";
import type { EmissionPointDto } from "../../lib/api/v1/subnet-schemas";
import { Skeleton } from "../ui/Skeleton";
import { EmptyState, ErrorState } from "../ui/States";
import { type Range, seriesQuery, toTao } from "./ranges";

/** Blocks the page projects: the projection simulates every block of every subnet, so the page keeps it short. */
export const PAGE_PROJECTION_BLOCKS = 300;

export interface EmissionChartPoint {
  block: number;
  tao?: number | null;
  alpha?: number | null;
  taoProjected?: number | null;
  alphaProjected?: number | null;
}

function perBlock(sum: string | null, n: number): number | null {
  const v = toTao(sum);
  return v === null || n <= 0 ? null : v / n;
}

/** History points, then the projection starting from the last history point so the dashed line continues it. */
export function emissionPoints(
  history: EmissionPointDto[] | undefined,
  projection: ProjectionDto["subnets"][number] | undefined,
  startBlock: number | undefined,
): EmissionChartPoint[] {
  const pts: EmissionChartPoint[] = (history ?? []).map((h) => ({
    block: h.last_block,
    tao: perBlock(h.tao_in_emission, h.snapshots),
    alpha: perBlock(h.alpha_out_emission, h.snapshots),
  }));
  if (!projection || startBlock === undefined || projection.path.length === 0) return pts;
  const last = pts.at(-1);
  if (last) {
    last.taoProjected = last.tao;
    last.alphaProjected = last.alpha;
  }
  let prev = { block: startBlock, tao: 0n, alpha: 0n };
  for (const p of projection.path) {
    const n = p.block - prev.block;
    const tao = BigInt(p.tao_injected);
    const alpha = BigInt(p.alpha_out);
    if (n > 0)
      pts.push({
        block: p.block,
        taoProjected: perBlock((tao - prev.tao).toString(), n),
        alphaProjected: perBlock((alpha - prev.alpha).toString(), n),
      });
    prev = { block: p.block, tao, alpha };
  }
  return pts;
}

function useEmissionHistory(netuid: number, range: Range, headIso: string | null) {
  const coarseParams: SubnetSeriesParams = { netuid, ...seriesQuery(range, headIso, true) };
  const coarse = useApiQuery("subnetEmission", coarseParams, { keepPrevious: true });
  const sparse =
    coarse.data !== undefined && coarse.data.data.length < 2 && coarseParams.frequency !== "block";
  const fineParams: SubnetSeriesParams = { netuid, ...seriesQuery(range, headIso, false) };
  const fine = useApiQuery("subnetEmission", fineParams, { keepPrevious: true, enabled: sparse });
  return sparse ? fine : coarse;
}

const num = (v: number) =>
  v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : v.toPrecision(3);

const NAMES: Record<string, string> = {
  tao: "TAO injected / block",
  taoProjected: "TAO injected / block (projected)",
  alpha: "α out / block",
  alphaProjected: "α out / block (projected)",
};

export function EmissionChart({
  netuid,
  range,
  headIso,
}: {
  netuid: number;
  range: Range;
  headIso: string | null;
}) {
  const history = useEmissionHistory(netuid, range, headIso);
  const projection = useApiQuery("projection", { netuid, blocks: PAGE_PROJECTION_BLOCKS });
  if (history.isPending) return <Skeleton className="m-4 h-72" />;
  if (history.error) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const projected = projection.data?.subnets.find((s) => s.netuid === netuid);
  const pts = emissionPoints(history.data?.data, projected, projection.data?.block);
  if (pts.length < 2)
    return (
      <EmptyState title="Not enough history yet">
        The chart needs two stored snapshots in this range.
      </EmptyState>
    );
  return (
    <div>
      <div
        className="h-64 px-2 py-3"
        data-testid="emission-chart"
        data-points={pts.length}
        data-projected={pts.filter((p) => p.taoProjected !== undefined).length}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={pts} margin={{ left: 8, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
            <XAxis
              dataKey="block"
              type="number"
              domain={["dataMin", "dataMax"]}
              tickFormatter={(b) => `#${b}`}
              fontSize={11}
            />
            <YAxis yAxisId="tao" domain={[0, "auto"]} tickFormatter={num} fontSize={11} width={56} />
            <YAxis
              yAxisId="alpha"
              orientation="right"
              domain={[0, "auto"]}
              tickFormatter={num}
              fontSize={11}
              width={56}
            />
            <Tooltip
              labelFormatter={(b) => `block ${b}`}
              formatter={(v, name) => [
                `${Number(v).toPrecision(6)} ${String(name).startsWith("tao") ? "τ" : "α"}`,
                NAMES[String(name)] ?? String(name),
              ]}
            />
            <Legend
              formatter={(name) => NAMES[String(name)] ?? String(name)}
              wrapperStyle={{ fontSize: 11 }}
            />
            <Line yAxisId="tao" dataKey="tao" stroke="#16a34a" dot={false} isAnimationActive={false} />
            <Line
              yAxisId="tao"
              dataKey="taoProjected"
              stroke="#16a34a"
              strokeDasharray="5 4"
              dot={false}
              isAnimationActive={false}
              className="projection-series"
            />
            <Line yAxisId="alpha" dataKey="alpha" stroke="#d97706" dot={false} isAnimationActive={false} />
            <Line
              yAxisId="alpha"
              dataKey="alphaProjected"
              stroke="#d97706"
              strokeDasharray="5 4"
              dot={false}
              isAnimationActive={false}
              className="projection-series"
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div className="px-4 pb-3 text-xs text-zinc-500 dark:text-zinc-400" data-testid="projection-note">
        {projection.isPending ? (
          "Projecting the next blocks…"
        ) : projection.error ? (
          `Projection unavailable: ${projection.error.message}`
        ) : projected && projection.data ? (
          <details>
            <summary className="cursor-pointer">
              Dashed: engine projection of the next {projection.data.blocks} blocks from block{" "}
              {projection.data.block} (no trading) — {num(toTao(projected.tao_injected) ?? 0)} τ injected,{" "}
              {num(toTao(projected.alpha_out) ?? 0)} α out. Method
            </summary>
            <p className="mt-1" data-testid="projection-method">
              {projection.data.method}
            </p>
          </details>
        ) : (
          "No projection for this subnet (it has no pool in the newest snapshot)."
        )}
      </div>
    </div>
  );
}
