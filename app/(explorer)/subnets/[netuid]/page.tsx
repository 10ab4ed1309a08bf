import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SubnetHolderCharts } from "../../../../components/accounts/HolderChartsLazy";
import { SubnetHolders } from "../../../../components/accounts/SubnetHolders";
import { MetagraphTable } from "../../../../components/metagraph/MetagraphTable";
import { Prefetch, type PrefetchEntry, seed } from "../../../../components/query/Prefetch";
import { SubnetDetail } from "../../../../components/subnets/SubnetDetail";
import { Panel } from "../../../../components/ui/Card";
import { EmptyState } from "../../../../components/ui/States";
import { subnetHolders } from "../../../../lib/queries/holders";
import { getSubnet } from "../../../../lib/queries/subnets";
import { loadMetagraph, type SP } from "./metagraph-params";

/** Rows of the embedded metagraph; the full page (/subnets/[netuid]/metagraph) shows 25. */
const METAGRAPH_LIMIT = 10;
/** Top holders shown on the subnet page. */
const HOLDERS_LIMIT = 10;

export const dynamic = "force-dynamic";

function parseNetuid(raw: string): number | null {
  return /^(0|[1-9][0-9]{0,4})$/.test(raw) && Number(raw) <= 65_535 ? Number(raw) : null;
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ netuid: string }>;
}): Promise<Metadata> {
  const { netuid } = await params;
  return { title: `Subnet ${decodeURIComponent(netuid).slice(0, 8)}` };
}

export default async function SubnetPage({
  params,
  searchParams,
}: {
  params: Promise<{ netuid: string }>;
  searchParams: Promise<SP>;
}) {
  const { netuid: raw } = await params;
  const netuid = parseNetuid(decodeURIComponent(raw));
  if (netuid === null) notFound();
  const [subnet, metagraph, holders] = await Promise.all([
    getSubnet(netuid),
    // The embedded metagraph keeps its search/sort/page state in this page's URL (basePath below).
    loadMetagraph(netuid, await searchParams, METAGRAPH_LIMIT),
    subnetHolders({ netuid, page: 1, limit: HOLDERS_LIMIT }),
  ]);
  if (!subnet) notFound();
  const entries: PrefetchEntry[] = [seed("subnet", { netuid }, subnet)];
  if (metagraph.data) entries.push(seed("metagraph", metagraph.query, metagraph.data));
  if (holders) entries.push(seed("subnetHolders", { netuid, limit: HOLDERS_LIMIT }, holders));
  return (
    <Prefetch entries={entries}>
      <div className="space-y-4">
        <SubnetDetail netuid={netuid} />
        <Panel
          title="Metagraph"
          id="metagraph"
          actions={
            <Link href={`/subnets/${netuid}/metagraph`} className="text-brand-600 hover:underline">
              Full metagraph
            </Link>
          }
        >
          {metagraph.data ? (
            <MetagraphTable
              params={metagraph.query}
              defaultLimit={METAGRAPH_LIMIT}
              basePath={`/subnets/${netuid}`}
            />
          ) : (
            <EmptyState title="No metagraph yet">
              The indexer stores a subnet&apos;s metagraph when it first sees the subnet and after each of its
              epochs.
            </EmptyState>
          )}
        </Panel>
        <Panel title="Holders" id="subnet-holders-panel">
          {holders ? (
            <SubnetHolders netuid={netuid} limit={HOLDERS_LIMIT} />
          ) : (
            <EmptyState title="No holder scan yet">
              The indexer scans every stake position when it starts and then once per tempo.
            </EmptyState>
          )}
        </Panel>
      </div>
      {holders ? <SubnetHolderCharts netuid={netuid} /> : null}
    </Prefetch>
  );
}
