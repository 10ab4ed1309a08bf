"use client";
// The holder charts load after first paint (Recharts), wired to the lists they describe.
import dynamic from "next/dynamic";
import { useApiQuery } from "../../lib/api/use-api-query";
import { shortAddress } from "../../lib/format/numbers";
import { toChartNumber } from "../../lib/units";
import { Skeleton } from "../ui/Skeleton";

const loading = () => <Skeleton className="h-64" />;
const ConcentrationChart = dynamic(() => import("./HolderCharts").then((m) => m.ConcentrationChart), {
  ssr: false,
  loading,
});
const DistributionChart = dynamic(() => import("./HolderCharts").then((m) => m.DistributionChart), {
  ssr: false,
  loading,
});

const TOP = 25;

/** Network-wide: the rich list's top totals and the network concentration over time. */
export function NetworkHolderCharts() {
  const q = useApiQuery("holders", { limit: TOP });
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <DistributionChart
        title={`The ${TOP} largest holders (total, τ)`}
        unit="τ"
        bars={(q.data?.data ?? []).map((h) => ({
          label: shortAddress(h.address.ss58),
          value: toChartNumber(BigInt(h.total)),
        }))}
      />
      <ConcentrationChart />
    </div>
  );
}

/** One subnet: its top holders' shares and its concentration over time. */
export function SubnetHolderCharts({ netuid }: { netuid: number }) {
  const q = useApiQuery("subnetHolders", { netuid, limit: TOP });
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <DistributionChart
        title={`The ${TOP} largest holders (share of the subnet's stake)`}
        unit="%"
        bars={(q.data?.data ?? []).map((h) => ({
          label: shortAddress(h.coldkey.ss58),
          value: Number(h.share) * 100,
        }))}
      />
      <ConcentrationChart netuid={netuid} />
    </div>
  );
}
