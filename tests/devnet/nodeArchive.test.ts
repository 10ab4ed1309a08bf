// The archive state must answer every read at every block exactly like a full copy of the state per block
// would, across chunk sealing, finality folding, forks and deletions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArchiveState, type Diff, type StateNode } from "../../devnet/node/state/archive";

const KEYS = ["0x00", "0x0001", "0x0002", "0x01", "0x0100", "0xff"];

const diffArb = fc.array(
  fc.tuple(
    fc.constantFrom(...KEYS),
    fc.option(fc.uint8Array({ minLength: 0, maxLength: 40 }), { nil: null }),
  ),
  { maxLength: 5 },
);

describe("ArchiveState", () => {
  it("matches a full copy per block, at every block, across sealing and folding", () => {
    fc.assert(
      fc.property(
        fc.array(diffArb, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 0, max: 4 }),
        (diffs, lag) => {
          const archive = new ArchiveState();
          const copies: Array<Map<string, Uint8Array>> = [];
          const nodes: StateNode[] = [];
          let current = new Map<string, Uint8Array>();
          diffs.forEach((changes, n) => {
            const diff: Diff = new Map(changes);
            current = new Map(current);
            for (const [k, v] of diff) {
              if (v === null) current.delete(k);
              else current.set(k, v);
            }
            copies.push(current);
            nodes.push(archive.addBlock(n === 0 ? null : (nodes[n - 1] as StateNode), n, diff));
            if (n - lag >= 0) archive.finalize(nodes[n - lag] as StateNode);
          });
          for (let n = 0; n < diffs.length; n++) {
            const node = nodes[n] as StateNode;
            const copy = copies[n] as Map<string, Uint8Array>;
            for (const k of KEYS) expect(archive.get(node, k)).toEqual(copy.get(k));
            const live = [...copy.keys()].sort();
            expect(archive.keys(node, "0x", undefined, 100)).toEqual(live);
            expect(archive.keys(node, "0x00", undefined, 100)).toEqual(
              live.filter((k) => k.startsWith("0x00")),
            );
            expect(archive.keys(node, "0x", live[0], 2)).toEqual(live.slice(1, 3));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps forks of unfinalized blocks readable after the canonical chain moves on", () => {
    const archive = new ArchiveState();
    const v = (x: number) => new Uint8Array([x]);
    const g = archive.addBlock(null, 0, new Map([["0x01", v(0)]]));
    archive.finalize(g);
    const a1 = archive.addBlock(g, 1, new Map([["0x01", v(1)]]));
    const b1 = archive.addBlock(g, 1, new Map([["0x01", v(11)]]));
    const b2 = archive.addBlock(b1, 2, new Map([["0x02", v(12)]]));
    archive.finalize(b2);
    for (let n = 3; n < 100; n++) archive.finalize(archive.addBlock(b2, n, new Map([["0x01", v(n)]])));
    expect(archive.get(a1, "0x01")).toEqual(v(1));
    expect(archive.get(a1, "0x02")).toBeUndefined();
    expect(archive.get(b2, "0x01")).toEqual(v(11));
    expect(archive.get(b2, "0x02")).toEqual(v(12));
  });
});
