// Metagraph and validators.
import { z } from "zod";
import { hotkeyHistory } from "../../../queries/account-history";
import { getMetagraph, METAGRAPH_ORDER_FIELDS } from "../../../queries/metagraph";
import { listNominators, NOMINATOR_ORDER_FIELDS } from "../../../queries/nominators";
import { APY_METHOD } from "../../../queries/validator-apy";
import {
  getValidator,
  isValidator,
  listValidators,
  VALIDATOR_ORDER_FIELDS,
} from "../../../queries/validators";
import { HotkeyHistorySchema } from "../account-schemas";
import { ApiHttpError, defineEndpoint, notFound } from "../endpoint";
import { address, documented, formatParam, limitParam, orderParam, pageParam, uint } from "../params";
import {
  MetagraphSchema,
  NominatorListSchema,
  ValidatorDetailSchema,
  ValidatorListSchema,
} from "../validator-schemas";
import { HISTORY, historyQuery } from "./accounts";

const PROPORTIONS =
  "u16 proportions (validator_trust, trust, consensus, incentive, dividends, stake_weight, take) are given twice: " +
  "the integer the chain stores (`*_u16`, 0-65535) and that value / 65535 as a decimal string truncated to 10 " +
  "places.";

const SNAPSHOTS =
  "The indexer stores a subnet's metagraph at every block in which its epoch ran (the " +
  "IncentiveAlphaEmittedToMiners event, or LastMechansimStepBlock = block on runtimes without it), at the block a " +
  "subnet is added, and at the first indexed block of a subnet it had no metagraph for; each is read from the " +
  "chain's storage after that block.";

const netuidParam = uint("subnet id", 65_535);

export const metagraph = defineEndpoint({
  id: "getSubnetMetagraph",
  path: "/subnets/{netuid}/metagraph",
  tag: "subnets",
  summary: "A subnet's metagraph (one row per UID)",
  description:
    `The newest stored metagraph of the subnet, or with \`block\` the newest at or before that block. ${SNAPSHOTS} ` +
    "stake is TotalHotkeyAlpha[hotkey, netuid] (alpha rao); emission is the UID's alpha from the last epoch; " +
    "role is validator when the UID holds a validator permit; blocks_since_update = snapshot block - " +
    `LastUpdate. ${PROPORTIONS} search: digits match a UID exactly, anything else part of a hotkey, coldkey or axon. 404 when the ` +
    "subnet has no stored metagraph (at or before `block`).",
  query: z
    .object({
      block: uint("newest snapshot at or before this block").optional(),
      search: documented(
        z.string().trim().min(1, "must not be empty").max(64, "must be at most 64 characters"),
        {
          type: "string",
          minLength: 1,
          maxLength: 64,
          description: "a UID (digits), or part of a hotkey, coldkey or axon ip:port",
        },
      ).optional(),
      order: orderParam(METAGRAPH_ORDER_FIELDS, "uid_asc"),
      page: pageParam,
      limit: limitParam,
      format: formatParam,
    })
    .strict(),
  params: z.object({ netuid: netuidParam }).strict(),
  response: MetagraphSchema,
  cache: "head",
  list: "page",
  handler: async ({ query: q, path }) => {
    const m = await getMetagraph({
      netuid: path.netuid,
      block: q.block,
      search: q.search,
      page: q.page,
      limit: q.limit,
      field: q.order.field,
      dir: q.order.dir,
    });
    if (!m)
      throw q.block === undefined
        ? notFound("metagraph of this subnet", "netuid")
        : new ApiHttpError(404, "not_found", "no metagraph of this subnet at or before this block", "block");
    return m;
  },
});

const VALIDATOR_METHOD =
  "Computed over the newest stored metagraph of every subnet (see /subnets/{netuid}/metagraph). A validator is a " +
  "hotkey holding a validator permit on at least one subnet. alpha_stake = sum of TotalHotkeyAlpha over the " +
  "subnets where the hotkey has a UID (alpha of different subnets added unpriced, as the chain counts them); " +
  "dominance = alpha_stake / the same sum over every UID of every subnet, truncated to 10 places; emission = " +
  "sum of the UIDs' last-epoch emission; take = Delegates[hotkey] (u16) / 65535; root_stake = " +
  "TotalHotkeyAlpha[hotkey, 0]. nominators = coldkeys with a non-zero stake position on the hotkey (any subnet, " +
  "the owner included) at the indexer's last holder scan (null before the first scan). " +
  `apy: ${APY_METHOD} The list computes APY for the returned page only, so it is not an order field.`;

export const validators = defineEndpoint({
  id: "listValidators",
  path: "/validators",
  tag: "validators",
  summary: "Validators",
  description: `${VALIDATOR_METHOD} Largest alpha_stake first by default.`,
  query: z
    .object({
      order: orderParam(VALIDATOR_ORDER_FIELDS, "alpha_stake_desc"),
      page: pageParam,
      limit: limitParam,
      format: formatParam,
    })
    .strict(),
  response: ValidatorListSchema,
  cache: "head",
  list: "page",
  handler: ({ query: q }) =>
    listValidators({ page: q.page, limit: q.limit, field: q.order.field, dir: q.order.dir }),
});

export const validator = defineEndpoint({
  id: "getValidator",
  path: "/validators/{hotkey}",
  tag: "validators",
  summary: "One validator, with a row per subnet where its hotkey has a UID",
  description:
    `${VALIDATOR_METHOD} subnet_rows: the hotkey's UID in each subnet's newest metagraph; subnet_dominance = ` +
    "stake / the subnet's total stake at that snapshot. 404 when the hotkey holds no validator permit in any " +
    "newest metagraph.",
  query: z.object({}).strict(),
  params: z.object({ hotkey: address("validator hotkey") }).strict(),
  response: ValidatorDetailSchema,
  cache: "head",
  handler: async ({ path }) => {
    const v = await getValidator(path.hotkey.ss58);
    if (!v) throw notFound("validator", "hotkey");
    return v;
  },
});

export const validatorNominators = defineEndpoint({
  id: "listValidatorNominators",
  path: "/validators/{hotkey}/nominators",
  tag: "validators",
  summary: "A validator's nominators (stake positions on its hotkey)",
  description:
    "Every non-zero stake position on the hotkey at the indexer's last holder scan (Alpha shares valued with the " +
    "hotkey's pool by the engine's stakeValue, as the chain computes them): coldkey, subnet, alpha and its TAO " +
    "value at the newest pool price (root 1:1). `netuid` keeps one subnet. Largest TAO value first by default. " +
    "An empty list (with scan_block null) before the first scan; 404 when the hotkey holds no validator permit " +
    "in any newest metagraph.",
  query: z
    .object({
      netuid: uint("only positions on this subnet", 65_535).optional(),
      order: orderParam(NOMINATOR_ORDER_FIELDS, "tao_value_desc"),
      page: pageParam,
      limit: limitParam,
      format: formatParam,
    })
    .strict(),
  params: z.object({ hotkey: address("validator hotkey") }).strict(),
  response: NominatorListSchema,
  cache: "head",
  list: "page",
  handler: async ({ path, query: q }) => {
    if (!(await isValidator(path.hotkey.ss58))) throw notFound("validator", "hotkey");
    return listNominators({
      hotkey: path.hotkey.ss58,
      netuid: q.netuid,
      field: q.order.field,
      dir: q.order.dir,
      page: q.page,
      limit: q.limit,
    });
  },
});

export const validatorHistory = defineEndpoint({
  id: "getValidatorHistory",
  path: "/validators/{hotkey}/history",
  tag: "validators",
  summary: "A validator's stake and nominators over time",
  description:
    `${HISTORY} Points: every kept holder scan from the hotkey's first stake on, with its nominators (distinct ` +
    "coldkeys with a non-zero position on it, its owner included), the TAO value staked in it and the subnets it " +
    "holds stake on (0 at a scan where nothing was staked in it). frequency=hour/day keeps the last scan of each " +
    "UTC hour/day; `from`/`to` filter on block timestamps; at most `limit` points, the newest, oldest first. 404 " +
    "when the hotkey holds no validator permit in any newest metagraph.",
  query: historyQuery,
  params: z.object({ hotkey: address("validator hotkey") }).strict(),
  response: HotkeyHistorySchema,
  cache: "head",
  handler: async ({ path, query: q }) => {
    if (!(await isValidator(path.hotkey.ss58))) throw notFound("validator", "hotkey");
    const frequency = q.frequency ?? "block";
    return {
      hotkey: path.hotkey,
      frequency,
      data: await hotkeyHistory(path.hotkey.ss58, { frequency, from: q.from, to: q.to, limit: q.limit }),
    };
  },
});
