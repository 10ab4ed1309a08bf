import type { Metadata } from "next";
import { PoolCalculator } from "../../../components/pools/PoolCalculator";
import { Prefetch, seed } from "../../../components/query/Prefetch";
import { listPoolStates } from "../../../lib/queries/quote";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Pools" };

export default async function PoolsPage() {
  const states = await listPoolStates();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Pools</h1>
        <p className="mt-1 text-sm text-zinc-500">
          Stake and unstake quotes with slippage, computed in your browser by the same WASM engine the API
          uses, from each subnet&apos;s latest indexed pool state.
        </p>
      </div>
      <Prefetch entries={[seed("poolStates", undefined, states)]}>
        <PoolCalculator />
      </Prefetch>
    </div>
  );
}
