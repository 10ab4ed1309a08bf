// Archive storage: the state of every block stays readable.
//
// Why this shape: a full copy per block would not fit (100,000 blocks), and most keys change rarely. Finalized
// canonical blocks are folded into one history per key (block numbers + values, binary-searched on read);
// blocks that are not final yet (the tip, and forks of it) keep their own diff and point at their parent.
// A read at a non-final block walks at most a few diffs (the finality lag) and then reads the history at
// the last final ancestor. Blocks of abandoned forks stay readable the same way.
import type { StorageReader } from "../types";
import { KeyHistory } from "./keyHistory";

/** Changes of one block: value bytes, or null for a deletion. */
export type Diff = Map<string, Uint8Array | null>;

export interface StateNode {
  /** Block number of this state. */
  number: number;
  /** Changes against the parent; dropped (set to null) once folded into the history. */
  diff: Diff | null;
  parent: StateNode | null;
  /** True once the diff lives in the history (finalized and canonical). */
  folded: boolean;
}

export class ArchiveState {
  private readonly history = new Map<string, KeyHistory>();
  private readonly allKeys = new Set<string>();
  private sortedKeys: string[] = [];
  /** Keys added since `sortedKeys` was last built (merged in on the next key listing). */
  private newKeys: string[] = [];
  /** Highest block number folded into the history. */
  private foldedUpTo = -1;

  /** Creates the state node of a new block on top of `parent` (null for genesis). */
  addBlock(parent: StateNode | null, number: number, diff: Diff): StateNode {
    for (const key of diff.keys()) {
      if (!this.allKeys.has(key)) {
        this.allKeys.add(key);
        this.newKeys.push(key);
      }
    }
    return { number, diff, parent, folded: false };
  }

  /** Folds a finalized canonical block (and any unfolded ancestors) into the history. */
  finalize(node: StateNode): void {
    const chain: StateNode[] = [];
    for (let n: StateNode | null = node; n && !n.folded; n = n.parent) chain.push(n);
    for (let i = chain.length - 1; i >= 0; i--) {
      const n = chain[i] as StateNode;
      if (n.number <= this.foldedUpTo) throw new Error(`block #${n.number} folded out of order`);
      for (const [key, value] of n.diff ?? []) {
        let h = this.history.get(key);
        if (!h) {
          h = new KeyHistory();
          this.history.set(key, h);
        }
        h.push(n.number, value);
      }
      n.diff = null;
      n.folded = true;
      this.foldedUpTo = n.number;
    }
  }

  private readHistory(key: string, atNumber: number): Uint8Array | undefined {
    return this.history.get(key)?.at(atNumber) ?? undefined;
  }

  get(node: StateNode, key: string): Uint8Array | undefined {
    let n: StateNode | null = node;
    while (n && !n.folded) {
      const d = n.diff as Diff;
      if (d.has(key)) return d.get(key) ?? undefined;
      n = n.parent;
    }
    return n ? this.readHistory(key, n.number) : undefined;
  }

  /** Whether `key` has a value at `node`, without inflating it. */
  has(node: StateNode, key: string): boolean {
    let n: StateNode | null = node;
    while (n && !n.folded) {
      const d = n.diff as Diff;
      if (d.has(key)) return d.get(key) != null;
      n = n.parent;
    }
    return n ? this.readHistory(key, n.number) !== undefined : false;
  }

  private sorted(): string[] {
    if (this.newKeys.length > 0) {
      // Merge the few new keys into the sorted list instead of re-sorting every key.
      const add = this.newKeys.sort();
      const old = this.sortedKeys;
      const out: string[] = new Array(old.length + add.length);
      let i = 0;
      let j = 0;
      let k = 0;
      while (i < old.length && j < add.length)
        out[k++] = (old[i] as string) < (add[j] as string) ? (old[i++] as string) : (add[j++] as string);
      while (i < old.length) out[k++] = old[i++] as string;
      while (j < add.length) out[k++] = add[j++] as string;
      this.sortedKeys = out;
      this.newKeys = [];
    }
    return this.sortedKeys;
  }

  keys(node: StateNode, prefix: string, startAfter: string | undefined, limit: number): string[] {
    const sorted = this.sorted();
    const from = startAfter && startAfter > prefix ? startAfter : prefix;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as string) < from) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && out.length < limit; i++) {
      const key = sorted[i] as string;
      if (!key.startsWith(prefix)) break;
      if (key === startAfter) continue;
      if (this.has(node, key)) out.push(key);
    }
    return out;
  }

  reader(node: StateNode): StorageReader {
    return {
      get: (key) => this.get(node, key),
      keys: (prefix, startAfter, limit) => this.keys(node, prefix, startAfter, limit),
    };
  }

  stats(): { keys: number; entries: number } {
    let entries = 0;
    for (const h of this.history.values()) entries += h.entries;
    return { keys: this.allKeys.size, entries };
  }
}
