// Storage keys from the runtime's own metadata (hashers and key types included), never hand-built.
import { expandMetadata } from "@polkadot/types";
import type { StorageEntry } from "@polkadot/types/primitive/types";
import type { Codec } from "@polkadot/types/types";
import { compactStripLength, hexToU8a, u8aToHex } from "@polkadot/util";
import { type JsonValue, toJSONExact } from "../decode/exact";
import type { Hex, Runtime } from "../decode/runtime";

const decorated = new WeakMap<Runtime, ReturnType<typeof expandMetadata>["query"]>();

function entry(runtime: Runtime, section: string, method: string): StorageEntry | null {
  let query = decorated.get(runtime);
  if (!query) {
    query = expandMetadata(runtime.registry, runtime.metadata).query;
    decorated.set(runtime, query);
  }
  return (query[section]?.[method] as StorageEntry | undefined) ?? null;
}

/** True when the runtime declares `section.method` (items come and go across spec versions). */
export function hasStorage(runtime: Runtime, section: string, method: string): boolean {
  return entry(runtime, section, method) !== null;
}

/** Keys with only numeric arguments (netuids, uids): few, and rebuilt for every block otherwise. */
const numericKeys = new WeakMap<Runtime, Map<string, Hex>>();

/** Full key of one storage value; `section`/`method` in polkadot-js naming (`subtensorModule`, `subnetTAO`). */
export function storageKey(runtime: Runtime, section: string, method: string, ...args: unknown[]): Hex {
  if (args.every((a) => typeof a === "number")) {
    let cache = numericKeys.get(runtime);
    if (!cache) {
      cache = new Map();
      numericKeys.set(runtime, cache);
    }
    const id = `${section}.${method}(${args.join(",")})`;
    let key = cache.get(id);
    if (key === undefined) {
      key = buildKey(runtime, section, method, args);
      cache.set(id, key);
    }
    return key;
  }
  return buildKey(runtime, section, method, args);
}

function buildKey(runtime: Runtime, section: string, method: string, args: unknown[]): Hex {
  const e = entry(runtime, section, method);
  if (!e) throw new Error(`spec ${runtime.specVersion} has no storage item ${section}.${method}`);
  return u8aToHex(compactStripLength(e(...args))[1]) as Hex;
}

/** Prefix of every key of a map, for state_getKeysPaged. */
export function storagePrefix(runtime: Runtime, section: string, method: string): Hex {
  const e = entry(runtime, section, method);
  if (!e) throw new Error(`spec ${runtime.specVersion} has no storage item ${section}.${method}`);
  return u8aToHex(e.keyPrefix()) as Hex;
}

/** Bytes each hasher puts before the key it hashes; only the `…Concat`/`Identity` hashers keep the key readable. */
const HASHER_PREFIX: Record<string, number | undefined> = {
  Blake2_128Concat: 16,
  Twox64Concat: 8,
  Identity: 0,
};

/**
 * The keys of a map entry, read back from its full storage key with the hashers and key types the metadata
 * declares (JSON as the decoder writes it: accounts SS58, integers as numbers or decimal strings).
 */
export function decodeMapKey(runtime: Runtime, section: string, method: string, key: Hex): JsonValue[] {
  const e = entry(runtime, section, method);
  if (!e?.meta.type.isMap) throw new Error(`spec ${runtime.specVersion}: ${section}.${method} is not a map`);
  const map = e.meta.type.asMap;
  const hashers = map.hashers.map((h) => h.type.toString());
  const keyDef = runtime.registry.lookup.getSiType(map.key).def;
  const types =
    hashers.length === 1
      ? [map.key.toNumber()]
      : keyDef.asTuple.map((t: { toNumber(): number }) => t.toNumber());
  const bytes = hexToU8a(key);
  let at = 32;
  return hashers.map((hasher, i) => {
    const skip = HASHER_PREFIX[hasher];
    if (skip === undefined)
      throw new Error(`${section}.${method}: key hashed with ${hasher} cannot be read back`);
    at += skip;
    const codec = runtime.registry.createTypeUnsafe<Codec>(runtime.registry.createLookupType(types[i]!), [
      bytes.subarray(at),
    ]);
    at += codec.encodedLength;
    return toJSONExact(codec);
  });
}

/**
 * The value the runtime returns for a key with nothing stored (the metadata's default, SCALE hex), or null for
 * an `Option` query without a value.
 */
export function storageFallback(runtime: Runtime, section: string, method: string): Hex | null {
  const e = entry(runtime, section, method);
  if (!e) throw new Error(`spec ${runtime.specVersion} has no storage item ${section}.${method}`);
  if (e.meta.modifier.isOptional) return null;
  return u8aToHex(e.meta.fallback.toU8a(true)) as Hex;
}
