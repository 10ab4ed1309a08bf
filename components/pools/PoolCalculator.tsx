"use client";
// The slippage calculator: pick a subnet, a direction and an amount; the quote and the slippage curve are
// computed here, in the browser, by the engine's WASM (/engine.wasm) with the same quote code the API runs,
// from the same pool state the API serves (/api/v1/engine/pools). The API's own quote for the same snapshot
// block is shown beside it, and the two are compared field by field.
import dynamic from "next/dynamic";
import { useEffect, useMemo, useState } from "react";
import { useApiQuery } from "../../lib/api/use-api-query";
import {
  ChainRejection,
  type CurveResult,
  curveWith,
  defaultCurveMax,
  formatUnits,
  loadEngine,
  type PoolQuoteState,
  parseUnits,
  type QuoteDirection,
  type QuoteResult,
  quoteWith,
  U64_MAX,
} from "../../lib/engine/browser";
import type { WasmEngine } from "../../lib/engine/wasm";
import { UNIT_SYMBOL } from "../../lib/format/amount";
import { Amount } from "../ui/Amount";
import { Badge } from "../ui/Badge";
import { DetailList, Panel } from "../ui/Card";
import { Skeleton } from "../ui/Skeleton";
import { EmptyState, ErrorState } from "../ui/States";
import { decimalToPercent, inputUnit, outputUnit, truncateDecimal } from "./format";

// The curve chart loads after first paint: Recharts is the bulk of this page's JavaScript.
const SlippageChart = dynamic(() => import("./SlippageChart").then((m) => m.SlippageChart), {
  ssr: false,
  loading: () => <Skeleton className="h-64" />,
});

type Computed<T> = { ok: true; value: T } | { ok: false; error: string } | null;

function compute<T>(f: () => T): Computed<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof ChainRejection)
      return { ok: false, error: `The chain would refuse this swap: ${e.reason}` };
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

const FIELDS = ["amount_in", "amount_out", "fee", "price_before", "price_after", "price_impact"] as const;

function useEngine(): { engine: WasmEngine | null; error: Error | null } {
  const [state, setState] = useState<{ engine: WasmEngine | null; error: Error | null }>({
    engine: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    loadEngine().then(
      (engine) => live && setState({ engine, error: null }),
      (error: unknown) =>
        live && setState({ engine: null, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

function QuoteDetails({ quote, testid }: { quote: QuoteResult; testid: string }) {
  const inUnit = inputUnit(quote.direction);
  const outUnit = outputUnit(quote.direction);
  return (
    <div data-testid={testid} data-block={quote.block}>
      <DetailList
        items={[
          {
            label: "You pay",
            value: (
              <span data-field="amount_in">
                <Amount value={quote.amount_in} unit={inUnit} />
              </span>
            ),
          },
          {
            label: "You receive",
            value: (
              <span data-field="amount_out" className="font-semibold">
                <Amount value={quote.amount_out} unit={outUnit} />
              </span>
            ),
          },
          {
            label: "Fee",
            value: (
              <span data-field="fee">
                <Amount value={quote.fee} unit={quote.fee_token} />
              </span>
            ),
          },
          {
            label: "Price before",
            value: (
              <span data-field="price_before" data-exact={quote.price_before} title={quote.price_before}>
                {truncateDecimal(quote.price_before, 9)} τ/α
              </span>
            ),
          },
          {
            label: "Price after",
            value: (
              <span data-field="price_after" data-exact={quote.price_after} title={quote.price_after}>
                {truncateDecimal(quote.price_after, 9)} τ/α
              </span>
            ),
          },
          {
            label: "Price impact",
            value: (
              <span data-field="price_impact" data-exact={quote.price_impact} title={quote.price_impact}>
                {decimalToPercent(quote.price_impact, 6)}%
              </span>
            ),
          },
          { label: "Snapshot", value: `block #${quote.block}, spec ${quote.spec_version}` },
        ]}
      />
    </div>
  );
}

function DetailSkeleton() {
  return (
    <div className="space-y-3 p-4" aria-busy="true">
      {Array.from({ length: 6 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders
        <Skeleton key={i} className="h-6 w-full" />
      ))}
    </div>
  );
}

export function PoolCalculator() {
  const pools = useApiQuery("poolStates", undefined, { keepPrevious: true });
  const { engine, error: engineError } = useEngine();
  const [netuid, setNetuid] = useState<number | null>(null);
  const [direction, setDirection] = useState<QuoteDirection>("stake");
  const [amountText, setAmountText] = useState("1");

  const states = pools.data?.data ?? [];
  // Default: the first dynamic subnet (root swaps 1:1).
  const state: PoolQuoteState | undefined =
    states.find((s) => s.netuid === netuid) ?? states.find((s) => s.mechanism === 1) ?? states[0];
  const parsed = parseUnits(amountText);
  const amount = parsed.ok ? parsed.value : null;

  const local = useMemo<Computed<QuoteResult>>(
    () =>
      engine && state && amount !== null ? compute(() => quoteWith(engine, state, direction, amount)) : null,
    [engine, state, direction, amount],
  );
  const curve = useMemo<Computed<CurveResult>>(() => {
    if (!engine || !state) return null;
    const base = defaultCurveMax(state, direction);
    const max =
      amount !== null && amount * 2n > base ? (amount * 2n > U64_MAX ? U64_MAX : amount * 2n) : base;
    return compute(() => curveWith(engine, state, direction, max));
  }, [engine, state, direction, amount]);

  const api = useApiQuery(
    "quote",
    {
      netuid: state?.netuid ?? 0,
      direction,
      amount: amount?.toString() ?? "0",
      block: state?.block,
    },
    { enabled: state !== undefined && amount !== null, keepPrevious: true },
  );
  // While a new quote loads (new amount or a newer snapshot), the previous one stays, dimmed and not compared.
  const apiQuote = amount !== null && api.data ? api.data : null;
  const apiCurrent = apiQuote !== null && !api.isPlaceholderData && apiQuote.block === state?.block;
  const same =
    local?.ok && apiQuote && apiCurrent ? FIELDS.every((f) => apiQuote[f] === local.value[f]) : null;

  if (pools.isError)
    return (
      <Panel title="Pools" id="pools-error">
        <ErrorState
          title="Could not load pool states"
          error={pools.error}
          onRetry={() => void pools.refetch()}
        />
      </Panel>
    );
  if (pools.isPending)
    return (
      <div className="space-y-4">
        <Skeleton className="h-16 w-full" />
        <div className="grid gap-4 md:grid-cols-2">
          <DetailSkeleton />
          <DetailSkeleton />
        </div>
      </div>
    );
  if (!state)
    return (
      <Panel title="Pools" id="pools-empty">
        <EmptyState title="No pool snapshots yet">
          The indexer stores subnet pool state as it follows the chain; quotes appear once it has some.
        </EmptyState>
      </Panel>
    );

  const inSymbol = UNIT_SYMBOL[inputUnit(direction)];
  const field =
    "rounded-md border border-zinc-200 bg-white px-2 py-1.5 font-mono dark:border-zinc-700 dark:bg-zinc-900";
  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-4 text-sm"
        aria-label="Quote"
        onSubmit={(e) => e.preventDefault()}
      >
        <label className="flex flex-col gap-1 text-zinc-500">
          Subnet
          <select
            data-testid="pools-netuid"
            className={field}
            value={state.netuid}
            onChange={(e) => setNetuid(Number(e.target.value))}
          >
            {states.map((s) => (
              <option key={s.netuid} value={s.netuid}>
                {`SN${s.netuid}${s.price_rao !== null ? ` · ${formatUnits(BigInt(s.price_rao))} τ/α` : ""}`}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="flex flex-col gap-1 text-zinc-500">
          <legend className="mb-1">Direction</legend>
          <div className="flex overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-700">
            {(["stake", "unstake"] as const).map((d) => (
              <label
                key={d}
                className={`cursor-pointer px-3 py-1.5 ${
                  direction === d
                    ? "bg-brand-600 font-medium text-white"
                    : "bg-white text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300"
                }`}
              >
                <input
                  type="radio"
                  name="direction"
                  value={d}
                  checked={direction === d}
                  onChange={() => setDirection(d)}
                  className="sr-only"
                  data-testid={`pools-direction-${d}`}
                />
                {d === "stake" ? "Stake τ → α" : "Unstake α → τ"}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex flex-col gap-1 text-zinc-500">
          Amount ({inSymbol})
          <input
            data-testid="pools-amount"
            inputMode="decimal"
            autoComplete="off"
            className={`${field} w-48`}
            value={amountText}
            onChange={(e) => setAmountText(e.target.value)}
            aria-invalid={!parsed.ok}
            aria-describedby="pools-amount-error"
          />
        </label>
        <p id="pools-amount-error" role="status" className="pb-2 text-red-700 dark:text-red-300">
          {parsed.ok ? "" : parsed.error}
        </p>
      </form>

      <div className="grid gap-4 md:grid-cols-2">
        <Panel
          title="Computed in your browser"
          id="pools-local"
          actions={<Badge tone="blue">WASM engine</Badge>}
        >
          {engineError ? (
            <ErrorState title="Could not load the engine" error={engineError} />
          ) : !engine || (amount !== null && local === null) ? (
            <DetailSkeleton />
          ) : local === null ? (
            <EmptyState title="Enter an amount" />
          ) : local.ok ? (
            <QuoteDetails quote={local.value} testid="local-quote" />
          ) : (
            <ErrorState title="No quote" error={local.error} />
          )}
        </Panel>
        <Panel
          title="API quote"
          id="pools-api"
          actions={
            same === null ? null : same ? (
              <span data-testid="quote-match">
                <Badge tone="green">identical</Badge>
              </span>
            ) : (
              <span data-testid="quote-mismatch">
                <Badge tone="red">differs</Badge>
              </span>
            )
          }
        >
          {amount === null ? (
            <EmptyState title="Enter an amount" />
          ) : api.isError ? (
            <ErrorState title="The API refused" error={api.error} onRetry={() => void api.refetch()} />
          ) : apiQuote ? (
            <div className={apiCurrent ? "" : "opacity-60"} aria-busy={!apiCurrent}>
              <QuoteDetails quote={apiQuote} testid={apiCurrent ? "api-quote" : "api-quote-stale"} />
            </div>
          ) : (
            <DetailSkeleton />
          )}
          <p className="border-t border-zinc-200 px-4 py-2 font-mono text-xs break-all text-zinc-500 dark:border-zinc-800">
            GET /api/v1/engine/quote?netuid={state.netuid}&amp;direction={direction}&amp;amount=
            {amount?.toString() ?? "…"}&amp;block={state.block}
          </p>
        </Panel>
      </div>

      <Panel title={`Slippage: price impact by amount (${inSymbol})`} id="pools-curve">
        {engineError ? (
          <ErrorState title="Could not load the engine" error={engineError} />
        ) : curve === null ? (
          <Skeleton className="m-4 h-64" />
        ) : curve.ok ? (
          <SlippageChart curve={curve.value} marker={local?.ok ? amount : null} />
        ) : (
          <ErrorState title="No curve" error={curve.error} />
        )}
      </Panel>
      <p className="text-xs text-zinc-500" data-testid="pools-method">
        {local?.ok ? local.value.method : null}. Quotes simulate the swap like the runtime API (default limit
        prices); the fee is included in what you pay.
      </p>
    </div>
  );
}
