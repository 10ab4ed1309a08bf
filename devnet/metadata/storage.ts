// Storage keys and values, driven by the metadata set on a registry (no type tables of its own).
import type { TypeRegistry } from "@polkadot/types";
import type { Codec } from "@polkadot/types/types";
import { u8aConcat, u8aToU8a } from "@polkadot/util";
import { blake2AsU8a, xxhashAsU8a } from "@polkadot/util-crypto";

export type HasherName =
  | "Blake2_128"
  | "Blake2_256"
  | "Blake2_128Concat"
  | "Twox128"
  | "Twox256"
  | "Twox64Concat"
  | "Identity";

export interface StorageEntryInfo {
  pallet: string;
  item: string;
  /** twox128(pallet prefix) ++ twox128(item). */
  prefix: Uint8Array;
  modifier: "Default" | "Optional";
  hashers: HasherName[];
  /** Lookup type names (e.g. "Lookup40") of each key, in hasher order. */
  keyTypes: string[];
  /** SCALE encoders of each key (fast paths for integers and 32-byte account ids, else createType). */
  keyEncoders: ((key: unknown) => Uint8Array)[];
  valueType: string;
  fallback: Uint8Array;
}

const entryCache = new WeakMap<TypeRegistry, Map<string, StorageEntryInfo>>();

const sameName = (a: string, b: string) => a === b || a.toLowerCase() === b.toLowerCase();

/** Metadata facts about one storage item (pallet and item names as in metadata; case-insensitive). */
export function storageEntry(registry: TypeRegistry, pallet: string, item: string): StorageEntryInfo {
  let byName = entryCache.get(registry);
  if (!byName) {
    byName = new Map();
    entryCache.set(registry, byName);
  }
  const cacheKey = `${pallet}.${item}`;
  const hit = byName.get(cacheKey);
  if (hit) return hit;
  const md = registry.metadata;
  const p = md.pallets.find((x) => sameName(x.name.toString(), pallet));
  if (!p || p.storage.isNone) throw new Error(`no storage for pallet ${pallet}`);
  const storage = p.storage.unwrap();
  const e = storage.items.find((x) => sameName(x.name.toString(), item));
  if (!e) throw new Error(`no storage item ${pallet}.${item}`);
  const prefix = u8aConcat(xxhashAsU8a(storage.prefix.toString(), 128), xxhashAsU8a(e.name.toString(), 128));
  let hashers: HasherName[] = [];
  let keyIds: number[] = [];
  let valueId: number;
  if (e.type.isPlain) {
    valueId = e.type.asPlain.toNumber();
  } else {
    const m = e.type.asMap;
    hashers = m.hashers.map((h) => h.type as HasherName);
    const keyId = m.key.toNumber();
    keyIds =
      hashers.length === 1 ? [keyId] : registry.lookup.getSiType(keyId).def.asTuple.map((t) => t.toNumber());
    valueId = m.value.toNumber();
  }
  const info: StorageEntryInfo = {
    pallet: p.name.toString(),
    item: e.name.toString(),
    prefix,
    modifier: e.modifier.isOptional ? "Optional" : "Default",
    hashers,
    keyTypes: keyIds.map((id) => registry.createLookupType(id)),
    keyEncoders: keyIds.map((id) => keyEncoder(registry, id)),
    valueType: registry.createLookupType(valueId),
    fallback: e.fallback.toU8a(true),
  };
  byName.set(cacheKey, info);
  return info;
}

const UINT_BYTES: Record<string, number> = { U8: 1, U16: 2, U32: 4, U64: 8, U128: 16 };

/** Storage keys are hashed on hot paths of the node: skip createType for the common key types. */
function keyEncoder(registry: TypeRegistry, typeId: number): (key: unknown) => Uint8Array {
  const type = registry.createLookupType(typeId);
  const generic = (key: unknown) => registry.createType(type, key).toU8a();
  const def = registry.lookup.getSiType(typeId).def;
  const width = def.isPrimitive ? UINT_BYTES[def.asPrimitive.type] : undefined;
  if (width !== undefined) {
    return (key) => {
      if (typeof key !== "number" && typeof key !== "bigint") return generic(key);
      let n = BigInt(key);
      if (n < 0n || n >= 1n << BigInt(width * 8))
        throw new Error(`key ${key} out of range for ${def.asPrimitive.type}`);
      const out = new Uint8Array(width);
      for (let i = 0; i < width; i++, n >>= 8n) out[i] = Number(n & 0xffn);
      return out;
    };
  }
  if (def.isComposite && registry.createType(type).toU8a().length === 32) {
    return (key) => (key instanceof Uint8Array && key.length === 32 ? key : generic(key));
  }
  return generic;
}

export function hashKeyPart(hasher: HasherName, data: Uint8Array): Uint8Array {
  switch (hasher) {
    case "Identity":
      return data;
    case "Blake2_128":
      return blake2AsU8a(data, 128);
    case "Blake2_256":
      return blake2AsU8a(data, 256);
    case "Blake2_128Concat":
      return u8aConcat(blake2AsU8a(data, 128), data);
    case "Twox128":
      return xxhashAsU8a(data, 128);
    case "Twox256":
      return xxhashAsU8a(data, 256);
    case "Twox64Concat":
      return u8aConcat(xxhashAsU8a(data, 64), data);
  }
}

/**
 * The storage key of `pallet.item(keys…)`. With fewer keys than the map has, the result is the prefix
 * that iterates over the remaining keys (what state_getKeysPaged takes). Keys are anything
 * `registry.createType` accepts for the key type (numbers, SS58 strings, Uint8Array of an AccountId…).
 */
export function storageKey(
  registry: TypeRegistry,
  pallet: string,
  item: string,
  ...keys: unknown[]
): Uint8Array {
  const info = storageEntry(registry, pallet, item);
  if (keys.length > info.hashers.length) {
    throw new Error(`${info.pallet}.${info.item} takes ${info.hashers.length} keys, got ${keys.length}`);
  }
  const parts = keys.map((k, i) => {
    const encode = info.keyEncoders[i] as (key: unknown) => Uint8Array;
    return hashKeyPart(info.hashers[i] as HasherName, encode(k));
  });
  return u8aConcat(info.prefix, ...parts);
}

/** The SCALE bytes of a storage value of `pallet.item`. */
export function encodeStorageValue(
  registry: TypeRegistry,
  pallet: string,
  item: string,
  value: unknown,
): Uint8Array {
  const info = storageEntry(registry, pallet, item);
  return registry.createType(info.valueType, value).toU8a();
}

/**
 * Decodes a storage value. `null` (no value stored) gives the item's default for `Default` items and `null`
 * for `Optional` ones, as the chain's ValueQuery/OptionQuery do.
 */
export function decodeStorageValue(
  registry: TypeRegistry,
  pallet: string,
  item: string,
  data: Uint8Array | string | null,
): Codec | null {
  const info = storageEntry(registry, pallet, item);
  if (data === null) {
    if (info.modifier === "Optional") return null;
    return registry.createType(info.valueType, info.fallback);
  }
  // Always pass bytes: numeric types read a hex *string* as a big-endian number.
  return registry.createType(info.valueType, u8aToU8a(data));
}

/** Recovers the key arguments of a full storage key (only for transparent hashers: *Concat, Identity). */
export function decodeStorageKey(
  registry: TypeRegistry,
  pallet: string,
  item: string,
  key: Uint8Array | string,
): Codec[] {
  const info = storageEntry(registry, pallet, item);
  const u8 = u8aToU8a(key);
  if (u8.length < 32 || !info.prefix.every((b, i) => u8[i] === b)) {
    throw new Error(`key is not under ${info.pallet}.${info.item}`);
  }
  let offset = 32;
  const out: Codec[] = [];
  info.hashers.forEach((h, i) => {
    if (h === "Blake2_128Concat") offset += 16;
    else if (h === "Twox64Concat") offset += 8;
    else if (h !== "Identity") throw new Error(`${h} keys cannot be decoded`);
    const value = registry.createType(info.keyTypes[i] as string, u8.subarray(offset));
    offset += value.encodedLength;
    out.push(value);
  });
  if (offset !== u8.length) throw new Error(`trailing bytes in key of ${info.pallet}.${info.item}`);
  return out;
}
