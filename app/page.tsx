import { LatestBlocks } from "../components/home/LatestBlocks";
import { LatestStakeTrades } from "../components/home/LatestStakeTrades";
import { LatestTransfers } from "../components/home/LatestTransfers";
import { NetworkChartsLazy } from "../components/home/NetworkChartsLazy";
import { NetworkStats } from "../components/home/NetworkStats";
import {
  LATEST_BLOCKS,
  LATEST_STAKE_TRADES,
  LATEST_TRANSFERS,
  sparklineParams,
  TOP_SUBNETS,
  TOP_VALIDATORS,
} from "../components/home/params";
import { TopSubnets } from "../components/home/TopSubnets";
import { TopValidators } from "../components/home/TopValidators";
import { Prefetch, type PrefetchEntry, seed } from "../components/query/Prefetch";
import { listBlocks } from "../lib/queries/blocks";
import { listEvents } from "../lib/queries/events";
import { getHealth } from "../lib/queries/health";
import { listStakeTrades } from "../lib/queries/stake-trades";
import { latestStats } from "../lib/queries/stats";
import { listSubnets, subnetSparklines } from "../lib/queries/subnets";
import { listValidators } from "../lib/queries/validators";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const health = await getHealth();
  const entries: PrefetchEntry[] = [seed("health", undefined, health)];
  if (health.database.ok) {
    // Each widget keeps its own error state: a failed prefetch leaves it to the client query.
    const [stats, blocks, transfers, trades, subnets, validators] = await Promise.allSettled([
      latestStats(),
      listBlocks({ limit: LATEST_BLOCKS.limit ?? 10, dir: "desc" }),
      listEvents({
        section: "balances",
        method: "Transfer",
        limit: LATEST_TRANSFERS.limit ?? 10,
        dir: "desc",
      }),
      listStakeTrades({ limit: LATEST_STAKE_TRADES.limit ?? 10, dir: "desc" }),
      listSubnets({ page: 1, limit: TOP_SUBNETS.limit ?? 10, field: "market_cap", dir: "desc" }),
      listValidators({ page: 1, limit: TOP_VALIDATORS.limit ?? 10, field: "alpha_stake", dir: "desc" }),
    ]);
    if (stats.status === "fulfilled") entries.push(seed("stats", undefined, stats.value));
    if (blocks.status === "fulfilled") entries.push(seed("blocks", LATEST_BLOCKS, blocks.value));
    if (transfers.status === "fulfilled") entries.push(seed("events", LATEST_TRANSFERS, transfers.value));
    if (trades.status === "fulfilled") entries.push(seed("stakeTrades", LATEST_STAKE_TRADES, trades.value));
    if (validators.status === "fulfilled") entries.push(seed("validators", TOP_VALIDATORS, validators.value));
    if (subnets.status === "fulfilled") {
      entries.push(seed("subnets", TOP_SUBNETS, subnets.value));
      const netuids = subnets.value.data.map((s) => s.netuid);
      if (netuids.length > 0) {
        const lines = await subnetSparklines(netuids).catch(() => null);
        if (lines) entries.push(seed("sparklines", sparklineParams(netuids), { data: lines }));
      }
    }
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
        <NetworkChartsLazy />
        <div className="grid gap-6 xl:grid-cols-5">
          <TopSubnets className="xl:col-span-3" />
          <TopValidators className="xl:col-span-2" />
        </div>
        <div className="grid gap-6 lg:grid-cols-2">
          <LatestBlocks />
          <LatestTransfers />
        </div>
        <LatestStakeTrades />
      </div>
    </Prefetch>
  );
}
