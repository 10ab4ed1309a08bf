// Response schemas of the accounts and holders endpoints (pure zod, safe for client bundles).
import { z } from "zod";
import { AddressSchema, AmountSchema, named, PagePaginationSchema, Timestamp } from "./schemas";

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

export const AccountHotkeySchema = named(
  "AccountHotkey",
  z.object({
    validator: z
      .boolean()
      .describe("holds a validator permit in some subnet's newest metagraph (see /validators/{hotkey})"),
    owner: AddressSchema.nullable().describe("the coldkey owning the hotkey, from the newest metagraph rows"),
    stakers: Int.describe("distinct coldkeys with a non-zero position on the hotkey at the last holder scan"),
    stake: AmountSchema.describe(
      "TAO value of all positions on the hotkey at the newest prices (floor per position, root 1:1), rao",
    ),
    neurons: z
      .array(
        z.object({
          netuid: Netuid,
          uid: Int,
          validator_permit: z.boolean(),
          stake: AmountSchema.describe("the UID's stake in the metagraph, alpha rao of the subnet"),
          emission: AmountSchema.describe("the UID's emission at its last epoch, alpha rao"),
          block_number: Int.describe("block of the metagraph snapshot"),
        }),
      )
      .describe("the hotkey's UID in each subnet's newest metagraph"),
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
    hotkey: AccountHotkeySchema.nullable().describe(
      "the address as a hotkey (UIDs, stake held on it); null when it is neither registered nor staked on",
    ),
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

const Frequency = z.enum(["block", "hour", "day"]);

export const AccountHistoryPointSchema = named(
  "AccountHistoryPoint",
  z.object({
    block_number: Int,
    timestamp: Timestamp.nullable(),
    free: AmountSchema.describe("System.Account free as last read at or before block_number, rao"),
    reserved: AmountSchema.describe("System.Account reserved, rao"),
    frozen: AmountSchema.describe("System.Account frozen, rao"),
    staked: AmountSchema.nullable().describe(
      "TAO value of the coldkey's positions at stake_block's prices (unpriced positions left out); 0 when it " +
        "held none at that scan; null before the first kept scan",
    ),
    stake_block: Int.nullable().describe(
      "the kept holder scan the stake is from (newest at or before block_number)",
    ),
    positions: Int.nullable().describe("stake positions at stake_block"),
    unpriced_positions: Int.nullable().describe("positions on subnets without a price at stake_block"),
    total: AmountSchema.describe("free + reserved + staked (staked as 0 when null), rao"),
  }),
);

export const AccountHistorySchema = named(
  "AccountHistory",
  z.object({
    address: AddressSchema,
    frequency: Frequency,
    data: z
      .array(AccountHistoryPointSchema)
      .describe("oldest first; block: every change point; hour/day: the last point of each UTC hour/day"),
  }),
);

export const HotkeyHistoryPointSchema = named(
  "HotkeyHistoryPoint",
  z.object({
    block_number: Int.describe("a kept holder scan"),
    timestamp: Timestamp.nullable(),
    nominators: Int.describe("distinct coldkeys with a non-zero position on the hotkey (its owner included)"),
    stake: AmountSchema.describe(
      "Σ floor(alpha × price / 1e9) over the hotkey's positions at the scan block's prices (root 1:1), rao",
    ),
    subnets: Int.describe("subnets (netuid 0 included) the hotkey holds stake on"),
    unpriced_positions: Int.describe("positions left out of stake for lack of a price"),
  }),
);

export const HotkeyHistorySchema = named(
  "HotkeyHistory",
  z.object({
    hotkey: AddressSchema,
    frequency: Frequency,
    data: z
      .array(HotkeyHistoryPointSchema)
      .describe("oldest first; block: every kept scan; hour/day: the last scan of each UTC hour/day"),
  }),
);

export type AccountHistoryDto = z.input<typeof AccountHistorySchema>;
export type AccountHistoryPointDto = z.input<typeof AccountHistoryPointSchema>;
export type HotkeyHistoryDto = z.input<typeof HotkeyHistorySchema>;
export type HotkeyHistoryPointDto = z.input<typeof HotkeyHistoryPointSchema>;
export type AccountDto = z.input<typeof AccountSchema>;
export type AccountHotkeyDto = z.input<typeof AccountHotkeySchema>;
export type StakePositionDto = z.input<typeof StakePositionSchema>;
export type RichListDto = z.input<typeof RichListSchema>;
export type RichListItemDto = z.input<typeof RichListItemSchema>;
export type HolderStatsDto = z.input<typeof HolderStatsSchema>;
export type SubnetHoldersDto = z.input<typeof SubnetHoldersSchema>;
export type SubnetHolderDto = z.input<typeof SubnetHolderSchema>;
export type HolderStatsHistoryDto = z.input<typeof HolderStatsHistorySchema>;
