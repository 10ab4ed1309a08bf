// The newest metagraph snapshot of each live subnet, as a CTE (`latest(netuid, block_number)`), shared by the
// validator and account queries.
import { sql } from "./sql";

/** Each subnet's newest snapshot, leaving out subnets removed (NetworkRemoved) after it. */
export const LATEST_SNAPSHOTS = sql`
  latest AS (SELECT l.* FROM (SELECT DISTINCT ON (netuid) netuid, block_number FROM metagraph_snapshots
                              ORDER BY netuid, block_number DESC) l
             WHERE NOT EXISTS (
               SELECT 1 FROM events e
               WHERE e.section = 'subtensorModule' AND e.method = 'NetworkRemoved' AND e.block_number > l.block_number
                 AND (CASE WHEN jsonb_typeof(e.args) = 'array' THEN e.args->>0 ELSE e.args->>'netuid' END) = l.netuid::text))`;
