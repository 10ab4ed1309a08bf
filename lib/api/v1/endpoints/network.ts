// Network family: stats, blocks, runtime versions, search, health.
import { z } from "zod";
import { getBlock, listBlocks } from "../../../queries/blocks";
import { getHealth } from "../../../queries/health";
import { networkSeries } from "../../../queries/network";
import { listRuntimeVersions } from "../../../queries/runtime-versions";
import { search } from "../../../queries/search";
import { latestStats } from "../../../queries/stats";
import { defineEndpoint, notFound } from "../endpoint";
import {
  blockCursor,
  checkCursors,
  checkRanges,
  cursorParams,
  documented,
  formatParam,
  limitParam,
  orderParam,
  pageParam,
  rangeParams,
  uint,
} from "../params";
import {
  BlockListSchema,
  BlockSchema,
  HealthResponseSchema,
  NetworkSeriesSchema,
  RuntimeVersionListSchema,
  SearchResponseSchema,
  StatsSchema,
} from "../schemas";
import { historyQuery } from "./accounts";

const noQuery = z.object({}).strict();

const NETWORK =
  "The indexer reads TotalIssuance and TotalStake (SubtensorModule storage) and the subnet registration cost " +
  "(SubnetRegistrationRuntimeApi.get_network_registration_cost, the chain's own computation) at every pool " +
  "snapshot block (every block of its recent window, every 300th before it) and stores them with that block's " +
  "pool sums over subnets, root excluded: subnets = pools, tao_in_pools = Σ SubnetTAO, alpha_price_sum = Σ spot " +
  "price (current_alpha_price_all) of the priced pools. staked_share = staked / issuance, truncated to 10 " +
  "places. The next halving: the smallest issuance at which the engine's block emission (the chain's " +
  "get_block_emission_for_issuance) drops, found by bisection, and the blocks to it at the current emission.";

export const stats = defineEndpoint({
  id: "getStats",
  path: "/stats",
  tag: "network",
  summary: "Latest network statistics",
  description:
    "Chain position as last seen by the indexer (indexer_status, no chain call), the indexed head and " +
    "finalized block, row counts and the runtime of the head block. Method: counts are exact while a table " +
    "holds fewer than 50,000 rows, then the planner's estimate (pg_class.reltuples; signed extrinsics: " +
    "reltuples × the share of signed rows from pg_stats), refreshed by autovacuum/ANALYZE; each count says " +
    `which it is. Counts are cached for 5 s. network: ${NETWORK}`,
  query: noQuery,
  response: StatsSchema,
  cache: "head",
  handler: () => latestStats(),
});

export const statsHistory = defineEndpoint({
  id: "getStatsHistory",
  path: "/stats/history",
  tag: "network",
  summary: "Network figures over time: issuance, stake, registration cost, pools",
  description:
    `${NETWORK} frequency=block: every stored snapshot; hour/day: the last snapshot of each UTC hour/day; ` +
    "`from`/`to` filter on block timestamps; at most `limit` points, the newest, returned oldest first.",
  query: historyQuery,
  response: NetworkSeriesSchema,
  cache: "head",
  handler: async ({ query: q }) => {
    const frequency = q.frequency ?? "block";
    return { frequency, data: await networkSeries({ frequency, from: q.from, to: q.to, limit: q.limit }) };
  },
});

export const blocks = defineEndpoint({
  id: "listBlocks",
  path: "/blocks",
  tag: "network",
  summary: "Blocks",
  description:
    "Stored blocks, newest first by default. Keyset pagination on the block number: pass `pagination.next` as " +
    "`after` for the next page. `total` is the table's row count (exact while small, then an estimate, see " +
    "`total_exact`) when no filter is given, and null otherwise. A timestamp range selects the blocks between " +
    "its first and last block.",
  query: z
    .object({
      ...rangeParams,
      spec_version: uint("runtime spec version").optional(),
      order: orderParam(["number"], "number_desc"),
      limit: limitParam,
      ...cursorParams(blockCursor, "123"),
      format: formatParam,
    })
    .strict()
    .superRefine(checkRanges)
    .superRefine(checkCursors),
  response: BlockListSchema,
  cache: "head",
  list: "cursor",
  handler: ({ query: q }) =>
    listBlocks({
      block_start: q.block_start,
      block_end: q.block_end,
      timestamp_start: q.timestamp_start,
      timestamp_end: q.timestamp_end,
      spec_version: q.spec_version,
      limit: q.limit,
      dir: q.order.dir,
      after: q.after,
      before: q.before,
    }),
});

const blockId = documented(
  z.string().transform((v, ctx): number | string => {
    if (/^(0|[1-9][0-9]{0,9})$/.test(v) && Number(v) <= 2_147_483_647) return Number(v);
    if (/^0x[0-9a-fA-F]{64}$/.test(v)) return v.toLowerCase();
    ctx.addIssue({ code: "custom", message: "must be a block number or a 0x block hash" });
    return z.NEVER;
  }),
  { type: "string", description: "block number or 0x block hash" },
);

export const block = defineEndpoint({
  id: "getBlock",
  path: "/blocks/{id}",
  tag: "network",
  summary: "One block by number or hash",
  description: "404 when the block is not stored (not yet indexed, or not on the canonical chain).",
  query: noQuery,
  params: z.object({ id: blockId }).strict(),
  response: BlockSchema,
  cache: "head",
  handler: async ({ path }) => {
    const b = await getBlock(path.id);
    if (!b) throw notFound("block");
    return b;
  },
});

export const runtimeVersions = defineEndpoint({
  id: "listRuntimeVersions",
  path: "/runtime-versions",
  tag: "network",
  summary: "Runtime versions seen",
  description:
    "Every runtime spec the indexer has decoded with, and the first block it executed. Page pagination.",
  query: z
    .object({
      order: orderParam(["spec_version", "first_block"], "spec_version_desc"),
      page: pageParam,
      limit: limitParam,
      format: formatParam,
    })
    .strict(),
  response: RuntimeVersionListSchema,
  cache: "head",
  list: "page",
  handler: ({ query: q }) =>
    listRuntimeVersions({ page: q.page, limit: q.limit, field: q.order.field, dir: q.order.dir }),
});

export const searchEndpoint = defineEndpoint({
  id: "search",
  path: "/search",
  tag: "network",
  summary: "Search",
  description:
    "`q` is a block number, a block or extrinsic hash (0x + 64 hex), an extrinsic id `block-index` (123-2) or " +
    "an address (SS58 with any prefix, or a 0x public key when it is no known hash). Returns typed results " +
    "with the API path of each; an empty list when nothing matches.",
  query: z
    .object({
      q: documented(
        z.string().trim().min(1, "must not be empty").max(128, "must be at most 128 characters"),
        { type: "string", minLength: 1, maxLength: 128, description: "what to look for" },
      ),
    })
    .strict(),
  response: SearchResponseSchema,
  cache: "head",
  handler: async ({ query }) => ({ query: query.q, data: await search(query.q) }),
});

export const health = defineEndpoint({
  id: "getHealth",
  path: "/health",
  tag: "network",
  summary: "Health of the database, chain connection and indexer",
  description: "Same body as /api/health. 503 when the database is down. Never cached.",
  query: noQuery,
  response: HealthResponseSchema,
  cache: "none",
  status: (h) => (h.status === "down" ? 503 : 200),
  handler: () => getHealth(),
});
