import type { Metadata } from "next";
import { Prefetch, seed } from "../../../components/query/Prefetch";
import { SUBNETS_DEFAULT_ORDER, SubnetsTable } from "../../../components/subnets/SubnetsTable";
import type { SubnetListParams } from "../../../lib/api/resources";
import { listSubnets, SUBNET_ORDER_FIELDS, type SubnetOrderField } from "../../../lib/queries/subnets";
import { first } from "../params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Subnets" };

/** Every subnet fits one page (the chain allows at most a few hundred). */
const LIMIT = 1000;

type SP = Record<string, string | string[] | undefined>;

function parseOrder(v: string | undefined): { field: SubnetOrderField; dir: "asc" | "desc" } | null {
  const m = v ? /^([a-z0-9_]+)_(asc|desc)$/.exec(v) : null;
  if (!m || !(SUBNET_ORDER_FIELDS as readonly string[]).includes(m[1]!)) return null;
  return { field: m[1] as SubnetOrderField, dir: m[2] as "asc" | "desc" };
}

export default async function SubnetsPage({ searchParams }: { searchParams: Promise<SP> }) {
  const sp = await searchParams;
  // An unreadable order is ignored (the default applies), never an error page.
  const order = parseOrder(first(sp.order)) ?? { field: "market_cap" as const, dir: "desc" as const };
  const orderText = `${order.field}_${order.dir}` as const;
  const params: SubnetListParams = { limit: LIMIT };
  if (orderText !== SUBNETS_DEFAULT_ORDER) params.order = orderText;
  const data = await listSubnets({ page: 1, limit: LIMIT, field: order.field, dir: order.dir });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Subnets</h1>
        <p className="mt-1 text-sm text-zinc-500">
          Pool state read from chain storage at the newest indexed block. Price in τ per α; market cap = price
          × (α in pool + α outstanding); 1h/24h/7d figures compare with the snapshot that long before (or the
          oldest stored one); emission = share of the TAO injected into all pools this block; TAO flow = TAO
          staked minus unstaked; liquidity = both reserves valued in τ; reg. cost = the neuron burn now.{" "}
          <a href="/api-docs" className="text-brand-600 hover:underline">
            Methodology
          </a>
        </p>
      </div>
      <section className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <Prefetch entries={[seed("subnets", params, data)]}>
          <SubnetsTable params={params} />
        </Prefetch>
      </section>
    </div>
  );
}
