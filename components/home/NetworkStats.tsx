"use client";
// Chain position and totals; live through the health and stats queries.
import { useApiQuery } from "../../lib/api/use-api-query";
import { formatDuration, formatInteger, formatPercent } from "../../lib/format/numbers";
import { Amount } from "../ui/Amount";
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
  const n = s?.network;
  // Before the indexer's first pool snapshot there are no network figures yet.
  const network = s ? "—" : stats.isError ? "—" : loading;
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
        label="Issuance"
        value={n ? <Amount value={n.issuance} compact /> : network}
        hint={
          n?.block_emission ? (
            <>
              emission <Amount value={n.block_emission} compact /> per block
            </>
          ) : null
        }
      />
      <StatCard
        label="Staked"
        value={
          n ? (
            <span data-testid="staked-share">
              {n.issuance && n.staked ? formatPercent(BigInt(n.staked), BigInt(n.issuance)) : "—"}
            </span>
          ) : (
            network
          )
        }
        hint={n ? <Amount value={n.staked} compact /> : null}
      />
      <StatCard
        label="Subnets"
        value={n ? <span data-testid="subnet-count">{formatInteger(n.subnets)}</span> : network}
        hint={
          n ? (
            <>
              TAO in pools <Amount value={n.tao_in_pools} compact />
            </>
          ) : null
        }
      />
      <StatCard
        label="24h volume"
        value={n ? <Amount value={n.volume_24h} compact /> : network}
        hint={n ? `${formatInteger(n.transfers_24h)} transfers in 24h` : null}
      />
      <StatCard
        label="Accounts"
        value={n ? (n.accounts === null ? "—" : formatInteger(n.accounts)) : network}
        hint={n?.accounts_block ? `at #${formatInteger(n.accounts_block)}` : null}
      />
      <StatCard
        label="Subnet registration"
        value={n ? <Amount value={n.registration_cost} compact /> : network}
        hint="lock cost now"
      />
      <StatCard
        label="Next halving"
        value={
          n ? (
            n.next_halving ? (
              <span data-testid="next-halving">≈ {formatDuration(n.next_halving.blocks * 12)}</span>
            ) : (
              "—"
            )
          ) : (
            network
          )
        }
        hint={
          n?.next_halving ? (
            <>
              in {formatInteger(n.next_halving.blocks)} blocks, at{" "}
              <Amount value={n.next_halving.issuance} compact /> issued
            </>
          ) : null
        }
      />
      <StatCard
        label="Runtime"
        value={s ? (s.runtime.spec_version ?? "—") : loading}
        hint={s ? `${s.runtime.versions_seen} version${s.runtime.versions_seen === 1 ? "" : "s"} seen` : null}
      />
    </div>
  );
}
