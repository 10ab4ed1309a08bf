import {
  BitVec,
  Bool,
  BTreeSet,
  Bytes,
  CodecMap,
  CodecSet,
  Compact,
  Enum,
  GenericAccountId,
  GenericCall,
  GenericEthereumAccountId,
  Int,
  Null,
  Option,
  Raw,
  Result,
  Struct,
  Text,
  Tuple,
  UInt,
  Vec,
  VecFixed,
} from "@polkadot/types";
import type { Codec } from "@polkadot/types/types";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Integers of at most 32 bits become JSON numbers; wider ones (u64, u128, i128, …) always become decimal
 * strings, chosen by the *type* so a field never flips between number and string with its value.
 */
const MAX_NUMBER_BITS = 32;

/**
 * The one conversion from a decoded SCALE value to JSON, exact by construction: no float ever holds an
 * amount. Shapes: structs → objects (codec field names), tuples/vecs → arrays, enums → `"Variant"` when
 * the variant carries nothing else `{ Variant: value }`, Option → value or null, Result → `{ Ok }`/`{ Err }`,
 * maps → `[key, value]` pairs, byte strings → 0x hex, accounts → SS58 (registry format), calls →
 * `{ section, method, args }`.
 */
export function toJSONExact(value: Codec): JsonValue {
  if (value instanceof GenericAccountId || value instanceof GenericEthereumAccountId) return value.toString();
  if (value instanceof Compact) return toJSONExact(value.unwrap());
  if (value instanceof UInt || value instanceof Int) {
    return value.encodedLength * 8 > MAX_NUMBER_BITS ? value.toString() : value.toNumber();
  }
  if (value instanceof Bool) return value.isTrue;
  if (value instanceof Null) return null;
  if (value instanceof Text) return value.toString();
  if (value instanceof GenericCall) return callToJSON(value);
  if (value instanceof Option) return value.isSome ? toJSONExact(value.unwrap()) : null;
  if (value instanceof Result)
    return value.isOk ? { Ok: toJSONExact(value.asOk) } : { Err: toJSONExact(value.asErr) };
  if (value instanceof Enum) {
    const inner = value.inner;
    return inner instanceof Null ? value.type : { [value.type]: toJSONExact(inner) };
  }
  if (value instanceof Struct) {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, field] of value.entries()) out[String(key)] = toJSONExact(field);
    return out;
  }
  if (value instanceof CodecMap)
    return [...value.entries()].map(([k, v]) => [toJSONExact(k), toJSONExact(v)]);
  if (value instanceof BTreeSet) return [...value.values()].map((v) => toJSONExact(v));
  if (value instanceof CodecSet) return value.strings;
  if (value instanceof BitVec || value instanceof Bytes || value instanceof Raw) return value.toHex();
  if (value instanceof Tuple || value instanceof Vec || value instanceof VecFixed) {
    return (value as unknown as Codec[]).map((item) => toJSONExact(item));
  }
  // Anything else (floats, exotic wrappers): its own JSON, which polkadot keeps lossless for these.
  return value.toJSON() as JsonValue;
}

/** Call args keyed by their metadata field names (as written in the runtime), or positional when unnamed. */
export function callToJSON(call: GenericCall): { section: string; method: string; args: JsonValue } {
  const names = call.meta.fields.map((f) => (f.name.isSome ? f.name.unwrap().toString() : null));
  return { section: call.section, method: call.method, args: argsToJSON(call.args, names) };
}

export function argsToJSON(values: readonly Codec[], names: readonly (string | null)[]): JsonValue {
  const converted = values.map((v) => toJSONExact(v));
  if (names.length === values.length && names.every((n): n is string => !!n)) {
    const out: { [key: string]: JsonValue } = {};
    names.forEach((n, i) => {
      out[n] = converted[i] ?? null;
    });
    return out;
  }
  return converted;
}
