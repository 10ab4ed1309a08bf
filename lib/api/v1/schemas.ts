// Response schemas of the public API (v1). Pure zod, no server imports: the route wrapper shapes responses with
// them, the OpenAPI document is generated from them, and clients may parse with them. Schemas registered with
// `named` become `#/components/schemas/<id>` in the document.
import { z } from "zod";
import { HealthSchema } from "../schemas/health";

export const apiSchemas = z.registry<{ id: string }>();

export function named<S extends z.ZodType>(id: string, schema: S): S {
  apiSchemas.add(schema, { id });
  return schema;
}

// --- shared shapes -------------------------------------------------------------------------------------------

export const AddressSchema = named(
  "Address",
  z
    .object({
      ss58: z.string().describe("SS58, Bittensor prefix 42"),
      hex: z
        .string()
        .regex(/^0x[0-9a-f]{64}$/)
        .describe("32-byte public key"),
    })
    .describe("An account, in both spellings"),
);

/** Amounts: decimal strings of the smallest unit (rao for TAO), never floats. */
export const AmountSchema = z
  .string()
  .regex(/^(0|[1-9][0-9]*)$/)
  .describe("decimal integer string, in rao");

const Hash = z.string().regex(/^0x[0-9a-f]{64}$/);
export const Timestamp = z.iso.datetime().describe("ISO 8601, UTC");
const Int = z.number().int().min(0).max(2_147_483_647);
const Json = z.unknown().describe("decoded value as JSON; integers wider than 32 bits are decimal strings");

export const ErrorSchema = named(
  "Error",
  z.object({
    error: z.object({
      code: z.string().describe("machine-readable: bad_request, not_found, rate_limited, internal, ..."),
      message: z.string(),
      parameter: z.string().nullable().describe("the query or path parameter at fault, if any"),
      request_id: z.string().optional(),
    }),
  }),
);

// --- envelopes -----------------------------------------------------------------------------------------------

export const PagePaginationSchema = named(
  "PagePagination",
  z.object({
    page: z.number().int().min(1),
    limit: z.number().int().min(1).max(1000),
    total: z.number().int().min(0),
    next: z.number().int().nullable().describe("next page number, null on the last page"),
    prev: z.number().int().nullable().describe("previous page number, null on the first page"),
  }),
);

export const CursorPaginationSchema = named(
  "CursorPagination",
  z
    .object({
      limit: z.number().int().min(1).max(1000),
      total: z
        .number()
        .int()
        .min(0)
        .nullable()
        .describe("unfiltered lists: row estimate (see total_exact); filtered lists: null (not counted)"),
      total_exact: z.boolean(),
      next: z.string().nullable().describe("pass as `after` for the next page; null on the last page"),
      prev: z.string().nullable().describe("pass as `before` for the previous page; null on the first page"),
    })
    .describe("Keyset pagination on the list's key, in the requested order"),
);

export const pageList = <S extends z.ZodType>(id: string, item: S) =>
  named(id, z.object({ pagination: PagePaginationSchema, data: z.array(item) }));

export const cursorList = <S extends z.ZodType>(id: string, item: S) =>
  named(id, z.object({ pagination: CursorPaginationSchema, data: z.array(item) }));

// --- network -------------------------------------------------------------------------------------------------

export const BlockSchema = named(
  "Block",
  z.object({
    number: Int,
    hash: Hash,
    parent_hash: Hash,
    state_root: Hash,
    extrinsics_root: Hash,
    spec_version: Int,
    timestamp: Timestamp.nullable().describe("from the timestamp.set inherent"),
    author: AddressSchema.nullable().describe("Aura block author, when known"),
    extrinsic_count: Int,
    event_count: Int,
    finalized: z.boolean(),
  }),
);

export const ExtrinsicSchema = named(
  "Extrinsic",
  z.object({
    id: z.string().describe("block-index, e.g. 123-2"),
    block_number: Int,
    index: Int,
    timestamp: Timestamp.nullable(),
    hash: Hash,
    signed: z.boolean(),
    signer: AddressSchema.nullable(),
    section: z.string().nullable().describe("pallet (polkadot-js name), null when undecodable"),
    method: z.string().nullable(),
    full_name: z.string().nullable().describe("section.method"),
    args: Json,
    success: z.boolean().nullable().describe("null when no ExtrinsicSuccess/ExtrinsicFailed was seen"),
    error: Json.nullable(),
    fee: AmountSchema.nullable().describe("TransactionFeePaid.actual_fee, in rao"),
    tip: AmountSchema.nullable(),
    nonce: AmountSchema.nullable().describe("decimal string"),
    decode_error: z.string().nullable(),
  }),
);

export const EventSchema = named(
  "Event",
  z.object({
    id: z.string().describe("block-index, e.g. 123-5"),
    block_number: Int,
    index: Int,
    timestamp: Timestamp.nullable(),
    phase: z.string().nullable().describe("ApplyExtrinsic, Initialization or Finalization"),
    extrinsic_index: Int.nullable(),
    extrinsic_id: z.string().nullable().describe("block-index of the extrinsic that emitted it"),
    section: z.string().nullable(),
    method: z.string().nullable(),
    full_name: z.string().nullable(),
    args: Json,
    decode_error: z.string().nullable(),
  }),
);

export const ExtrinsicDetailSchema = named(
  "ExtrinsicDetail",
  ExtrinsicSchema.extend({ events: z.array(EventSchema) }),
);

export const RuntimeVersionSchema = named(
  "RuntimeVersion",
  z.object({
    spec_version: Int,
    first_block: Int.nullable().describe("first block executed by this runtime, once known"),
    metadata_bytes: Int.describe("size of the stored SCALE metadata"),
    seen_at: Timestamp.describe("when the indexer first stored it"),
  }),
);

const Count = z.object({
  value: z.number().int().min(0),
  exact: z.boolean().describe("false: planner estimate (pg_class.reltuples / pg_stats)"),
});

const Fraction = z
  .string()
  .regex(/^[0-9]+\.[0-9]+$/)
  .describe("an exact decimal string, truncated to 10 places");

export const NetworkPointSchema = named(
  "NetworkPoint",
  z.object({
    block_number: Int,
    timestamp: Timestamp.nullable(),
    issuance: AmountSchema.nullable().describe(
      "SubtensorModule TotalIssuance (Balances' before it existed), rao",
    ),
    staked: AmountSchema.nullable().describe("SubtensorModule TotalStake, rao"),
    staked_share: Fraction.nullable().describe("staked / issuance"),
    registration_cost: AmountSchema.nullable().describe(
      "subnet registration (lock) cost, from SubnetRegistrationRuntimeApi.get_network_registration_cost, rao",
    ),
    subnets: Int.describe("subnets with a pool at the block, root excluded"),
    tao_in_pools: AmountSchema.nullable().describe("Σ SubnetTAO over those subnets, rao"),
    alpha_price_sum: AmountSchema.nullable().describe(
      "Σ spot price over the priced subnets (current_alpha_price_all), rao per whole alpha",
    ),
  }),
);

export const NetworkFiguresSchema = named(
  "NetworkFigures",
  NetworkPointSchema.extend({
    accounts: Int.nullable().describe(
      "System.Account entries at accounts_block (counted by the indexer daily)",
    ),
    accounts_block: Int.nullable(),
    volume_24h: AmountSchema.describe("Σ over the listed subnets of their volume_24h (see /subnets), rao"),
    transfers_24h: Int.describe(
      "Balances transfers in the blocks after the newest block at or before 24 h before the indexed head",
    ),
    block_emission: AmountSchema.nullable().describe(
      "TAO minted per block at this issuance (the engine), rao",
    ),
    next_halving: z
      .object({
        issuance: AmountSchema.describe(
          "smallest issuance at which the block emission drops (the engine), rao",
        ),
        block_emission_after: AmountSchema.describe("block emission from then on, rao"),
        blocks: Int.describe(
          "estimate: ⌈(issuance at halving − issuance) / block_emission⌉, i.e. assuming issuance grows by " +
            "the block emission every block (recycling and burns lower issuance and push it later)",
        ),
        eta: Timestamp.nullable().describe("timestamp of block_number + blocks at 12 s per block"),
      })
      .nullable(),
  }),
);

export const NetworkSeriesSchema = named(
  "NetworkSeries",
  z.object({
    frequency: z.enum(["block", "hour", "day"]),
    data: z
      .array(NetworkPointSchema)
      .describe("oldest first; block: every snapshot; hour/day: the last snapshot of each UTC hour/day"),
  }),
);

export const StatsSchema = named(
  "Stats",
  z.object({
    chain: z.object({
      head: Int.nullable().describe("best block the indexer last saw"),
      finalized: Int.nullable().describe("finalized block the indexer last saw"),
      seen_at: Timestamp.nullable(),
    }),
    indexed: z.object({
      head: Int.nullable().describe("highest stored block"),
      finalized: Int.nullable().describe("highest stored finalized block"),
      timestamp: Timestamp.nullable().describe("timestamp of the highest stored block"),
    }),
    counts: z.object({
      blocks: Count,
      extrinsics: Count,
      signed_extrinsics: Count,
      events: Count,
    }),
    runtime: z.object({
      spec_version: Int.nullable().describe("spec of the highest stored block"),
      versions_seen: Int,
    }),
    network: NetworkFiguresSchema.nullable().describe(
      "the newest network snapshot with the next halving; null before the first",
    ),
  }),
);

export const SearchResultSchema = named(
  "SearchResult",
  z.object({
    type: z.enum(["block", "extrinsic", "account"]),
    id: z.string().describe("block number, extrinsic block-index or SS58 address"),
    path: z.string().describe("API path of the entity"),
    block_number: Int.nullable(),
    hash: Hash.nullable(),
    address: AddressSchema.nullable(),
  }),
);

export const SearchResponseSchema = named(
  "SearchResponse",
  z.object({ query: z.string(), data: z.array(SearchResultSchema) }),
);

// --- transfers, stake trades, recycle ---------------------------------------------------------------------

export const TransferSchema = named(
  "Transfer",
  z.object({
    id: z.string().describe("block-event index of the Balances.Transfer event, e.g. 123-4"),
    block_number: Int,
    event_index: Int,
    timestamp: Timestamp.nullable(),
    extrinsic_id: z.string().nullable().describe("block-index of the extrinsic that made it, if any"),
    from: AddressSchema.nullable(),
    to: AddressSchema.nullable(),
    amount: AmountSchema.nullable().describe("TAO moved, in rao"),
  }),
);

export const StakeTradeSchema = named(
  "StakeTrade",
  z.object({
    id: z.string().describe("block-event index of the StakeAdded/StakeRemoved event, e.g. 123-4"),
    block_number: Int,
    event_index: Int,
    timestamp: Timestamp.nullable(),
    extrinsic_id: z.string().nullable(),
    action: z.enum(["stake", "unstake"]).describe("stake: StakeAdded (TAO → alpha); unstake: StakeRemoved"),
    netuid: Int.nullable(),
    coldkey: AddressSchema.nullable(),
    hotkey: AddressSchema.nullable(),
    tao: AmountSchema.nullable().describe("TAO side of the trade, in rao"),
    alpha: AmountSchema.nullable().describe("alpha side of the trade, in the subnet's alpha rao"),
    fee: AmountSchema.nullable().describe("swap fee as the event reports it"),
    price_rao: AmountSchema.nullable().describe(
      "rao per whole alpha: floor(tao × 1e9 / alpha); null when alpha is 0",
    ),
  }),
);

export const RecyclePeriodSchema = named(
  "RecyclePeriod",
  z.object({
    period: z.string().describe("start of the UTC period, YYYY-MM-DD"),
    netuid: Int.nullable().describe("the subnet asked for; null when summed over all subnets"),
    neuron_registrations: z.number().int().min(0),
    recycled_tao: AmountSchema.describe(
      "TAO recycled by neuron registrations (burned registration cost), rao",
    ),
    network_registrations: z.number().int().min(0),
    network_registration_tao: AmountSchema.describe("TAO paid to register subnets (lock cost), rao"),
    alpha_burned: AmountSchema.describe("alpha destroyed (AlphaBurned), alpha rao"),
    alpha_recycled: AmountSchema.describe("alpha returned to unissued supply (AlphaRecycled), alpha rao"),
  }),
);

export const BlockListSchema = cursorList("BlockList", BlockSchema);
export const ExtrinsicListSchema = cursorList("ExtrinsicList", ExtrinsicSchema);
export const EventListSchema = cursorList("EventList", EventSchema);
export const TransferListSchema = cursorList("TransferList", TransferSchema);
export const StakeTradeListSchema = cursorList("StakeTradeList", StakeTradeSchema);
export const RecycleListSchema = pageList("RecycleList", RecyclePeriodSchema);
export const RuntimeVersionListSchema = pageList("RuntimeVersionList", RuntimeVersionSchema);
export const HealthResponseSchema = named("Health", HealthSchema);
export const OpenApiDocumentSchema = named(
  "OpenApiDocument",
  z.object({ openapi: z.string(), info: z.record(z.string(), z.unknown()) }).catchall(z.unknown()),
);

export type AddressDto = z.infer<typeof AddressSchema>;
export type BlockDto = z.infer<typeof BlockSchema>;
export type ExtrinsicDto = z.infer<typeof ExtrinsicSchema>;
export type ExtrinsicDetailDto = z.infer<typeof ExtrinsicDetailSchema>;
export type EventDto = z.infer<typeof EventSchema>;
export type RuntimeVersionDto = z.infer<typeof RuntimeVersionSchema>;
export type NetworkPointDto = z.infer<typeof NetworkPointSchema>;
export type NetworkFiguresDto = z.infer<typeof NetworkFiguresSchema>;
export type StatsDto = z.infer<typeof StatsSchema>;
export type SearchResultDto = z.infer<typeof SearchResultSchema>;
export type TransferDto = z.infer<typeof TransferSchema>;
export type StakeTradeDto = z.infer<typeof StakeTradeSchema>;
export type RecyclePeriodDto = z.infer<typeof RecyclePeriodSchema>;
export type CursorPagination = z.infer<typeof CursorPaginationSchema>;
export type PagePagination = z.infer<typeof PagePaginationSchema>;
