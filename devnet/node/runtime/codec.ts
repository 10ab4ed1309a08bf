// Typed access to storage, events, errors and constants of one runtime, driven by its metadata, so pallet
// code speaks in pallet/item names and the bytes come out exactly as a Substrate runtime writes them.
import type { TypeRegistry } from "@polkadot/types";
import { decorateStorage } from "@polkadot/types/metadata";
import type { StorageEntry } from "@polkadot/types/primitive/types";
import type { Codec } from "@polkadot/types/types";
import { compactStripLength, stringCamelCase, u8aConcat } from "@polkadot/util";
import { blake2AsU8a, xxhashAsU8a } from "@polkadot/util-crypto";
import type { DispatchErrorValue, MetadataBundle, StorageReader, StorageWriter } from "../types";
import { DispatchFailure } from "../types";
import { buildFastEncoder, type FastEncoder } from "./fastCodec";

interface EventMeta {
  index: Uint8Array;
  fields: string[];
  /** Fast encoders per field (undefined: go through createType). */
  fast: Array<FastEncoder | undefined>;
}

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
  /** Keys by a single numeric key (netuids, uids): hashing is the hot part of per-subnet reads. */
  byNumber: Map<number, string>;
  /** Keys of (number, object) double maps (netuid, account). */
  byPair: Map<number, WeakMap<object, string>>;
  /** Signedness of a substrate_fixed value (`{ bits: i128 | u128 }`); undefined for other types. */
  fixedSigned?: boolean;
  /** Fallback bytes when absent (non-optional items). */
  fallback?: Uint8Array;
  prefixHex?: string;
  /** The value's type definition string (`u64`, `Vec<u16>`, `{"bits":"i128"}`, …). */
  typeDef: string;
}

/** A field value that is already SCALE-encoded (skips createType; callers cache these). */
export class Encoded {
  constructor(readonly bytes: Uint8Array) {}
}

const UINT_BYTES: Record<string, number> = { u8: 1, u16: 2, u32: 4, u64: 8, u128: 16 };
/** substrate_fixed types (`{ bits: i128 | u128 }`) by their type definition: value = signedness. */
const FIXED_128: Record<string, boolean> = { '{"bits":"i128"}': true, '{"bits":"u128"}': false };

/**
 * Lowercase 0x-hex of `bytes` as one flat string. Storage keys live as long as the archive (tens of thousands
 * of them); u8aToHex builds them as a rope of small strings, which costs several times the characters.
 */
function flatHex(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("hex");
  const out = Buffer.allocUnsafe(hex.length + 2);
  out[0] = 0x30;
  out[1] = 0x78;
  out.write(hex, 2, "latin1");
  return out.toString("latin1");
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
  private readonly entryCache = new Map<string, Map<string, EntryInfo>>();

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
            fast: v.fields.map((f) => buildFastEncoder(lookup, f.type.toNumber())),
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

  private entry(pallet: string, item: string): EntryInfo {
    let byItem = this.entryCache.get(pallet);
    if (!byItem) {
      byItem = new Map();
      this.entryCache.set(pallet, byItem);
    }
    let e = byItem.get(item);
    if (!e) {
      e = this.buildEntry(pallet, item);
      byItem.set(item, e);
    }
    return e;
  }

  private buildEntry(pallet: string, item: string): EntryInfo {
    const id = `${pallet}.${item}`;
    const entry = this.storage[stringCamelCase(pallet)]?.[stringCamelCase(item)];
    if (!entry) throw new Error(`storage ${id} is not in the metadata`);
    const t = entry.meta.type;
    const typeId = t.isPlain ? t.asPlain : t.asMap.value;
    const lookup = this.registry.lookup;
    const valueName = lookup.getTypeDef(typeId).type;
    const optional = entry.meta.modifier.isOptional;
    const e: EntryInfo = {
      entry,
      type: this.registry.createLookupType(typeId),
      optional,
      prefix: entry.keyPrefix(),
      valueEnc: buildFastEncoder(lookup, typeId.toNumber()),
      uintBytes: UINT_BYTES[valueName],
      byObject: new WeakMap(),
      byNumber: new Map(),
      byPair: new Map(),
      fixedSigned: FIXED_128[valueName],
      typeDef: valueName,
      fallback: optional ? undefined : entry.meta.fallback.toU8a(true),
    };
    if (t.isMap) {
      const hashers = t.asMap.hashers.map((h) => HASHERS[h.type]);
      const keyId = t.asMap.key;
      const keyIds =
        hashers.length === 1 ? [keyId] : [...lookup.getSiType(keyId).def.asTuple].map((x) => x.toNumber());
      if (hashers.every((h) => h) && keyIds.length === hashers.length)
        e.keyParts = hashers.map((hash, i) => ({
          hash: hash as Hasher,
          enc: buildFastEncoder(lookup, Number(keyIds[i])),
        }));
    }
    return e;
  }

  /** The value type definition of an item as @polkadot/types prints it (`Vec<u16>`, `i64`, …). */
  typeDef(pallet: string, item: string): string {
    return this.entry(pallet, item).typeDef;
  }

  /** Stored bytes, or the metadata default for non-optional items (undefined: absent optional item). */
  rawOrDefault(
    state: StorageReader,
    pallet: string,
    item: string,
    ...args: unknown[]
  ): Uint8Array | undefined {
    return state.get(this.key(pallet, item, ...args)) ?? this.entry(pallet, item).fallback;
  }

  /** Signedness of a `{ bits: i128 | u128 }` item (true: I96F32-like), undefined for other types. */
  fixedSigned(pallet: string, item: string): boolean | undefined {
    return this.entry(pallet, item).fixedSigned;
  }

  /** Hex storage key (lowercase 0x-hex) of an item, with its map keys. */
  key(pallet: string, item: string, ...args: unknown[]): string {
    const e = this.entry(pallet, item);
    if (args.length === 0 && !e.keyParts) {
      e.prefixHex ??= flatHex(e.prefix);
      return e.prefixHex;
    }
    const a0 = args[0];
    if (args.length === 1) {
      if (typeof a0 === "number") {
        const hit = e.byNumber.get(a0);
        if (hit !== undefined) return hit;
        const k = this.computeKey(e, args);
        e.byNumber.set(a0, k);
        return k;
      }
      if (a0 instanceof Uint8Array) {
        const hit = e.byObject.get(a0);
        if (hit !== undefined) return hit;
        const k = this.computeKey(e, args);
        e.byObject.set(a0, k);
        return k;
      }
    } else if (args.length === 2 && typeof a0 === "number" && args[1] instanceof Uint8Array) {
      let m = e.byPair.get(a0);
      if (!m) {
        m = new WeakMap();
        e.byPair.set(a0, m);
      }
      const hit = m.get(args[1]);
      if (hit !== undefined) return hit;
      const k = this.computeKey(e, args);
      m.set(args[1], k);
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
      if (parts.length === args.length + 1) return flatHex(u8aConcat(...parts));
    }
    const { entry } = e;
    const raw = entry(...args);
    return flatHex(compactStripLength(raw)[1]);
  }

  /** Prefix shared by every key of a map (twox128(pallet) ++ twox128(item)). */
  prefix(pallet: string, item: string): string {
    const e = this.entry(pallet, item);
    e.prefixHex ??= flatHex(e.prefix);
    return e.prefixHex;
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
      return this.registry.createType(e.type, e.fallback) as unknown as T;
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
    const raw = state.get(this.key(pallet, item, ...args)) ?? e.fallback;
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
