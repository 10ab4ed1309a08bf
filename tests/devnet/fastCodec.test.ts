// The hand-written SCALE encoders (devnet/node/runtime/fastCodec.ts) must produce exactly the bytes
// createType produces, for every type of the economy metadata they claim to handle; values they do not
// recognise must be left to createType (undefined).
import { u8aToHex } from "@polkadot/util";
import { cryptoWaitReady } from "@polkadot/util-crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ComposedRuntime } from "../../devnet/node/runtime/compose";
import { buildFastEncoder, readCompactLen, readUintLE } from "../../devnet/node/runtime/fastCodec";
import { economyRuntime } from "./economyHarness";

const WIDTH: Record<string, number> = { U8: 1, U16: 2, U32: 4, U64: 8, U128: 16 };
const SWIDTH: Record<string, number> = { I8: 1, I16: 2, I32: 4, I64: 8, I128: 16 };

/** Deterministic pseudo-random source (xorshift). */
function rng(seed: number) {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe("fast SCALE encoders", () => {
  let runtime: ComposedRuntime;
  beforeAll(async () => {
    await cryptoWaitReady();
    runtime = economyRuntime("current", {}, undefined, 394);
  });

  it("match createType byte for byte on random values of every supported metadata type", () => {
    const registry = runtime.codec.registry;
    const lookup = registry.lookup;
    const rand = rng(42);
    const big = (bytes: number) => {
      let x = 0n;
      for (let i = 0; i < bytes; i++) x = (x << 8n) | BigInt(Math.floor(rand() * 256));
      // Bias towards small and boundary values as well.
      const r = rand();
      if (r < 0.2) return 0n;
      if (r < 0.3) return (1n << BigInt(bytes * 8)) - 1n;
      if (r < 0.5) return x >> BigInt(Math.floor(rand() * bytes * 8));
      return x;
    };
    const value = (id: number, depth: number): unknown => {
      const { def, path } = lookup.getSiType(id);
      if (def.isPrimitive) {
        const p = def.asPrimitive.type;
        if (p === "Bool") return rand() < 0.5;
        const w = WIDTH[p];
        if (w !== undefined) {
          const v = big(w);
          return w <= 4 && rand() < 0.5 ? Number(v) : v;
        }
        const s = SWIDTH[p] as number;
        return BigInt.asIntN(s * 8, big(s));
      }
      if (def.isArray) return Uint8Array.from({ length: def.asArray.len.toNumber() }, () => rand() * 256);
      if (def.isCompact) {
        const inner = lookup.getSiType(def.asCompact.type).def.asPrimitive.type;
        return big(WIDTH[inner] as number);
      }
      if (def.isTuple) return def.asTuple.map((t) => value(t.toNumber(), depth + 1));
      if (def.isSequence)
        return Array.from({ length: Math.floor(rand() * 4) }, () =>
          value(def.asSequence.type.toNumber(), depth + 1),
        );
      if (def.isComposite) {
        const fields = def.asComposite.fields;
        if (fields.length === 1 && fields[0]?.name.isNone) return value(fields[0].type.toNumber(), depth + 1);
        return Object.fromEntries(
          fields.map((f) => [f.name.unwrap().toString(), value(f.type.toNumber(), depth + 1)]),
        );
      }
      if (def.isVariant && path[0]?.toString() === "Option") {
        if (rand() < 0.3) return null;
        const some = def.asVariant.variants.find((v) => v.name.toString() === "Some");
        return value(some?.fields[0]?.type.toNumber() as number, depth + 1);
      }
      throw new Error(`no generator for type ${id}`);
    };
    let checked = 0;
    let skipped = 0;
    for (const t of lookup.types) {
      const id = t.id.toNumber();
      const enc = buildFastEncoder(lookup, id);
      if (!enc) continue;
      const type = registry.createLookupType(id);
      for (let i = 0; i < 20; i++) {
        const v = value(id, 0);
        const fast = enc(v);
        // Option<[u8; N]> given bytes is the one shape left to createType (it reads them as an encoded Option).
        if (fast === undefined) {
          skipped++;
          continue;
        }
        expect(u8aToHex(fast), `type ${lookup.getTypeDef(id).type} value ${String(v)}`).toBe(
          u8aToHex(registry.createType(type, v).toU8a()),
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(skipped).toBeLessThan(checked / 20);
  });

  it("leaves unrecognised values to createType", () => {
    const lookup = runtime.codec.registry.lookup;
    const idOf = (def: string) => {
      for (const t of lookup.types) if (lookup.getTypeDef(t.id).type === def) return t.id.toNumber();
      throw new Error(def);
    };
    const u16 = buildFastEncoder(lookup, idOf("u16"));
    expect(u16?.(70_000)).toBeUndefined();
    expect(u16?.(-1)).toBeUndefined();
    expect(u16?.("5")).toBeUndefined();
    expect(u8aToHex(u16?.(513))).toBe("0x0102");
    const fixed = buildFastEncoder(lookup, idOf('{"bits":"i128"}'));
    expect(fixed?.({ bits: 1n, extra: 2n })).toBeUndefined();
    expect(fixed?.({ bits: 1n << 127n })).toBeUndefined();
    expect(u8aToHex(fixed?.({ bits: -1n }))).toBe(`0x${"ff".repeat(16)}`);
  });

  it("reads compact lengths and little-endian integers", () => {
    expect(readCompactLen(Uint8Array.from([0x10]), 0)).toEqual([4, 1]);
    expect(readCompactLen(Uint8Array.from([0x15, 0x01]), 0)).toEqual([69, 2]);
    expect(readCompactLen(Uint8Array.from([0x02, 0x00, 0x01, 0x00]), 0)).toEqual([16384, 4]);
    expect(readCompactLen(Uint8Array.from([0x03, 1, 2, 3, 4]), 0)).toBeUndefined();
    expect(readUintLE(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]), 0, 8)).toBe(0x0807060504030201n);
    expect(readUintLE(Uint8Array.from([0xff, 0xff, 0xff, 0xff]), 0, 4)).toBe(0xffffffffn);
  });
});
