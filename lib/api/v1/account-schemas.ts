// Response schemas of the accounts and holders endpoints (pure zod, safe for client bundles).
import { z } from "zod";
import { AddressSchema, AmountSchema, named, PagePaginationSchema } from "./schemas";

const Int = z.number().int().min(0).max(2_147_483_647);
const Netuid = z.number().int().min(0).max(65_535);
const Ratio = z
  .string()
  .regex(/^[01]\.[0-9]+$/)
  .describe("a fraction between 0 and 1 as an exact decimal string (truncated)");

export const StakePositionSchema = named(
  "StakePosition",
  z.object({
    hotkey: AddressSchema,
    netuid: Netuid,
    alpha: AmountSchema.describe("alpha rao of the position (TAO rao on root, netuid 0) at the scan block"),
    price: AmountSchema.nullable().describe(
      "rao per whole alpha at price_block (root: 1e9, 1:1); null when the subnet has no known price",
    ),
    tao_value: AmountSchema.nullable().describe("floor(alpha × price / 1e9) rao; null when unpriced"),
  }),
);

export const AccountSchema = named(
  "Account",
  z.object({
    address: AddressSchema,
    free: AmountSchema.describe("System.Account free, rao"),
    reserved: AmountSchema.describe("System.Account reserved, rao"),
    frozen: AmountSchema.describe("System.Account frozen (part of free that cannot move), rao"),
    staked: AmountSchema.describe("sum of the positions' tao_value (unpriced positions left out), rao"),
    total: AmountSchema.describe("free + reserved + staked, rao"),
    balance_block: Int.nullable().describe(
      "block the balance was read at (last holder scan, or a later block whose events named the account)",
    ),
    positions_block: Int.nullable().describe("block of the last holder scan (the positions' state)"),
    price_block: Int.nullable().describe("block of the pool prices the positions are valued at"),
    positions: z.array(StakePositionSchema).describe("largest tao_value first"),
  }),
);

export const RichListItemSchema = named(
  "Holder",
  z.object({
    rank: Int.min(1).describe("position by total, largest first"),
    address: AddressSchema,
    free: AmountSchema,
    reserved: AmountSchema,
    staked: AmountSchema.describe("TAO value of the coldkey's positions at the latest prices, rao"),
    total: AmountSchema.describe("free + reserved + staked, rao"),
    positions: Int.describe("number of stake positions"),
  }),
);

export const HolderStatsSchema = named(
  "HolderStats",
  z.object({
    netuid: z
      .number()
      .int()
      .min(-1)
      .max(65_535)
      .describe("subnet (0 = root, TAO); -1 = network-wide TAO (free + reserved + staked value)"),
    block_number: Int.describe("block of the holder scan"),
    holders: Int.describe("coldkeys with a non-zero amount"),
    total: AmountSchema.describe("sum over holders (alpha rao; TAO rao for root and network-wide)"),
    top10_share: Ratio.nullable().describe("share of the total held by the 10 largest holders"),
    top50_share: Ratio.nullable().describe("share of the total held by the 50 largest holders"),
    gini: Ratio.nullable().describe("Gini coefficient over the holders' amounts"),
    nakamoto: Int.nullable().describe("smallest number of holders together holding more than 50%"),
  }),
);

export const RichListSchema = named(
  "HolderList",
  z.object({
    positions_block: Int.nullable().describe("block of the last holder scan"),
    price_block: Int.nullable().describe("block of the prices staked values use"),
    stats: HolderStatsSchema.nullable().describe("network-wide statistics of the last scan"),
    pagination: PagePaginationSchema,
    data: z.array(RichListItemSchema),
  }),
);

export const SubnetHolderSchema = named(
  "SubnetHolder",
  z.object({
    rank: Int.min(1),
    coldkey: AddressSchema,
    alpha: AmountSchema.describe("sum over the coldkey's positions on this subnet, alpha rao"),
    share: Ratio.describe("alpha / the subnet's held total, truncated to 10 places"),
    hotkeys: Int.describe("hotkeys the coldkey stakes through on this subnet"),
    tao_value: AmountSchema.nullable().describe(
      "floor(alpha × price / 1e9) at price_block; null when unpriced",
    ),
  }),
);

export const SubnetHoldersSchema = named(
  "SubnetHolders",
  z.object({
    netuid: Netuid,
    positions_block: Int.nullable(),
    price_block: Int.nullable(),
    price: AmountSchema.nullable().describe("rao per whole alpha at price_block"),
    stats: HolderStatsSchema,
    pagination: PagePaginationSchema,
    data: z.array(SubnetHolderSchema),
  }),
);

export const HolderStatsHistorySchema = named(
  "HolderStatsHistory",
  z.object({
    pagination: PagePaginationSchema,
    data: z.array(HolderStatsSchema).describe("newest scan first"),
  }),
);

export type AccountDto = z.input<typeof AccountSchema>;
export type StakePositionDto = z.input<typeof StakePositionSchema>;
export type RichListDto = z.input<typeof RichListSchema>;
export type RichListItemDto = z.input<typeof RichListItemSchema>;
export type HolderStatsDto = z.input<typeof HolderStatsSchema>;
export type SubnetHoldersDto = z.input<typeof SubnetHoldersSchema>;
export type SubnetHolderDto = z.input<typeof SubnetHolderSchema>;
export type HolderStatsHistoryDto = z.input<typeof HolderStatsHistorySchema>;
