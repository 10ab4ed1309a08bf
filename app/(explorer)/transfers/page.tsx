import type { Metadata } from "next";
import Form from "next/form";
import { z } from "zod";
import { ExplorerTabs } from "../../../components/explorer/ExplorerTabs";
import { Prefetch, seed } from "../../../components/query/Prefetch";
import { PAGE_SIZES } from "../../../components/ui/page-sizes";
import type { TransferListParams } from "../../../lib/api/resources";
import { parseAddress } from "../../../lib/api/v1/address";
import { parseBlockIndex } from "../../../lib/api/v1/params";
import { listTransfers } from "../../../lib/queries/transfers";
import { parseUnits } from "../../../lib/units";
import { blockNumber, first } from "../params";
import { TransfersTable } from "./TransfersTable";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Transfers" };

const DEFAULT_LIMIT = 25;
const optional = <T,>(s: z.ZodType<T>) => s.optional().catch(undefined);
const cursor = z.string().refine((v) => parseBlockIndex(v) !== null);
const Search = z.object({
  after: optional(cursor),
  before: optional(cursor),
  limit: optional(z.coerce.number().refine((n) => (PAGE_SIZES as readonly number[]).includes(n))),
  order: optional(z.enum(["block_number_asc", "block_number_desc"])),
  block_start: optional(blockNumber),
  block_end: optional(blockNumber),
  address: optional(z.string().trim().min(1)),
  amount_min: optional(z.string().trim().min(1)),
  amount_max: optional(z.string().trim().min(1)),
});

type SP = Record<string, string | string[] | undefined>;

/** TAO as typed ("1.5") → rao; undefined when empty, null when unreadable. */
function tao(v: string | undefined): bigint | undefined | null {
  if (v === undefined) return undefined;
  try {
    return parseUnits(v);
  } catch {
    return null;
  }
}

export default async function TransfersPage({ searchParams }: { searchParams: Promise<SP> }) {
  const raw = await searchParams;
  const s = Search.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const address = s.address === undefined ? undefined : parseAddress(s.address);
  const min = tao(s.amount_min);
  const max = tao(s.amount_max);
  const problems: string[] = [];
  if (address === null) problems.push("The address is not an SS58 address or 0x public key.");
  if (min === null || max === null) problems.push("Amounts are TAO with at most 9 decimals, e.g. 1.5.");
  if (s.block_start !== undefined && s.block_end !== undefined && s.block_start > s.block_end)
    problems.push("The first block is after the last one.");
  if (typeof min === "bigint" && typeof max === "bigint" && min > max)
    problems.push("The smallest amount is above the largest.");

  const params: TransferListParams = {};
  if (s.order === "block_number_asc") params.order = "block_number_asc";
  if (s.limit !== undefined && s.limit !== DEFAULT_LIMIT) params.limit = s.limit;
  if (s.block_start !== undefined) params.block_start = s.block_start;
  if (s.block_end !== undefined) params.block_end = s.block_end;
  if (address) params.address = address.ss58;
  if (typeof min === "bigint") params.amount_min = min.toString();
  if (typeof max === "bigint") params.amount_max = max.toString();
  if (s.after !== undefined) params.after = s.after;
  else if (s.before !== undefined) params.before = s.before;

  const data =
    problems.length > 0
      ? {
          pagination: { limit: DEFAULT_LIMIT, total: null, total_exact: false, next: null, prev: null },
          data: [],
        }
      : await listTransfers({
          limit: s.limit ?? DEFAULT_LIMIT,
          dir: s.order === "block_number_asc" ? "asc" : "desc",
          after: s.after === undefined ? undefined : (parseBlockIndex(s.after) ?? undefined),
          before:
            s.after === undefined && s.before !== undefined
              ? (parseBlockIndex(s.before) ?? undefined)
              : undefined,
          block_start: s.block_start,
          block_end: s.block_end,
          address: address?.ss58,
          amount_min: typeof min === "bigint" ? min : undefined,
          amount_max: typeof max === "bigint" ? max : undefined,
        });
  const hrefParams: Record<string, string | undefined> = {
    address: s.address,
    amount_min: s.amount_min,
    amount_max: s.amount_max,
    block_start: s.block_start?.toString(),
    block_end: s.block_end?.toString(),
    order: params.order,
    limit: params.limit?.toString(),
  };
  const filtered = [s.address, s.amount_min, s.amount_max, s.block_start, s.block_end].some(
    (v) => v !== undefined,
  );
  const input =
    "rounded-md border border-zinc-200 bg-white px-2 py-1 font-mono dark:border-zinc-700 dark:bg-zinc-900";
  const csv = new URLSearchParams(
    Object.entries({ ...params, after: undefined, before: undefined, limit: undefined, format: "csv" })
      .filter((e): e is [string, string | number] => e[1] !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
  return (
    <div className="space-y-4">
      <ExplorerTabs />
      <h1 className="text-2xl font-semibold">Transfers</h1>
      <Form
        action="/transfers"
        className="flex flex-wrap items-end gap-3 text-sm"
        aria-label="Filter transfers"
      >
        <label className="flex flex-col gap-1 text-zinc-500">
          Address (from or to)
          <input name="address" defaultValue={s.address} className={`w-96 max-w-full ${input}`} />
        </label>
        <label className="flex flex-col gap-1 text-zinc-500">
          Min τ
          <input
            name="amount_min"
            inputMode="decimal"
            defaultValue={s.amount_min}
            className={`w-28 ${input}`}
          />
        </label>
        <label className="flex flex-col gap-1 text-zinc-500">
          Max τ
          <input
            name="amount_max"
            inputMode="decimal"
            defaultValue={s.amount_max}
            className={`w-28 ${input}`}
          />
        </label>
        <label className="flex flex-col gap-1 text-zinc-500">
          From block
          <input
            name="block_start"
            inputMode="numeric"
            pattern="[0-9]*"
            defaultValue={s.block_start}
            className={`w-28 ${input}`}
          />
        </label>
        <label className="flex flex-col gap-1 text-zinc-500">
          To block
          <input
            name="block_end"
            inputMode="numeric"
            pattern="[0-9]*"
            defaultValue={s.block_end}
            className={`w-28 ${input}`}
          />
        </label>
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-500"
        >
          Filter
        </button>
        {filtered ? (
          <a href="/transfers" className="py-1.5 text-zinc-500 hover:underline">
            Clear
          </a>
        ) : null}
        {problems.length === 0 ? (
          <a
            href={`/api/v1/transfers?${csv.toString()}`}
            className="ml-auto py-1.5 text-brand-600 hover:underline"
          >
            Download CSV
          </a>
        ) : null}
      </Form>
      {problems.length > 0 ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {problems.join(" ")}
        </p>
      ) : null}
      <section className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <Prefetch entries={[seed("transfers", params, data)]}>
          <TransfersTable params={params} defaultLimit={DEFAULT_LIMIT} hrefParams={hrefParams} />
        </Prefetch>
      </section>
    </div>
  );
}
