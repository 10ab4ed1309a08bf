// Per-subnet pool state read from what the chain stores at a block — never recomputed: reserves
// (SubnetTAO, SubnetAlphaIn/Out), moving price, the per-block emissions and volume, and the spot price from the
// swap runtime API `current_alpha_price_all` (since the balancer pool, price is no longer TAO/alpha reserves).
import type { Codec } from "@polkadot/types/types";
import { hexToU8a } from "@polkadot/util";
import { I96F32, toDecimal } from "../../lib/engine/ref/fixed";
import { decodeStorageValue, type Hex, type JsonValue, type Runtime } from "../decode";
import { type RpcClient, unwrapBatch } from "../rpc";
import { hasStorage, storageFallback, storageKey, storagePrefix } from "./keys";

export interface PoolSnapshot {
  blockNumber: number;
  netuid: number;
  taoIn: string | null;
  alphaIn: string | null;
  alphaOut: string | null;
  /** Rao per whole alpha (the runtime API's u64 scaled by 1e9); null where the runtime has no such API. */
  priceRao: string | null;
  /** SubnetMovingPrice (I96F32) as its exact decimal value. */
  movingPrice: string | null;
  taoInEmission: string | null;
  alphaInEmission: string | null;
  alphaOutEmission: string | null;
  volume: string | null;
  /** Burn: the neuron registration cost at the block. */
  burn: string | null;
}

const ITEMS = [
  ["subnetTAO", "taoIn"],
  ["subnetAlphaIn", "alphaIn"],
  ["subnetAlphaOut", "alphaOut"],
  ["subnetMovingPrice", "movingPrice"],
  ["subnetTaoInEmission", "taoInEmission"],
  ["subnetAlphaInEmission", "alphaInEmission"],
  ["subnetAlphaOutEmission", "alphaOutEmission"],
  ["subnetVolume", "volume"],
  ["burn", "burn"],
] as const;

type Field = (typeof ITEMS)[number][1];

/** Netuid of a `NetworksAdded` key: its hasher is Identity over a little-endian u16, the last two bytes. */
function netuidOfKey(key: string): number {
  const b = hexToU8a(key.slice(-4));
  return b[0]! | (b[1]! << 8);
}

function amount(v: JsonValue): string | null {
  if (typeof v === "string" || typeof v === "number") return String(v);
  // Fixed-point values decode as { bits }: I96F32 is the only one stored per subnet here.
  if (v && typeof v === "object" && !Array.isArray(v) && "bits" in v)
    return toDecimal(I96F32, BigInt(String(v.bits)));
  return null;
}

/** Output of a runtime API call, decoded with the output type the metadata (V15) declares for it. */
export function decodeApiOutput(runtime: Runtime, api: string, method: string, hex: Hex): Codec | null {
  const latest = runtime.metadata.asLatest as unknown as {
    apis?: {
      name: { toString(): string };
      methods: { name: { toString(): string }; output: { toNumber(): number } }[];
    }[];
  };
  const m = latest.apis
    ?.find((a) => a.name.toString() === api)
    ?.methods.find((x) => x.name.toString() === method);
  if (!m) return null;
  return runtime.registry.createTypeUnsafe<Codec>(runtime.registry.createLookupType(m.output.toNumber()), [
    hexToU8a(hex),
  ]);
}

export async function readPoolSnapshots(
  client: RpcClient,
  runtime: Runtime,
  blocks: readonly { number: number; hash: Hex }[],
): Promise<PoolSnapshot[]> {
  if (blocks.length === 0 || !hasStorage(runtime, "subtensorModule", "networksAdded")) return [];
  const prefix = storagePrefix(runtime, "subtensorModule", "networksAdded");
  const keyLists = unwrapBatch(
    await client.batch<string[]>(
      blocks.map((b) => ({ method: "state_getKeysPaged", params: [prefix, 1000, null, b.hash] })),
    ),
  );
  const items = ITEMS.filter(([method]) => hasStorage(runtime, "subtensorModule", method));
  const fallbacks = items.map(([method]) => storageFallback(runtime, "subtensorModule", method));
  const perBlock = blocks.map((b, i) => {
    const netuids = keyLists[i]!.map(netuidOfKey).sort((x, y) => x - y);
    const keys = netuids.flatMap((n) =>
      items.map(([method]) => storageKey(runtime, "subtensorModule", method, n)),
    );
    return { block: b, netuids, keys };
  });
  const priced = decodeApiOutput(runtime, "SwapRuntimeApi", "current_alpha_price_all", "0x00") !== null;
  const calls = perBlock.flatMap(({ block, keys }) => [
    { method: "state_queryStorageAt", params: [keys, block.hash] },
    ...(priced
      ? [{ method: "state_call", params: ["SwapRuntimeApi_current_alpha_price_all", "0x", block.hash] }]
      : []),
  ]);
  const results = await client.batch<unknown>(calls);
  const step = priced ? 2 : 1;
  // Storage reads must succeed; a node without the swap runtime API just leaves prices unknown.
  const replies = results.map((r, i) => {
    if (r.ok) return r.result;
    if (priced && i % step === 1) return null;
    throw r.error;
  });
  const out: PoolSnapshot[] = [];
  perBlock.forEach(({ block, netuids, keys }, i) => {
    const changes = (replies[i * step] as { changes: [string, string | null][] }[])[0]?.changes ?? [];
    const values = new Map(changes.map(([k, v]) => [k.toLowerCase(), v]));
    const prices = new Map<number, string>();
    if (priced && replies[i * step + 1] !== null) {
      const decoded = decodeApiOutput(
        runtime,
        "SwapRuntimeApi",
        "current_alpha_price_all",
        replies[i * step + 1] as Hex,
      );
      for (const p of (decoded?.toJSON() ?? []) as { netuid: number; price: number | string }[]) {
        // toJSON of a u64 may be a number below 2^53 or a hex/decimal string above; BigInt reads all exactly.
        prices.set(p.netuid, BigInt(p.price).toString());
      }
    }
    netuids.forEach((netuid, n) => {
      const snap: PoolSnapshot = {
        blockNumber: block.number,
        netuid,
        taoIn: null,
        alphaIn: null,
        alphaOut: null,
        priceRao: prices.get(netuid) ?? null,
        movingPrice: null,
        taoInEmission: null,
        alphaInEmission: null,
        alphaOutEmission: null,
        volume: null,
        burn: null,
      };
      items.forEach(([, field], j) => {
        const key = keys[n * items.length + j]!;
        // Absent: the ValueQuery default from the metadata (zero for most items here, InitialBurn for Burn).
        const raw = values.get(key.toLowerCase()) ?? fallbacks[j];
        snap[field as Field] = raw ? amount(decodeStorageValue(runtime, key, raw as Hex).value) : "0";
      });
      out.push(snap);
    });
  });
  return out;
}
