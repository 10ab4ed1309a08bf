import type { Metadata } from "next";
import Form from "next/form";
import { z } from "zod";
import { BlocksTable } from "../../../components/explorer/BlocksTable";
import { ExplorerTabs } from "../../../components/explorer/ExplorerTabs";
import { Prefetch, seed } from "../../../components/query/Prefetch";
import { PAGE_SIZES } from "../../../components/ui/page-sizes";
import type { BlockListParams } from "../../../lib/api/resources";
import { listBlocks } from "../../../lib/queries/blocks";
import { blockNumber, first } from "../params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Blocks" };

const DEFAULT_LIMIT = 25;
const optional = <T,>(s: z.ZodType<T>) => s.optional().catch(undefined);
const Search = z.object({
  after: optional(blockNumber),
  before: optional(blockNumber),
  limit: optional(z.coerce.number().refine((n) => (PAGE_SIZES as readonly number[]).includes(n))),
  order: optional(z.enum(["number_asc", "number_desc"])),
  block_start: optional(blockNumber),
  block_end: optional(blockNumber),
});

type SP = Record<string, string | string[] | undefined>;

export default async function BlocksPage({ searchParams }: { searchParams: Promise<SP> }) {
  const raw = await searchParams;
  const s = Search.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const params: BlockListParams = {};
  if (s.order === "number_asc") params.order = "number_asc";
  if (s.limit !== undefined && s.limit !== DEFAULT_LIMIT) params.limit = s.limit;
  if (s.block_start !== undefined) params.block_start = s.block_start;
  if (s.block_end !== undefined) params.block_end = s.block_end;
  if (s.after !== undefined) params.after = String(s.after);
  else if (s.before !== undefined) params.before = String(s.before);
  const bad = s.block_start !== undefined && s.block_end !== undefined && s.block_start > s.block_end;
  const data = bad
    ? {
        pagination: { limit: DEFAULT_LIMIT, total: null, total_exact: false, next: null, prev: null },
        data: [],
      }
    : await listBlocks({
        limit: s.limit ?? DEFAULT_LIMIT,
        dir: s.order === "number_asc" ? "asc" : "desc",
        after: s.after,
        before: s.after === undefined ? s.before : undefined,
        block_start: s.block_start,
        block_end: s.block_end,
      });
  const input =
    "w-32 rounded-md border border-zinc-200 bg-white px-2 py-1 font-mono dark:border-zinc-700 dark:bg-zinc-900";
  return (
    <div className="space-y-4">
      <ExplorerTabs />
      <h1 className="text-2xl font-semibold">Blocks</h1>
      <Form action="/blocks" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter blocks">
        <label className="flex flex-col gap-1 text-zinc-500">
          From block
          <input
            name="block_start"
            inputMode="numeric"
            pattern="[0-9]*"
            defaultValue={s.block_start}
            className={input}
          />
        </label>
        <label className="flex flex-col gap-1 text-zinc-500">
          To block
          <input
            name="block_end"
            inputMode="numeric"
            pattern="[0-9]*"
            defaultValue={s.block_end}
            className={input}
          />
        </label>
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-500"
        >
          Filter
        </button>
        {s.block_start !== undefined || s.block_end !== undefined ? (
          <a href="/blocks" className="py-1.5 text-zinc-500 hover:underline">
            Clear
          </a>
        ) : null}
      </Form>
      <section className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <Prefetch entries={[seed("blocks", params, data)]}>
          <BlocksTable params={params} defaultLimit={DEFAULT_LIMIT} />
        </Prefetch>
      </section>
    </div>
  );
}
