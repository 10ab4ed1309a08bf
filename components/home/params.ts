// Query params of the home widgets, shared by the route (server prefetch) and the widgets: keys must match.
import type {
  BlockListParams,
  EventListParams,
  PageParams,
  StakeTradeListParams,
  SubnetListParams,
} from "../../lib/api/resources";

export const LATEST_BLOCKS: BlockListParams = { limit: 10 };
export const LATEST_TRANSFERS: EventListParams = { section: "balances", method: "Transfer", limit: 10 };
export const LATEST_STAKE_TRADES: StakeTradeListParams = { limit: 10 };
export const TOP_SUBNETS: SubnetListParams = { order: "market_cap_desc", limit: 10 };
export const TOP_VALIDATORS: PageParams = { order: "alpha_stake_desc", limit: 10 };

/** The sparklines resource's params for a list of subnets (one request for all of them). */
export const sparklineParams = (netuids: readonly number[]) => ({ netuids: netuids.join(",") });
