// Hand-written SCALE encoders built once per (runtime, type) from the portable registry, for the values the
// pallets write every block (u64 counters, `{ bits }` fixed-point structs, tuples, options). They produce the
// bytes `registry.createType(type, value).toU8a()` produces, without building Codec objects; for any value
// they do not recognise (strings, Codec instances, out-of-range numbers, unknown shapes) they return
// undefined and the caller goes through createType, so behaviour on odd input is unchanged.
import type { PortableRegistry } from "@polkadot/types";
import { compactToU8a } from "@polkadot/util";

export type FastEncoder = (v: unknown) => Uint8Array | undefined;

const UINT: Record<string, number> = { U8: 1, U16: 2, U32: 4, U64: 8, U128: 16 };
const INT: Record<string, number> = { I8: 1, I16: 2, I32: 4, I64: 8, I128: 16 };

export function uintLE(v: bigint, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  if (v <= 0xffffffffn) {
    let x = Number(v);
    for (let i = 0; i < bytes && x > 0; i++) {
      out[i] = x & 0xff;
      x = Math.floor(x / 256);
    }
    return out;
  }
  let x = v;
  for (let i = 0; i < bytes; i++) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

function intValue(v: unknown): bigint | undefined {
  if (typeof v === "bigint") return v;
  if (typeof v === "number" && Number.isSafeInteger(v)) return BigInt(v);
  return undefined;
}

function uintEncoder(width: number): FastEncoder {
  const limit = 1n << BigInt(width * 8);
  return (v) => {
    if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0 && (width >= 8 || v < 2 ** (width * 8)))
      return uintLE(BigInt(v), width);
    if (typeof v === "bigint" && v >= 0n && v < limit) return uintLE(v, width);
    return undefined;
  };
}

function intEncoder(width: number): FastEncoder {
  const bits = BigInt(width * 8);
  const half = 1n << (bits - 1n);
  return (v) => {
    const x = intValue(v);
    if (x === undefined || x < -half || x >= half) return undefined;
    return uintLE(BigInt.asUintN(width * 8, x), width);
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A fast encoder for lookup type `typeId`, or undefined when the type has a shape we leave to createType. */
export function buildFastEncoder(
  lookup: PortableRegistry,
  typeId: number,
  depth = 0,
): FastEncoder | undefined {
  if (depth > 6) return undefined;
  const { def, path } = lookup.getSiType(typeId);
  if (def.isPrimitive) {
    const p = def.asPrimitive.type;
    const u = UINT[p];
    if (u !== undefined) return uintEncoder(u);
    const i = INT[p];
    if (i !== undefined) return intEncoder(i);
    if (p === "Bool") return (v) => (typeof v === "boolean" ? new Uint8Array([v ? 1 : 0]) : undefined);
    return undefined;
  }
  if (def.isArray) {
    const { len, type } = def.asArray;
    const n = len.toNumber();
    const inner = lookup.getSiType(type).def;
    if (inner.isPrimitive && inner.asPrimitive.type === "U8")
      return (v) => (v instanceof Uint8Array && v.length === n ? v : undefined);
    return undefined;
  }
  if (def.isCompact) {
    const inner = lookup.getSiType(def.asCompact.type).def;
    if (!inner.isPrimitive || UINT[inner.asPrimitive.type] === undefined) return undefined;
    const limit = 1n << BigInt((UINT[inner.asPrimitive.type] as number) * 8);
    return (v) => {
      const x = intValue(v);
      return x === undefined || x < 0n || x >= limit ? undefined : compactToU8a(x);
    };
  }
  if (def.isTuple) {
    const encs = def.asTuple.map((t) => buildFastEncoder(lookup, t.toNumber(), depth + 1));
    if (encs.length === 0 || encs.some((e) => !e)) return undefined;
    return (v) => {
      if (!Array.isArray(v) || v.length !== encs.length) return undefined;
      const parts: Uint8Array[] = [];
      for (let i = 0; i < encs.length; i++) {
        const b = (encs[i] as FastEncoder)(v[i]);
        if (!b) return undefined;
        parts.push(b);
      }
      return concat(parts);
    };
  }
  if (def.isComposite) {
    // Sorted collections: createType orders their entries.
    const last = path[path.length - 1]?.toString();
    if (last === "BTreeSet" || last === "BTreeMap") return undefined;
    const fields = def.asComposite.fields;
    if (fields.length === 0) return undefined;
    const encs = fields.map((f) => buildFastEncoder(lookup, f.type.toNumber(), depth + 1));
    if (encs.some((e) => !e)) return undefined;
    const first = fields[0];
    // Newtype wrappers (AccountId32([u8; 32]) and the like) encode as their one field.
    if (fields.length === 1 && first && first.name.isNone) return encs[0];
    const names = fields.map((f) => (f.name.isSome ? f.name.unwrap().toString() : ""));
    // Only names that createType keys the same way (no snake_case conversion involved).
    if (names.some((n) => !/^[a-z][a-zA-Z0-9]*$/.test(n))) return undefined;
    return (v) => {
      if (!isPlainObject(v)) return undefined;
      const keys = Object.keys(v);
      if (keys.length !== names.length) return undefined;
      const parts: Uint8Array[] = [];
      for (let i = 0; i < names.length; i++) {
        const name = names[i] as string;
        if (!(name in v)) return undefined;
        const b = (encs[i] as FastEncoder)(v[name]);
        if (!b) return undefined;
        parts.push(b);
      }
      return concat(parts);
    };
  }
  if (def.isSequence) {
    const el = lookup.getSiType(def.asSequence.type).def;
    if (el.isPrimitive && el.asPrimitive.type === "U8") return undefined; // Bytes: many input forms
    const inner = buildFastEncoder(lookup, def.asSequence.type.toNumber(), depth + 1);
    if (!inner) return undefined;
    return (v) => {
      if (!Array.isArray(v)) return undefined;
      const parts: Uint8Array[] = [compactToU8a(v.length)];
      for (const x of v) {
        const b = inner(x);
        if (!b) return undefined;
        parts.push(b);
      }
      return concat(parts);
    };
  }
  if (def.isVariant && path.length === 1 && path[0]?.toString() === "Option") {
    const variants = def.asVariant.variants;
    const some = variants.find((x) => x.name.toString() === "Some");
    const field = some?.fields[0];
    if (some?.fields.length !== 1 || !field) return undefined;
    const inner = buildFastEncoder(lookup, field.type.toNumber(), depth + 1);
    if (!inner) return undefined;
    return (v) => {
      if (v === null || v === undefined) return new Uint8Array([0]);
      if (v instanceof Uint8Array) return undefined; // createType reads bytes as an encoded Option
      const b = inner(v);
      if (!b) return undefined;
      const out = new Uint8Array(b.length + 1);
      out[0] = 1;
      out.set(b, 1);
      return out;
    };
  }
  return undefined;
}

/** SCALE compact length prefix at `off`: [value, bytes used], or undefined for the big-integer mode. */
export function readCompactLen(b: Uint8Array, off: number): [number, number] | undefined {
  const m = (b[off] ?? 0) & 3;
  if (m === 0) return [(b[off] ?? 0) >>> 2, 1];
  if (m === 1) return [((b[off] ?? 0) | ((b[off + 1] ?? 0) << 8)) >>> 2, 2];
  if (m === 2)
    return [
      ((b[off] ?? 0) | ((b[off + 1] ?? 0) << 8) | ((b[off + 2] ?? 0) << 16) | ((b[off + 3] ?? 0) << 24)) >>>
        2,
      4,
    ];
  return undefined;
}

/** Little-endian unsigned integer of `width` bytes at `off`. */
export function readUintLE(b: Uint8Array, off: number, width: number): bigint {
  if (width <= 4) {
    let x = 0;
    for (let i = width - 1; i >= 0; i--) x = x * 256 + (b[off + i] ?? 0);
    return BigInt(x);
  }
  let x = 0n;
  for (let i = width - 1; i >= 0; i--) x = (x << 8n) | BigInt(b[off + i] ?? 0);
  return x;
}
