// Subnets family: the subnet table, one subnet, its pool series and price candles.
import { z } from "zod";
import {
  emissionSeries,
  getSubnet,
  listSubnets,
  poolSeries,
  priceCandles,
  SUBNET_ORDER_FIELDS,
  subnetActivity,
  subnetKnown,
} from "../../../queries/subnets";
import { defineEndpoint, notFound } from "../endpoint";
import { documented, formatParam, limitParam, orderParam, pageParam, timestamp, uint } from "../params";
import {
  CandleSeriesSchema,
  EmissionSeriesSchema,
  PoolSeriesSchema,
  SubnetActivitySchema,
  SubnetDetailSchema,
  SubnetListSchema,
} from "../subnet-schemas";

/** Shared by the subnet endpoint families (subnets.ts, subnet-history.ts). */
export const netuidParams = z.object({ netuid: uint("subnet id", 65_535) }).strict();

const SERIES_MAX = 10_000;
export const seriesLimit = documented(
  uint(`number of points, 1-${SERIES_MAX}`, SERIES_MAX, 1)
    .optional()
    .transform((v) => v ?? 1000),
  {
    type: "integer",
    minimum: 1,
    maximum: SERIES_MAX,
    default: 1000,
    description: "at most this many points: the newest of the range",
  },
);

export const timeWindow = {
  from: timestamp("from this time, inclusive").optional(),
  to: timestamp("until this time, inclusive").optional(),
};

export function checkWindow(v: { from?: Date; to?: Date }, ctx: z.RefinementCtx): void {
  if (v.from && v.to && v.from.getTime() > v.to.getTime())
    ctx.addIssue({ code: "custom", path: ["to"], message: "must be >= from" });
}

export async function known(netuid: number): Promise<void> {
  if (!(await subnetKnown(netuid))) throw notFound("subnet", "netuid");
}

const METHOD =
  "Values come from the newest stored pool snapshot (the indexer reads SubnetTAO, SubnetAlphaIn/Out, " +
  "SubnetTaoInEmission, SubnetVolume and SubnetMovingPrice from chain storage and the spot price from " +
  "SwapRuntimeApi.current_alpha_price_all at that block). Derived: market_cap = floor(price × (alpha_in + " +
  "alpha_out) / 1e9) rao; emission_share = tao_in_emission / Σ tao_in_emission over all subnets at the same " +
  "block; price_change_24h = (price − price at window_start_block) / that price × 100; volume_24h = " +
  "SubnetVolume − SubnetVolume at window_start_block, where window_start_block is the subnet's newest snapshot " +
  "at or before 24 h (by block timestamp) before the newest snapshot, or its oldest snapshot since " +
  "registration when none is that old. Name and symbol: the latest SubnetIdentitySet since registration.";

export const subnets = defineEndpoint({
  id: "listSubnets",
  path: "/subnets",
  tag: "subnets",
  summary: "Subnets with pool state and market figures",
  description: `Every subnet in the newest snapshot block, by netuid unless ordered otherwise (nulls last). Page pagination. ${METHOD}`,
  query: z
    .object({
      order: orderParam(SUBNET_ORDER_FIELDS, "netuid_asc"),
      page: pageParam,
      limit: limitParam,
      format: formatParam,
    })
    .strict(),
  response: SubnetListSchema,
  cache: "head",
  list: "page",
  handler: ({ query: q }) =>
    listSubnets({ page: q.page, limit: q.limit, field: q.order.field, dir: q.order.dir }),
});

export const subnet = defineEndpoint({
  id: "getSubnet",
  path: "/subnets/{netuid}",
  tag: "subnets",
  summary: "One subnet: latest pool, identity, current hyperparameters",
  description: `404 when the subnet is not in the newest snapshot block. ${METHOD}`,
  query: z.object({}).strict(),
  params: netuidParams,
  response: SubnetDetailSchema,
  cache: "head",
  handler: async ({ path }) => {
    const s = await getSubnet(path.netuid);
    if (!s) throw notFound("subnet", "netuid");
    return s;
  },
});

export const subnetPool = defineEndpoint({
  id: "getSubnetPool",
  path: "/subnets/{netuid}/pool",
  tag: "subnets",
  summary: "Pool reserves and price over time",
  description:
    "Stored pool snapshots of the subnet (every block in the indexer's recent window, every N-th block " +
    "before it). frequency=block: each snapshot; hour/day: the last snapshot of each UTC hour/day. `from`/`to` " +
    "filter on block timestamps; at most `limit` points, the newest of the range, returned oldest first. 404 " +
    "when the subnet has no snapshot.",
  query: z
    .object({
      frequency: documented(z.enum(["block", "hour", "day"]).optional(), {
        type: "string",
        enum: ["block", "hour", "day"],
        default: "block",
        description: "sampling",
      }),
      ...timeWindow,
      limit: seriesLimit,
    })
    .strict()
    .superRefine(checkWindow),
  params: netuidParams,
  response: PoolSeriesSchema,
  cache: "head",
  handler: async ({ path, query: q }) => {
    await known(path.netuid);
    const frequency = q.frequency ?? "block";
    return {
      netuid: path.netuid,
      frequency,
      data: await poolSeries({ netuid: path.netuid, frequency, from: q.from, to: q.to, limit: q.limit }),
    };
  },
});

export const subnetCandles = defineEndpoint({
  id: "getSubnetCandles",
  path: "/subnets/{netuid}/candles",
  tag: "subnets",
  summary: "Price candles (OHLC)",
  description:
    "Open/high/low/close of the spot price (rao per alpha) per UTC hour or day, computed in SQL over the " +
    "stored snapshots of each period: open/close = the first/last snapshot's price, high/low = max/min. " +
    "Volume per period = SubnetVolume at its last snapshot minus at the previous period's last snapshot. " +
    "Periods without snapshots are absent. At most `limit` periods, the newest, oldest first.",
  query: z
    .object({
      frequency: documented(z.enum(["hour", "day"]).optional(), {
        type: "string",
        enum: ["hour", "day"],
        default: "hour",
        description: "period",
      }),
      ...timeWindow,
      limit: seriesLimit,
    })
    .strict()
    .superRefine(checkWindow),
  params: netuidParams,
  response: CandleSeriesSchema,
  cache: "head",
  handler: async ({ path, query: q }) => {
    await known(path.netuid);
    const frequency = q.frequency ?? "hour";
    return {
      netuid: path.netuid,
      frequency,
      data: await priceCandles({ netuid: path.netuid, frequency, from: q.from, to: q.to, limit: q.limit }),
    };
  },
});

export const subnetEmission = defineEndpoint({
  id: "getSubnetEmission",
  path: "/subnets/{netuid}/emission",
  tag: "subnets",
  summary: "Emission history",
  description:
    "Per-block emissions the chain stored at each snapshot (SubnetTaoInEmission, SubnetAlphaInEmission, " +
    "SubnetAlphaOutEmission). frequency=block: each stored snapshot; hour/day: the sum over the snapshots of each " +
    "UTC hour/day, computed in SQL on NUMERIC. Inside the indexer's snapshot window every block is stored, so a " +
    "period's sum is its exact emission; before it snapshots are thinned (every N-th block) and a sum covers only " +
    "the stored blocks (`snapshots` and `first_block`..`last_block` tell how many). `from`/`to` filter on block " +
    "timestamps; at most `limit` points, the newest, oldest first. 404 when the subnet has no snapshot.",
  query: z
    .object({
      frequency: documented(z.enum(["block", "hour", "day"]).optional(), {
        type: "string",
        enum: ["block", "hour", "day"],
        default: "hour",
        description: "bucket",
      }),
      ...timeWindow,
      limit: seriesLimit,
    })
    .strict()
    .superRefine(checkWindow),
  params: netuidParams,
  response: EmissionSeriesSchema,
  cache: "head",
  handler: async ({ path, query: q }) => {
    await known(path.netuid);
    const frequency = q.frequency ?? "hour";
    return {
      netuid: path.netuid,
      frequency,
      data: await emissionSeries({ netuid: path.netuid, frequency, from: q.from, to: q.to, limit: q.limit }),
    };
  },
});

export const subnetActivityEndpoint = defineEndpoint({
  id: "getSubnetActivity",
  path: "/subnets/{netuid}/activity",
  tag: "subnets",
  summary: "Recent stake trades and neuron registrations",
  description:
    "The newest `limit` StakeAdded/StakeRemoved trades on the subnet (price = the trade's effective rao per " +
    "alpha) and the newest `limit` NeuronRegistered events, newest first. 404 when the subnet has no snapshot.",
  query: z
    .object({
      limit: documented(
        uint("rows of each kind, 1-100", 100, 1)
          .optional()
          .transform((v) => v ?? 10),
        { type: "integer", minimum: 1, maximum: 100, default: 10, description: "rows of each kind" },
      ),
    })
    .strict(),
  params: netuidParams,
  response: SubnetActivitySchema,
  cache: "head",
  handler: async ({ path, query }) => {
    await known(path.netuid);
    return subnetActivity(path.netuid, query.limit);
  },
});
