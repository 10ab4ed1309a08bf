// A subnet's registration history, registration cost per period and hyperparameter change history.
import { z } from "zod";
import {
  hyperparameterHistory,
  listSubnetRegistrations,
  registrationCostSeries,
} from "../../../queries/subnet-history";
import { defineEndpoint } from "../endpoint";
import { documented, formatParam, limitParam, name, orderParam, pageParam } from "../params";
import {
  HyperparameterHistorySchema,
  RegistrationCostSeriesSchema,
  SubnetRegistrationListSchema,
} from "../subnet-history-schemas";
import { checkWindow, known, netuidParams, timeWindow } from "./subnets";

const INCARNATION =
  "Only the subnet's current incarnation: events from its newest NetworkAdded registration on (a dissolved " +
  "netuid can be registered again). 404 when the subnet has no stored snapshot.";

export const subnetRegistrations = defineEndpoint({
  id: "listSubnetRegistrations",
  path: "/subnets/{netuid}/registrations",
  tag: "subnets",
  summary: "Neuron registrations on a subnet, with what each cost",
  description:
    "Every NeuronRegistered event of the subnet the indexer stored (burned and PoW registrations alike), newest " +
    "first by default. cost = what the registering signer paid in that extrinsic beyond its transaction fee " +
    `(Σ Balances.Withdraw − TransactionFeePaid): the burn, recycled by the chain. ${INCARNATION}`,
  query: z
    .object({
      ...timeWindow,
      order: orderParam(["block_number"], "block_number_desc"),
      page: pageParam,
      limit: limitParam,
      format: formatParam,
    })
    .strict()
    .superRefine(checkWindow),
  params: netuidParams,
  response: SubnetRegistrationListSchema,
  cache: "head",
  list: "page",
  handler: async ({ path, query: q }) => {
    await known(path.netuid);
    return listSubnetRegistrations({
      netuid: path.netuid,
      from: q.from,
      to: q.to,
      page: q.page,
      limit: q.limit,
      dir: q.order.dir,
    });
  },
});

export const subnetRegistrationCost = defineEndpoint({
  id: "getSubnetRegistrationCost",
  path: "/subnets/{netuid}/registrations/cost",
  tag: "subnets",
  summary: "Registration cost per hour or day",
  description:
    "Neuron registrations of the subnet grouped by UTC hour or day (by block timestamp): how many, and the " +
    "min / max / average (floored) / last / total cost of those with a known cost, in rao. Only periods with " +
    `at least one registration appear; newest first by default. ${INCARNATION}`,
  query: z
    .object({
      frequency: documented(
        z
          .enum(["hour", "day"], "must be hour or day")
          .optional()
          .transform((v) => v ?? "day"),
        { type: "string", enum: ["hour", "day"], default: "day", description: "period length" },
      ),
      ...timeWindow,
      order: orderParam(["period"], "period_desc"),
      page: pageParam,
      limit: limitParam,
      format: formatParam,
    })
    .strict()
    .superRefine(checkWindow),
  params: netuidParams,
  response: RegistrationCostSeriesSchema,
  cache: "head",
  list: "page",
  handler: async ({ path, query: q }) => {
    await known(path.netuid);
    return registrationCostSeries({
      netuid: path.netuid,
      frequency: q.frequency,
      from: q.from,
      to: q.to,
      page: q.page,
      limit: q.limit,
      dir: q.order.dir,
    });
  },
});

export const subnetHyperparameters = defineEndpoint({
  id: "listSubnetHyperparameterChanges",
  path: "/subnets/{netuid}/hyperparameters",
  tag: "subnets",
  summary: "A subnet's hyperparameter changes, with the value each replaced",
  description:
    "Every successful AdminUtils sudo_set_* call for the subnet the indexer saw (direct, inside sudo or a " +
    "batch), named after the call (`sudo_set_tempo` → `tempo`), with the value set and the value set by the " +
    "previous indexed change of the same name (null for the first one: the genesis or default value is not " +
    "an event). The subnet detail (/subnets/{netuid}) lists the current value of each. `name` keeps one " +
    `hyperparameter. Newest first by default. ${INCARNATION}`,
  query: z
    .object({
      name: name("only this hyperparameter, e.g. tempo").optional(),
      ...timeWindow,
      order: orderParam(["block_number"], "block_number_desc"),
      page: pageParam,
      limit: limitParam,
      format: formatParam,
    })
    .strict()
    .superRefine(checkWindow),
  params: netuidParams,
  response: HyperparameterHistorySchema,
  cache: "head",
  list: "page",
  handler: async ({ path, query: q }) => {
    await known(path.netuid);
    return hyperparameterHistory({
      netuid: path.netuid,
      name: q.name,
      from: q.from,
      to: q.to,
      page: q.page,
      limit: q.limit,
      dir: q.order.dir,
    });
  },
});
