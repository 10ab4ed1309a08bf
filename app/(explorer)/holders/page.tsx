import type { Metadata } from "next";
import { z } from "zod";
import { NetworkHolderCharts } from "../../../components/accounts/HolderChartsLazy";
import { HoldersTable } from "../../../components/accounts/HoldersTable";
import { Prefetch, seed } from "../../../components/query/Prefetch";
import { PAGE_SIZES } from "../../../components/ui/page-sizes";
import type { PageParams } from "../../../lib/api/resources";
import { HOLDER_ORDER_FIELDS, type HolderOrderField, listHolders } from "../../../lib/queries/holders";
import { first } from "../params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Holders" };

const DEFAULT_LIMIT = 25;
const ORDERS = HOLDER_ORDER_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`]);
const optional = <T,>(s: z.ZodType<T>) => s.optional().catch(undefined);
const Search = z.object({
  page: optional(z.coerce.number().int().min(1).max(1_000_000)),
  limit: optional(z.coerce.number().refine((n) => (PAGE_SIZES as readonly number[]).includes(n))),
  order: optional(z.string().refine((v) => ORDERS.includes(v))),
});

type SP = Record<string, string | string[] | undefined>;

export default async function HoldersPage({ searchParams }: { searchParams: Promise<SP> }) {
  const raw = await searchParams;
  const s = Search.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const params: PageParams = {};
  if (s.order !== undefined && s.order !== "total_desc") params.order = s.order;
  if (s.page !== undefined && s.page > 1) params.page = s.page;
  if (s.limit !== undefined && s.limit !== DEFAULT_LIMIT) params.limit = s.limit;
  const order = s.order ?? "total_desc";
  const cut = order.lastIndexOf("_");
  const data = await listHolders({
    page: s.page ?? 1,
    limit: s.limit ?? DEFAULT_LIMIT,
    field: order.slice(0, cut) as HolderOrderField,
    dir: order.slice(cut + 1) as "asc" | "desc",
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Holders</h1>
      <p className="text-sm text-zinc-500">
        Every account by its total TAO: free + reserved balance plus its stake positions valued at each
        subnet&apos;s latest price (root 1:1). Positions are as of the last holder scan
        {data.positions_block === null ? "" : ` (block ${data.positions_block})`}; concentration counts
        coldkeys with a non-zero total.
      </p>
      <Prefetch entries={[seed("holders", params, data)]}>
        <NetworkHolderCharts />
        <HoldersTable params={params} defaultLimit={DEFAULT_LIMIT} />
      </Prefetch>
    </div>
  );
}
