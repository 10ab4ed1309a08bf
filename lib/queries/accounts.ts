// One account: its balance (account_balances) and stake positions (stake_positions, as of the last holder scan)
// valued in TAO at the latest stored pool prices. See README.md "Accounts and holders: methodology".
import type { AccountDto, AccountHotkeyDto } from "../api/v1/account-schemas";
import { type Address, toAddress } from "../api/v1/address";
import { LATEST_SNAPSHOTS } from "./latest-snapshots";
import { raw, select, sql } from "./sql";

/** Newest stored prices, per netuid (root is 1:1): `px(netuid, price_rao, block_number)`. */
export const LATEST_PRICES = sql`
  px AS (SELECT netuid, price_rao, block_number FROM pool_snapshots
         WHERE block_number = (SELECT max(block_number) FROM pool_snapshots))`;

/** TAO rao of `p.alpha` on `p.netuid` at `px.price_rao` (floored; root 1:1; null when unpriced). */
export const TAO_VALUE = raw(
  "(CASE WHEN p.netuid = 0 THEN p.alpha ELSE floor(p.alpha * px.price_rao / 1000000000) END)",
);

/** Root's price: one TAO per root "alpha". */
export const ROOT_PRICE = "1000000000";

export async function getAccount(address: Address): Promise<AccountDto | null> {
  const [balanceRows, positionRows, blocks, hotkey] = await Promise.all([
    select<{ free: string; reserved: string; frozen: string; block_number: number }[]>`
      SELECT free::text, reserved::text, frozen::text, block_number FROM account_balances
      WHERE address = ${address.ss58}`,
    select<
      { hotkey: string; netuid: number; alpha: string; price: string | null; tao_value: string | null }[]
    >`
      WITH ${LATEST_PRICES}
      SELECT p.hotkey, p.netuid, p.alpha::text,
             (CASE WHEN p.netuid = 0 THEN ${ROOT_PRICE}::numeric ELSE px.price_rao END)::text AS price,
             ${TAO_VALUE}::text AS tao_value
      FROM stake_positions p LEFT JOIN px USING (netuid)
      WHERE p.coldkey = ${address.ss58}
      ORDER BY ${TAO_VALUE} DESC NULLS LAST, p.alpha DESC, p.netuid, p.hotkey`,
    select<{ scan: number | null; prices: number | null }[]>`
      SELECT (SELECT max(block_number) FROM holder_scans) AS scan,
             (SELECT max(block_number) FROM pool_snapshots) AS prices`,
    hotkeyView(address.ss58),
  ]);
  const balance = balanceRows[0];
  if (!balance && positionRows.length === 0 && !hotkey) return null;
  const free = BigInt(balance?.free ?? "0");
  const reserved = BigInt(balance?.reserved ?? "0");
  let staked = 0n;
  for (const p of positionRows) if (p.tao_value !== null) staked += BigInt(p.tao_value);
  return {
    address: { ...address },
    free: free.toString(),
    reserved: reserved.toString(),
    frozen: balance?.frozen ?? "0",
    staked: staked.toString(),
    total: (free + reserved + staked).toString(),
    balance_block: balance?.block_number ?? null,
    positions_block: blocks[0]?.scan ?? null,
    price_block: blocks[0]?.prices ?? null,
    positions: positionRows.map((p) => ({
      hotkey: toAddress(p.hotkey)!,
      netuid: p.netuid,
      alpha: p.alpha,
      price: p.price,
      tao_value: p.tao_value,
    })),
    hotkey,
  };
}

/**
 * The address as a hotkey: its UIDs in each subnet's newest metagraph and the stake others (and its owner) hold on
 * it at the last scan, valued at the newest prices; null when it is neither.
 */
async function hotkeyView(hotkey: string): Promise<AccountHotkeyDto | null> {
  const [neurons, staked] = await Promise.all([
    select<
      {
        netuid: number;
        uid: number;
        coldkey: string | null;
        validator_permit: boolean;
        stake: string;
        emission: string;
        block_number: number;
      }[]
    >`
      WITH ${LATEST_SNAPSHOTS}
      SELECT m.netuid, m.uid, m.coldkey, m.validator_permit, m.stake::text, m.emission::text, m.block_number
      FROM metagraph_neurons m JOIN latest l USING (netuid, block_number)
      WHERE m.hotkey = ${hotkey} ORDER BY m.netuid`,
    select<{ stakers: number; positions: number; stake: string | null }[]>`
      WITH ${LATEST_PRICES}
      SELECT count(DISTINCT p.coldkey)::int AS stakers, count(*)::int AS positions,
             sum(${TAO_VALUE})::text AS stake
      FROM stake_positions p LEFT JOIN px USING (netuid)
      WHERE p.hotkey = ${hotkey} AND p.alpha > 0`,
  ]);
  const s = staked[0];
  if (neurons.length === 0 && (s?.positions ?? 0) === 0) return null;
  const owner = neurons.find((n) => n.coldkey !== null)?.coldkey ?? null;
  return {
    validator: neurons.some((n) => n.validator_permit),
    owner: toAddress(owner),
    stakers: s?.stakers ?? 0,
    stake: s?.stake ?? "0",
    neurons: neurons.map((n) => ({
      netuid: n.netuid,
      uid: n.uid,
      validator_permit: n.validator_permit,
      stake: n.stake,
      emission: n.emission,
      block_number: n.block_number,
    })),
  };
}
