// Server side of TanStack's App Router hydration: server components load data with the query layer and seed
// the client cache under the same keys the client hooks use (lib/api/resources apiQueryKey), so first paint is
// server-rendered with data and the browser does not refetch it.
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import {
  apiQueryKey,
  type ResourceData,
  type ResourceName,
  type ResourceParams,
} from "../../lib/api/resources";

export interface PrefetchEntry {
  key: readonly unknown[];
  data: unknown;
}

/** One seeded query, typed: the data must be what the API would answer for these params. */
export function seed<N extends ResourceName>(
  name: N,
  params: ResourceParams<N>,
  data: ResourceData<N>,
): PrefetchEntry {
  return { key: apiQueryKey(name, params), data };
}

export function Prefetch({ entries, children }: { entries: PrefetchEntry[]; children: ReactNode }) {
  const client = new QueryClient();
  for (const e of entries) client.setQueryData(e.key, e.data);
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
