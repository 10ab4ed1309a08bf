// The pieces of the API layer that need no database: token bucket, CSV cells, keyset paging, addresses.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseAddress } from "../../lib/api/v1/address";
import { csvColumns, csvHeader, csvRow } from "../../lib/api/v1/http/csv";
import { TokenBucketLimiter } from "../../lib/api/v1/http/rate-limit";
import { keysetPage, keysetScan } from "../../lib/queries/keyset";

describe("token bucket", () => {
  it("allows the burst, then refills at the sustained rate, per client", () => {
    const l = new TokenBucketLimiter({ perMinute: 60, burst: 2 });
    expect(l.take("a", 0).ok).toBe(true);
    expect(l.take("a", 0).ok).toBe(true);
    const denied = l.take("a", 0);
    expect(denied).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(l.take("b", 0).ok).toBe(true);
    expect(l.take("a", 999).ok).toBe(false);
    expect(l.take("a", 1_000).ok).toBe(true);
  });
});

describe("CSV", () => {
  const Item = z.object({
    id: z.string(),
    who: z.object({ ss58: z.string(), hex: z.string() }).nullable(),
    args: z.unknown(),
  });
  it("flattens nested objects into dotted columns and quotes what needs quoting", () => {
    const cols = csvColumns(Item);
    expect(csvHeader(cols)).toBe("id,who.ss58,who.hex,args\r\n");
    expect(csvRow(cols, { id: "1-2", who: null, args: { a: "x,y" } })).toBe('1-2,,,"{""a"":""x,y""}"\r\n');
    expect(csvRow(cols, { id: "=HYPERLINK(1)", who: { ss58: "5a", hex: "0x" }, args: "line\nbreak" })).toBe(
      `"'=HYPERLINK(1)",5a,0x,"line\nbreak"\r\n`,
    );
  });
});

describe("keyset paging", () => {
  const rows = (from: number, n: number, step: number) =>
    Array.from({ length: n }, (_, i) => from + i * step);
  it("pages forward with one extra row telling whether there is more", () => {
    const req = { limit: 3, dir: "desc" as const };
    expect(keysetScan(req)).toEqual({ scan: "desc", from: undefined, take: 4 });
    expect(keysetPage(req, rows(10, 4, -1))).toEqual({ rows: [10, 9, 8], next: 8, prev: null });
    expect(keysetPage({ ...req, after: 8 }, rows(7, 2, -1))).toEqual({ rows: [7, 6], next: null, prev: 7 });
  });
  it("pages backward by scanning the other way and reversing", () => {
    const req = { limit: 3, dir: "desc" as const, before: 5 };
    expect(keysetScan(req)).toEqual({ scan: "asc", from: 5, take: 4 });
    expect(keysetPage(req, rows(6, 4, 1))).toEqual({ rows: [8, 7, 6], next: 6, prev: 8 });
    expect(keysetPage(req, rows(6, 2, 1))).toEqual({ rows: [7, 6], next: 6, prev: null });
  });
});

describe("addresses", () => {
  const alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  const hex = "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
  it("reads SS58 of any prefix and 0x keys, writes prefix 42", () => {
    expect(parseAddress(alice)).toEqual({ ss58: alice, hex });
    expect(parseAddress(hex)).toEqual({ ss58: alice, hex });
    expect(parseAddress("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5")).toEqual({ ss58: alice, hex });
    for (const bad of ["", "0x1234", `${alice.slice(0, -1)}Z`, "hello", `0x${"zz".repeat(32)}`])
      expect(parseAddress(bad)).toBeNull();
  });
});
