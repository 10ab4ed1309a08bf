import { LatestBlocks } from "../components/home/LatestBlocks";
import { LatestTransfers } from "../components/home/LatestTransfers";
import { NetworkStats } from "../components/home/NetworkStats";
import { LATEST_BLOCKS, LATEST_TRANSFERS } from "../components/home/params";
import { Prefetch, type PrefetchEntry, seed } from "../components/query/Prefetch";
import { listBlocks } from "../lib/queries/blocks";
import { listEvents } from "../lib/queries/events";
import { getHealth } from "../lib/queries/health";
import { latestStats } from "../lib/queries/stats";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const health = await getHealth();
  const entries: PrefetchEntry[] = [seed("health", undefined, health)];
  if (health.database.ok) {
    // Each widget keeps its own error state: a failed prefetch leaves it to the client query.
    const [stats, blocks, transfers] = await Promise.allSettled([
      latestStats(),
      listBlocks({ limit: LATEST_BLOCKS.limit ?? 10, dir: "desc" }),
      listEvents({
        section: "balances",
        method: "Transfer",
        limit: LATEST_TRANSFERS.limit ?? 10,
        dir: "desc",
      }),
    ]);
    if (stats.status === "fulfilled") entries.push(seed("stats", undefined, stats.value));
    if (blocks.status === "fulfilled") entries.push(seed("blocks", LATEST_BLOCKS, blocks.value));
    if (transfers.status === "fulfilled") entries.push(seed("events", LATEST_TRANSFERS, transfers.value));
  }
  return (
    <Prefetch entries={entries}>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">Network</h1>
        {health.database.ok ? null : (
          <p
            role="alert"
            className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
          >
            The database is unreachable: {health.database.error}
          </p>
        )}
        <NetworkStats />
        <div className="grid gap-6 lg:grid-cols-2">
          <LatestBlocks />
          <LatestTransfers />
        </div>
      </div>
    </Prefetch>
  );
}
