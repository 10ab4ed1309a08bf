// The storage decoder's fast paths (plain integers, bools, sequences of them, account ids — chosen from the type
// lookup) give exactly what the codec path gives, on our metadata and on real Finney metadata, and reject
// trailing bytes the same way.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Codec } from "@polkadot/types/types";
import { compactToU8a, u8aConcat, u8aToHex } from "@polkadot/util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildMetadata } from "../../devnet/metadata";
import {
  createRuntime,
  decodeStorageValue,
  type Hex,
  type Runtime,
  unwrapOpaqueMetadata,
} from "../../indexer/decode";
import { toJSONExact } from "../../indexer/decode/exact";
import { findStorageEntry, hasFastDecoder } from "../../indexer/decode/storage";
import { storageKey } from "../../indexer/state/keys";

const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

/** Items of each fast shape, keyed the way the indexer reads them. */
const ITEMS: [string, string, unknown[]][] = [
  ["subtensorModule", "subnetworkN", [1]],
  ["subtensorModule", "totalHotkeyAlpha", [ALICE, 1]],
  ["subtensorModule", "totalIssuance", []],
  ["subtensorModule", "keys", [1, 0]],
  ["subtensorModule", "incentive", [1]],
  ["subtensorModule", "validatorPermit", [1]],
  ["subtensorModule", "burn", [1]],
];

const FINNEY = path.resolve(import.meta.dirname, "../../../shared/fixtures/finney/metadata");

function runtimes(): [string, Runtime][] {
  const out: [string, Runtime][] = [["devnet 394", createRuntime(buildMetadata({ specVersion: 394 }).v15)]];
  for (const spec of [343, 393]) {
    const file = path.join(FINNEY, `spec${spec}-v15.metadata_at_version.hex`);
    if (existsSync(file))
      out.push([`finney ${spec}`, createRuntime(unwrapOpaqueMetadata(readFileSync(file, "utf8").trim())!)]);
    else console.warn(`[decode-fast] ${file} is absent (shared Finney metadata not mounted): skipped`);
  }
  return out;
}

/** Encoded width of one value of a fixed-size type (its default's encoding). */
const widthOf = (runtime: Runtime, type: string) =>
  runtime.registry.createTypeUnsafe<Codec>(type, []).toU8a().length;

/** The element type of a sequence type id. */
function elementType(runtime: Runtime, typeId: number): number {
  return runtime.registry.lookup.getSiType(typeId).def.asSequence.type.toNumber();
}

describe.each(runtimes())("fast storage decoding on %s metadata", (_name, runtime) => {
  it("equals the codec path for random values of every fast shape", () => {
    for (const [section, method, args] of ITEMS) {
      const key = storageKey(runtime, section, method, ...args);
      const entry = findStorageEntry(runtime, key)!;
      const typeName = runtime.registry.createLookupType(entry.valueType);
      expect(hasFastDecoder(runtime, entry.valueType), `${method} takes a fast path`).toBe(true);
      fc.assert(
        fc.property(
          fc.uint8Array({ minLength: 0, maxLength: 4096 }),
          fc.integer({ min: 0, max: 40 }),
          (seed, n) => {
            // Random bytes shaped as the item's encoding: one value, or a compact length and n items.
            const sample = runtime.registry.createTypeUnsafe<Codec>(typeName, []);
            const isVec = Array.isArray(sample.toJSON());
            const itemType = isVec
              ? runtime.registry.createLookupType(elementType(runtime, entry.valueType))
              : typeName;
            const width = widthOf(runtime, itemType);
            const isBool =
              typeof runtime.registry.createTypeUnsafe<Codec>(itemType, []).toJSON() === "boolean";
            const item = (i: number) =>
              Uint8Array.from({ length: width }, (_, b) => {
                const v = seed[(i * width + b) % Math.max(seed.length, 1)] ?? 0;
                return isBool ? v % 2 : v;
              });
            const bytes = isVec
              ? u8aConcat(compactToU8a(n), ...Array.from({ length: n }, (_, i) => item(i)))
              : item(0);
            const expected = toJSONExact(runtime.registry.createTypeUnsafe<Codec>(typeName, [bytes]));
            expect(decodeStorageValue(runtime, key, u8aToHex(bytes) as Hex).value, `${method}`).toEqual(
              expected,
            );
            expect(() =>
              decodeStorageValue(runtime, key, u8aToHex(u8aConcat(bytes, new Uint8Array([7]))) as Hex),
            ).toThrow(/decoded/);
          },
        ),
        { numRuns: 200 },
      );
    }
  });
});
