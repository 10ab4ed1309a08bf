// UIDs on a subnet: appending a neuron (extending the per-UID vectors) or replacing the pruned one.
import type { Store } from "./store";

/** Per-UID vectors and the value a fresh UID gets in each. */
const VECTORS: Array<[string, (block: bigint) => unknown]> = [
  ["Active", () => true],
  ["Consensus", () => 0],
  ["Incentive", () => 0],
  ["Dividends", () => 0],
  ["Emission", () => 0n],
  ["ValidatorTrust", () => 0],
  ["ValidatorPermit", () => false],
  ["StakeWeight", () => 0],
  ["LastUpdate", (b) => b],
];

function setVectorEntry(st: Store, netuid: number, uid: number, block: bigint): void {
  for (const [item, fresh] of VECTORS) {
    const v = st.vector(item, netuid);
    while (v.length <= uid) v.push(fresh(block));
    v[uid] = fresh(block);
    st.set(
      item,
      [netuid],
      v.map((x) => (typeof x === "number" && !Number.isSafeInteger(x) ? BigInt(x) : x)),
    );
  }
}

/** Registers `hot` at the next UID. */
export function appendNeuron(st: Store, netuid: number, hot: Uint8Array, block: bigint): number {
  const uid = st.num("SubnetworkN", netuid);
  st.set("Keys", [netuid, uid], hot);
  st.set("Uids", [netuid, hot], uid);
  st.set("BlockAtRegistration", [netuid, uid], block);
  st.set("IsNetworkMember", [hot, netuid], true);
  st.setBig("SubnetworkN", [netuid], uid + 1);
  setVectorEntry(st, netuid, uid, block);
  return uid;
}

/** Replaces the neuron at `uid` with `hot` (its weights, bonds and metrics are reset). */
export function replaceNeuron(st: Store, netuid: number, uid: number, hot: Uint8Array, block: bigint): void {
  const old = st.account("Keys", netuid, uid);
  if (old) {
    st.remove("SubtensorModule", "Uids", netuid, old);
    st.remove("SubtensorModule", "IsNetworkMember", old, netuid);
    st.remove("SubtensorModule", "Axons", netuid, old);
    st.remove("SubtensorModule", "Prometheus", netuid, old);
  }
  st.set("Keys", [netuid, uid], hot);
  st.set("Uids", [netuid, hot], uid);
  st.set("BlockAtRegistration", [netuid, uid], block);
  st.set("IsNetworkMember", [hot, netuid], true);
  st.remove("SubtensorModule", "Weights", netuid, uid);
  st.remove("SubtensorModule", "Bonds", netuid, uid);
  setVectorEntry(st, netuid, uid, block);
}

/**
 * The UID a full subnet gives up: the lowest-emission neuron out of immunity (ties: lowest UID), else the
 * lowest-emission immune one; the owner's hotkey is never pruned. Undefined when nothing can be pruned.
 */
export function uidToPrune(st: Store, netuid: number, block: bigint): number | undefined {
  const n = st.num("SubnetworkN", netuid);
  const emission = st.u64s("Emission", netuid);
  const immunity = BigInt(st.num("ImmunityPeriod", netuid));
  const ownerHot = st.account("SubnetOwnerHotkey", netuid);
  let best: { uid: number; immune: boolean; e: bigint } | undefined;
  for (let uid = 0; uid < n; uid++) {
    const hot = st.account("Keys", netuid, uid);
    if (ownerHot && hot && Buffer.from(hot).equals(Buffer.from(ownerHot))) continue;
    const immune = st.big("BlockAtRegistration", netuid, uid) + immunity > block;
    const e = emission[uid] ?? 0n;
    if (!best || (best.immune && !immune) || (best.immune === immune && e < best.e))
      best = { uid, immune, e };
  }
  return best?.uid;
}
