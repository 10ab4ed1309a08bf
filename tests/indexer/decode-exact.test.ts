import { TypeRegistry } from "@polkadot/types";
import type { Codec } from "@polkadot/types/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toJSONExact } from "../../indexer/decode";

const registry = new TypeRegistry();
registry.register({
  Sample: { amount: "u128", count: "u32", who: "AccountId", flag: "bool", note: "Option<Text>" },
  Choice: { _enum: { Empty: null, Amount: "u64", Pair: "(u16, i128)" } },
});
const make = (type: string, value?: unknown): Codec =>
  registry.createTypeUnsafe(type, value === undefined ? [] : [value]);

describe("toJSONExact", () => {
  it("keeps every u64/u128/i128 exact as a decimal string", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }),
        fc.bigInt({ min: -(2n ** 127n), max: 2n ** 127n - 1n }),
        (u, i) => {
          expect(toJSONExact(make("u128", u))).toBe(u.toString());
          expect(toJSONExact(make("Compact<u128>", u))).toBe(u.toString());
          expect(toJSONExact(make("i128", i))).toBe(i.toString());
          const u64 = u % 2n ** 64n;
          expect(toJSONExact(make("u64", u64))).toBe(u64.toString());
        },
      ),
      { numRuns: 300 },
    );
  });

  it("types the JSON by the SCALE type, not the value: small u64 is still a string, u32 a number", () => {
    expect(toJSONExact(make("u64", 1))).toBe("1");
    expect(toJSONExact(make("u32", 4_294_967_295))).toBe(4_294_967_295);
    expect(toJSONExact(make("u16", 7))).toBe(7);
    expect(toJSONExact(make("i32", -5))).toBe(-5);
  });

  it("maps structs, enums, options, results, maps, bytes and accounts", () => {
    const alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    expect(
      toJSONExact(make("Sample", { amount: 2n ** 100n, count: 3, who: alice, flag: true, note: null })),
    ).toEqual({
      amount: (2n ** 100n).toString(),
      count: 3,
      who: alice,
      flag: true,
      note: null,
    });
    expect(toJSONExact(make("Choice", "Empty"))).toBe("Empty");
    expect(toJSONExact(make("Choice", { Amount: 2n ** 63n }))).toEqual({ Amount: (2n ** 63n).toString() });
    expect(toJSONExact(make("Choice", { Pair: [9, -(2n ** 90n)] }))).toEqual({
      Pair: [9, (-(2n ** 90n)).toString()],
    });
    expect(toJSONExact(make("Option<u64>", 5))).toBe("5");
    expect(toJSONExact(make("Option<u64>"))).toBeNull();
    expect(toJSONExact(make("Result<u64, Text>", { Ok: 1 }))).toEqual({ Ok: "1" });
    expect(toJSONExact(make("Result<u64, Text>", { Err: "no" }))).toEqual({ Err: "no" });
    expect(toJSONExact(make("BTreeMap<u16, u128>", new Map([[2, 10n ** 30n]])))).toEqual([
      [2, (10n ** 30n).toString()],
    ]);
    expect(toJSONExact(make("Vec<u8>", "0x0102ff"))).toBe("0x0102ff");
    expect(toJSONExact(make("[u8; 4]", "0xdeadbeef"))).toBe("0xdeadbeef");
    expect(toJSONExact(make("Vec<u64>", [1, 2n ** 60n]))).toEqual(["1", (2n ** 60n).toString()]);
    expect(toJSONExact(make("(u32, u64)", [1, 2]))).toEqual([1, "2"]);
    expect(toJSONExact(make("Text", "hello"))).toBe("hello");
    expect(toJSONExact(make("AccountId", alice))).toBe(alice);
  });

  it("survives JSON.stringify (no bigint leaks)", () => {
    const v = toJSONExact(
      make("Sample", {
        amount: 2n ** 127n,
        count: 1,
        who: "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
      }),
    );
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });
});
