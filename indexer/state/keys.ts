// Storage keys from the runtime's own metadata (hashers and key types included), never hand-built.
import { expandMetadata } from "@polkadot/types";
import type { StorageEntry } from "@polkadot/types/primitive/types";
import { compactStripLength, u8aToHex } from "@polkadot/util";
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

/** Full key of one storage value; `section`/`method` in polkadot-js naming (`subtensorModule`, `subnetTAO`). */
export function storageKey(runtime: Runtime, section: string, method: string, ...args: unknown[]): Hex {
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
