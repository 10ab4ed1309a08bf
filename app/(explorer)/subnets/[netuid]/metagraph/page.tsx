import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { MetagraphTable } from "../../../../../components/metagraph/MetagraphTable";
import { Prefetch, seed } from "../../../../../components/query/Prefetch";
import { EmptyState } from "../../../../../components/ui/States";
import { loadMetagraph, type SP } from "../metagraph-params";

export const dynamic = "force-dynamic";

const DEFAULT_LIMIT = 25;
const netuidParam = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,4})$/)
  .transform(Number)
  .refine((n) => n <= 65_535);

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
  const { query, data, block } = await loadMetagraph(netuid, await searchParams, DEFAULT_LIMIT);
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
            {block !== undefined ? " There is none at or before this block." : ""}
          </EmptyState>
        )}
      </section>
    </div>
  );
}
