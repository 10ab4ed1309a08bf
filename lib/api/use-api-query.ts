"use client";
// The one generic hook every widget uses to read an API resource.
import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { fetchResource, type ResourceData, type ResourceName, resources } from "./resources";

export function apiQueryKey(name: ResourceName): readonly unknown[] {
  return ["api", name];
}

export function useApiQuery<N extends ResourceName>(name: N): UseQueryResult<ResourceData<N>> {
  return useQuery({
    queryKey: apiQueryKey(name),
    queryFn: ({ signal }) => fetchResource(name, signal),
    refetchInterval: resources[name].refetchInterval,
  });
}
