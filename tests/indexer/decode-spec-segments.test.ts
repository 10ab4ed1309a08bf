import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bisectSpecSegments, rpcSpecProbe, SpecSegments } from "../../indexer/decode";
import { type RpcBatchResult, type RpcCall, type RpcClient, RpcError } from "../../indexer/rpc";

/** A chain known only by its spec upgrades: `upgrades[i]` is the first block whose post-state runs spec i+1. */
function syntheticChain(length: number, upgrades: number[]) {
  const sorted = [...new Set(upgrades)].sort((a, b) => a - b);
  const stateSpec = (n: number) => 100 + sorted.filter((u) => u <= n).length;
  const stats = { batches: 0, versionCalls: 0 };
  const answer = (c: RpcCall): RpcBatchResult => {
    const p = c.params as [number | string];
    if (c.method === "chain_getBlockHash") {
      const n = p[0] as number;
      return n < length
        ? { ok: true, result: `0x${n.toString(16).padStart(64, "0")}` }
        : { ok: true, result: null };
    }
    if (c.method === "state_getRuntimeVersion") {
      stats.versionCalls++;
      return { ok: true, result: { specVersion: stateSpec(Number.parseInt(p[0] as string, 16)) } };
    }
    return { ok: false, error: new RpcError(c.method, -32601, "not in synthetic chain") };
  };
  const client: RpcClient = {
    transport: "http",
    call: async (method, params = []) => {
      const r = answer({ method, params });
      if (!r.ok) throw r.error;
      return r.result as never;
    },
    batch: async (calls) => {
      stats.batches++;
      return calls.map(answer) as never;
    },
    subscribe: () => Promise.reject(new Error("no")),
    close: async () => {},
  };
  return { client, stateSpec, stats, upgrades: sorted };
}

describe("SpecSegments", () => {
  it("finds every upgrade exactly, with O(changes · log range) version calls", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 9_000_000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        async (length, fractions) => {
          const upgrades = fractions.map((f) => Math.max(1, Math.min(length - 1, Math.floor(f * length))));
          const chain = syntheticChain(length, upgrades);
          const segs = await bisectSpecSegments(rpcSpecProbe(chain.client), 0, length - 1);
          expect(segs.segments.slice(1).map((s) => s.from)).toEqual(chain.upgrades);
          expect(segs.from).toBe(0);
          expect(segs.to).toBe(length - 1);
          for (const n of [0, length - 1, ...chain.upgrades.flatMap((u) => [u - 1, u, u + 1])]) {
            if (n < 0 || n >= length) continue;
            expect(segs.stateSpecAt(n)).toBe(chain.stateSpec(n));
            // Blocks are decoded with the parent's runtime.
            expect(segs.specAt(n)).toBe(chain.stateSpec(Math.max(0, n - 1)));
          }
          const log = Math.ceil(Math.log2(length)) + 1;
          expect(chain.stats.versionCalls).toBeLessThanOrEqual(2 + chain.upgrades.length * log);
          // Each bisection round is one batch of hashes plus one batch of versions.
          expect(chain.stats.batches).toBeLessThanOrEqual(2 * (log + 1));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("extends a cached map by probing only the new part and round-trips through JSON", async () => {
    const chain = syntheticChain(1_000_000, [10_000, 500_000, 900_000]);
    const probe = rpcSpecProbe(chain.client);
    const first = await bisectSpecSegments(probe, 0, 600_000);
    expect(first.segments.map((s) => s.specVersion)).toEqual([100, 101, 102]);
    const cached = SpecSegments.fromJSON(JSON.parse(JSON.stringify(first)));
    chain.stats.versionCalls = 0;
    const extended = await bisectSpecSegments(probe, 0, 999_999, cached);
    expect(extended.toJSON()).toEqual([
      { from: 0, to: 9_999, specVersion: 100 },
      { from: 10_000, to: 499_999, specVersion: 101 },
      { from: 500_000, to: 899_999, specVersion: 102 },
      { from: 900_000, to: 999_999, specVersion: 103 },
    ]);
    expect(chain.stats.versionCalls).toBeLessThanOrEqual(1 + 20);
    chain.stats.versionCalls = 0;
    expect(await bisectSpecSegments(probe, 5, 999_999, extended)).toBe(extended);
    expect(chain.stats.versionCalls).toBe(0);
    // A request past the cached end extends through the gap instead of dropping the cache.
    const early = await bisectSpecSegments(probe, 0, 1_000);
    const later = await bisectSpecSegments(probe, 600_000, 950_000, early);
    expect(later.from).toBe(0);
    expect(later.segments.map((s) => s.from)).toEqual([0, 10_000, 500_000, 900_000]);
  });

  it("rejects gaps, out-of-range lookups, probes past the head and decreasing versions", async () => {
    expect(
      () =>
        new SpecSegments([
          { from: 0, to: 5, specVersion: 1 },
          { from: 7, to: 9, specVersion: 2 },
        ]),
    ).toThrow(/contiguous/);
    const segs = new SpecSegments([{ from: 10, to: 20, specVersion: 1 }]);
    expect(() => segs.stateSpecAt(21)).toThrow(RangeError);
    const chain = syntheticChain(100, []);
    await expect(bisectSpecSegments(rpcSpecProbe(chain.client), 0, 150)).rejects.toThrow(/not found/);
    const backwards = async (ns: readonly number[]) => ns.map((n) => (n === 0 ? 1 : n === 100 ? 3 : 0));
    await expect(bisectSpecSegments(backwards, 0, 100)).rejects.toThrow(/backwards/);
  });
});
