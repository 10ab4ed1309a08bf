// Account activity derived from events by the indexer's projections: transfers, stake trades, and the
// recycle/burn series.
import { z } from "zod";
import { listRecycle } from "../../../queries/recycle";
import { listStakeTrades } from "../../../queries/stake-trades";
import { listTransfers } from "../../../queries/transfers";
import { defineEndpoint } from "../endpoint";
import {
  address,
  amount,
  checkAmounts,
  checkCursors,
  checkRanges,
  cursorParams,
  documented,
  eventCursor,
  formatParam,
  limitParam,
  orderParam,
  pageParam,
  rangeParams,
  timestamp,
  uint,
} from "../params";
import { RecycleListSchema, StakeTradeListSchema, TransferListSchema } from "../schemas";

const KEYSET =
  "Keyset pagination on (block_number, event_index): pass `pagination.next` as `after` for the next page, " +
  "`pagination.prev` as `before` for the previous one. `total` is the table's row count when no filter is " +
  "given (exact while small, then the planner's estimate, see `total_exact`) and null when filtered. A " +
  "timestamp range selects the blocks between its first and last block.";

export const transfers = defineEndpoint({
  id: "listTransfers",
  path: "/transfers",
  tag: "accounts",
  summary: "TAO transfers",
  description:
    "Every Balances.Transfer event (including transfers inside batch, proxy and sudo calls), newest first by " +
    "default. Amounts in rao. `address` matches either side; `from`/`to` one side each (all may be combined). " +
    `Amount bounds are inclusive. ${KEYSET}`,
  query: z
    .object({
      ...rangeParams,
      from: address("sender").optional(),
      to: address("recipient").optional(),
      address: address("sender or recipient").optional(),
      amount_min: amount("smallest amount, inclusive").optional(),
      amount_max: amount("largest amount, inclusive").optional(),
      order: orderParam(["block_number"], "block_number_desc"),
      limit: limitParam,
      ...cursorParams(eventCursor, "123-4"),
      format: formatParam,
    })
    .strict()
    .superRefine(checkRanges)
    .superRefine(checkCursors)
    .superRefine(checkAmounts),
  response: TransferListSchema,
  cache: "head",
  list: "cursor",
  handler: ({ query: q }) =>
    listTransfers({
      block_start: q.block_start,
      block_end: q.block_end,
      timestamp_start: q.timestamp_start,
      timestamp_end: q.timestamp_end,
      from: q.from?.ss58,
      to: q.to?.ss58,
      address: q.address?.ss58,
      amount_min: q.amount_min,
      amount_max: q.amount_max,
      limit: q.limit,
      dir: q.order.dir,
      after: q.after,
      before: q.before,
    }),
});

export const stakeTrades = defineEndpoint({
  id: "listStakeTrades",
  path: "/stake-trades",
  tag: "staking",
  summary: "Stake trades (stake and unstake)",
  description:
    "Every SubtensorModule StakeAdded (action stake: TAO into a subnet pool for alpha) and StakeRemoved " +
    "(unstake: alpha back to TAO), including the legs of stake moves, transfers and swaps. Amount filters " +
    "apply to the TAO side (rao). Method: price_rao = floor(tao × 1e9 / alpha), the trade's average price in " +
    `rao per whole alpha, fee included as the event reports it. ${KEYSET}`,
  query: z
    .object({
      ...rangeParams,
      netuid: uint("subnet", 65_535).optional(),
      action: documented(z.enum(["stake", "unstake"], "must be stake or unstake").optional(), {
        type: "string",
        enum: ["stake", "unstake"],
        description: "stake (StakeAdded) or unstake (StakeRemoved)",
      }),
      hotkey: address("validator hotkey").optional(),
      coldkey: address("staker coldkey").optional(),
      amount_min: amount("smallest TAO amount, inclusive").optional(),
      amount_max: amount("largest TAO amount, inclusive").optional(),
      order: orderParam(["block_number"], "block_number_desc"),
      limit: limitParam,
      ...cursorParams(eventCursor, "123-4"),
      format: formatParam,
    })
    .strict()
    .superRefine(checkRanges)
    .superRefine(checkCursors)
    .superRefine(checkAmounts),
  response: StakeTradeListSchema,
  cache: "head",
  list: "cursor",
  handler: ({ query: q }) =>
    listStakeTrades({
      block_start: q.block_start,
      block_end: q.block_end,
      timestamp_start: q.timestamp_start,
      timestamp_end: q.timestamp_end,
      netuid: q.netuid,
      action: q.action,
      hotkey: q.hotkey?.ss58,
      coldkey: q.coldkey?.ss58,
      amount_min: q.amount_min,
      amount_max: q.amount_max,
      limit: q.limit,
      dir: q.order.dir,
      after: q.after,
      before: q.before,
    }),
});

export const recycle = defineEndpoint({
  id: "listRecycle",
  path: "/recycle",
  tag: "subnets",
  summary: "Recycled TAO and burned/recycled alpha per period",
  description:
    "Per UTC day (or week starting Monday, or month), summed over all subnets or for one `netuid`. Method: " +
    "recycled_tao is the sum of neuron registration costs (the burn a registration pays, which returns to " +
    "the unissued supply), each cost being what the registering signer paid in that extrinsic beyond its " +
    "transaction fee (Σ Balances.Withdraw − TransactionFeePaid). network_registration_tao is the same for " +
    "subnet registrations (the lock cost). alpha_burned sums AlphaBurned (destroyed) and alpha_recycled " +
    "AlphaRecycled (returned to the subnet's unissued alpha) amounts, in alpha rao; alpha of different " +
    "subnets are different tokens, so without netuid those two are plain sums across subnets. A period " +
    "appears only when it holds at least one such event; rows without a block timestamp are left out. The " +
    "timestamp range filters events (inclusive), not periods. Page pagination, newest period first by default.",
  query: z
    .object({
      frequency: documented(
        z
          .enum(["day", "week", "month"], "must be day, week or month")
          .optional()
          .transform((v) => v ?? "day"),
        { type: "string", enum: ["day", "week", "month"], default: "day", description: "period length" },
      ),
      netuid: uint("only this subnet", 65_535).optional(),
      timestamp_start: timestamp("events from this time, inclusive").optional(),
      timestamp_end: timestamp("events until this time, inclusive").optional(),
      order: orderParam(["period"], "period_desc"),
      page: pageParam,
      limit: limitParam,
      format: formatParam,
    })
    .strict()
    .superRefine(checkRanges),
  response: RecycleListSchema,
  cache: "head",
  list: "page",
  handler: ({ query: q }) =>
    listRecycle({
      frequency: q.frequency,
      netuid: q.netuid,
      timestamp_start: q.timestamp_start,
      timestamp_end: q.timestamp_end,
      page: q.page,
      limit: q.limit,
      dir: q.order.dir,
    }),
});
