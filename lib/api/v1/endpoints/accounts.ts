// Accounts, the rich list, and subnet holders (from the indexer's holder scans).
import { z } from "zod";
import { accountHistory, accountHistoryKnown } from "../../../queries/account-history";
import { getAccount } from "../../../queries/accounts";
import {
  HOLDER_ORDER_FIELDS,
  holderStatsHistory,
  listHolders,
  NETWORK_NETUID,
  subnetHolders,
} from "../../../queries/holders";
import {
  AccountHistorySchema,
  AccountSchema,
  HolderStatsHistorySchema,
  RichListSchema,
  SubnetHoldersSchema,
} from "../account-schemas";
import { defineEndpoint, notFound } from "../endpoint";
import { address, documented, formatParam, limitParam, orderParam, pageParam, uint } from "../params";
import { checkWindow, seriesLimit, timeWindow } from "./subnets";

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
  description: `${SCANS} staked = sum of the positions' TAO values (unpriced positions left out); total = free + reserved + staked. hotkey: the address as a hotkey — its UID in each subnet's newest metagraph and the positions held on it (stakers, TAO value at the newest prices). 404 when the address has neither a balance entry, nor a position, nor a hotkey role.`,
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

export const HISTORY =
  "Balance history: the indexer appends a row to account_balance_history whenever it reads an account's " +
  "System.Account (at a holder scan, or, once caught up with the head, at the end of each batch whose " +
  "Balances/SubtensorModule events named it) and finds it changed since the previous row, so points are the " +
  "blocks where the indexer observed a change (while following, every block that named the account; a backfill " +
  "only samples at scans). Stake history: " +
  "every holder scan stores each coldkey's staked TAO value (Σ floor(alpha × price / 1e9) over its positions at " +
  "the scan block's pool prices, root 1:1) and each hotkey's nominators and staked value; scans older than the " +
  "indexer's recent window (7,200 blocks) are thinned to the last scan of each 7,200-block bucket.";

const frequencyParam = documented(z.enum(["block", "hour", "day"]).optional(), {
  type: "string",
  enum: ["block", "hour", "day"],
  default: "block",
  description: "sampling",
});

export const historyQuery = z
  .object({ frequency: frequencyParam, ...timeWindow, limit: seriesLimit })
  .strict()
  .superRefine(checkWindow);

export const accountHistoryEndpoint = defineEndpoint({
  id: "getAccountHistory",
  path: "/accounts/{address}/history",
  tag: "accounts",
  summary: "An account's balance and stake over time",
  description: `${HISTORY} Points: every balance change and every kept scan from the account's first appearance on; at each, the balance last read at or before it and the stake of the newest kept scan at or before it. frequency=hour/day keeps the last point of each UTC hour/day; \`from\`/\`to\` filter on block timestamps; at most \`limit\` points, the newest, returned oldest first (empty for an address known only as a hotkey). 404 when the indexer never saw the address (as /accounts/{address}).`,
  query: historyQuery,
  params: z.object({ address: address("account (coldkey)") }).strict(),
  response: AccountHistorySchema,
  cache: "head",
  handler: async ({ path, query: q }) => {
    if (!(await accountHistoryKnown(path.address.ss58))) throw notFound("account", "address");
    const frequency = q.frequency ?? "block";
    return {
      address: path.address,
      frequency,
      data: await accountHistory(path.address.ss58, { frequency, from: q.from, to: q.to, limit: q.limit }),
    };
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
