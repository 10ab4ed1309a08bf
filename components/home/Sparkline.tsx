"use client";
// A tiny price line (no axes, no tooltip) for table cells. Prices arrive as rao-per-alpha digit strings and
// become numbers only here, at the chart boundary.
import { Line, LineChart, YAxis } from "recharts";
import type { SparklinePointDto } from "../../lib/api/schemas/sparklines";

export function Sparkline({
  points,
  label,
  width = 96,
  height = 28,
}: {
  points: readonly SparklinePointDto[];
  label: string;
  width?: number;
  height?: number;
}) {
  if (points.length < 2)
    return (
      <span className="inline-block text-xs text-zinc-400" style={{ width }}>
        —
      </span>
    );
  const data = points.map((p) => ({ t: p.timestamp, v: Number(p.price) / 1e9 }));
  const first = data[0]?.v ?? 0;
  const last = data[data.length - 1]?.v ?? 0;
  const stroke = last > first ? "#16a34a" : last < first ? "#dc2626" : "#71717a";
  return (
    <span role="img" aria-label={label} className="inline-block align-middle" data-testid="sparkline">
      <LineChart width={width} height={height} data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={["dataMin", "dataMax"]} />
        <Line
          type="monotone"
          dataKey="v"
          stroke={stroke}
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </span>
  );
}
