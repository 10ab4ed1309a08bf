// The typed registry of API resources (blockscout style): every client-side fetch goes through one entry here,
// so a path, its parameters and its response schema are declared once.
import type { z } from "zod";
import { HealthSchema } from "./schemas/health";

export interface Resource<S extends z.ZodType> {
  path: string;
  schema: S;
  /** How often live widgets refresh this resource (ms); undefined: only on invalidation. */
  refetchInterval?: number;
}

export const resources = {
  health: { path: "/api/health", schema: HealthSchema, refetchInterval: 5000 },
} satisfies Record<string, Resource<z.ZodType>>;

export type ResourceName = keyof typeof resources;
export type ResourceData<N extends ResourceName> = z.infer<(typeof resources)[N]["schema"]>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function fetchResource<N extends ResourceName>(
  name: N,
  signal?: AbortSignal,
): Promise<ResourceData<N>> {
  const resource = resources[name];
  const response = await fetch(resource.path, { signal, headers: { accept: "application/json" } });
  const body: unknown = await response.json().catch(() => null);
  // Health answers 503 with a full body when a part is down; that body is still the data to show.
  if (!response.ok && !(name === "health" && response.status === 503)) {
    const message =
      (body as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${response.status}`;
    throw new ApiError(response.status, message);
  }
  return resource.schema.parse(body) as ResourceData<N>;
}
