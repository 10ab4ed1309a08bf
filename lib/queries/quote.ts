// Pool state for swap quotes: the latest pool_snapshots row per subnet, the runtime spec of its block (which
// selects the pool rules) and the subnet's swap fee rate. The indexer does not store `Swap::FeeRate`; it is taken
// from the last `swap.FeeRateSet` event for the subnet at or before the snapshot, else the spec's default (the
// storage default, which is what a subnet without such an event has).
import { type PoolQuoteState, poolQuoteState } from "../engine/browser-quote";
import { defaultFeeRate, FIRST_DTAO_SPEC, LATEST_SPEC } from "../engine/ref/specs";
import { select, sql } from "./sql";

interface Row {
  netuid: number;
  block: number;
  spec_version: number;
  tao_in: string;
  alpha_in: string;
  price_rao: string | null;
  fee_args: unknown;
}

/** FeeRateSet { netuid, rate }: named or positional args, integers as numbers or strings. */
function feeRateOf(args: unknown, netuid: number): number | null {
  const pick = (a: unknown, b: unknown): [unknown, unknown] => [a, b];
  const [n, r] = Array.isArray(args)
    ? pick(args[0], args[1])
    : args && typeof args === "object"
      ? pick((args as Record<string, unknown>).netuid, (args as Record<string, unknown>).rate)
      : [null, null];
  const num = (v: unknown) =>
    typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : null;
  const rate = num(r);
  return num(n) === netuid && rate !== null && Number.isInteger(rate) && rate >= 0 && rate <= 65535
    ? rate
    : null;
}

function toState(r: Row): PoolQuoteState | null {
  // Rows without reserves (runtime without the item) or from specs the engine has no rules for are not quotable.
  if (r.spec_version < FIRST_DTAO_SPEC || r.spec_version > LATEST_SPEC) return null;
  return poolQuoteState({
    netuid: r.netuid,
    block: r.block,
    spec_version: r.spec_version,
    tao_in: r.tao_in,
    alpha_in: r.alpha_in,
    price_rao: r.price_rao,
    fee_rate: feeRateOf(r.fee_args, r.netuid),
    default_fee_rate: defaultFeeRate(r.spec_version),
  });
}

// The fee event lookup uses the (section, method, block_number) index; FeeRateSet events are rare.
const FEE = sql`(SELECT e.args FROM events e
   WHERE e.section = 'swap' AND e.method = 'FeeRateSet' AND e.block_number <= s.block_number
     AND CASE jsonb_typeof(e.args) WHEN 'object' THEN e.args->>'netuid' WHEN 'array' THEN e.args->>0 END
         = s.netuid::text
   ORDER BY e.block_number DESC, e.index DESC LIMIT 1)`;

/** Latest quotable pool state of every subnet, by netuid. */
export async function listPoolStates(): Promise<{ block: number | null; data: PoolQuoteState[] }> {
  const rows = await select<Row[]>`
    WITH latest AS (SELECT DISTINCT ON (netuid) * FROM pool_snapshots ORDER BY netuid, block_number DESC)
     SELECT s.netuid, s.block_number AS block, b.spec_version, s.tao_in::text, s.alpha_in::text,
            s.price_rao::text, ${FEE} AS fee_args
       FROM latest s JOIN blocks b ON b.number = s.block_number
      WHERE s.tao_in IS NOT NULL AND s.alpha_in IS NOT NULL
      ORDER BY s.netuid`;
  const data = rows.map(toState).filter((s): s is PoolQuoteState => s !== null);
  return {
    block: data.reduce<number | null>((m, s) => (m === null || s.block > m ? s.block : m), null),
    data,
  };
}

export type PoolStateLookup =
  | { kind: "ok"; state: PoolQuoteState }
  | { kind: "missing" }
  | { kind: "unsupported"; spec: number };

/** Latest pool state of one subnet, or its latest at or before `atBlock`. */
export async function getPoolState(netuid: number, atBlock?: number): Promise<PoolStateLookup> {
  const upTo = atBlock ?? 2_147_483_647;
  const rows = await select<Row[]>`
    WITH s AS (SELECT * FROM pool_snapshots
                WHERE netuid = ${netuid} AND block_number <= ${upTo} AND tao_in IS NOT NULL AND alpha_in IS NOT NULL
                ORDER BY block_number DESC LIMIT 1)
    SELECT s.netuid, s.block_number AS block, b.spec_version, s.tao_in::text, s.alpha_in::text, s.price_rao::text,
      ${FEE} AS fee_args
    FROM s JOIN blocks b ON b.number = s.block_number`;
  const row = rows[0];
  if (!row) return { kind: "missing" };
  const state = toState(row);
  return state ? { kind: "ok", state } : { kind: "unsupported", spec: row.spec_version };
}
