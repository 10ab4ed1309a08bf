// Hotkey share pools (dtao-math §5, legacy U64F64 pools as at spec 393): `TotalHotkeyAlpha` is the pool's
// value, `TotalHotkeyShares` its denominator, `Alpha[(hot, cold, netuid)]` a nominator's shares. The value
// of a position comes from the engine's `stakeValue`; adding/removing converts amounts to shares at the
// pool's current share price with the engine's fixed-point ops.

import type { EconomyEngine } from "../engine";
import { F } from "../engine";
import type { Store } from "./store";

const U = F.U64F64;

export function stakeOf(
  st: Store,
  engine: EconomyEngine,
  hot: Uint8Array,
  cold: Uint8Array,
  netuid: number,
): bigint {
  const share = st.fixed("SubtensorModule", "Alpha", hot, cold, netuid);
  if (share === 0n) return 0n;
  const denom = st.fixed("SubtensorModule", "TotalHotkeyShares", hot, netuid);
  return engine.stakeValue(st.big("TotalHotkeyAlpha", hot, netuid), share, denom);
}

/** Shares worth `amount` at the pool's price (denominator / value). */
function sharesFor(amount: bigint, value: bigint, denom: bigint): bigint {
  return F.saturatingMul(
    U,
    F.saturatingFromInt(U, amount),
    F.safeDiv(U, denom, F.saturatingFromInt(U, value)),
  );
}

/** Adds `amount` alpha to (hot, cold) on a subnet: new shares at the current share price. */
export function addStake(st: Store, hot: Uint8Array, cold: Uint8Array, netuid: number, amount: bigint): void {
  if (amount === 0n) return;
  const value = st.big("TotalHotkeyAlpha", hot, netuid);
  const denom = st.fixed("SubtensorModule", "TotalHotkeyShares", hot, netuid);
  const share = st.fixed("SubtensorModule", "Alpha", hot, cold, netuid);
  let added: bigint;
  let newDenom: bigint;
  if (value === 0n || denom === 0n) {
    added = F.saturatingFromInt(U, amount);
    newDenom = F.saturatingAdd(U, denom, added);
  } else {
    added = sharesFor(amount, value, denom);
    newDenom = F.saturatingAdd(U, denom, added);
  }
  st.setFixed("SubtensorModule", "Alpha", [hot, cold, netuid], F.saturatingAdd(U, share, added));
  st.setFixed("SubtensorModule", "TotalHotkeyShares", [hot, netuid], newDenom);
  st.setBig("TotalHotkeyAlpha", [hot, netuid], value + amount);
}

/** Adds to every nominator of the hotkey pro rata (dividends): value only, no new shares. */
export function addToPool(st: Store, hot: Uint8Array, netuid: number, amount: bigint): void {
  if (amount === 0n) return;
  st.addBig("TotalHotkeyAlpha", [hot, netuid], amount);
}

/** Removes `amount` (≤ the position's value) from (hot, cold); a full withdrawal drops every share. */
export function removeStake(
  st: Store,
  engine: EconomyEngine,
  hot: Uint8Array,
  cold: Uint8Array,
  netuid: number,
  amount: bigint,
): void {
  if (amount === 0n) return;
  const held = stakeOf(st, engine, hot, cold, netuid);
  if (amount > held) throw new Error("removeStake: amount above the position's value");
  const value = st.big("TotalHotkeyAlpha", hot, netuid);
  const denom = st.fixed("SubtensorModule", "TotalHotkeyShares", hot, netuid);
  const share = st.fixed("SubtensorModule", "Alpha", hot, cold, netuid);
  let removed = amount === held ? share : sharesFor(amount, value, denom);
  if (removed > share) removed = share;
  const left = share - removed;
  if (left === 0n) st.remove("SubtensorModule", "Alpha", hot, cold, netuid);
  else st.setFixed("SubtensorModule", "Alpha", [hot, cold, netuid], left);
  st.setFixed("SubtensorModule", "TotalHotkeyShares", [hot, netuid], F.saturatingSub(U, denom, removed));
  st.setBig("TotalHotkeyAlpha", [hot, netuid], value - amount);
}

/** Remembers that `cold` stakes through `hot` (StakingHotkeys, read by the stake-info API). */
export function noteStakingHotkey(st: Store, cold: Uint8Array, hot: Uint8Array): void {
  const list = st.accounts("StakingHotkeys", cold);
  if (list.some((h) => Buffer.from(h).equals(Buffer.from(hot)))) return;
  st.set("StakingHotkeys", [cold], [...list, hot]);
}
