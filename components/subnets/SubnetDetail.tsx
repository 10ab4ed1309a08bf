"use client";
// One subnet: identity, pool panel with market figures, price and reserve charts, current hyperparameters.
import dynamic from "next/dynamic";
import Link from "next/link";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { SubnetDetailDto } from "../../lib/api/v1/subnet-schemas";
import { formatInteger } from "../../lib/format/numbers";
import { Amount } from "../ui/Amount";
import { DetailList, Panel } from "../ui/Card";
import { Skeleton } from "../ui/Skeleton";
import { EmptyState, ErrorState } from "../ui/States";
import { formatChange, formatShare } from "./format";
import { SubnetActivity } from "./SubnetActivity";

import { SubnetName } from "./SubnetsTable";

// Charts load after first paint: Recharts is most of a subnet page's JavaScript (see bench/web).
const SubnetCharts = dynamic(() => import("./SubnetCharts").then((m) => m.SubnetCharts), {
  ssr: false,
  loading: () => <Skeleton className="h-80" />,
});

const SubnetHistory = dynamic(() => import("./SubnetHistory").then((m) => m.SubnetHistory), {
  ssr: false,
  loading: () => <Skeleton className="h-72" />,
});

function Stat({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="text-xs text-zinc-500">{label}</div>
      <div className="mt-1 text-sm font-medium">{children}</div>
    </div>
  );
}

function value(v: unknown): string {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean"
    ? String(v)
    : JSON.stringify(v);
}

function PoolPanel({ s }: { s: SubnetDetailDto }) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="pool-panel">
      <Stat label="Price">
        <Amount value={s.price} unit="tao" />
      </Stat>
      <Stat label="24h change">{formatChange(s.price_change_24h)}</Stat>
      <Stat label="Market cap">
        <Amount value={s.market_cap} compact />
      </Stat>
      <Stat label="Emission share">{formatShare(s.emission_share)}</Stat>
      <Stat label="TAO in pool">
        <Amount value={s.tao_in} compact />
      </Stat>
      <Stat label="α in pool">
        <Amount value={s.alpha_in} unit="alpha" compact />
      </Stat>
      <Stat label="α outstanding">
        <Amount value={s.alpha_out} unit="alpha" compact />
      </Stat>
      <Stat label="24h volume">
        <Amount value={s.volume_24h} compact />
      </Stat>
    </div>
  );
}

export function SubnetDetail({ netuid }: { netuid: number }) {
  const q = useApiQuery("subnet", { netuid });
  if (q.isPending)
    return (
      <div className="space-y-4" aria-busy="true">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  if (q.error)
    return <ErrorState title="Could not load this subnet" error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  const identity = s.identity ?? {};
  const links = ["subnet_url", "github_repo"]
    .map((k) => identity[k])
    .filter((v): v is string => typeof v === "string" && /^https?:\/\//.test(v));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">
          <SubnetName s={s} />
        </h1>
        {typeof identity.description === "string" && identity.description ? (
          <p className="mt-1 text-sm text-zinc-500">{identity.description}</p>
        ) : null}
        {links.length ? (
          <p className="mt-1 flex gap-3 text-sm">
            {links.map((l) => (
              <a
                key={l}
                href={l}
                rel="noopener noreferrer nofollow"
                className="text-brand-600 hover:underline"
              >
                {l.replace(/^https?:\/\//, "")}
              </a>
            ))}
          </p>
        ) : null}
      </div>
      <PoolPanel s={s} />
      <SubnetCharts netuid={s.netuid} headIso={s.timestamp} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="Pool" id="pool-details">
          <DetailList
            items={[
              {
                label: "Snapshot block",
                value: (
                  <Link href={`/blocks/${s.block_number}`} className="text-brand-600 hover:underline">
                    #{formatInteger(s.block_number)}
                  </Link>
                ),
              },
              { label: "Moving price", value: <span className="font-mono">{s.moving_price ?? "—"}</span> },
              { label: "TAO injected / block", value: <Amount value={s.tao_in_emission} /> },
              { label: "α injected / block", value: <Amount value={s.alpha_in_emission} unit="alpha" /> },
              { label: "α emitted / block", value: <Amount value={s.alpha_out_emission} unit="alpha" /> },
              { label: "Volume since registration", value: <Amount value={s.volume} compact /> },
              {
                label: "Trades in 24h (buys / sells)",
                value: (
                  <span data-testid="subnet-trades-24h">
                    {formatInteger(s.trades_24h.buys)} / {formatInteger(s.trades_24h.sells)} by{" "}
                    {formatInteger(s.trades_24h.buyers)} / {formatInteger(s.trades_24h.sellers)} coldkeys ·{" "}
                    <Amount value={s.trades_24h.tao_bought} compact /> in,{" "}
                    <Amount value={s.trades_24h.tao_sold} compact /> out
                  </span>
                ),
              },
              {
                label: "Registered",
                value:
                  s.registered_block === null ? (
                    "before the indexed history"
                  ) : (
                    <Link href={`/blocks/${s.registered_block}`} className="text-brand-600 hover:underline">
                      #{formatInteger(s.registered_block)}
                    </Link>
                  ),
              },
              { label: "Owner", value: <span className="font-mono">{s.owner?.ss58 ?? "—"}</span> },
            ]}
          />
        </Panel>
        <Panel title="Hyperparameters" id="hyperparameters">
          {s.hyperparameters.length === 0 ? (
            <EmptyState title="No changes seen">
              No AdminUtils change to this subnet's hyperparameters is in the indexed history.
            </EmptyState>
          ) : (
            <table className="w-full text-sm" data-testid="hyperparameters">
              <thead className="text-left text-xs text-zinc-500">
                <tr>
                  <th className="px-4 py-2 font-normal">Name</th>
                  <th className="px-4 py-2 font-normal">Value</th>
                  <th className="px-4 py-2 text-right font-normal">Set at</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {s.hyperparameters.map((h) => (
                  <tr key={h.name}>
                    <td className="px-4 py-1.5 font-mono">{h.name}</td>
                    <td className="px-4 py-1.5 font-mono break-all">{value(h.value)}</td>
                    <td className="px-4 py-1.5 text-right">
                      <Link href={`/blocks/${h.block_number}`} className="text-brand-600 hover:underline">
                        #{formatInteger(h.block_number)}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      </div>
      <SubnetActivity netuid={s.netuid} />
      <SubnetHistory netuid={s.netuid} />
    </div>
  );
}
