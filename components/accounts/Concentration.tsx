// Holder statistics of one scan (holders, total, top-10/50 share, Gini, Nakamoto) as stat tiles.
import type { HolderStatsDto } from "../../lib/api/v1/account-schemas";
import { formatInteger } from "../../lib/format/numbers";
import { proportion, sharePercent } from "../metagraph/format";
import { Amount } from "../ui/Amount";

export function Concentration({ stats, unit }: { stats: HolderStatsDto; unit: "tao" | "alpha" }) {
  const tiles = [
    { key: "holders", label: "Holders", value: formatInteger(stats.holders) },
    { key: "total", label: "Held", value: <Amount value={stats.total} unit={unit} compact /> },
    { key: "top10", label: "Top 10 share", value: sharePercent(stats.top10_share) },
    { key: "top50", label: "Top 50 share", value: sharePercent(stats.top50_share) },
    { key: "gini", label: "Gini", value: proportion(stats.gini, 4) },
    {
      key: "nakamoto",
      label: "Nakamoto (holders > 50%)",
      value: stats.nakamoto === null ? "—" : formatInteger(stats.nakamoto),
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-px bg-zinc-100 sm:grid-cols-3 lg:grid-cols-6 dark:bg-zinc-800">
      {tiles.map((t) => (
        <div
          key={t.key}
          className="bg-white px-4 py-3 dark:bg-zinc-900"
          data-testid={`holders-stat-${t.key}`}
        >
          <dt className="text-xs text-zinc-500">{t.label}</dt>
          <dd className="mt-1 font-mono text-sm">{t.value}</dd>
        </div>
      ))}
    </dl>
  );
}
