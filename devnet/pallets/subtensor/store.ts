// Typed storage accessors by metadata item name, for SubtensorModule and Swap. Values go through the
// runtime's metadata (RuntimeCodec); nothing here hard-codes SCALE except parsing the u16 netuid at the
// end of an Identity-hashed key when iterating a map.
import type { Codec } from "@polkadot/types/types";
import type { RuntimeCodec } from "../../node/runtime/codec";
import type { StorageReader, StorageWriter } from "../../node/types";

export const SM = "SubtensorModule";
export const SWAP = "Swap";

/** Per runtime codec: which items its metadata declares (probing throws, so answers are cached). */
const declared = new WeakMap<RuntimeCodec, Map<string, boolean>>();

/** substrate_fixed types (`{ bits: i128 | u128 }`): 16 little-endian bytes; value = signedness. */
const FIXED_128: Record<string, boolean> = { '{"bits":"i128"}': true, '{"bits":"u128"}': false };

export class Store {
  constructor(
    readonly codec: RuntimeCodec,
    readonly state: StorageReader,
  ) {}

  private get w(): StorageWriter {
    return this.state as StorageWriter;
  }

  has(pallet: string, item: string, ...keys: unknown[]): boolean {
    return this.codec.readRaw(this.state, pallet, item, ...keys) !== undefined;
  }

  /** Whether the metadata of this runtime declares an item (items differ per variant). */
  exists(pallet: string, item: string): boolean {
    let m = declared.get(this.codec);
    if (!m) {
      m = new Map();
      declared.set(this.codec, m);
    }
    const id = `${pallet}.${item}`;
    let known = m.get(id);
    if (known === undefined) {
      try {
        this.codec.valueType(pallet, item);
        known = true;
      } catch {
        known = false;
      }
      m.set(id, known);
    }
    return known;
  }

  big(item: string, ...keys: unknown[]): bigint {
    return this.codec.readBig(this.state, SM, item, ...keys);
  }

  num(item: string, ...keys: unknown[]): number {
    return Number(this.codec.readBig(this.state, SM, item, ...keys));
  }

  setBig(item: string, keys: unknown[], value: bigint | number): void {
    this.put(SM, item, keys, value);
  }

  /** Writes only when the encoded value changes: unchanged items cost no trie/archive work. */
  private put(pallet: string, item: string, keys: unknown[], value: unknown): void {
    const key = this.codec.key(pallet, item, ...keys);
    const bytes = this.codec.encodeValue(pallet, item, value);
    const old = this.state.get(key);
    if (old && old.length === bytes.length && old.every((b, i) => b === bytes[i])) return;
    this.w.set(key, bytes);
  }

  addBig(item: string, keys: unknown[], delta: bigint): bigint {
    const next = this.big(item, ...keys) + delta;
    if (next < 0n) throw new Error(`${item} would go negative`);
    this.setBig(item, keys, next);
    return next;
  }

  /** Raw little-endian integer of a stored value (undefined when absent), no createType. */
  rawInt(
    pallet: string,
    item: string,
    keys: unknown[],
    offset = 0,
    bytes?: number,
    signed = false,
  ): bigint | undefined {
    const raw = this.codec.readRaw(this.state, pallet, item, ...keys);
    if (!raw) return undefined;
    const end = bytes === undefined ? raw.length : offset + bytes;
    let x = 0n;
    for (let i = end - 1; i >= offset; i--) x = (x << 8n) | BigInt(raw[i] ?? 0);
    return signed ? BigInt.asIntN((end - offset) * 8, x) : x;
  }

  /** Saturating subtraction (the chain's `saturating_sub` on reserves and totals). */
  subBig(item: string, keys: unknown[], delta: bigint): bigint {
    const cur = this.big(item, ...keys);
    const next = cur > delta ? cur - delta : 0n;
    this.setBig(item, keys, next);
    return next;
  }

  bool(item: string, ...keys: unknown[]): boolean {
    const raw = this.codec.readRaw(this.state, SM, item, ...keys);
    if (raw?.length === 1) return raw[0] === 1;
    return this.read(SM, item, ...keys)?.toJSON() === true;
  }

  read<T extends Codec = Codec>(pallet: string, item: string, ...keys: unknown[]): T | undefined {
    return this.codec.read<T>(this.state, pallet, item, ...keys);
  }

  json(item: string, ...keys: unknown[]): unknown {
    return this.read(SM, item, ...keys)?.toJSON() ?? null;
  }

  write(pallet: string, item: string, keys: unknown[], value: unknown): void {
    this.put(pallet, item, keys, value);
  }

  set(item: string, keys: unknown[], value: unknown): void {
    this.put(SM, item, keys, value);
  }

  remove(pallet: string, item: string, ...keys: unknown[]): void {
    this.codec.remove(this.w, pallet, item, ...keys);
  }

  /** Raw bits of a substrate_fixed value (`{ bits }`). */
  fixed(pallet: string, item: string, ...keys: unknown[]): bigint {
    const raw = this.codec.readRaw(this.state, pallet, item, ...keys);
    if (raw?.length === 16) {
      const signed =
        FIXED_128[
          this.codec.registry.lookup.getTypeDef(this.codec.valueType(pallet, item) as `Lookup${number}`).type
        ];
      if (signed !== undefined) {
        let x = 0n;
        for (let i = 15; i >= 0; i--) x = (x << 8n) | BigInt(raw[i] as number);
        return signed ? BigInt.asIntN(128, x) : x;
      }
    }
    const v = this.read(pallet, item, ...keys) as unknown as { get(k: string): Codec } | undefined;
    return v ? BigInt(v.get("bits").toString()) : 0n;
  }

  setFixed(pallet: string, item: string, keys: unknown[], bits: bigint): void {
    this.put(pallet, item, keys, { bits });
  }

  /** Account ids (32 bytes) of a `Vec<AccountId32>` item. */
  accounts(item: string, ...keys: unknown[]): Uint8Array[] {
    const v = this.read(SM, item, ...keys) as unknown as Codec[] | undefined;
    return v ? [...v].map((a) => a.toU8a()) : [];
  }

  account(item: string, ...keys: unknown[]): Uint8Array | undefined {
    const raw = this.codec.readRaw(this.state, SM, item, ...keys);
    return raw?.length === 32 ? raw : undefined;
  }

  u16s(item: string, ...keys: unknown[]): number[] {
    return ((this.json(item, ...keys) as number[] | null) ?? []).map(Number);
  }

  u64s(item: string, ...keys: unknown[]): bigint[] {
    const v = this.read(SM, item, ...keys) as unknown as Codec[] | undefined;
    return v ? [...v].map((x) => BigInt(x.toString())) : [];
  }

  bools(item: string, ...keys: unknown[]): boolean[] {
    return ((this.json(item, ...keys) as boolean[] | null) ?? []).map(Boolean);
  }

  /** Sparse `Vec<(u16, u16)>` rows (Weights, Bonds). */
  pairs(item: string, ...keys: unknown[]): [number, number][] {
    return (this.json(item, ...keys) as [number, number][] | null) ?? [];
  }

  /** Netuids with `NetworksAdded`, ascending. */
  netuids(): number[] {
    const prefix = this.codec.prefix(SM, "NetworksAdded");
    const out: number[] = [];
    let after: string | undefined;
    for (;;) {
      const keys = this.state.keys(prefix, after, 1000);
      for (const k of keys) {
        if (this.state.get(k)?.[0] !== 1) continue;
        const lo = Number.parseInt(k.slice(-4, -2), 16);
        const hi = Number.parseInt(k.slice(-2), 16);
        out.push(lo | (hi << 8));
      }
      if (keys.length < 1000) break;
      after = keys[keys.length - 1];
    }
    return out.sort((a, b) => a - b);
  }

  subnetExists(netuid: number): boolean {
    return this.bool("NetworksAdded", netuid);
  }
}
