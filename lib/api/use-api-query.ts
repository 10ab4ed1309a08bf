"use client";
// The one generic hook every widget uses to read an API resource, and the query-options factory that server
// prefetching shares (same key, so hydrated data is picked up without a refetch).
// Owned by the dashboard (issue 7), with lib/api/resources.ts.
import { keepPreviousData, type UseQueryResult, useQuery } from "@tanstack/react-query";
import {
  ApiError,
  apiQueryKey,
  fetchResource,
  type ResourceData,
  type ResourceName,
  type ResourceParams,
  resources,
} from "./resources";

export { apiQueryKey };

export function apiQueryOptions<N extends ResourceName>(name: N, params: ResourceParams<N>) {
  const r = resources[name] as { refetchInterval?: number };
  return {
    queryKey: apiQueryKey(name, params),
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchResource(name, params, signal),
    refetchInterval: r.refetchInterval,
    // A 4xx answer is final (bad id, not found); retrying only delays the error state.
    retry: (count: number, error: Error) => !(error instanceof ApiError && error.status < 500) && count < 1,
  };
}

export function useApiQuery<N extends ResourceName>(
  name: N,
  params: ResourceParams<N>,
  opts: { keepPrevious?: boolean; enabled?: boolean } = {},
): UseQueryResult<ResourceData<N>> {
  return useQuery({
    ...apiQueryOptions(name, params),
    placeholderData: opts.keepPrevious ? keepPreviousData : undefined,
    enabled: opts.enabled,
  }) as UseQueryResult<ResourceData<N>>;
}
