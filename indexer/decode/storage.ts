import type { Codec } from "@polkadot/types/types";
import { hexToU8a, u8aToHex } from "@polkadot/util";
import { xxhashAsU8a } from "@polkadot/util-crypto";
import { type JsonValue, toJSONExact } from "./exact";
import type { Hex, Runtime } from "./runtime";

export interface StorageEntryRef {
  pallet: string;
  item: string;
  /** Lookup type id of the stored value. */
  valueType: number;
}

/** Index of `twox128(pallet prefix) ++ twox128(item)` → entry, built once per runtime. */
const indexes = new WeakMap<Runtime, Map<string, StorageEntryRef>>();

function storageIndex(runtime: Runtime): Map<string, StorageEntryRef> {
  let index = indexes.get(runtime);
  if (index) return index;
  index = new Map();
  for (const pallet of runtime.metadata.asLatest.pallets) {
    if (pallet.storage.isNone) continue;
    const storage = pallet.storage.unwrap();
    const palletHash = u8aToHex(xxhashAsU8a(storage.prefix.toString(), 128));
    for (const item of storage.items) {
      const key = palletHash + u8aToHex(xxhashAsU8a(item.name.toString(), 128)).slice(2);
      const valueType = item.type.isPlain ? item.type.asPlain.toNumber() : item.type.asMap.value.toNumber();
      index.set(key, { pallet: pallet.name.toString(), item: item.name.toString(), valueType });
    }
  }
  indexes.set(runtime, index);
  return index;
}

/** Which storage item a full key belongs to, from its 32-byte prefix. */
export function findStorageEntry(runtime: Runtime, key: Hex): StorageEntryRef | null {
  return storageIndex(runtime).get(key.slice(0, 66).toLowerCase()) ?? null;
}

/**
 * Decodes a raw storage value with the runtime's metadata. Bytes, not a hex string, go to createType:
 * numeric types read a hex *string* as a big-endian number. Rejects values with trailing bytes.
 */
export function decodeStorageValue(
  runtime: Runtime,
  key: Hex,
  value: Hex,
): StorageEntryRef & { value: JsonValue } {
  const entry = findStorageEntry(runtime, key);
  if (!entry) throw new Error(`no storage item in spec ${runtime.specVersion} for key ${key.slice(0, 66)}`);
  const bytes = hexToU8a(value);
  const codec = runtime.registry.createTypeUnsafe<Codec>(runtime.registry.createLookupType(entry.valueType), [
    bytes,
  ]);
  if (codec.encodedLength !== bytes.length) {
    throw new Error(`${entry.pallet}.${entry.item}: decoded ${codec.encodedLength} of ${bytes.length} bytes`);
  }
  return { ...entry, value: toJSONExact(codec) };
}
