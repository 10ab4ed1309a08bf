// Response schemas of the metagraph and validators endpoints (pure zod, safe for client bundles).
import { z } from "zod";
import { AddressSchema, AmountSchema, named, PagePaginationSchema } from "./schemas";

const Int = z.number().int().min(0).max(2_147_483_647);
const U16 = z.number().int().min(0).max(65_535);
const Timestamp = z.iso.datetime().describe("ISO 8601, UTC");
/** A u16 proportion as a decimal string: value / 65535, truncated to 10 decimal places. */
const Proportion = z
  .string()
  .regex(/^(0|1)\.[0-9]{10}$/)
  .describe("the stored u16 divided by 65535, truncated to 10 decimal places");
const Share = z
  .string()
  .regex(/^(0|1)(\.[0-9]+)?$/)
  .describe("a share between 0 and 1, decimal string");
const BlockU64 = z
  .string()
  .regex(/^(0|[1-9][0-9]*)$/)
  .describe("block number (u64), decimal string");

export const MetagraphSnapshotInfoSchema = named(
  "MetagraphSnapshotInfo",
  z.object({
    netuid: U16,
    block_number: Int.describe("block whose post-state the metagraph was read at"),
    timestamp: Timestamp.nullable(),
    reason: z
      .enum(["epoch", "initial", "registration"])
      .describe(
        "epoch: the subnet's epoch ran in this block; initial: first metagraph the indexer stored; registration: neurons registered (last such block of an indexing batch)",
      ),
    neurons: Int.describe("UIDs in the snapshot (before search)"),
  }),
);

export const MetagraphNeuronSchema = named(
  "MetagraphNeuron",
  z.object({
    uid: U16,
    role: z.enum(["validator", "miner"]).describe("validator = holds a validator permit"),
    hotkey: AddressSchema,
    coldkey: AddressSchema.nullable().describe("Owner[hotkey]; null when the chain stores none"),
    stake: AmountSchema.describe(
      "TotalHotkeyAlpha[hotkey, netuid]: alpha rao staked to the hotkey on this subnet",
    ),
    root_stake: AmountSchema.describe("TotalHotkeyAlpha[hotkey, 0]: rao staked on root"),
    validator_permit: z.boolean(),
    validator_trust: Proportion,
    validator_trust_u16: U16,
    trust: Proportion.nullable().describe("only on runtimes that still store Trust (before spec 397)"),
    trust_u16: U16.nullable(),
    consensus: Proportion,
    consensus_u16: U16,
    incentive: Proportion,
    incentive_u16: U16,
    dividends: Proportion,
    dividends_u16: U16,
    stake_weight: Proportion.nullable(),
    stake_weight_u16: U16.nullable(),
    emission: AmountSchema.describe("alpha rao emitted to this UID by the last epoch"),
    active: z.boolean(),
    last_update: BlockU64.describe("block of the UID's last weights (LastUpdate)"),
    blocks_since_update: BlockU64.describe("snapshot block - last_update (0 if last_update is later)"),
    registered_at: BlockU64.nullable().describe("BlockAtRegistration"),
    axon: z.string().nullable().describe("ip:port of the served axon, IPv6 in brackets"),
    take: Proportion.nullable().describe("delegate take, Delegates[hotkey] / 65535"),
    take_u16: U16.nullable(),
  }),
);

export const MetagraphSchema = named(
  "Metagraph",
  z.object({
    snapshot: MetagraphSnapshotInfoSchema,
    pagination: PagePaginationSchema,
    data: z.array(MetagraphNeuronSchema),
  }),
);

const Apy = z
  .string()
  .regex(/^-?[0-9]+\.[0-9]{6}$/)
  .nullable()
  .describe("annualised yield as a fraction (0.25 = 25 %), 6 decimal places; null with fewer than 2 epochs");

export const ValidatorApySchema = named(
  "ValidatorApy",
  z.object({
    d1: Apy.describe("APY over the epochs of the last 7,200 blocks"),
    d7: Apy.describe("APY over the epochs of the last 50,400 blocks"),
    d30: Apy.describe("APY over the epochs of the last 216,000 blocks"),
    epochs_d30: Int.describe("epochs in the 30-day window (fewer on a young chain)"),
    span_blocks_d30: Int.nullable().describe("blocks the 30-day window's epochs cover"),
  }),
);

export const ValidatorSchema = named(
  "Validator",
  z.object({
    hotkey: AddressSchema,
    coldkey: AddressSchema.nullable(),
    take: Proportion.nullable(),
    take_u16: U16.nullable(),
    alpha_stake: AmountSchema.describe("sum of TotalHotkeyAlpha over the subnets where the hotkey has a UID"),
    root_stake: AmountSchema,
    subnets: Int.describe("subnets where the hotkey has a UID"),
    subnets_validated: Int.describe("subnets where the hotkey holds a validator permit"),
    dominance: Share.describe("alpha_stake / sum of alpha_stake over every UID of every latest metagraph"),
    emission: AmountSchema.describe("sum of the last epoch's emission over the hotkey's UIDs (alpha rao)"),
    nominators: Int.nullable().describe(
      "coldkeys with a non-zero stake on the hotkey (any subnet, the owner included) at the last holder scan; " +
        "null before the first scan",
    ),
    apy: ValidatorApySchema.describe("nominator APY, stake-value weighted over the hotkey's subnets"),
    block_number: Int.describe("newest snapshot block among the hotkey's subnets"),
    stake_value: AmountSchema.nullable().describe(
      "TAO value of every position on the hotkey at the last kept holder scan (hotkey_history.stake: floor per " +
        "position at the scan block's prices, root 1:1); null before the first scan",
    ),
    stake_change_24h: z
      .string()
      .regex(/^-?(0|[1-9][0-9]*)$/)
      .nullable()
      .describe("rao, signed: stake_value minus the same at `change_from_block`"),
    nominators_change_24h: z
      .number()
      .int()
      .nullable()
      .describe("nominators at the last kept scan minus at `change_from_block`"),
    change_from_block: Int.nullable().describe(
      "the kept holder scan the 24 h changes compare with: the newest at or before 24 h (by block timestamp) " +
        "before the last one, or the oldest kept scan when none is that old",
    ),
  }),
);

export const ValidatorListSchema = named(
  "ValidatorList",
  z.object({ pagination: PagePaginationSchema, data: z.array(ValidatorSchema) }),
);

export const ValidatorSubnetSchema = named(
  "ValidatorSubnet",
  z.object({
    netuid: U16,
    block_number: Int,
    uid: U16,
    validator_permit: z.boolean(),
    stake: AmountSchema,
    subnet_dominance: Share.describe("stake / sum of stake over the subnet's UIDs at that snapshot"),
    validator_trust: Proportion,
    consensus: Proportion,
    incentive: Proportion,
    dividends: Proportion,
    emission: AmountSchema,
    active: z.boolean(),
    last_update: BlockU64,
    blocks_since_update: BlockU64,
    axon: z.string().nullable(),
    apy: ValidatorApySchema.describe("nominator APY on this subnet"),
  }),
);

export const ValidatorDetailSchema = named(
  "ValidatorDetail",
  ValidatorSchema.extend({ subnet_rows: z.array(ValidatorSubnetSchema) }),
);

export const NominatorSchema = named(
  "Nominator",
  z.object({
    coldkey: AddressSchema,
    netuid: U16,
    alpha: AmountSchema.describe("alpha rao (TAO on root) of the position at the scan"),
    tao_value: AmountSchema.nullable().describe(
      "floor(alpha × newest price / 1e9); root 1:1; null when unpriced",
    ),
    block_number: Int.describe("holder scan block the position is from"),
  }),
);

export const NominatorListSchema = named(
  "NominatorList",
  z.object({
    scan_block: Int.nullable().describe("the last holder scan; null before the first"),
    pagination: PagePaginationSchema,
    data: z.array(NominatorSchema),
  }),
);

export type NominatorDto = z.input<typeof NominatorSchema>;
export type NominatorListDto = z.input<typeof NominatorListSchema>;
export type MetagraphDto = z.input<typeof MetagraphSchema>;
export type MetagraphNeuronDto = z.input<typeof MetagraphNeuronSchema>;
export type ValidatorDto = z.input<typeof ValidatorSchema>;
export type ValidatorListDto = z.input<typeof ValidatorListSchema>;
export type ValidatorSubnetDto = z.input<typeof ValidatorSubnetSchema>;
export type ValidatorDetailDto = z.input<typeof ValidatorDetailSchema>;
export type ValidatorApyDto = z.input<typeof ValidatorApySchema>;
