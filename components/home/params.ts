// Query params of the home widgets, shared by the route (server prefetch) and the widgets: keys must match.
import type { BlockListParams, EventListParams } from "../../lib/api/resources";

export const LATEST_BLOCKS: BlockListParams = { limit: 10 };
export const LATEST_TRANSFERS: EventListParams = { section: "balances", method: "Transfer", limit: 10 };
