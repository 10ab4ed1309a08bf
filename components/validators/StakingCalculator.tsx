"use client";
// Staking calculator: what staking an amount to this validator would earn over a day, a month and a year at
// its measured nominator APY — compounded exactly on bigints (lib/format/compound), no floats.
import { useId, useState } from "react";
import type { ValidatorApyDto } from "../../lib/api/v1/validator-schemas";
import { earnings } from "../../lib/format/compound";
import { parseUnits } from "../../lib/units";
import { sharePercent } from "../metagraph/format";
import { Amount } from "../ui/Amount";
import { Panel } from "../ui/Card";

export interface CalculatorTarget {
  /** "all" (TAO value over every subnet) or a netuid. */
  key: string;
  label: string;
  unit: "tao" | "alpha";
  apy: ValidatorApyDto;
}

const WINDOWS = [
  ["d1", "1 day"],
  ["d7", "7 days"],
  ["d30", "30 days"],
] as const;
const PERIODS = [
  [1, "Per day"],
  [30, "Per 30 days"],
  [365, "Per year"],
] as const;

export function StakingCalculator({ targets }: { targets: CalculatorTarget[] }) {
  const ids = useId();
  const [key, setKey] = useState(targets[0]?.key ?? "all");
  const [measured, setMeasured] = useState<"d1" | "d7" | "d30">("d7");
  const [text, setText] = useState("100");
  const target = targets.find((t) => t.key === key) ?? targets[0];
  if (!target) return null;
  let amount: bigint | null = null;
  let error: string | null = null;
  try {
    amount = parseUnits(text);
  } catch {
    error = "Enter an amount such as 100 or 2.5 (at most 9 decimals).";
  }
  const apy = target.apy[measured];
  return (
    <Panel title="Staking calculator" id="staking-calculator">
      <div className="p-4">
        <form className="flex flex-wrap items-end gap-3 text-sm" onSubmit={(e) => e.preventDefault()}>
          <label className="flex flex-col gap-1" htmlFor={`${ids}-amount`}>
            <span className="text-zinc-500">Amount ({target.unit === "tao" ? "τ" : "α"})</span>
            <input
              id={`${ids}-amount`}
              inputMode="decimal"
              value={text}
              onChange={(e) => setText(e.target.value)}
              className="w-40 rounded border border-zinc-300 bg-transparent px-2 py-1 font-mono dark:border-zinc-700"
              aria-invalid={error !== null}
            />
          </label>
          <label className="flex flex-col gap-1" htmlFor={`${ids}-target`}>
            <span className="text-zinc-500">Stake on</span>
            <select
              id={`${ids}-target`}
              value={target.key}
              onChange={(e) => setKey(e.target.value)}
              className="rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
            >
              {targets.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1" htmlFor={`${ids}-window`}>
            <span className="text-zinc-500">APY measured over</span>
            <select
              id={`${ids}-window`}
              value={measured}
              onChange={(e) => setMeasured(e.target.value as "d1" | "d7" | "d30")}
              className="rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
            >
              {WINDOWS.map(([w, label]) => (
                <option key={w} value={w}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </form>
        {error ? (
          <p role="alert" className="mt-3 text-sm text-red-600">
            {error}
          </p>
        ) : apy === null ? (
          <p className="mt-3 text-sm text-zinc-500" data-testid="calculator-empty">
            No APY over this window yet (it needs two epochs with stake).
          </p>
        ) : (
          <dl className="mt-3 grid grid-cols-1 gap-2 text-sm sm:grid-cols-4" data-testid="calculator-result">
            <div>
              <dt className="text-zinc-500">APY</dt>
              <dd className="font-mono" data-testid="calculator-apy">
                {sharePercent(apy)}
              </dd>
            </div>
            {PERIODS.map(([days, label]) => (
              <div key={days}>
                <dt className="text-zinc-500">{label}</dt>
                <dd data-testid={`calculator-${days}d`}>
                  <Amount value={earnings(amount ?? 0n, apy, days)} unit={target.unit} />
                </dd>
              </div>
            ))}
          </dl>
        )}
        <p className="mt-2 text-xs text-zinc-500">
          Past yield, compounded: earnings = amount × ((1 + APY)^(days / 365) − 1), floored. Alpha yields are
          in the subnet&apos;s alpha; their TAO value moves with the pool price.
        </p>
      </div>
    </Panel>
  );
}
