import { LatestBlocks } from "../components/home/LatestBlocks";
import { StatCard } from "../components/ui/StatCard";
import { latestBlocks } from "../lib/queries/blocks";
import { getHealth } from "../lib/queries/health";

export const dynamic = "force-dynamic";

const fmt = (n: number | null) => (n === null ? "—" : `#${n.toLocaleString("en-US")}`);

export default async function HomePage() {
  const health = await getHealth();
  const blocks = health.database.ok ? await latestBlocks(10) : [];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Network</h1>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <StatCard
          label="Chain head"
          value={fmt(health.chain.head)}
          hint={health.chain.ok ? health.chain.url : health.chain.error}
        />
        <StatCard label="Finalized" value={fmt(health.chain.finalized)} />
        <StatCard label="Indexed" value={fmt(health.indexer.head)} />
        <StatCard
          label="Indexer lag"
          value={health.indexer.lag === null ? "—" : `${health.indexer.lag} blocks`}
        />
      </div>
      {health.database.ok ? (
        <LatestBlocks blocks={blocks} />
      ) : (
        <p
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
        >
          The database is unreachable: {health.database.error}
        </p>
      )}
    </div>
  );
}
