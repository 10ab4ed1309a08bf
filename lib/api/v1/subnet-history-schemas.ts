// Response schemas of a subnet's registration and hyperparameter history (pure zod, safe for client bundles).
import { z } from "zod";
import { AddressSchema, AmountSchema, named, pageList } from "./schemas";

const Int = z.number().int().min(0).max(2_147_483_647);
const Timestamp = z.iso.datetime().describe("ISO 8601, UTC");

export const SubnetRegistrationEventSchema = named(
  "SubnetRegistrationEvent",
  z.object({
    block_number: Int,
    event_index: Int,
    extrinsic_id: z.string().nullable().describe("`block-index` of the registering extrinsic"),
    timestamp: Timestamp.nullable(),
    uid: Int.nullable(),
    hotkey: AddressSchema.nullable(),
    coldkey: AddressSchema.nullable().describe("signer of the registering extrinsic"),
    cost: AmountSchema.nullable().describe(
      "TAO the signer paid beyond its transaction fee (Σ Balances.Withdraw − TransactionFeePaid), rao; null when " +
        "the extrinsic is unknown",
    ),
  }),
);

export const RegistrationCostPointSchema = named(
  "RegistrationCostPoint",
  z.object({
    period: Timestamp.describe("start of the UTC hour or day"),
    registrations: Int.describe("neuron registrations in the period"),
    priced: Int.describe("of which with a known cost"),
    cost_min: AmountSchema.nullable(),
    cost_max: AmountSchema.nullable(),
    cost_avg: AmountSchema.nullable().describe("floor(cost_total / priced)"),
    cost_last: AmountSchema.nullable().describe("cost of the period's last priced registration"),
    cost_total: AmountSchema,
  }),
);

export const HyperparameterChangeSchema = named(
  "HyperparameterChange",
  z.object({
    block_number: Int,
    extrinsic_id: z.string().describe("`block-index` of the extrinsic holding the call"),
    call_index: Int.describe("position of the call inside the extrinsic (batches, sudo)"),
    timestamp: Timestamp.nullable(),
    name: z.string().describe("the AdminUtils call without `sudo_set_`, e.g. `tempo`"),
    value: z.unknown().describe("the value set, as JSON"),
    previous: z.unknown().describe("the value set by the previous indexed change of the same name, or null"),
  }),
);

export const SubnetRegistrationListSchema = pageList("SubnetRegistrationList", SubnetRegistrationEventSchema);
export const RegistrationCostSeriesSchema = pageList("RegistrationCostSeries", RegistrationCostPointSchema);
export const HyperparameterHistorySchema = pageList("HyperparameterHistory", HyperparameterChangeSchema);

export type SubnetRegistrationDto = z.input<typeof SubnetRegistrationEventSchema>;
export type RegistrationCostPointDto = z.input<typeof RegistrationCostPointSchema>;
export type HyperparameterChangeDto = z.input<typeof HyperparameterChangeSchema>;
export type SubnetRegistrationListDto = z.input<typeof SubnetRegistrationListSchema>;
export type RegistrationCostSeriesDto = z.input<typeof RegistrationCostSeriesSchema>;
export type HyperparameterHistoryDto = z.input<typeof HyperparameterHistorySchema>;
