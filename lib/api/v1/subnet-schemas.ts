// Response schemas of the subnets family (pure zod, safe for client bundles). Derived fields state their method
// in their descriptions, which the OpenAPI document shows; lib/queries/README.md has the same methodology.
import { z } from "zod";
import { AddressSchema, AmountSchema, named, pageList } from "./schemas";

const Int = z.number().int().min(0).max(2_147_483_647);
const Netuid = z.number().int().min(0).max(65_535);
const Timestamp = z.iso.datetime().describe("ISO 8601, UTC");
const Decimal = z.string().regex(/^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/);
const Price = AmountSchema.describe(
  "rao per whole alpha (SwapRuntimeApi current_alpha_price), decimal integer",
);

export const SubnetSchema = named(
  "Subnet",
  z.object({
    netuid: Netuid,
    name: z.string().nullable().describe("subnet_name of the latest identity set since registration"),
    symbol: z.string().nullable().describe("symbol of the latest identity, when the identity carries one"),
    block_number: Int.describe("block of the pool snapshot the values are read from (the newest indexed)"),
    timestamp: Timestamp.nullable(),
    price: Price.nullable(),
    tao_in: AmountSchema.nullable().describe("SubnetTAO: TAO in the pool, rao"),
    alpha_in: AmountSchema.nullable().describe("SubnetAlphaIn: alpha in the pool, rao (1e-9 alpha)"),
    alpha_out: AmountSchema.nullable().describe("SubnetAlphaOut: alpha outstanding (staked), rao"),
    market_cap: AmountSchema.nullable().describe(
      "floor(price × (alpha_in + alpha_out) / 1e9), rao: the TAO value of all issued alpha at the spot price",
    ),
    fdv: AmountSchema.nullable().describe(
      "floor(price × 21,000,000 alpha / 1e9), rao: fully diluted value at alpha's maximum supply",
    ),
    liquidity: AmountSchema.nullable().describe(
      "tao_in + floor(alpha_in × price / 1e9), rao: both pool reserves valued in TAO at the spot price",
    ),
    price_change_1h: Decimal.nullable().describe(
      "percent, 4 decimals, as price_change_24h with a 1 h reference (the newest snapshot at or before 1 h " +
        "before the newest snapshot, or the subnet's oldest since registration)",
    ),
    price_change_24h: Decimal.nullable().describe(
      "percent, 4 decimals: (price − reference price) / reference price × 100; the reference is the subnet's " +
        "snapshot at `window_start_block`; null when the reference price is missing or zero",
    ),
    price_change_7d: Decimal.nullable().describe(
      "percent, 4 decimals, as price_change_24h with a 7 d reference",
    ),
    volume_24h: AmountSchema.nullable().describe(
      "rao: SubnetVolume (cumulative TAO swapped in and out of the pool) now minus at `window_start_block`; " +
        "null when the counter went down (subnet re-registered)",
    ),
    window_start_block: Int.nullable().describe(
      "block of the 24 h reference snapshot: the subnet's newest snapshot at or before 24 h before the newest " +
        "indexed snapshot (by block timestamp); when the subnet has no snapshot that old (young subnet or " +
        "short history), its oldest snapshot since registration, so the window is shorter than 24 h",
    ),
    emission_share: Decimal.nullable().describe(
      "fraction 0-1, 12 decimals: this subnet's SubnetTaoInEmission over the sum across all subnets at the " +
        "same block; null when the sum is zero",
    ),
    tao_in_emission: AmountSchema.nullable().describe("SubnetTaoInEmission: TAO injected per block, rao"),
    registered_block: Int.nullable().describe("block of the NetworkAdded event, when indexed"),
    owner: AddressSchema.nullable().describe("signer of the registering extrinsic, when known"),
    tao_flow_24h: z
      .string()
      .regex(/^-?(0|[1-9][0-9]*)$/)
      .describe(
        "rao, signed: Σ TAO of StakeAdded minus Σ TAO of StakeRemoved on the subnet in the blocks after " +
          "`window_start_block` up to `block_number` (net TAO staked into the pool)",
      ),
    recycled_24h: AmountSchema.describe(
      "rao: Σ cost of the subnet's neuron registrations after `window_start_block` (TAO recycled)",
    ),
    validators: Int.nullable().describe(
      "UIDs with a validator permit in the newest metagraph since registration",
    ),
    miners: Int.nullable().describe("the other UIDs of that metagraph"),
    registration_cost: AmountSchema.nullable().describe(
      "Burn at block_number: what a neuron registration costs on the subnet now, rao",
    ),
  }),
);

export const SubnetListSchema = pageList("SubnetList", SubnetSchema);

export const HyperparameterSchema = named(
  "SubnetHyperparameter",
  z.object({
    name: z.string().describe("snake_case, from the AdminUtils call (sudo_set_tempo → tempo)"),
    value: z.unknown().describe("the value set, as JSON"),
    block_number: Int.describe("block of the last change"),
  }),
);

export const SubnetDetailSchema = named(
  "SubnetDetail",
  SubnetSchema.extend({
    moving_price: Decimal.nullable().describe("SubnetMovingPrice (I96F32) as an exact decimal"),
    alpha_in_emission: AmountSchema.nullable(),
    alpha_out_emission: AmountSchema.nullable(),
    volume: AmountSchema.nullable().describe("SubnetVolume: cumulative TAO volume since registration, rao"),
    identity: z.record(z.string(), z.unknown()).nullable().describe("the latest identity, as set"),
    trades_24h: z
      .object({
        buys: Int.describe("StakeAdded events on the subnet after window_start_block"),
        sells: Int.describe("StakeRemoved events in the same blocks"),
        buyers: Int.describe("distinct coldkeys among the buys"),
        sellers: Int.describe("distinct coldkeys among the sells"),
        tao_bought: AmountSchema.describe("Σ TAO of the buys, rao"),
        tao_sold: AmountSchema.describe("Σ TAO of the sells, rao"),
      })
      .describe("the subnet's stake trades over the 24 h window (the stake_trades projection)"),
    hyperparameters: z
      .array(HyperparameterSchema)
      .describe(
        "current value of every hyperparameter changed by an AdminUtils sudo_set_* call the indexer saw, " +
          "latest change each; parameters never changed on the indexed chain are not listed",
      ),
  }),
);

export const PoolPointSchema = named(
  "PoolPoint",
  z.object({
    block_number: Int,
    timestamp: Timestamp.nullable(),
    price: Price.nullable(),
    tao_in: AmountSchema.nullable(),
    alpha_in: AmountSchema.nullable(),
    alpha_out: AmountSchema.nullable(),
    volume: AmountSchema.nullable().describe("cumulative SubnetVolume at this block, rao"),
  }),
);

export const PoolSeriesSchema = named(
  "PoolSeries",
  z.object({
    netuid: Netuid,
    frequency: z.enum(["block", "hour", "day"]),
    data: z
      .array(PoolPointSchema)
      .describe(
        "oldest first; block: every stored snapshot; hour/day: the last snapshot of each UTC hour/day " +
          "(the pool as it closed the period)",
      ),
  }),
);

export const CandleSchema = named(
  "Candle",
  z.object({
    timestamp: Timestamp.describe("start of the UTC hour/day"),
    first_block: Int,
    last_block: Int,
    open: Price,
    high: Price,
    low: Price,
    close: Price,
    volume: AmountSchema.nullable().describe(
      "rao: SubnetVolume at the period's last snapshot minus at the previous period's last snapshot (the " +
        "first period: minus its own first snapshot); null when the counter went down",
    ),
  }),
);

export const CandleSeriesSchema = named(
  "CandleSeries",
  z.object({
    netuid: Netuid,
    frequency: z.enum(["hour", "day"]),
    data: z
      .array(CandleSchema)
      .describe(
        "oldest first: open/close = price of the period's first/last snapshot, high/low = max/min over its " +
          "snapshots (snapshots are per block inside the indexer's window, thinned before it)",
      ),
  }),
);

export const EmissionPointSchema = named(
  "EmissionPoint",
  z.object({
    timestamp: Timestamp.nullable().describe(
      "block: the snapshot block's timestamp; hour/day: start of the UTC period",
    ),
    first_block: Int,
    last_block: Int,
    snapshots: Int.describe("stored snapshots summed into this point"),
    tao_in_emission: AmountSchema.nullable().describe(
      "Σ SubnetTaoInEmission over the point's snapshots: TAO injected into the pool, rao",
    ),
    alpha_in_emission: AmountSchema.nullable().describe(
      "Σ SubnetAlphaInEmission: alpha injected into the pool, rao",
    ),
    alpha_out_emission: AmountSchema.nullable().describe(
      "Σ SubnetAlphaOutEmission: alpha emitted to stakers/miners/owner, rao",
    ),
  }),
);

export const EmissionSeriesSchema = named(
  "EmissionSeries",
  z.object({
    netuid: Netuid,
    frequency: z.enum(["block", "hour", "day"]),
    data: z
      .array(EmissionPointSchema)
      .describe(
        "oldest first; block: every stored snapshot's per-block emissions; hour/day: their sum over the " +
          "period's snapshots (the exact total where every block is stored; snapshots are thinned before the " +
          "indexer's window, so older sums cover only the stored blocks)",
      ),
  }),
);

export type SubnetDto = z.infer<typeof SubnetSchema>;
export type SubnetDetailDto = z.infer<typeof SubnetDetailSchema>;
export type PoolPointDto = z.infer<typeof PoolPointSchema>;
export type CandleDto = z.infer<typeof CandleSchema>;
export type EmissionPointDto = z.infer<typeof EmissionPointSchema>;

export const SubnetTradeSchema = named(
  "SubnetStakeTrade",
  z.object({
    block_number: Int,
    event_index: Int,
    extrinsic_id: z.string().nullable().describe("block-index of the extrinsic, when the event has one"),
    timestamp: Timestamp.nullable(),
    action: z.enum(["stake", "unstake"]),
    coldkey: AddressSchema.nullable(),
    hotkey: AddressSchema.nullable(),
    tao: AmountSchema.nullable().describe("TAO staked or received, rao"),
    alpha: AmountSchema.nullable().describe("alpha received or sold, rao"),
    price: AmountSchema.nullable().describe("effective price of the trade, rao per alpha"),
  }),
);

export const SubnetRegistrationSchema = named(
  "SubnetNeuronRegistration",
  z.object({
    block_number: Int,
    event_index: Int,
    timestamp: Timestamp.nullable(),
    uid: Int.nullable(),
    hotkey: AddressSchema.nullable(),
    coldkey: AddressSchema.nullable().describe("signer of the registering extrinsic"),
    cost: AmountSchema.nullable().describe("TAO paid beyond the fee, rao"),
  }),
);

export const SubnetActivitySchema = named(
  "SubnetActivity",
  z.object({
    netuid: Netuid,
    stake_trades: z.array(SubnetTradeSchema).describe("newest first, at most `limit`"),
    registrations: z
      .array(SubnetRegistrationSchema)
      .describe("neuron registrations, newest first, at most `limit`"),
  }),
);

export type SubnetActivityDto = z.infer<typeof SubnetActivitySchema>;
