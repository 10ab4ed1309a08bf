import type { Codec } from "@polkadot/types/types";
import { compactFromU8a, hexToU8a, u8aToHex } from "@polkadot/util";
import { encodeAddress, xxhashAsU8a } from "@polkadot/util-crypto";
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
  const fast = fastDecoder(runtime, entry.valueType);
  if (fast) {
    const decoded = fast(bytes);
    if (decoded.used !== bytes.length)
      throw new Error(`${entry.pallet}.${entry.item}: decoded ${decoded.used} of ${bytes.length} bytes`);
    return { ...entry, value: decoded.value };
  }
  const codec = runtime.registry.createTypeUnsafe<Codec>(runtime.registry.createLookupType(entry.valueType), [
    bytes,
  ]);
  if (codec.encodedLength !== bytes.length) {
    throw new Error(`${entry.pallet}.${entry.item}: decoded ${codec.encodedLength} of ${bytes.length} bytes`);
  }
  return { ...entry, value: toJSONExact(codec) };
}

// --- fast paths ------------------------------------------------------------------------------------------
// The state readers decode tens of thousands of plain values per batch (u16 vectors of a metagraph, u64 stakes,
// account ids); building a polkadot-js codec for each dominated their time. For the shapes below — chosen from
// the runtime's own type lookup, never by item name — the bytes are read directly into exactly what
// `toJSONExact` returns for them (ints ≤ 32 bits as numbers, wider as decimal strings; accounts as SS58 in the
// registry's format); anything else takes the codec path.

type Decoded = { value: JsonValue; used: number };
type Fast = (bytes: Uint8Array, at?: number) => Decoded;

const WIDTHS: Record<string, number> = { U8: 1, U16: 2, U32: 4, U64: 8, U128: 16 };

function readUint(bytes: Uint8Array, at: number, width: number): JsonValue {
  if (at + width > bytes.length) throw new Error(`value ends before its ${width * 8}-bit integer`);
  if (width <= 4) {
    let v = 0;
    for (let i = width - 1; i >= 0; i--) v = v * 256 + bytes[at + i]!;
    return v;
  }
  let v = 0n;
  for (let i = width - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[at + i]!);
  return v.toString();
}

const fastDecoders = new WeakMap<Runtime, Map<number, Fast | null>>();

/** Whether values of this type take a fast path (tests: the paths must not silently fall back). */
export function hasFastDecoder(runtime: Runtime, typeId: number): boolean {
  return fastDecoder(runtime, typeId) !== null;
}

function fastDecoder(runtime: Runtime, typeId: number): Fast | null {
  let cache = fastDecoders.get(runtime);
  if (!cache) {
    cache = new Map();
    fastDecoders.set(runtime, cache);
  }
  if (!cache.has(typeId)) cache.set(typeId, buildFast(runtime, typeId, 0));
  return cache.get(typeId) ?? null;
}

function buildFast(runtime: Runtime, typeId: number, depth: number): Fast | null {
  if (depth > 2) return null;
  const type = runtime.registry.lookup.getSiType(typeId);
  const def = type.def;
  if (def.isPrimitive) {
    const name = def.asPrimitive.type;
    const width = WIDTHS[name];
    if (width !== undefined)
      return (bytes, at = 0) => ({ value: readUint(bytes, at, width), used: at + width });
    if (name === "Bool")
      return (bytes, at = 0) => {
        const b = bytes[at];
        if (b !== 0 && b !== 1) throw new Error("invalid bool");
        return { value: b === 1, used: at + 1 };
      };
    return null;
  }
  if (def.isSequence) {
    const item = buildFast(runtime, def.asSequence.type.toNumber(), depth + 1);
    if (!item) return null;
    return (bytes, at = 0) => {
      const [offset, length] = compactFromU8a(bytes.subarray(at));
      let pos = at + offset;
      const n = length.toNumber();
      const out: JsonValue[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const d = item(bytes, pos);
        out[i] = d.value;
        pos = d.used;
      }
      return { value: out, used: pos };
    };
  }
  const path = type.path.map((p) => p.toString());
  if (def.isComposite && path.at(-1) === "AccountId32") {
    const format = runtime.registry.chainSS58 ?? 42;
    return (bytes, at = 0) => {
      if (at + 32 > bytes.length) throw new Error("value ends before its account id");
      return { value: encodeAddress(bytes.subarray(at, at + 32), format), used: at + 32 };
    };
  }
  return null;
}
