// A subnet's metagraph read from what the chain stores at a block: one row per UID with its hotkey, owner
// coldkey, alpha stake, the epoch's stored vectors (u16 proportions kept as the raw integers), emission, activity
// and axon. Snapshots are taken where an epoch ran (the `IncentiveAlphaEmittedToMiners` event, or
// `LastMechansimStepBlock == block` on runtimes without that event), where a subnet was added, and at the first
// indexed block of a subnet the database has no metagraph for.
import { hexToU8a } from "@polkadot/util";
import type pg from "pg";
import { decodeStorageValue, findStorageEntry, type Hex, type JsonValue, type Runtime } from "../decode";
import type { DecodedEvent } from "../decode/decodeBlock";
import { type RpcClient, unwrapBatch } from "../rpc";
import { hasStorage, storageKey, storagePrefix } from "./keys";

const SM = "subtensorModule";
/** Mechanism storage index = netuid + mecid × 4096 (`NetUidStorageIndex`); mechanism 0 is the netuid itself. */
const MECHANISM_STRIDE = 4096;
/** Subnet metagraphs read in parallel. */
const READ_CONCURRENCY = 8;

export type SnapshotReason = "epoch" | "initial" | "registration";

export interface MetagraphNeuronRow {
  uid: number;
  hotkey: string;
  coldkey: string | null;
  /** TotalHotkeyAlpha[hotkey, netuid], alpha rao. */
  stake: string;
  /** TotalHotkeyAlpha[hotkey, 0] (root stake), rao. */
  rootStake: string;
  validatorPermit: boolean;
  validatorTrust: number;
  /** Only where the runtime still stores `Trust` (before spec 397). */
  trust: number | null;
  consensus: number;
  incentive: number;
  dividends: number;
  stakeWeight: number | null;
  /** Emission of the last epoch, alpha rao. */
  emission: string;
  active: boolean;
  lastUpdate: string;
  registeredAt: string | null;
  /** `ip:port` (IPv6 in brackets) when the hotkey served an axon on this subnet. */
  axon: string | null;
  /** Delegates[hotkey] (u16). */
  take: number | null;
}

export interface MetagraphSnapshot {
  netuid: number;
  blockNumber: number;
  reason: SnapshotReason;
  neurons: MetagraphNeuronRow[];
}

export interface MetagraphTarget {
  block: { number: number; hash: Hex };
  netuid: number;
  reason: SnapshotReason;
}

const VECTORS = [
  "active",
  "consensus",
  "incentive",
  "dividends",
  "emission",
  "lastUpdate",
  "validatorTrust",
  "validatorPermit",
  "stakeWeight",
  "trust",
] as const;
type VectorName = (typeof VECTORS)[number];

const eventNetuid = (args: JsonValue, field: string, position: number): number | null => {
  const v = Array.isArray(args)
    ? args[position]
    : args && typeof args === "object"
      ? (args as Record<string, JsonValue>)[field]
      : null;
  return typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : null;
};

const declaredEvents = new WeakMap<Runtime, Map<string, boolean>>();

/** Whether the runtime declares an event (the detection source for epochs); cached per runtime. */
export function hasEvent(runtime: Runtime, pallet: string, name: string): boolean {
  let m = declaredEvents.get(runtime);
  if (!m) {
    m = new Map();
    declaredEvents.set(runtime, m);
  }
  const id = `${pallet}.${name}`;
  let known = m.get(id);
  if (known === undefined) {
    const p = runtime.metadata.asLatest.pallets.find((x) => x.name.toString() === pallet);
    const def = p?.events.isSome ? runtime.registry.lookup.getSiType(p.events.unwrap().type).def : null;
    known = !!def?.isVariant && def.asVariant.variants.some((v) => v.name.toString() === name);
    m.set(id, known);
  }
  return known;
}

/** Subnets whose epoch ran in a block, from its events; and subnets added in it. */
export function metagraphEvents(events: readonly DecodedEvent[]): {
  epochs: number[];
  added: number[];
  registered: number[];
} {
  const epochs = new Set<number>();
  const added = new Set<number>();
  const registered = new Set<number>();
  for (const e of events) {
    if (e.section !== SM) continue;
    if (e.method === "IncentiveAlphaEmittedToMiners") {
      const idx = eventNetuid(e.args, "netuid", 0);
      if (idx !== null) epochs.add(idx % MECHANISM_STRIDE);
    } else if (e.method === "NetworkAdded") {
      const n = eventNetuid(e.args, "netuid", 0);
      if (n !== null) added.add(n);
    } else if (e.method === "NeuronRegistered") {
      const n = eventNetuid(e.args, "netuid", 0);
      if (n !== null) registered.add(n);
    }
  }
  const sorted = (x: Set<number>) => [...x].sort((a, b) => a - b);
  return { epochs: sorted(epochs), added: sorted(added), registered: sorted(registered) };
}

/** Netuid of a `NetworksAdded` key: Identity hasher over a little-endian u16, the last two bytes. */
function netuidOfKey(key: string): number {
  const b = hexToU8a(key.slice(-4));
  return b[0]! | (b[1]! << 8);
}

/** Subnets that exist at a block (NetworksAdded keys), ascending. */
export async function listNetuids(client: RpcClient, runtime: Runtime, at: Hex): Promise<number[]> {
  if (!hasStorage(runtime, SM, "networksAdded")) return [];
  const prefix = storagePrefix(runtime, SM, "networksAdded");
  const out: number[] = [];
  let start: string | null = null;
  for (;;) {
    const page: string[] = await client.call<string[]>("state_getKeysPaged", [prefix, 1000, start, at]);
    out.push(...page.map(netuidOfKey));
    if (page.length < 1000) break;
    start = page.at(-1)!;
  }
  return out.sort((a, b) => a - b);
}

/**
 * For runtimes without the epoch event: the subnets whose `LastMechansimStepBlock` equals the block, i.e. whose
 * epoch ran in it.
 */
export async function epochsFromStorage(
  client: RpcClient,
  runtime: Runtime,
  blocks: readonly { number: number; hash: Hex }[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (blocks.length === 0 || !hasStorage(runtime, SM, "lastMechansimStepBlock")) return out;
  for (const b of blocks) {
    const netuids = await listNetuids(client, runtime, b.hash);
    const keys = netuids.map((n) => storageKey(runtime, SM, "lastMechansimStepBlock", n));
    const values = await queryAt(client, keys, b.hash);
    const ran = netuids.filter((_, i) => {
      const raw = values.get(keys[i]!.toLowerCase());
      return raw ? String(decodeStorageValue(runtime, keys[i]!, raw).value) === String(b.number) : false;
    });
    if (ran.length) out.set(b.number, ran);
  }
  return out;
}

async function queryAt(client: RpcClient, keys: readonly Hex[], at: Hex): Promise<Map<string, Hex | null>> {
  const values = new Map<string, Hex | null>();
  // Large reads in slices: some nodes cap the keys of one state_queryStorageAt.
  const slices: Hex[][] = [];
  for (let i = 0; i < keys.length; i += 1000) slices.push(keys.slice(i, i + 1000));
  if (slices.length === 0) return values;
  const replies = unwrapBatch(
    await client.batch<{ changes: [string, Hex | null][] }[]>(
      slices.map((s) => ({ method: "state_queryStorageAt", params: [s, at] })),
    ),
  );
  for (const r of replies) for (const [k, v] of r[0]?.changes ?? []) values.set(k.toLowerCase(), v);
  return values;
}

/** Fallback (default) bytes of each storage item, by `Pallet.Item`, for absent ValueQuery values. */
const fallbacks = new WeakMap<Runtime, Map<string, Hex>>();

function fallbackOf(runtime: Runtime, key: Hex): Hex | null {
  let m = fallbacks.get(runtime);
  if (!m) {
    m = new Map();
    for (const p of runtime.metadata.asLatest.pallets) {
      if (p.storage.isNone) continue;
      for (const item of p.storage.unwrap().items) {
        if (item.modifier.isOptional) continue;
        m.set(`${p.name.toString()}.${item.name.toString()}`, item.fallback.toHex() as Hex);
      }
    }
    fallbacks.set(runtime, m);
  }
  const e = findStorageEntry(runtime, key);
  return e ? (m.get(`${e.pallet}.${e.item}`) ?? null) : null;
}

/** The stored value (or the item's default when absent and it has one; null for absent optional values). */
function valueAt(runtime: Runtime, values: Map<string, Hex | null>, key: Hex): JsonValue {
  const raw = values.get(key.toLowerCase()) ?? fallbackOf(runtime, key);
  return raw ? decodeStorageValue(runtime, key, raw).value : null;
}

const u16 = (v: JsonValue | undefined): number => (typeof v === "number" ? v : Number(v ?? 0));
const big = (v: JsonValue | undefined): string => (v === null || v === undefined ? "0" : String(v));

/** `ip:port` of an AxonInfo; null when none was served (ip 0). */
export function axonAddress(info: JsonValue): string | null {
  if (!info || typeof info !== "object" || Array.isArray(info)) return null;
  const ip = BigInt(String(info.ip ?? 0));
  if (ip === 0n) return null;
  const port = Number(info.port ?? 0);
  const type = Number(info.ipType ?? info.ip_type ?? 4);
  if (type === 4) {
    const parts = [24n, 16n, 8n, 0n].map((s) => String((ip >> s) & 0xffn));
    return `${parts.join(".")}:${port}`;
  }
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((ip >> BigInt(i * 16)) & 0xffffn).toString(16));
  return `[${groups.join(":")}]:${port}`;
}

/** Reads the metagraphs of `targets` (each at its block), with `runtimeOf` the post-state runtime of a block. */
export async function readMetagraphs(
  client: RpcClient,
  targets: readonly MetagraphTarget[],
  runtimeOf: (block: { number: number; hash: Hex }) => Promise<Runtime>,
): Promise<MetagraphSnapshot[]> {
  // Several subnets at once (each read is three dependent round trips); results keep the targets' order.
  const out: (MetagraphSnapshot | null)[] = new Array(targets.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      const t = targets[i]!;
      const runtime = await runtimeOf(t.block);
      if (hasStorage(runtime, SM, "subnetworkN")) out[i] = await readMetagraph(client, runtime, t);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, targets.length) }, worker));
  return out.filter((s): s is MetagraphSnapshot => s !== null);
}

export async function readMetagraph(
  client: RpcClient,
  runtime: Runtime,
  target: MetagraphTarget,
): Promise<MetagraphSnapshot> {
  const { netuid, block } = target;
  const at = block.hash;
  const vectors = VECTORS.filter((v) => hasStorage(runtime, SM, v));
  const nKey = storageKey(runtime, SM, "subnetworkN", netuid);
  const vectorKeys = vectors.map((v) => storageKey(runtime, SM, v, netuid));
  const first = await queryAt(client, [nKey, ...vectorKeys], at);
  const n = u16(valueAt(runtime, first, nKey));
  const vec = new Map<VectorName, JsonValue[]>();
  vectors.forEach((v, i) => {
    const value = valueAt(runtime, first, vectorKeys[i]!);
    vec.set(v, Array.isArray(value) ? value : []);
  });

  const uids = Array.from({ length: n }, (_, uid) => uid);
  const keyKeys = uids.map((uid) => storageKey(runtime, SM, "keys", netuid, uid));
  const regKeys = hasStorage(runtime, SM, "blockAtRegistration")
    ? uids.map((uid) => storageKey(runtime, SM, "blockAtRegistration", netuid, uid))
    : [];
  const second = await queryAt(client, [...keyKeys, ...regKeys], at);
  const hotkeys = keyKeys.map((k) => String(valueAt(runtime, second, k)));

  const perHot = (method: string, args: (hot: string) => unknown[]) =>
    hasStorage(runtime, SM, method) ? hotkeys.map((h) => storageKey(runtime, SM, method, ...args(h))) : null;
  const owner = perHot("owner", (h) => [h]);
  const stake = perHot("totalHotkeyAlpha", (h) => [h, netuid]);
  const root = perHot("totalHotkeyAlpha", (h) => [h, 0]);
  const axons = perHot("axons", (h) => [netuid, h]);
  const take = perHot("delegates", (h) => [h]);
  const third = await queryAt(
    client,
    [owner, stake, root, axons, take].flatMap((k) => k ?? []),
    at,
  );

  const at16 = (name: VectorName, uid: number) => u16(vec.get(name)?.[uid] as JsonValue | undefined);
  const neurons = uids.map((uid): MetagraphNeuronRow => {
    // Owner is a ValueQuery whose default is the zero account: absent means unknown, not that account.
    const coldkey =
      owner && third.get(owner[uid]!.toLowerCase()) ? String(valueAt(runtime, third, owner[uid]!)) : null;
    return {
      uid,
      hotkey: hotkeys[uid]!,
      coldkey,
      stake: stake ? big(valueAt(runtime, third, stake[uid]!)) : "0",
      rootStake: root ? big(valueAt(runtime, third, root[uid]!)) : "0",
      validatorPermit: vec.get("validatorPermit")?.[uid] === true,
      validatorTrust: at16("validatorTrust", uid),
      trust: vec.has("trust") ? at16("trust", uid) : null,
      consensus: at16("consensus", uid),
      incentive: at16("incentive", uid),
      dividends: at16("dividends", uid),
      stakeWeight: vec.has("stakeWeight") ? at16("stakeWeight", uid) : null,
      emission: big(vec.get("emission")?.[uid]),
      active: vec.get("active")?.[uid] === true,
      lastUpdate: big(vec.get("lastUpdate")?.[uid]),
      registeredAt: regKeys.length ? big(valueAt(runtime, second, regKeys[uid]!)) : null,
      axon: axons ? axonAddress(valueAt(runtime, third, axons[uid]!)) : null,
      take: take ? u16(valueAt(runtime, third, take[uid]!)) : null,
    };
  });
  return { netuid, blockNumber: block.number, reason: target.reason, neurons };
}

/** Writes snapshots (header + neurons) with unnest; call inside the batch's transaction. */
export async function writeMetagraphs(
  client: pg.ClientBase,
  snaps: readonly MetagraphSnapshot[],
): Promise<void> {
  if (snaps.length === 0) return;
  await client.query(
    `INSERT INTO metagraph_snapshots (netuid, block_number, reason, neurons, validators)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::int[])
     ON CONFLICT (netuid, block_number) DO NOTHING`,
    [
      snaps.map((s) => s.netuid),
      snaps.map((s) => s.blockNumber),
      snaps.map((s) => s.reason),
      snaps.map((s) => s.neurons.length),
      snaps.map((s) => s.neurons.filter((n) => n.validatorPermit).length),
    ],
  );
  const rows = snaps.flatMap((s) => s.neurons.map((n) => ({ s, n })));
  if (rows.length === 0) return;
  const col = <T>(f: (r: { s: MetagraphSnapshot; n: MetagraphNeuronRow }) => T) => rows.map(f);
  await client.query(
    `INSERT INTO metagraph_neurons (netuid, block_number, uid, hotkey, coldkey, stake, root_stake, validator_permit,
                                    validator_trust, trust, consensus, incentive, dividends, stake_weight, emission,
                                    active, last_update, registered_at, axon, take)
     SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::numeric[], $7::numeric[],
                          $8::bool[], $9::int[], $10::int[], $11::int[], $12::int[], $13::int[], $14::int[],
                          $15::numeric[], $16::bool[], $17::bigint[], $18::bigint[], $19::text[], $20::int[])
     ON CONFLICT (netuid, block_number, uid) DO NOTHING`,
    [
      col((r) => r.s.netuid),
      col((r) => r.s.blockNumber),
      col((r) => r.n.uid),
      col((r) => r.n.hotkey),
      col((r) => r.n.coldkey),
      col((r) => r.n.stake),
      col((r) => r.n.rootStake),
      col((r) => r.n.validatorPermit),
      col((r) => r.n.validatorTrust),
      col((r) => r.n.trust),
      col((r) => r.n.consensus),
      col((r) => r.n.incentive),
      col((r) => r.n.dividends),
      col((r) => r.n.stakeWeight),
      col((r) => r.n.emission),
      col((r) => r.n.active),
      col((r) => r.n.lastUpdate),
      col((r) => r.n.registeredAt),
      col((r) => r.n.axon),
      col((r) => r.n.take),
    ],
  );
}

/** Netuids that have at least one stored metagraph. */
export async function storedMetagraphNetuids(pool: pg.Pool): Promise<Set<number>> {
  const r = await pool.query<{ netuid: number }>("SELECT DISTINCT netuid FROM metagraph_snapshots");
  return new Set(r.rows.map((x) => x.netuid));
}
