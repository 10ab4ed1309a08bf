"use client";
// Price impact by trade size, from the browser-computed curve. Amounts and impacts become numbers only here,
// at the chart boundary; the tooltip shows the exact strings.
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { CurveResult } from "../../lib/engine/browser";
import { formatUnits } from "../../lib/engine/browser";
import { UNIT_SYMBOL } from "../../lib/format/amount";
import { decimalToPercent, inputUnit, truncateDecimal } from "./format";

interface Point {
  amount: number;
  impact: number;
  amountText: string;
  impactText: string;
}

export function SlippageChart({ curve, marker }: { curve: CurveResult; marker: bigint | null }) {
  const symbol = UNIT_SYMBOL[inputUnit(curve.direction)];
  const data: Point[] = curve.points.map((p) => {
    const amountText = formatUnits(BigInt(p.amount_in));
    const impactText = decimalToPercent(p.price_impact, 6);
    return { amount: Number(amountText), impact: Number(impactText), amountText, impactText };
  });
  if (data.length === 0)
    return (
      <p className="px-4 py-8 text-center text-sm text-zinc-500">No amount in this range can be swapped.</p>
    );
  return (
    <div className="px-2 py-4" data-testid="slippage-chart">
      <LineChart
        responsive
        style={{ width: "100%", height: 280 }}
        data={data}
        margin={{ top: 8, right: 24, bottom: 24, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
        <XAxis
          dataKey="amount"
          type="number"
          domain={[0, "dataMax"]}
          tickFormatter={(v: number) => truncateDecimal(String(v), 2)}
          label={{ value: `amount in (${symbol})`, position: "insideBottom", offset: -12 }}
          fontSize={12}
        />
        <YAxis
          dataKey="impact"
          tickFormatter={(v: number) => `${truncateDecimal(String(v), 3)}%`}
          fontSize={12}
          width={64}
        />
        <Tooltip
          formatter={(_v, _n, item) => [`${(item.payload as Point).impactText}%`, "price impact"]}
          labelFormatter={(_l, items) =>
            items[0] ? `${(items[0].payload as Point).amountText} ${symbol}` : ""
          }
        />
        {marker !== null ? (
          <ReferenceLine x={Number(formatUnits(marker))} stroke="#6366f1" strokeDasharray="4 4" />
        ) : null}
        <Line type="monotone" dataKey="impact" stroke="#6366f1" dot={false} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
