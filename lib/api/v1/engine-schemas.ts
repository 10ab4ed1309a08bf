// Response schemas of the engine family (/engine/quote, /engine/quote/curve, /engine/pools). Pure zod, safe for
// client bundles (lib/api/resources.ts uses them), like schemas.ts; kept apart so the family is one unit.
import { z } from "zod";
import { AmountSchema, named } from "./schemas";

const Decimal = z
  .string()
  .regex(/^(0|[1-9][0-9]*)(\.[0-9]+)?$/)
  .describe("exact decimal");

export const PoolQuoteStateSchema = named(
  "PoolQuoteState",
  z.object({
    netuid: z.number().int().min(0).max(65535),
    block: z.number().int().min(0).describe("block of the pool snapshot"),
    spec_version: z.number().int().describe("runtime spec of that block; selects the pool rules"),
    era: z.enum(["constantProduct", "v3", "balancer"]),
    mechanism: z.union([z.literal(0), z.literal(1)]).describe("0 stable (root), 1 dynamic"),
    fee_rate: z.number().int().min(0).max(65535).describe("swap fee, u16 fraction of 65535"),
    fee_rate_source: z.enum(["default", "event"]),
    tao_in: AmountSchema.describe("SubnetTAO, rao"),
    alpha_in: AmountSchema.describe("SubnetAlphaIn, alpha base units (1e-9 alpha)"),
    price_rao: AmountSchema.nullable().describe("the chain's spot price at the snapshot, rao per alpha"),
    quote_weight: AmountSchema.nullable().describe("balancer only: derived quote weight, Perquintill parts"),
  }),
);

export const PoolQuoteStateListSchema = named(
  "PoolQuoteStateList",
  z.object({
    block: z.number().int().nullable().describe("newest snapshot block among the subnets"),
    data: z.array(PoolQuoteStateSchema),
  }),
);

export const SwapQuoteSchema = named(
  "SwapQuote",
  z.object({
    netuid: z.number().int(),
    block: z.number().int().describe("block of the pool snapshot quoted against"),
    spec_version: z.number().int(),
    direction: z.enum(["stake", "unstake"]),
    amount_in: AmountSchema.describe(
      "gross input taken, fee included: rao (stake) or alpha base units (unstake)",
    ),
    amount_out: AmountSchema.describe("received: alpha base units (stake) or rao (unstake)"),
    fee: AmountSchema.describe("swap fee, in fee_token base units"),
    fee_token: z.enum(["tao", "alpha"]),
    price_before: Decimal.describe(
      "spot price before, TAO per alpha (exact value of the engine's fixed point)",
    ),
    price_after: Decimal.describe("spot price after the swap, TAO per alpha"),
    price_impact: Decimal.describe("|price_after − price_before| / price_before, truncated to 18 decimals"),
    method: z.string().describe("the pool rules and state the quote used"),
  }),
);

export const SlippageCurveSchema = named(
  "SlippageCurve",
  z.object({
    netuid: z.number().int(),
    block: z.number().int(),
    spec_version: z.number().int(),
    direction: z.enum(["stake", "unstake"]),
    max: AmountSchema.describe("largest amount of the curve"),
    points: z
      .array(
        z.object({
          amount_in: AmountSchema,
          amount_out: AmountSchema,
          fee: AmountSchema,
          price_impact: Decimal,
        }),
      )
      .describe("max·i/50 for i = 1…50; amounts the chain would refuse are left out"),
    method: z.string(),
  }),
);

const Integer = z
  .string()
  .regex(/^(0|[1-9][0-9]*)$/)
  .describe("decimal integer string");

export const EngineSelfCheckSchema = named(
  "EngineSelfCheck",
  z.object({
    data: z
      .array(
        z.object({
          spec_version: z.number().int().describe("runtime spec that executed the checked blocks"),
          rules: z
            .array(z.string())
            .describe('engine rule sets used, "<engine spec>/<pool model>" (e.g. 425/balancer, 393/v3)'),
          blocks_checked: z.number().int().describe("blocks whose coinbase the engine recomputed"),
          blocks_without_rules: z
            .number()
            .int()
            .describe("blocks of this spec the engine has no coinbase rules for (nothing compared)"),
          blocks_failed: z
            .number()
            .int()
            .describe("blocks whose state the engine or the decoder could not take (recorded, not compared)"),
          blocks_with_mismatches: z.number().int(),
          mismatching_items: z.number().int().describe("(block, subnet, item) triples that differ"),
          items_checked: Integer.describe("(block, subnet, item) triples compared"),
          unsupported_items: z
            .array(z.string())
            .describe("items the rule set cannot reproduce (not compared, not counted as passes)"),
          first_block: z.number().int(),
          last_block: z.number().int(),
          first_mismatch_block: z.number().int().nullable(),
          last_mismatch_block: z.number().int().nullable(),
        }),
      )
      .describe("one row per spec version, ascending"),
    latest_mismatches: z
      .array(
        z.object({
          block_number: z.number().int(),
          spec_version: z.number().int(),
          rules: z.string().nullable(),
          netuid: z.number().int().min(0).max(65535),
          item: z.string().describe("storage item, e.g. SubnetTaoInEmission"),
          chain: Integer.describe("value the chain stored after the block (raw integer or fixed-point bits)"),
          engine: Integer.describe("value the engine computed"),
        }),
      )
      .describe("newest mismatches first"),
    method: z.string(),
  }),
);

export const ProjectionPointSchema = named(
  "ProjectionPoint",
  z.object({
    block: z.number().int().min(0),
    price: AmountSchema.describe("spot price after the block, rao per alpha (floored)"),
    moving_price: Decimal.describe("SubnetMovingPrice after the block (I96F32, exact decimal)"),
    tao_in: AmountSchema.describe("SubnetTAO after the block, rao"),
    alpha_in: AmountSchema.describe("SubnetAlphaIn after the block, alpha base units"),
    tao_injected: AmountSchema.describe(
      "Σ TAO injected into the reserve from the first projected block to this one",
    ),
    alpha_out: AmountSchema.describe("Σ alpha out emission from the first projected block to this one"),
  }),
);

export const ProjectionSubnetSchema = named(
  "ProjectionSubnet",
  z.object({
    netuid: z.number().int().min(1).max(65535),
    tao_emission: AmountSchema.describe("Σ per-block TAO emission of the subnet's share, rao"),
    tao_injected: AmountSchema.describe("Σ SubnetTaoInEmission: TAO injected into the reserve, rao"),
    excess_tao: AmountSchema.describe("Σ SubnetExcessTao: TAO that entered the pool through chain buys, rao"),
    alpha_injected: AmountSchema.describe("Σ SubnetAlphaInEmission: alpha injected into the pool"),
    alpha_out: AmountSchema.describe("Σ SubnetAlphaOutEmission: alpha emitted to miners/validators/owner"),
    chain_bought_alpha: AmountSchema.describe("alpha bought out of the pool by chain buys"),
    price_start: AmountSchema.describe("spot price of the starting state, rao per alpha"),
    price_end: AmountSchema.describe("spot price after the last projected block, rao per alpha"),
    path: z.array(ProjectionPointSchema).describe("price path samples, oldest first"),
  }),
);

export const ProjectionSchema = named(
  "EmissionProjection",
  z.object({
    block: z.number().int().min(0).describe("newest indexed snapshot block: the starting state"),
    timestamp: z.iso.datetime().nullable().describe("that block's timestamp"),
    blocks: z.number().int().min(1).describe("blocks projected (block + 1 … block + blocks)"),
    sample_every: z.number().int().min(1).describe("price path sampling interval, blocks"),
    runtime_spec: z.number().int().describe("runtime spec of the starting block"),
    engine_spec: z.number().int().describe("engine rules the projection ran"),
    total_issuance: AmountSchema.describe("TotalIssuance the projection started from, rao"),
    tao_emitted: AmountSchema.describe("Σ TAO block emission over the projection, rao"),
    tao_issued: AmountSchema.describe("Σ TAO actually issued (injected + chain buys), rao"),
    subnets: z.array(ProjectionSubnetSchema),
    method: z.string().describe("how the figures were computed and every assumed input"),
  }),
);

export type ProjectionDto = z.infer<typeof ProjectionSchema>;
