"use client";
// Live status of the stack in the header: green when the indexer is within 3 blocks of finality.
import { useApiQuery } from "../../lib/api/use-api-query";
import { useHydrated } from "../../lib/live/hydrated";

// The query starts only after hydration: created earlier, it would make the page's prefetch boundary defer
// seeding the same key, and server-rendered widgets below would hydrate without their data.
export function HealthPill() {
  return useHydrated() ? <LiveHealthPill /> : <PillSkeleton />;
}

function PillSkeleton() {
  return (
    <span
      className="h-6 w-28 animate-pulse rounded-full bg-zinc-200 dark:bg-zinc-800"
      role="status"
      aria-label="Loading status"
    />
  );
}

function LiveHealthPill() {
  const { data, isError, isPending } = useApiQuery("health", undefined);
  if (isPending) {
    return (
      <span
        className="h-6 w-28 animate-pulse rounded-full bg-zinc-200 dark:bg-zinc-800"
        role="status"
        aria-label="Loading status"
      />
    );
  }
  if (isError || !data) {
    return <Pill tone="red" label="API unreachable" title="The Taoview server did not answer /api/health" />;
  }
  if (!data.database.ok) return <Pill tone="red" label="Database down" title={data.database.error ?? ""} />;
  if (!data.chain.ok)
    return (
      <Pill tone="red" label="Chain unreachable" title={`${data.chain.url}: ${data.chain.error ?? ""}`} />
    );
  const head = data.chain.head === null ? "" : ` #${data.chain.head.toLocaleString("en-US")}`;
  if (data.indexer.head === null)
    return <Pill tone="amber" label={`Not indexed yet${head}`} title="No block stored yet" />;
  const lag = data.indexer.lag ?? 0;
  if (lag > 3) {
    return (
      <Pill
        tone="amber"
        label={`Indexer ${lag.toLocaleString("en-US")} blocks behind`}
        title={`Indexed #${data.indexer.head}, finalized #${data.chain.finalized}`}
      />
    );
  }
  return (
    <Pill
      tone="green"
      label={`Live${head}`}
      title={`Indexed #${data.indexer.head}, finalized #${data.chain.finalized}`}
    />
  );
}

const tones = {
  green: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  amber: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300",
  red: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
} as const;

function Pill({ tone, label, title }: { tone: keyof typeof tones; label: string; title: string }) {
  return (
    <output
      className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-xs font-medium ${tones[tone]}`}
      title={title}
      data-testid="health-pill"
      data-tone={tone}
    >
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {label}
    </output>
  );
}
