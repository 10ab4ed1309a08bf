"use client";
// Chain and indexer position, from the same health and stats queries the header pill and home page use.
import type { Health } from "../../lib/api/schemas/health";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { StatsDto } from "../../lib/api/v1/schemas";
import { formatInteger } from "../../lib/format/numbers";
import { useHydrated } from "../../lib/live/hydrated";
import { useLiveHead } from "../../lib/live/use-live-heads";

// Queries start after hydration only (see HealthPill for why).
export function Footer() {
  return useHydrated() ? <LiveFooter /> : <FooterView />;
}

function LiveFooter() {
  const health = useApiQuery("health", undefined);
  const stats = useApiQuery("stats", undefined);
  const { connected } = useLiveHead();
  return <FooterView h={health.data} s={stats.data} connected={connected} />;
}

function FooterView({ h, s, connected = false }: { h?: Health; s?: StatsDto; connected?: boolean }) {
  const n = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `#${formatInteger(v)}`);
  return (
    <footer className="mt-10 border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-7xl flex-wrap gap-x-6 gap-y-1 px-4 py-4 text-xs text-zinc-500">
        <span>Taoview — open-source Bittensor explorer</span>
        <span data-testid="footer-chain">
          Chain:{" "}
          {h
            ? h.chain.ok
              ? `head ${n(h.chain.head)}, finalized ${n(h.chain.finalized)}`
              : "unreachable"
            : "…"}
        </span>
        <span data-testid="footer-indexer">
          Indexer:{" "}
          {h
            ? `${n(h.indexer.head)}${h.indexer.lag !== null ? `, ${h.indexer.lag} behind finality` : ""}`
            : "…"}
        </span>
        <span>Runtime: {s?.runtime.spec_version ?? "—"}</span>
        <span>Live updates: {connected ? "on" : "off"}</span>
        <a href="/api/v1/openapi.json" className="hover:underline">
          API (OpenAPI)
        </a>
      </div>
    </footer>
  );
}
