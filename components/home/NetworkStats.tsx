"use client";
// Chain position and totals; live through the health and stats queries.
import { useApiQuery } from "../../lib/api/use-api-query";
import { formatInteger } from "../../lib/format/numbers";
import { Skeleton } from "../ui/Skeleton";
import { StatCard } from "../ui/StatCard";
import { Time } from "../ui/Time";

const block = (n: number | null | undefined) =>
  n === null || n === undefined ? "—" : `#${formatInteger(n)}`;

export function NetworkStats() {
  const health = useApiQuery("health", undefined);
  const stats = useApiQuery("stats", undefined);
  const h = health.data;
  const s = stats.data;
  const loading = <Skeleton className="h-8 w-24" />;
  const count = (c: { value: number; exact: boolean } | undefined) =>
    c ? `${c.exact ? "" : "≈ "}${formatInteger(c.value)}` : stats.isError ? "—" : loading;
  return (
    <div className="grid grid-cols-2 gap-4 md:grid-cols-4" data-testid="network-stats">
      <StatCard
        label="Chain head"
        value={h ? block(h.chain.head) : loading}
        hint={h ? (h.chain.ok ? "best block" : (h.chain.error ?? "chain unreachable")) : null}
      />
      <StatCard label="Finalized" value={h ? block(h.chain.finalized) : loading} />
      <StatCard
        label="Indexed"
        value={<span data-testid="indexed-head">{h ? block(h.indexer.head) : loading}</span>}
        hint={s?.indexed.timestamp ? <Time iso={s.indexed.timestamp} compact /> : null}
      />
      <StatCard
        label="Indexer lag"
        value={h ? (h.indexer.lag === null ? "—" : `${formatInteger(h.indexer.lag)} blocks`) : loading}
      />
      <StatCard
        label="Extrinsics"
        value={count(s?.counts.extrinsics)}
        hint={s ? `${count(s.counts.signed_extrinsics)} signed` : null}
      />
      <StatCard label="Events" value={count(s?.counts.events)} />
      <StatCard label="Blocks stored" value={count(s?.counts.blocks)} />
      <StatCard
        label="Runtime"
        value={s ? (s.runtime.spec_version ?? "—") : loading}
        hint={s ? `${s.runtime.versions_seen} version${s.runtime.versions_seen === 1 ? "" : "s"} seen` : null}
      />
    </div>
  );
}
