// Network-wide state at the pool-snapshot blocks: TotalIssuance and TotalStake as the chain stores them, and the
// subnet registration (lock) cost as the chain's own SubnetRegistrationRuntimeApi computes it. The pool sums (TAO
// in pools, Σ alpha prices) are taken from that block's pool snapshots when the row is written, so a
// `network_snapshots` row and the `pool_snapshots` rows of its block always agree.
import type pg from "pg";
import { decodeStorageValue, type Hex, type Runtime } from "../decode";
import type { RpcClient } from "../rpc";
import { hasStorage, storageKey } from "./keys";
import { decodeApiOutput } from "./pool-snapshots";

export interface NetworkSnapshot {
  blockNumber: number;
  issuance: string | null;
  staked: string | null;
  /** Rao to register a subnet at the block; null where the runtime has no such API. */
  registrationCost: string | null;
}

const API = "SubnetRegistrationRuntimeApi";
const METHOD = "get_network_registration_cost";

/** Reads the network figures at `blocks` (one batched round trip), with the blocks' post-state runtime. */
export async function readNetworkSnapshots(
  client: RpcClient,
  runtime: Runtime,
  blocks: readonly { number: number; hash: Hex }[],
): Promise<NetworkSnapshot[]> {
  if (blocks.length === 0) return [];
  // Subtensor keeps its own issuance (TAO minted by the coinbase minus recycled); fall back to Balances'.
  const issuanceItem = hasStorage(runtime, "subtensorModule", "totalIssuance")
    ? (["subtensorModule", "totalIssuance"] as const)
    : hasStorage(runtime, "balances", "totalIssuance")
      ? (["balances", "totalIssuance"] as const)
      : null;
  const keys = [
    issuanceItem ? storageKey(runtime, issuanceItem[0], issuanceItem[1]) : null,
    hasStorage(runtime, "subtensorModule", "totalStake")
      ? storageKey(runtime, "subtensorModule", "totalStake")
      : null,
  ];
  const wanted = keys.filter((k): k is Hex => k !== null);
  const priced = decodeApiOutput(runtime, API, METHOD, "0x0000000000000000") !== null;
  const calls = blocks.flatMap((b) => [
    { method: "state_queryStorageAt", params: [wanted, b.hash] },
    ...(priced ? [{ method: "state_call", params: [`${API}_${METHOD}`, "0x", b.hash] }] : []),
  ]);
  const results = await client.batch<unknown>(calls);
  const step = priced ? 2 : 1;
  return blocks.map((b, i) => {
    const storage = results[i * step]!;
    // Storage reads must succeed; a node without the runtime API only leaves the cost unknown.
    if (!storage.ok) throw storage.error;
    const changes = (storage.result as { changes: [string, Hex | null][] }[])[0]?.changes ?? [];
    const values = new Map(changes.map(([k, v]) => [k.toLowerCase(), v]));
    const value = (key: Hex | null): string | null => {
      if (key === null) return null;
      const raw = values.get(key.toLowerCase());
      // An absent plain value is its default, 0.
      return raw ? String(decodeStorageValue(runtime, key, raw).value) : "0";
    };
    let registrationCost: string | null = null;
    const call = priced ? results[i * step + 1]! : null;
    if (call?.ok) {
      const decoded = decodeApiOutput(runtime, API, METHOD, call.result as Hex);
      registrationCost = decoded === null ? null : BigInt(decoded.toString()).toString();
    }
    return { blockNumber: b.number, issuance: value(keys[0]!), staked: value(keys[1]!), registrationCost };
  });
}

/** Writes the rows with their block's pool sums (call after the batch's pool snapshots, in its transaction). */
export async function writeNetworkSnapshots(
  client: pg.ClientBase,
  rows: readonly NetworkSnapshot[],
): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO network_snapshots (block_number, issuance, staked, registration_cost, pools, priced_pools,
                                    tao_in_pools, alpha_price_sum)
     SELECT u.b, u.i, u.s, u.r, p.n, p.priced, p.tao, p.px
     FROM unnest($1::int[], $2::numeric[], $3::numeric[], $4::numeric[]) AS u(b, i, s, r)
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS n, count(price_rao)::int AS priced, sum(tao_in) AS tao, sum(price_rao) AS px
       FROM pool_snapshots WHERE block_number = u.b AND netuid > 0) p
     ON CONFLICT (block_number) DO NOTHING`,
    [
      rows.map((r) => r.blockNumber),
      rows.map((r) => r.issuance),
      rows.map((r) => r.staked),
      rows.map((r) => r.registrationCost),
    ],
  );
}

/** Thins rows older than the window down to every `every`-th block, like the pool snapshots. */
export async function pruneNetworkSnapshots(pool: pg.Pool, before: number, every: number): Promise<number> {
  const r = await pool.query(
    "DELETE FROM network_snapshots WHERE block_number < $1 AND block_number % $2 <> 0",
    [before, every],
  );
  return r.rowCount ?? 0;
}
