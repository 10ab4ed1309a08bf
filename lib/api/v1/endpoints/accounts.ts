// Accounts, the rich list, and subnet holders (from the indexer's holder scans).
import { z } from "zod";
import { getAccount } from "../../../queries/accounts";
import {
  HOLDER_ORDER_FIELDS,
  holderStatsHistory,
  listHolders,
  NETWORK_NETUID,
  subnetHolders,
} from "../../../queries/holders";
import {
  AccountSchema,
  HolderStatsHistorySchema,
  RichListSchema,
  SubnetHoldersSchema,
} from "../account-schemas";
import { defineEndpoint, notFound } from "../endpoint";
import { address, formatParam, limitParam, orderParam, pageParam, uint } from "../params";

const SCANS =
  "The indexer reads every System.Account entry and every stake position (Alpha / AlphaV2 shares valued with the " +
  "hotkey's pool, TotalHotkeyAlpha over TotalHotkeyShares / V2, with the chain's own rounding) in a full holder " +
  "scan at the first indexed batch and then at most every HOLDERS_SCAN_EVERY blocks (default 360, a tempo) at the " +
  "head; dividends change positions without events, so positions are as of positions_block. Between scans the " +
  "balances of accounts named in Balances/SubtensorModule events are re-read (balance_block). TAO values use " +
  "the newest stored pool price (price_block): floor(alpha × price / 1e9) per position; root (netuid 0) is 1:1.";

const STATS =
  "Statistics per scan: holders = coldkeys with a non-zero amount; top10_share/top50_share = the largest 10/50 " +
  "holders' sum / total; gini = (2·Σ i·x₍ᵢ₎)/(n·Σx) − (n+1)/n over amounts ascending; nakamoto = smallest " +
  "number of holders holding more than half. Fractions are exact, truncated to 18 places.";

const netuidParam = uint("subnet id", 65_535);

export const account = defineEndpoint({
  id: "getAccount",
  path: "/accounts/{address}",
  tag: "accounts",
  summary: "One account: balance breakdown and stake positions",
  description: `${SCANS} staked = sum of the positions' TAO values (unpriced positions left out); total = free + reserved + staked. 404 when the account has neither a balance entry nor a position.`,
  query: z.object({}).strict(),
  params: z.object({ address: address("account (coldkey)") }).strict(),
  response: AccountSchema,
  cache: "head",
  handler: async ({ path }) => {
    const a = await getAccount(path.address);
    if (!a) throw notFound("account", "address");
    return a;
  },
});

export const holders = defineEndpoint({
  id: "listHolders",
  path: "/holders",
  tag: "accounts",
  summary: "Rich list: coldkeys by total TAO (free + reserved + staked value)",
  description: `${SCANS} rank is by total, largest first, whatever the order. stats: the network-wide statistics (netuid -1) of the last scan. ${STATS}`,
  query: z
    .object({
      order: orderParam(HOLDER_ORDER_FIELDS, "total_desc"),
      page: pageParam,
      limit: limitParam,
      format: formatParam,
    })
    .strict(),
  response: RichListSchema,
  cache: "head",
  list: "page",
  handler: ({ query: q }) =>
    listHolders({ page: q.page, limit: q.limit, field: q.order.field, dir: q.order.dir }),
});

export const holderStats = defineEndpoint({
  id: "listHolderStats",
  path: "/holders/stats",
  tag: "accounts",
  summary: "Network-wide holder statistics over time",
  description: `One row per holder scan, newest first, over each coldkey's free + reserved + staked TAO value at that scan block's prices. ${STATS} 404 when no scan is stored.`,
  query: z.object({ page: pageParam, limit: limitParam, format: formatParam }).strict(),
  response: HolderStatsHistorySchema,
  cache: "head",
  list: "page",
  handler: async ({ query: q }) => {
    const h = await holderStatsHistory({ netuid: NETWORK_NETUID, page: q.page, limit: q.limit });
    if (!h) throw notFound("holder statistics", null);
    return h;
  },
});

export const subnetHoldersEndpoint = defineEndpoint({
  id: "listSubnetHolders",
  path: "/subnets/{netuid}/holders",
  tag: "subnets",
  summary: "A subnet's top alpha holders and its latest holder statistics",
  description: `${SCANS} Holders are coldkeys, their positions on the subnet summed over hotkeys; largest first. share = alpha / the subnet's held total, truncated to 10 places. ${STATS} 404 when no scan covers the subnet.`,
  query: z.object({ page: pageParam, limit: limitParam, format: formatParam }).strict(),
  params: z.object({ netuid: netuidParam }).strict(),
  response: SubnetHoldersSchema,
  cache: "head",
  list: "page",
  handler: async ({ query: q, path }) => {
    const h = await subnetHolders({ netuid: path.netuid, page: q.page, limit: q.limit });
    if (!h) throw notFound("holders of this subnet", "netuid");
    return h;
  },
});

export const subnetHolderStats = defineEndpoint({
  id: "listSubnetHolderStats",
  path: "/subnets/{netuid}/holders/stats",
  tag: "subnets",
  summary: "A subnet's holder statistics over time",
  description: `One row per holder scan, newest first, over coldkeys' alpha on the subnet (root: TAO). ${STATS} 404 when no scan covers the subnet.`,
  query: z.object({ page: pageParam, limit: limitParam, format: formatParam }).strict(),
  params: z.object({ netuid: netuidParam }).strict(),
  response: HolderStatsHistorySchema,
  cache: "head",
  list: "page",
  handler: async ({ query: q, path }) => {
    const h = await holderStatsHistory({ netuid: path.netuid, page: q.page, limit: q.limit });
    if (!h) throw notFound("holder statistics of this subnet", "netuid");
    return h;
  },
});
