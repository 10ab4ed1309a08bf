// The shape of one public API endpoint. Every endpoint is declared once with `defineEndpoint`; the route
// wrapper (http/route.ts), the OpenAPI document (openapi.ts) and CSV export all read the same declaration.
import type { z } from "zod";

export type CachePolicy =
  /** ETag keyed to the indexed head + the request; short public max-age. */
  | "head"
  /** Never cached (health). */
  | "none"
  /** Same for the life of the process (the OpenAPI document). */
  | "static";

export interface EndpointInput<Q, P> {
  query: Q;
  path: P;
}

export interface Endpoint<
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  /** OpenAPI operationId, also the key in the registry. */
  id: string;
  /** Path under /api/v1 with `{name}` path parameters, e.g. `/blocks/{id}`. */
  path: string;
  tag: string;
  summary: string;
  /** Markdown-free prose; derived metrics state their method (window, formula) here. */
  description: string;
  /** Query parameters: a strict z.object (unknown parameters are a 400). */
  query: Q;
  /** Path parameters: a strict z.object, or undefined. */
  params?: P;
  response: R;
  cache: CachePolicy;
  /**
   * Lists: how to fetch the next page, which is what CSV export follows. `cursor`: the response's
   * `pagination.next` goes into `after`; `page`: into `page`.
   */
  list?: "cursor" | "page";
  /** Query-addressed entities (no path parameter) that can be missing: the 404's description. */
  notFound?: string;
  /** HTTP status for a successful body (health answers 503 when down); default 200. */
  status?(body: z.output<R>): number;
  // Method syntax on purpose: declarations stay assignable to the generic Endpoint the registry holds.
  handler(input: EndpointInput<z.output<Q>, z.output<P>>): Promise<z.input<R>>;
}

export function defineEndpoint<Q extends z.ZodType, P extends z.ZodType, R extends z.ZodType>(
  e: Endpoint<Q, P, R>,
): Endpoint<Q, P, R> {
  return e;
}

/** An error the client caused or must see (4xx), with the parameter at fault when there is one. */
export class ApiHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly parameter: string | null = null,
  ) {
    super(message);
    this.name = "ApiHttpError";
  }
}

export const notFound = (what: string, parameter: string | null = "id") =>
  new ApiHttpError(404, "not_found", `${what} not found`, parameter);
