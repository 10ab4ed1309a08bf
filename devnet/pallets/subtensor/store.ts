// Typed storage accessors by metadata item name, for SubtensorModule and Swap. Values go through the
// runtime's metadata (RuntimeCodec); nothing here hard-codes SCALE except parsing the u16 netuid at the
// end of an Identity-hashed key when iterating a map.
import type { Codec } from "@polkadot/types/types";
import type { RuntimeCodec } from "../../node/runtime/codec";
import { readCompactLen, readUintLE } from "../../node/runtime/fastCodec";
import type { StorageReader, StorageWriter } from "../../node/types";

export const SM = "SubtensorModule";
export const SWAP = "Swap";

/** Per runtime codec: which items its metadata declares (probing throws, so answers are cached). */
const declared = new WeakMap<RuntimeCodec, Map<string, Map<string, boolean>>>();

/** Element widths of the vector types `Store.vec` decodes by hand. */
const VEC_WIDTH: Record<string, number> = {
  "Vec<u16>": 2,
  "Vec<u64>": 8,
  "Vec<bool>": 1,
  "Vec<AccountId32>": 32,
};
const INT_WIDTH: Record<string, number> = { i8: 1, i16: 2, i32: 4, i64: 8, i128: 16 };

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
    let byPallet = declared.get(this.codec);
    if (!byPallet) {
      byPallet = new Map();
      declared.set(this.codec, byPallet);
    }
    let m = byPallet.get(pallet);
    if (!m) {
      m = new Map();
      byPallet.set(pallet, m);
    }
    let known = m.get(item);
    if (known === undefined) {
      try {
        this.codec.valueType(pallet, item);
        known = true;
      } catch {
        known = false;
      }
      m.set(item, known);
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
    const raw = this.codec.rawOrDefault(this.state, pallet, item, ...keys);
    if (raw?.length === 16) {
      const signed = this.codec.fixedSigned(pallet, item);
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

  /**
   * Elements of a `Vec<u16 | u64 | bool | AccountId32>` item decoded straight from its bytes (the metadata
   * default when absent); undefined for other types or an absent optional item (callers fall back).
   */
  private vec(item: string, keys: unknown[]): Array<number | bigint | boolean | Uint8Array> | undefined {
    const t = this.codec.typeDef(SM, item);
    const width = VEC_WIDTH[t];
    if (width === undefined) return undefined;
    const raw = this.codec.rawOrDefault(this.state, SM, item, ...keys);
    if (!raw) return undefined;
    const len = readCompactLen(raw, 0);
    if (!len || len[1] + len[0] * width !== raw.length) return undefined;
    const out: Array<number | bigint | boolean | Uint8Array> = new Array(len[0]);
    for (let i = 0, off = len[1]; i < len[0]; i++, off += width) {
      if (t === "Vec<bool>") out[i] = raw[off] === 1;
      else if (t === "Vec<AccountId32>") out[i] = raw.slice(off, off + 32);
      else if (width <= 4) out[i] = Number(readUintLE(raw, off, width));
      else out[i] = readUintLE(raw, off, width);
    }
    return out;
  }

  /** Account ids (32 bytes) of a `Vec<AccountId32>` item. */
  accounts(item: string, ...keys: unknown[]): Uint8Array[] {
    const fast = this.vec(item, keys);
    if (fast) return fast as Uint8Array[];
    const v = this.read(SM, item, ...keys) as unknown as Codec[] | undefined;
    return v ? [...v].map((a) => a.toU8a()) : [];
  }

  account(item: string, ...keys: unknown[]): Uint8Array | undefined {
    const raw = this.codec.readRaw(this.state, SM, item, ...keys);
    return raw?.length === 32 ? raw : undefined;
  }

  u16s(item: string, ...keys: unknown[]): number[] {
    const fast = this.vec(item, keys);
    if (fast && this.codec.typeDef(SM, item) === "Vec<u16>") return fast as number[];
    return ((this.json(item, ...keys) as number[] | null) ?? []).map(Number);
  }

  u64s(item: string, ...keys: unknown[]): bigint[] {
    const fast = this.vec(item, keys);
    if (fast && this.codec.typeDef(SM, item) === "Vec<u64>") return fast as bigint[];
    const v = this.read(SM, item, ...keys) as unknown as Codec[] | undefined;
    return v ? [...v].map((x) => BigInt(x.toString())) : [];
  }

  bools(item: string, ...keys: unknown[]): boolean[] {
    const fast = this.vec(item, keys);
    if (fast && this.codec.typeDef(SM, item) === "Vec<bool>") return fast as boolean[];
    return ((this.json(item, ...keys) as boolean[] | null) ?? []).map(Boolean);
  }

  /** Elements of a per-UID vector item (typed values when decodable by hand, else their JSON). */
  vector(item: string, ...keys: unknown[]): unknown[] {
    return this.vec(item, keys) ?? (this.json(item, ...keys) as unknown[] | null) ?? [];
  }

  /** A signed integer item (`i64` flows) as bigint, the default when absent. */
  sint(item: string, ...keys: unknown[]): bigint {
    const width = INT_WIDTH[this.codec.typeDef(SM, item)];
    const raw = this.codec.rawOrDefault(this.state, SM, item, ...keys);
    if (width !== undefined && raw?.length === width)
      return BigInt.asIntN(width * 8, readUintLE(raw, 0, width));
    return BigInt(this.read(SM, item, ...keys)?.toString() ?? "0");
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
