// Typed access to storage, events, errors and constants of one runtime, driven by its metadata, so pallet
// code speaks in pallet/item names and the bytes come out exactly as a Substrate runtime writes them.
import type { TypeRegistry } from "@polkadot/types";
import { decorateStorage } from "@polkadot/types/metadata";
import type { StorageEntry } from "@polkadot/types/primitive/types";
import type { Codec } from "@polkadot/types/types";
import { compactStripLength, stringCamelCase, u8aConcat, u8aToHex } from "@polkadot/util";
import { blake2AsU8a, xxhashAsU8a } from "@polkadot/util-crypto";
import type { DispatchErrorValue, MetadataBundle, StorageReader, StorageWriter } from "../types";
import { DispatchFailure } from "../types";

interface EventMeta {
  index: Uint8Array;
  fields: string[];
  /** Fast encoders per field (undefined: go through createType). */
  fast: Array<FastEncoder | undefined>;
}

/** Encodes common primitive values without createType; returns undefined when it cannot. */
type FastEncoder = (v: unknown) => Uint8Array | undefined;

type Hasher = (data: Uint8Array) => Uint8Array;

interface EntryInfo {
  entry: StorageEntry;
  type: string;
  optional: boolean;
  prefix: Uint8Array;
  /** Per key part: hasher and fast encoder; undefined when a key type needs createType. */
  keyParts?: Array<{ hash: Hasher; enc: FastEncoder | undefined }>;
  valueEnc?: FastEncoder;
  /** Byte width when the value is an unsigned integer (for readBig/writeBig). */
  uintBytes?: number;
  /** Keys of single-key maps by key object identity (the same account Uint8Array is used many times). */
  byObject: WeakMap<object, string>;
}

/** A field value that is already SCALE-encoded (skips createType; callers cache these). */
export class Encoded {
  constructor(readonly bytes: Uint8Array) {}
}

const UINT_BYTES: Record<string, number> = { u8: 1, u16: 2, u32: 4, u64: 8, u128: 16 };

function uintLE(v: bigint, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let x = v;
  for (let i = 0; i < bytes; i++) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

function fastEncoder(typeName: string): FastEncoder | undefined {
  const width = UINT_BYTES[typeName];
  if (width !== undefined)
    return (v) => {
      if (typeof v === "bigint") return v >= 0n && v < 1n << BigInt(width * 8) ? uintLE(v, width) : undefined;
      if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return uintLE(BigInt(v), width);
      return undefined;
    };
  if (typeName === "bool") return (v) => (typeof v === "boolean" ? new Uint8Array([v ? 1 : 0]) : undefined);
  if (typeName === "AccountId32" || typeName === "H256" || typeName === "[u8;32]")
    return (v) => (v instanceof Uint8Array && v.length === 32 ? v : undefined);
  return undefined;
}

const HASHERS: Record<string, Hasher> = {
  Blake2_128: (d) => blake2AsU8a(d, 128),
  Blake2_256: (d) => blake2AsU8a(d, 256),
  Blake2_128Concat: (d) => u8aConcat(blake2AsU8a(d, 128), d),
  Twox128: (d) => xxhashAsU8a(d, 128),
  Twox256: (d) => xxhashAsU8a(d, 256),
  Twox64Concat: (d) => u8aConcat(xxhashAsU8a(d, 64), d),
  Identity: (d) => d,
};

interface PalletMeta {
  index: number;
  events: Map<string, EventMeta>;
  errors: Map<string, number>;
  calls: Map<string, number>;
  constants: Map<string, { type: string; value: Uint8Array }>;
}

export class RuntimeCodec {
  readonly registry: TypeRegistry;
  private readonly storage: ReturnType<typeof decorateStorage>;
  private readonly pallets = new Map<string, PalletMeta>();
  private readonly entryCache = new Map<string, EntryInfo>();

  constructor(readonly bundle: MetadataBundle) {
    this.registry = bundle.registry;
    const latest = bundle.metadata.asLatest;
    this.storage = decorateStorage(this.registry, latest, bundle.metadata.version);
    const lookup = this.registry.lookup;
    const variants = (typeId: number) => lookup.getSiType(typeId).def.asVariant.variants;
    for (const p of latest.pallets) {
      const meta: PalletMeta = {
        index: p.index.toNumber(),
        events: new Map(),
        errors: new Map(),
        calls: new Map(),
        constants: new Map(),
      };
      if (p.events.isSome) {
        for (const v of variants(p.events.unwrap().type.toNumber())) {
          meta.events.set(v.name.toString(), {
            index: new Uint8Array([meta.index, v.index.toNumber()]),
            fields: v.fields.map((f) => this.registry.createLookupType(f.type)),
            fast: v.fields.map((f) => fastEncoder(lookup.getTypeDef(f.type).type)),
          });
        }
      }
      if (p.errors.isSome) {
        for (const v of variants(p.errors.unwrap().type.toNumber()))
          meta.errors.set(v.name.toString(), v.index.toNumber());
      }
      if (p.calls.isSome) {
        for (const v of variants(p.calls.unwrap().type.toNumber()))
          meta.calls.set(v.name.toString(), v.index.toNumber());
      }
      for (const c of p.constants) {
        meta.constants.set(c.name.toString(), {
          type: this.registry.createLookupType(c.type),
          value: c.value.toU8a(true),
        });
      }
      this.pallets.set(p.name.toString(), meta);
    }
  }

  hasPallet(pallet: string): boolean {
    return this.pallets.has(pallet);
  }

  private pallet(name: string): PalletMeta {
    const p = this.pallets.get(name);
    if (!p) throw new Error(`pallet ${name} is not in the metadata`);
    return p;
  }

  private entry(pallet: string, item: string) {
    const id = `${pallet}.${item}`;
    let e = this.entryCache.get(id);
    if (!e) {
      const entry = this.storage[stringCamelCase(pallet)]?.[stringCamelCase(item)];
      if (!entry) throw new Error(`storage ${id} is not in the metadata`);
      const t = entry.meta.type;
      const typeId = t.isPlain ? t.asPlain : t.asMap.value;
      const lookup = this.registry.lookup;
      const valueName = lookup.getTypeDef(typeId).type;
      e = {
        entry,
        type: this.registry.createLookupType(typeId),
        optional: entry.meta.modifier.isOptional,
        prefix: entry.keyPrefix(),
        valueEnc: fastEncoder(valueName),
        uintBytes: UINT_BYTES[valueName],
        byObject: new WeakMap(),
      };
      if (t.isMap) {
        const hashers = t.asMap.hashers.map((h) => HASHERS[h.type]);
        const keyId = t.asMap.key;
        const keyIds =
          hashers.length === 1 ? [keyId] : [...lookup.getSiType(keyId).def.asTuple].map((x) => x.toNumber());
        if (hashers.every((h) => h) && keyIds.length === hashers.length)
          e.keyParts = hashers.map((hash, i) => ({
            hash: hash as Hasher,
            enc: fastEncoder(lookup.getTypeDef(keyIds[i] as number).type),
          }));
      }
      this.entryCache.set(id, e);
    }
    return e;
  }

  /** Hex storage key (lowercase 0x-hex) of an item, with its map keys. */
  key(pallet: string, item: string, ...args: unknown[]): string {
    const e = this.entry(pallet, item);
    if (args.length === 0 && !e.keyParts) return u8aToHex(e.prefix);
    const single = args.length === 1 && args[0] instanceof Uint8Array ? args[0] : undefined;
    if (single) {
      const hit = e.byObject.get(single);
      if (hit) return hit;
      const k = this.computeKey(e, args);
      e.byObject.set(single, k);
      return k;
    }
    return this.computeKey(e, args);
  }

  private computeKey(e: EntryInfo, args: unknown[]): string {
    if (e.keyParts && args.length === e.keyParts.length) {
      const parts: Uint8Array[] = [e.prefix];
      for (let i = 0; i < args.length; i++) {
        const kp = e.keyParts[i] as { hash: Hasher; enc: FastEncoder | undefined };
        const enc = kp.enc?.(args[i]);
        if (!enc) break;
        parts.push(kp.hash(enc));
      }
      if (parts.length === args.length + 1) return u8aToHex(u8aConcat(...parts));
    }
    const { entry } = e;
    const raw = entry(...args);
    return u8aToHex(compactStripLength(raw)[1]);
  }

  /** Prefix shared by every key of a map (twox128(pallet) ++ twox128(item)). */
  prefix(pallet: string, item: string): string {
    return u8aToHex(this.entry(pallet, item).entry.keyPrefix());
  }

  valueType(pallet: string, item: string): string {
    return this.entry(pallet, item).type;
  }

  /** Decoded value; the metadata default when absent (undefined for absent Optional items). */
  read<T extends Codec = Codec>(
    state: StorageReader,
    pallet: string,
    item: string,
    ...args: unknown[]
  ): T | undefined {
    const e = this.entry(pallet, item);
    const raw = state.get(this.key(pallet, item, ...args));
    if (raw === undefined) {
      if (e.optional) return undefined;
      return this.registry.createType(e.type, e.entry.meta.fallback.toU8a(true)) as unknown as T;
    }
    return this.registry.createType(e.type, raw) as unknown as T;
  }

  readRaw(state: StorageReader, pallet: string, item: string, ...args: unknown[]): Uint8Array | undefined {
    return state.get(this.key(pallet, item, ...args));
  }

  encodeValue(pallet: string, item: string, value: unknown): Uint8Array {
    const e = this.entry(pallet, item);
    return e.valueEnc?.(value) ?? this.registry.createType(e.type, value).toU8a();
  }

  /** An unsigned-integer item as bigint (default when absent), without createType. */
  readBig(state: StorageReader, pallet: string, item: string, ...args: unknown[]): bigint {
    const e = this.entry(pallet, item);
    const raw =
      state.get(this.key(pallet, item, ...args)) ??
      (e.optional ? undefined : e.entry.meta.fallback.toU8a(true));
    if (!raw) return 0n;
    if (e.uintBytes === undefined) return BigInt((this.read(state, pallet, item, ...args) ?? 0).toString());
    let x = 0n;
    for (let i = e.uintBytes - 1; i >= 0; i--) x = (x << 8n) | BigInt(raw[i] ?? 0);
    return x;
  }

  /** Writes `value` (anything createType accepts for the item's type). */
  write(state: StorageWriter, pallet: string, item: string, args: unknown[], value: unknown): void {
    state.set(this.key(pallet, item, ...args), this.encodeValue(pallet, item, value));
  }

  remove(state: StorageWriter, pallet: string, item: string, ...args: unknown[]): void {
    state.delete(this.key(pallet, item, ...args));
  }

  /** One SCALE-encoded RuntimeEvent: pallet index, event index, fields. */
  encodeEvent(pallet: string, name: string, fields: unknown[]): Uint8Array {
    const ev = this.pallet(pallet).events.get(name);
    if (!ev) throw new Error(`event ${pallet}.${name} is not in the metadata`);
    if (ev.fields.length !== fields.length)
      throw new Error(`event ${pallet}.${name} takes ${ev.fields.length} fields, got ${fields.length}`);
    const parts: Uint8Array[] = [ev.index];
    for (let i = 0; i < fields.length; i++) {
      const v = fields[i];
      parts.push(
        v instanceof Encoded ? v.bytes : (ev.fast[i]?.(v) ?? this.encodeField(ev.fields[i] as string, v)),
      );
    }
    return u8aConcat(...parts);
  }

  /** SCALE bytes of the `index`-th field of an event (for callers that cache encodings). */
  encodeEventField(pallet: string, name: string, index: number, value: unknown): Encoded {
    const ev = this.pallet(pallet).events.get(name);
    const type = ev?.fields[index];
    if (!type) throw new Error(`event ${pallet}.${name} has no field ${index}`);
    return new Encoded(this.encodeField(type, value));
  }

  encodeField(type: string, value: unknown): Uint8Array {
    return this.registry.createType(type, value).toU8a();
  }

  hasEvent(pallet: string, name: string): boolean {
    return this.pallets.get(pallet)?.events.has(name) ?? false;
  }

  moduleError(pallet: string, name: string): DispatchErrorValue {
    const p = this.pallet(pallet);
    const idx = p.errors.get(name);
    if (idx === undefined) throw new Error(`error ${pallet}.${name} is not in the metadata`);
    return { Module: { index: p.index, error: new Uint8Array([idx, 0, 0, 0]) } };
  }

  /** Throws a module error, failing the current dispatch. */
  fail(pallet: string, name: string): never {
    throw new DispatchFailure(this.moduleError(pallet, name), `${pallet}.${name}`);
  }

  constant<T extends Codec = Codec>(pallet: string, name: string): T {
    const c = this.pallet(pallet).constants.get(name);
    if (!c) throw new Error(`constant ${pallet}.${name} is not in the metadata`);
    return this.registry.createType(c.type, c.value) as unknown as T;
  }

  /** Type name (for createType) of a runtime API method's output, from the V15 metadata. */
  apiOutputType(api: string, method: string): string {
    const a = this.bundle.metadata.asLatest.apis.find((x) => x.name.toString() === api);
    const m = a?.methods.find((x) => x.name.toString() === method);
    if (!m) throw new Error(`runtime API ${api}_${method} is not in the metadata`);
    return this.registry.createLookupType(m.output);
  }

  callIndex(pallet: string, call: string): Uint8Array {
    const p = this.pallet(pallet);
    const idx = p.calls.get(call);
    if (idx === undefined) throw new Error(`call ${pallet}.${call} is not in the metadata`);
    return new Uint8Array([p.index, idx]);
  }
}
