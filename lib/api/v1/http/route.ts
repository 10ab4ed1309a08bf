// The one wrapper every /api/v1 route handler goes through: CORS, rate limit, parameter validation, ETag
// keyed to the indexed data version (head number and hash, finalized head), the handler, response shaping with the endpoint's schema, CSV streaming for
// lists, and a catch-all that turns anything unexpected into a logged 500 with a request id.
import { createHash, randomUUID } from "node:crypto";
import type { z } from "zod";
import { dataVersion } from "../../../queries/head";
import { ApiHttpError, type Endpoint } from "../endpoint";
import { csvColumns, csvHeader, csvRow } from "./csv";
import { clientKey, rateLimiter } from "./rate-limit";

export const API_PREFIX = "/api/v1";
/** Seconds clients and proxies may reuse a head-keyed answer (a block is ~12 s). */
const MAX_AGE = 6;
const CSV_PAGE = 1000;

// Answers by ETag (head + request). Dashboards poll the same first pages; between blocks they are served from
// here without a query. A new head changes every tag, so old entries are never hit again and age out.
const answers = new Map<string, { status: number; body: string }>();
const ANSWERS_MAX = 1_000;

function remember(etag: string, status: number, body: string): void {
  if (answers.size >= ANSWERS_MAX) answers.delete(answers.keys().next().value as string);
  answers.set(etag, { status, body });
  const key = requestKey(etag);
  if (newest.size >= ANSWERS_MAX && !newest.has(key)) newest.delete(newest.keys().next().value as string);
  newest.set(key, { etag, status, body });
}

// The newest answer per request (whatever head it was computed at), by the request part of its ETag. While the
// answer for a new head is being computed, concurrent requests get this one with its own (older) ETag —
// stale-while-revalidate for the ~one query time after each block — instead of queueing behind the computation.
const newest = new Map<string, { etag: string; status: number; body: string }>();
const requestKey = (etag: string) => etag.slice(etag.lastIndexOf("-") + 1);

// Answers being computed, by ETag: when a new head invalidates a popular page, the requests that arrive while its
// answer is computed wait for that one computation instead of each running the same queries (a thundering herd
// on every block otherwise).
const pending = new Map<string, Promise<{ status: number; body: string }>>();

type Params = Record<string, string | string[] | undefined>;
export interface RouteContext {
  params: Promise<Params>;
}
export type RouteHandler = (request: Request, context?: RouteContext) => Promise<Response>;

const CORS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag, Retry-After, X-Request-Id, RateLimit-Limit, RateLimit-Remaining",
};

function errorResponse(
  status: number,
  code: string,
  message: string,
  parameter: string | null,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { error: { code, message, parameter, request_id: requestId } },
    { status, headers: { ...CORS, "cache-control": "no-store", "x-request-id": requestId, ...headers } },
  );
}

/** Query string → record; a repeated parameter is ambiguous, so it is an error rather than a silent pick. */
function queryRecord(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) {
    if (Object.hasOwn(out, k)) throw new ApiHttpError(400, "bad_request", "given more than once", k);
    out[k] = v;
  }
  return out;
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues;
  const unknown = issues.find((i) => i.code === "unrecognized_keys");
  if (unknown && unknown.code === "unrecognized_keys")
    throw new ApiHttpError(400, "unknown_parameter", "unknown parameter", unknown.keys[0] ?? null);
  const first = issues[0]!;
  const parameter = first.path.length > 0 ? String(first.path[0]) : null;
  throw new ApiHttpError(400, "bad_request", first.message, parameter);
}

function etagOf(version: string, url: URL): string {
  const sorted = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const digest = createHash("sha1")
    .update(url.pathname)
    .update("?")
    .update(new URLSearchParams(sorted).toString())
    .digest("base64url")
    .slice(0, 16);
  return `W/"${version}-${digest}"`;
}

const matches = (ifNoneMatch: string | null, etag: string) =>
  ifNoneMatch !== null &&
  (ifNoneMatch.trim() === "*" ||
    ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag.replace(/^W\//, "")));

/** CORS preflight: any origin may GET. */
const preflight: RouteHandler = async () =>
  new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      "access-control-allow-methods": "GET, HEAD, OPTIONS",
      "access-control-allow-headers": "If-None-Match, Content-Type",
      "access-control-max-age": "86400",
    },
  });

/** Route handlers (GET, OPTIONS) for one endpoint. */
export interface RouteOptions {
  /** Rows fetched per page while streaming CSV (default 1000, the largest page a client may ask for). */
  csvPageSize?: number;
}

export function route(
  endpoint: Endpoint,
  opts: RouteOptions = {},
): { GET: RouteHandler; OPTIONS: RouteHandler } {
  const get: RouteHandler = async (request, context) => {
    const requestId = randomUUID();
    try {
      const limiter = rateLimiter();
      let remaining: number | null = null;
      if (limiter) {
        const decision = limiter.take(clientKey(request));
        if (!decision.ok)
          return errorResponse(429, "rate_limited", "too many requests", null, requestId, {
            "retry-after": String(decision.retryAfterSeconds),
            "ratelimit-limit": String(limiter.perMinute),
            "ratelimit-remaining": "0",
          });
        remaining = decision.remaining;
      }
      const url = new URL(request.url);
      const rawQuery = queryRecord(url);
      const query = parseOrThrow(endpoint.query, rawQuery);
      const rawParams = context ? await context.params : {};
      const path = endpoint.params ? parseOrThrow(endpoint.params, rawParams) : {};

      const headers: Record<string, string> = { ...CORS, "x-request-id": requestId };
      if (limiter && remaining !== null) {
        headers["ratelimit-limit"] = String(limiter.perMinute);
        headers["ratelimit-remaining"] = String(remaining);
      }
      if (endpoint.cache === "head") {
        const etag = etagOf(await dataVersion(), url);
        headers.etag = etag;
        headers["cache-control"] = `public, max-age=${MAX_AGE}`;
        if (matches(request.headers.get("if-none-match"), etag))
          return new Response(null, { status: 304, headers });
      } else if (endpoint.cache === "static") headers["cache-control"] = "public, max-age=300";
      else headers["cache-control"] = "no-store";

      if (endpoint.list && rawQuery.format === "csv")
        return csvResponse(endpoint, rawQuery, path, headers, requestId, opts.csvPageSize ?? CSV_PAGE);

      const etag = headers.etag;
      const known = etag ? answers.get(etag) : undefined;
      const json = { ...headers, "content-type": "application/json" };
      if (known) return new Response(known.body, { status: known.status, headers: json });
      const compute = async () => {
        const body = endpoint.response.parse(await endpoint.handler({ query, path }));
        return { status: endpoint.status?.(body) ?? 200, body: JSON.stringify(body) };
      };
      let answer: { status: number; body: string };
      if (etag) {
        let inFlight = pending.get(etag);
        const stale = inFlight ? newest.get(requestKey(etag)) : undefined;
        if (stale && stale.etag !== etag)
          return new Response(stale.body, {
            status: stale.status,
            headers: { ...json, etag: stale.etag, "x-taoview-stale": "1" },
          });
        if (!inFlight) {
          inFlight = compute();
          pending.set(etag, inFlight);
          // Settled either way: a failure is not remembered, the next request computes again.
          inFlight.then(
            (a) => remember(etag, a.status, a.body),
            () => undefined,
          );
          void inFlight.finally(() => pending.delete(etag)).catch(() => undefined);
        }
        answer = await inFlight;
      } else answer = await compute();
      return new Response(answer.body, { status: answer.status, headers: json });
    } catch (e) {
      if (e instanceof ApiHttpError)
        return errorResponse(e.status, e.code, e.message, e.parameter, requestId);
      console.error(`[api] ${requestId} ${request.method} ${request.url}:`, e);
      return errorResponse(500, "internal", "internal error", null, requestId);
    }
  };
  return { GET: get, OPTIONS: preflight };
}

interface ListBody {
  pagination: { next: string | number | null };
  data: unknown[];
}

/** Every page of the list, in the requested order and filters, streamed as CSV. */
function csvResponse(
  endpoint: Endpoint,
  rawQuery: Record<string, string>,
  path: unknown,
  headers: Record<string, string>,
  requestId: string,
  pageSize: number,
): Response {
  const item = (endpoint.response as unknown as z.ZodObject).shape.data as z.ZodArray;
  const columns = csvColumns(item.element as z.ZodType);
  const encoder = new TextEncoder();
  const base: Record<string, string> = { ...rawQuery, limit: String(pageSize) };
  delete base.after;
  delete base.before;
  if (endpoint.list === "page") base.page = "1";
  let cursor: Record<string, string> | null = {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvHeader(columns)));
    },
    async pull(controller) {
      if (cursor === null) {
        controller.close();
        return;
      }
      try {
        const query = parseOrThrow(endpoint.query, { ...base, ...cursor });
        const body = endpoint.response.parse(await endpoint.handler({ query, path })) as ListBody;
        controller.enqueue(encoder.encode(body.data.map((row) => csvRow(columns, row)).join("")));
        const next = body.pagination.next;
        cursor =
          next === null || body.data.length === 0
            ? null
            : endpoint.list === "page"
              ? { page: String(next) }
              : { after: String(next) };
      } catch (e) {
        // Headers are gone by now: log, and end the body visibly broken rather than silently short.
        console.error(`[api] ${requestId} CSV export failed:`, e);
        controller.error(e);
      }
    },
  });
  const file = endpoint.id.replace(/[^A-Za-z0-9_-]/g, "_");
  return new Response(stream, {
    status: 200,
    headers: {
      ...headers,
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file}.csv"`,
    },
  });
}
