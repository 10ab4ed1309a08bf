"use client";
// Price candles (OHLC per UTC hour/day from /api/v1/subnets/{netuid}/candles) with volume bars under them, drawn
// with Recharts' ComposedChart and a custom bar shape: the bar spans low..high (the wick) and the shape draws the
// open..close body inside it. Amounts become JS numbers only here, at the chart boundary.
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { CandleDto } from "../../lib/api/v1/subnet-schemas";
import { Skeleton } from "../ui/Skeleton";
import { EmptyState, ErrorState } from "../ui/States";
import { candleQuery, type Range, toTao } from "./ranges";

export interface CandlePoint {
  t: number;
  label: string;
  open: number;
  high: number;
  low: number;
  close: number;
  /** low..high: the bar Recharts sizes, the candle is drawn inside it. */
  range: [number, number];
  volume: number | null;
}

export function candlePoints(data: CandleDto[] | undefined, frequency: "hour" | "day"): CandlePoint[] {
  return (data ?? []).map((c) => {
    const t = Date.parse(c.timestamp);
    const low = toTao(c.low) ?? 0;
    const high = toTao(c.high) ?? 0;
    const iso = new Date(t).toISOString();
    return {
      t,
      label: frequency === "day" ? iso.slice(5, 10) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`,
      open: toTao(c.open) ?? 0,
      high,
      low,
      close: toTao(c.close) ?? 0,
      range: [low, high],
      volume: toTao(c.volume),
    };
  });
}

interface ShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  payload?: CandlePoint;
}

/** One candle inside the low..high bar box: wick over the whole box, body between open and close. */
function Candle({ x = 0, y = 0, width = 0, height = 0, payload: p }: ShapeProps) {
  if (!p) return <g />;
  const span = p.high - p.low;
  const yOf = (v: number) => (span > 0 ? y + ((p.high - v) / span) * height : y + height / 2);
  const up = p.close >= p.open;
  const color = up ? "#16a34a" : "#dc2626";
  const top = yOf(Math.max(p.open, p.close));
  const bottom = yOf(Math.min(p.open, p.close));
  const cx = x + width / 2;
  const bodyWidth = Math.max(1, width * 0.7);
  return (
    <g data-testid="candle" data-direction={up ? "up" : "down"}>
      <line x1={cx} x2={cx} y1={y} y2={y + height} stroke={color} strokeWidth={1} />
      <rect
        x={cx - bodyWidth / 2}
        y={top}
        width={bodyWidth}
        height={Math.max(1, bottom - top)}
        fill={color}
      />
    </g>
  );
}

const num = (v: number) =>
  v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : v.toPrecision(4);

function CandleTooltip({ active, payload }: TooltipContentProps<ValueType, NameType>) {
  const p = active ? (payload?.[0]?.payload as CandlePoint | undefined) : undefined;
  if (!p) return null;
  const f = (v: number) => v.toPrecision(6);
  return (
    <div className="rounded border border-zinc-200 bg-white p-2 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <div className="font-medium">{new Date(p.t).toISOString().replace("T", " ").slice(0, 16)} UTC</div>
      <div>
        O {f(p.open)} H {f(p.high)} L {f(p.low)} C {f(p.close)} τ
      </div>
      <div>Volume {p.volume === null ? "—" : `${num(p.volume)} τ`}</div>
    </div>
  );
}

export function CandleChart({
  netuid,
  range,
  headIso,
}: {
  netuid: number;
  range: Range;
  headIso: string | null;
}) {
  const params = { netuid, ...candleQuery(range, headIso) };
  const q = useApiQuery("subnetCandles", params, { keepPrevious: true });
  if (q.isPending) return <Skeleton className="m-4 h-64" />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const pts = candlePoints(q.data?.data, params.frequency);
  if (pts.length === 0)
    return <EmptyState title="No candles yet">No priced snapshot in this range.</EmptyState>;
  const maxVolume = Math.max(0, ...pts.map((p) => p.volume ?? 0));
  // Bars would pull the price axis down to zero: the domain is the candles' own span, padded.
  const lo = Math.min(...pts.map((p) => p.low));
  const hi = Math.max(...pts.map((p) => p.high));
  const pad = hi > lo ? (hi - lo) * 0.05 : Math.max(hi * 0.01, 1e-9);
  return (
    <div
      className="h-64 px-2 py-3"
      data-testid="candle-chart"
      data-points={pts.length}
      data-frequency={params.frequency}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={pts} margin={{ left: 8, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
          <XAxis dataKey="label" fontSize={11} minTickGap={16} />
          {/* A hidden second category axis so the volume bars overlay the candles instead of sitting beside them. */}
          <XAxis xAxisId="volume" dataKey="label" hide />
          <YAxis
            yAxisId="price"
            domain={[Math.max(0, lo - pad), hi + pad]}
            tickFormatter={num}
            fontSize={11}
            width={56}
          />
          {/* Volume uses the bottom quarter: its axis runs to 4× the largest bar. */}
          <YAxis yAxisId="volume" hide domain={[0, maxVolume > 0 ? maxVolume * 4 : 1]} />
          <Tooltip content={CandleTooltip} />
          <Bar
            xAxisId="volume"
            yAxisId="volume"
            dataKey="volume"
            fill="#a1a1aa"
            fillOpacity={0.5}
            maxBarSize={24}
            isAnimationActive={false}
          />
          <Bar
            yAxisId="price"
            dataKey="range"
            minPointSize={1}
            maxBarSize={24}
            isAnimationActive={false}
            shape={(props: unknown) => <Candle {...(props as ShapeProps)} />}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
