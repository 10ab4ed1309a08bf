// Write buffer for executing one block on top of a parent state, with nested transactions so a failed
// dispatch can be rolled back while the fee payment before it stays.
import type { StorageReader, StorageWriter } from "../types";
import type { Diff } from "./archive";

export class Overlay implements StorageWriter {
  private readonly layers: Diff[] = [new Map()];

  constructor(private readonly base: StorageReader) {}

  get(key: string): Uint8Array | undefined {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i] as Diff;
      if (layer.has(key)) return layer.get(key) ?? undefined;
    }
    return this.base.get(key);
  }

  set(key: string, value: Uint8Array): void {
    (this.layers[this.layers.length - 1] as Diff).set(key, value);
  }

  delete(key: string): void {
    (this.layers[this.layers.length - 1] as Diff).set(key, null);
  }

  keys(prefix: string, startAfter: string | undefined, limit: number): string[] {
    // Merge the base keys with keys written here; deletions hide base keys.
    const written = new Map<string, boolean>();
    for (const layer of this.layers) {
      for (const [k, v] of layer) if (k.startsWith(prefix)) written.set(k, v !== null);
    }
    const out = new Set<string>();
    let cursor = startAfter;
    // Read the base in pages until enough live keys are collected.
    for (;;) {
      const page = this.base.keys(prefix, cursor, limit + written.size);
      for (const k of page) if (written.get(k) !== false) out.add(k);
      if (page.length < limit + written.size) break;
      if (out.size >= limit) break;
      cursor = page[page.length - 1];
    }
    for (const [k, live] of written) if (live && (!startAfter || k > startAfter)) out.add(k);
    return [...out].sort().slice(0, limit);
  }

  begin(): void {
    this.layers.push(new Map());
  }

  commit(): void {
    const top = this.layers.pop() as Diff;
    const below = this.layers[this.layers.length - 1] as Diff;
    for (const [k, v] of top) below.set(k, v);
  }

  rollback(): void {
    this.layers.pop();
  }

  /** The block's net changes (only valid with no open transaction). */
  diff(): Diff {
    if (this.layers.length !== 1) throw new Error("open storage transaction at end of block");
    return this.layers[0] as Diff;
  }
}
