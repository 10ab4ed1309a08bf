import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { MetagraphTable } from "../../../../../components/metagraph/MetagraphTable";
import { Prefetch, seed } from "../../../../../components/query/Prefetch";
import { PAGE_SIZES } from "../../../../../components/ui/page-sizes";
import { EmptyState } from "../../../../../components/ui/States";
import type { MetagraphParams } from "../../../../../lib/api/resources";
import {
  getMetagraph,
  METAGRAPH_ORDER_FIELDS,
  type MetagraphOrderField,
} from "../../../../../lib/queries/metagraph";
import { blockNumber, first } from "../../../params";

export const dynamic = "force-dynamic";

const DEFAULT_LIMIT = 25;
const netuidParam = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,4})$/)
  .transform(Number)
  .refine((n) => n <= 65_535);
const ORDERS = METAGRAPH_ORDER_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`]);
const optional = <T,>(s: z.ZodType<T>) => s.optional().catch(undefined);
const Search = z.object({
  block: optional(blockNumber),
  page: optional(z.coerce.number().int().min(1).max(1_000_000)),
  limit: optional(z.coerce.number().refine((n) => (PAGE_SIZES as readonly number[]).includes(n))),
  order: optional(z.string().refine((v) => ORDERS.includes(v))),
  search: optional(z.string().trim().min(1).max(64)),
});

type SP = Record<string, string | string[] | undefined>;

export async function generateMetadata({
  params,
}: {
  params: Promise<{ netuid: string }>;
}): Promise<Metadata> {
  const { netuid } = await params;
  return { title: `Metagraph · Subnet ${netuid.slice(0, 5)}` };
}

export default async function MetagraphPage({
  params,
  searchParams,
}: {
  params: Promise<{ netuid: string }>;
  searchParams: Promise<SP>;
}) {
  const parsed = netuidParam.safeParse((await params).netuid);
  if (!parsed.success) notFound();
  const netuid = parsed.data;
  const raw = await searchParams;
  const s = Search.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const query: MetagraphParams = { netuid };
  if (s.block !== undefined) query.block = s.block;
  if (s.search !== undefined) query.search = s.search;
  if (s.order !== undefined && s.order !== "uid_asc") query.order = s.order;
  if (s.page !== undefined && s.page > 1) query.page = s.page;
  if (s.limit !== undefined && s.limit !== DEFAULT_LIMIT) query.limit = s.limit;
  const cut = (s.order ?? "uid_asc").lastIndexOf("_");
  const order = s.order ?? "uid_asc";
  const data = await getMetagraph({
    netuid,
    block: s.block,
    search: s.search,
    page: s.page ?? 1,
    limit: s.limit ?? DEFAULT_LIMIT,
    field: order.slice(0, cut) as MetagraphOrderField,
    dir: order.slice(cut + 1) as "asc" | "desc",
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Subnet {netuid} metagraph</h1>
      <p className="text-sm text-zinc-500">
        One row per UID as the chain stored it after the subnet&apos;s last epoch. Proportions are the
        chain&apos;s u16 values / 65535; stake and emission in the subnet&apos;s alpha.
      </p>
      <section className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        {data ? (
          <Prefetch entries={[seed("metagraph", query, data)]}>
            <MetagraphTable
              params={query}
              defaultLimit={DEFAULT_LIMIT}
              basePath={`/subnets/${netuid}/metagraph`}
            />
          </Prefetch>
        ) : (
          <EmptyState title="No metagraph yet">
            The indexer stores a subnet&apos;s metagraph when it first sees the subnet and after each of its
            epochs.
            {s.block !== undefined ? " There is none at or before this block." : ""}
          </EmptyState>
        )}
      </section>
    </div>
  );
}
