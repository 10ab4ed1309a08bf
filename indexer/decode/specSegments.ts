import type { RpcClient } from "../rpc/types";
import { unwrapBatch } from "../rpc/types";

/** Blocks `from..to` (inclusive) whose post-state runs `specVersion`. */
export interface SpecSegment {
  from: number;
  to: number;
  specVersion: number;
}

/**
 * Spec-version map of a block range, found once by bisection and cached (JSON-serialisable), so the
 * fetch path never asks for a runtime version per block.
 *
 * Two views: `stateSpecAt(n)` is what `state_getRuntimeVersion(hash(n))` returns, the runtime *after*
 * block n; `specAt(n)` is the runtime that *encoded* block n, i.e. its parent's (an upgrade enacted in
 * block n still has its events written by the old runtime).
 */
export class SpecSegments {
  readonly segments: readonly SpecSegment[];

  constructor(segments: readonly SpecSegment[]) {
    for (let i = 1; i < segments.length; i++) {
      const a = segments[i - 1]!;
      const b = segments[i]!;
      if (b.from !== a.to + 1) throw new Error(`spec segments not contiguous at ${a.to}/${b.from}`);
    }
    this.segments = segments;
  }

  get from(): number {
    return this.segments[0]?.from ?? Number.NaN;
  }
  get to(): number {
    return this.segments.at(-1)?.to ?? Number.NaN;
  }

  stateSpecAt(n: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.segments[mid]!;
      if (n < s.from) hi = mid - 1;
      else if (n > s.to) lo = mid + 1;
      else return s.specVersion;
    }
    throw new RangeError(`block ${n} is outside the known spec range ${this.from}..${this.to}`);
  }

  /** Spec to decode block `n` with: the parent's runtime (genesis decodes with its own). */
  specAt(n: number): number {
    return this.stateSpecAt(n === 0 ? 0 : n - 1);
  }

  toJSON(): SpecSegment[] {
    return this.segments.map((s) => ({ ...s }));
  }

  static fromJSON(value: readonly SpecSegment[]): SpecSegments {
    return new SpecSegments(value.map((s) => ({ from: s.from, to: s.to, specVersion: s.specVersion })));
  }
}

/** Post-state spec versions of the given blocks, in order. */
export type SpecProbe = (numbers: readonly number[]) => Promise<number[]>;

/** Probe over RPC: one batch of `chain_getBlockHash`, one of `state_getRuntimeVersion`. */
export function rpcSpecProbe(client: RpcClient): SpecProbe {
  return async (numbers) => {
    if (numbers.length === 0) return [];
    const hashes = unwrapBatch(
      await client.batch<string | null>(numbers.map((n) => ({ method: "chain_getBlockHash", params: [n] }))),
    );
    hashes.forEach((h, i) => {
      if (typeof h !== "string") throw new Error(`block ${numbers[i]} not found (beyond the head?)`);
    });
    const versions = unwrapBatch(
      await client.batch<{ specVersion: number }>(
        hashes.map((h) => ({ method: "state_getRuntimeVersion", params: [h] })),
      ),
    );
    return versions.map((v, i) => {
      if (typeof v?.specVersion !== "number") throw new Error(`no specVersion for block ${numbers[i]}`);
      return v.specVersion;
    });
  };
}

/**
 * Finds every spec change in `from..to` with O(changes × log(range)) probes. Relies on spec versions
 * never decreasing along a chain (Substrate refuses a code upgrade that does not raise spec_version),
 * so equal versions at both ends of an interval mean no change inside it. All open intervals are
 * probed together per round, so one round is one pair of batched requests. With `known`, only the
 * part past `known.to` is probed and the result extends it.
 */
export async function bisectSpecSegments(
  probe: SpecProbe,
  from: number,
  to: number,
  known?: SpecSegments,
): Promise<SpecSegments> {
  if (to < from) throw new RangeError(`empty range ${from}..${to}`);
  if (known && known.from <= from && known.to >= to) return known;
  // A cached map that starts at or before `from` is extended (through any gap) rather than thrown away.
  const extend = known !== undefined && known.from <= from;
  const start = extend ? known.to : from;
  const at = new Map<number, number>();
  if (extend) at.set(start, known.stateSpecAt(start));
  const missing = [start, to].filter((n) => !at.has(n));
  (await probe(missing)).forEach((v, i) => {
    at.set(missing[i]!, v);
  });

  let open: [number, number][] = at.get(start) === at.get(to) ? [] : [[start, to]];
  while (open.length > 0) {
    const mids = open.filter(([lo, hi]) => hi - lo > 1).map(([lo, hi]) => lo + Math.floor((hi - lo) / 2));
    (await probe(mids)).forEach((v, i) => {
      at.set(mids[i]!, v);
    });
    const next: [number, number][] = [];
    for (const [lo, hi] of open) {
      if (hi - lo <= 1) continue;
      const mid = lo + Math.floor((hi - lo) / 2);
      const [a, m, b] = [at.get(lo)!, at.get(mid)!, at.get(hi)!];
      if (m < a || m > b) throw new Error(`spec version went backwards between blocks ${lo} and ${hi}`);
      if (a !== m) next.push([lo, mid]);
      if (m !== b) next.push([mid, hi]);
    }
    open = next;
  }

  const points = [...at.entries()].sort((x, y) => x[0] - y[0]);
  const segments: SpecSegment[] = extend ? known.toJSON() : [];
  if (segments.length === 0) segments.push({ from: start, to: start, specVersion: points[0]![1] });
  for (const [n, v] of points) {
    const last = segments.at(-1)!;
    if (n <= last.to) continue;
    if (v === last.specVersion) last.to = n;
    else {
      // Adjacent probes differ only where bisection closed an interval down to one block.
      segments.push({ from: n, to: n, specVersion: v });
      if (last.to !== n - 1) throw new Error(`unresolved spec change between ${last.to} and ${n}`);
    }
  }
  return new SpecSegments(segments);
}
