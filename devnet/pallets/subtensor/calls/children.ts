// Childkeys: `set_children` schedules a parent's children (applied after `PendingChildKeyCooldown`, at the
// subnet's next epoch), `set_pending_childkey_cooldown` (root). The dividend split between parents and
// children is the engine's (`distributeEmission` childkey split).
import type { Codec } from "@polkadot/types/types";
import { u8aEq, u8aToHex } from "@polkadot/util";
import type { CallDef } from "../../../node/runtime/pallet";
import { ensureRoot, ensureSigned, weight } from "../../../node/runtime/pallet";
import type { EconomyEngine } from "../../engine";
import { ROOT_NETUID, U64_MAX } from "../../rules";
import { acct, big, deposit, type Env, envOf, fail, num } from "../context";
import { SM, type Store } from "../store";

type Children = [bigint, Uint8Array][];

const MAX_CHILDREN = 5;

function decodeChildren(c: Codec | undefined): Children {
  return [...((c as unknown as Codec[]) ?? [])].map((t) => {
    const [p, who] = [...(t as unknown as Codec[])] as [Codec, Codec];
    return [BigInt(p.toString()), who.toU8a()];
  });
}

export function readChildren(
  st: Store,
  item: "ChildKeys" | "ParentKeys",
  hot: Uint8Array,
  netuid: number,
): Children {
  return decodeChildren(st.read(SM, item, hot, netuid));
}

function setChildren(env: Env, cold: Uint8Array, hot: Uint8Array, netuid: number, children: Children): void {
  const { st } = env;
  if (netuid === ROOT_NETUID) fail(env, "RegistrationNotPermittedOnRootSubnet");
  if (!st.subnetExists(netuid)) fail(env, "SubnetNotExists");
  const owner = st.account("Owner", hot);
  if (!owner || !u8aEq(owner, cold)) fail(env, "NonAssociatedColdKey");
  if (children.length > MAX_CHILDREN) fail(env, "TooManyChildren");
  const seen = new Set<string>();
  let total = 0n;
  for (const [p, child] of children) {
    if (u8aEq(child, hot)) fail(env, "InvalidChild");
    const k = u8aToHex(child);
    if (seen.has(k)) fail(env, "DuplicateChild");
    seen.add(k);
    total += p;
  }
  if (total > U64_MAX) fail(env, "ProportionOverflow");
  const at = env.block + st.big("PendingChildKeyCooldown");
  st.set("PendingChildKeys", [netuid, hot], [children, at]);
  deposit(env, "SetChildrenScheduled", [hot, netuid, at, children]);
}

/** Applies the pending childkeys of a subnet whose cooldown is over (called when its epoch fires). */
export function applyPendingChildren(env: Env, netuid: number): void {
  const { st } = env;
  // Map prefix + the Identity-hashed u16 netuid (little endian) = every pending entry of the subnet.
  const le = netuid.toString(16).padStart(4, "0");
  const prefix = `${st.codec.prefix(SM, "PendingChildKeys")}${le.slice(2)}${le.slice(0, 2)}`;
  const keys = st.state.keys(prefix, undefined, 10_000);
  for (const key of keys) {
    const raw = st.state.get(key);
    if (!raw) continue;
    const hot = Buffer.from(key.slice(-64), "hex");
    const pending = st.read(SM, "PendingChildKeys", netuid, hot) as unknown as Codec[];
    const [list, at] = [...pending] as [Codec, Codec];
    if (BigInt(at.toString()) > env.block) continue;
    const next = decodeChildren(list);
    for (const [, old] of readChildren(st, "ChildKeys", hot, netuid)) {
      const parents = readChildren(st, "ParentKeys", old, netuid).filter(([, p]) => !u8aEq(p, hot));
      st.set("ParentKeys", [old, netuid], parents);
    }
    for (const [p, child] of next) {
      const parents = readChildren(st, "ParentKeys", child, netuid).filter(([, x]) => !u8aEq(x, hot));
      st.set("ParentKeys", [child, netuid], [...parents, [p, hot]]);
    }
    st.set("ChildKeys", [hot, netuid], next);
    st.remove(SM, "PendingChildKeys", netuid, hot);
    deposit(env, "SetChildren", [hot, netuid, next]);
  }
}

export function childrenCalls(engine: EconomyEngine): Record<string, CallDef> {
  return {
    set_children: {
      weight: weight(190_000_000, 9_000),
      handler: (ctx, origin, args) =>
        setChildren(
          envOf(ctx, engine),
          ensureSigned(origin),
          acct(args[0]),
          num(args[1]),
          decodeChildren(args[2]),
        ),
    },
    set_pending_childkey_cooldown: {
      weight: weight(10_000_000),
      handler: (ctx, origin, args) => {
        ensureRoot(origin);
        envOf(ctx, engine).st.set("PendingChildKeyCooldown", [], big(args[0]));
      },
    },
  };
}
