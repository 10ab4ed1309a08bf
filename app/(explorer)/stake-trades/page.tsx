import type { Metadata } from "next";
import { z } from "zod";
import { StakeTradesList } from "../../../components/explorer/ChainLists";
import { ExplorerTabs } from "../../../components/explorer/ExplorerTabs";
import { csvHref, ListFilters } from "../../../components/explorer/ListFilters";
import { Prefetch, seed } from "../../../components/query/Prefetch";
import { PAGE_SIZES } from "../../../components/ui/page-sizes";
import type { StakeTradeListParams } from "../../../lib/api/resources";
import { parseAddress } from "../../../lib/api/v1/address";
import { parseBlockIndex } from "../../../lib/api/v1/params";
import { listStakeTrades } from "../../../lib/queries/stake-trades";
import { parseUnits } from "../../../lib/units";
import { blockNumber, first } from "../params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Stake trades" };

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
  netuid: optional(
    z
      .string()
      .regex(/^(0|[1-9][0-9]{0,4})$/)
      .transform(Number)
      .refine((n) => n <= 65_535),
  ),
  action: optional(z.enum(["stake", "unstake"])),
  coldkey: optional(z.string().trim().min(1)),
  hotkey: optional(z.string().trim().min(1)),
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

export default async function StakeTradesPage({ searchParams }: { searchParams: Promise<SP> }) {
  const raw = await searchParams;
  const s = Search.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const coldkey = s.coldkey === undefined ? undefined : parseAddress(s.coldkey);
  const hotkey = s.hotkey === undefined ? undefined : parseAddress(s.hotkey);
  const min = tao(s.amount_min);
  const max = tao(s.amount_max);
  const problems: string[] = [];
  if (coldkey === null) problems.push("The coldkey is not an SS58 address or 0x public key.");
  if (hotkey === null) problems.push("The hotkey is not an SS58 address or 0x public key.");
  if (min === null || max === null) problems.push("Amounts are TAO with at most 9 decimals, e.g. 1.5.");
  if (s.block_start !== undefined && s.block_end !== undefined && s.block_start > s.block_end)
    problems.push("The first block is after the last one.");
  if (typeof min === "bigint" && typeof max === "bigint" && min > max)
    problems.push("The smallest amount is above the largest.");

  const params: StakeTradeListParams = {};
  if (s.order === "block_number_asc") params.order = "block_number_asc";
  if (s.limit !== undefined && s.limit !== DEFAULT_LIMIT) params.limit = s.limit;
  if (s.block_start !== undefined) params.block_start = s.block_start;
  if (s.block_end !== undefined) params.block_end = s.block_end;
  if (s.netuid !== undefined) params.netuid = s.netuid;
  if (s.action !== undefined) params.action = s.action;
  if (coldkey) params.coldkey = coldkey.ss58;
  if (hotkey) params.hotkey = hotkey.ss58;
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
      : await listStakeTrades({
          limit: s.limit ?? DEFAULT_LIMIT,
          dir: s.order === "block_number_asc" ? "asc" : "desc",
          after: s.after === undefined ? undefined : (parseBlockIndex(s.after) ?? undefined),
          before:
            s.after === undefined && s.before !== undefined
              ? (parseBlockIndex(s.before) ?? undefined)
              : undefined,
          block_start: s.block_start,
          block_end: s.block_end,
          netuid: s.netuid,
          action: s.action,
          coldkey: coldkey?.ss58,
          hotkey: hotkey?.ss58,
          amount_min: typeof min === "bigint" ? min : undefined,
          amount_max: typeof max === "bigint" ? max : undefined,
        });
  const hrefParams = {
    netuid: s.netuid?.toString(),
    action: s.action,
    coldkey: s.coldkey,
    hotkey: s.hotkey,
    amount_min: s.amount_min,
    amount_max: s.amount_max,
    block_start: s.block_start?.toString(),
    block_end: s.block_end?.toString(),
    order: params.order,
    limit: params.limit?.toString(),
  };
  return (
    <div className="space-y-4">
      <ExplorerTabs />
      <h1 className="text-2xl font-semibold">Stake trades</h1>
      <ListFilters
        action="/stake-trades"
        label="Filter stake trades"
        problems={problems}
        csvHref={problems.length === 0 ? csvHref("stake-trades", { ...params }) : null}
        fields={[
          { name: "netuid", label: "Subnet", value: s.netuid?.toString(), numeric: true, width: "w-20" },
          {
            name: "action",
            label: "Action",
            value: s.action,
            options: [
              ["", "any"],
              ["stake", "stake"],
              ["unstake", "unstake"],
            ],
          },
          { name: "coldkey", label: "Coldkey", value: s.coldkey, width: "w-72" },
          { name: "hotkey", label: "Hotkey", value: s.hotkey, width: "w-72" },
          { name: "amount_min", label: "Min τ", value: s.amount_min },
          { name: "amount_max", label: "Max τ", value: s.amount_max },
          { name: "block_start", label: "From block", value: s.block_start?.toString(), numeric: true },
          { name: "block_end", label: "To block", value: s.block_end?.toString(), numeric: true },
        ]}
      />
      <section className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <Prefetch entries={[seed("stakeTrades", params, data)]}>
          <StakeTradesList params={params} defaultLimit={DEFAULT_LIMIT} hrefParams={hrefParams} />
        </Prefetch>
      </section>
    </div>
  );
}
