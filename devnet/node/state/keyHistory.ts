// The finalized history of one storage key: which value it had from which block on.
//
// Why chunks: with a busy economy hundreds of keys change every block, and a JS object per (key, block)
// costs ~200 bytes, far over the memory budget for 100,000 blocks. Entries are appended to a small open tail;
// every CHUNK entries the tail is sealed into one deflated buffer (block numbers, lengths, values), which
// typically shrinks 56-byte account records and similar values to a few bytes each. Reads binary-search the
// chunks and keep recently inflated chunks in a small shared cache (sequential readers hit it).
import { deflateRawSync, inflateRawSync } from "node:zlib";

const CHUNK = 32;
const CACHE_CHUNKS = 512;

interface Sealed {
  first: number;
  data: Uint8Array;
}

interface Decoded {
  nums: number[];
  vals: Array<Uint8Array | null>;
}

const cache = new Map<Sealed, Decoded>();

function seal(nums: number[], vals: Array<Uint8Array | null>): Sealed {
  let size = 4 + nums.length * 8;
  for (const v of vals) size += v ? v.length : 0;
  const buf = Buffer.allocUnsafe(size);
  buf.writeUInt32LE(nums.length, 0);
  let off = 4;
  for (let i = 0; i < nums.length; i++) {
    buf.writeUInt32LE(nums[i] as number, off);
    const v = vals[i];
    buf.writeInt32LE(v ? v.length : -1, off + 4);
    off += 8;
  }
  for (const v of vals) {
    if (v) {
      buf.set(v, off);
      off += v.length;
    }
  }
  // Copy: zlib may hand back a view of a much larger output buffer, which would then stay alive.
  return { first: nums[0] as number, data: new Uint8Array(deflateRawSync(buf, { level: 1 })) };
}

function unseal(s: Sealed): Decoded {
  const hit = cache.get(s);
  if (hit) {
    cache.delete(s);
    cache.set(s, hit);
    return hit;
  }
  const buf = inflateRawSync(s.data);
  const count = buf.readUInt32LE(0);
  const nums: number[] = new Array(count);
  const lens: number[] = new Array(count);
  let off = 4;
  for (let i = 0; i < count; i++) {
    nums[i] = buf.readUInt32LE(off);
    lens[i] = buf.readInt32LE(off + 4);
    off += 8;
  }
  const vals: Array<Uint8Array | null> = new Array(count);
  for (let i = 0; i < count; i++) {
    const len = lens[i] as number;
    if (len < 0) vals[i] = null;
    else {
      vals[i] = new Uint8Array(buf.buffer, buf.byteOffset + off, len);
      off += len;
    }
  }
  const decoded = { nums, vals };
  cache.set(s, decoded);
  if (cache.size > CACHE_CHUNKS) cache.delete(cache.keys().next().value as Sealed);
  return decoded;
}

/** Index of the last entry with nums[i] <= n, or -1. */
function floorIndex(nums: ArrayLike<number>, n: number): number {
  let lo = 0;
  let hi = nums.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((nums[mid] as number) <= n) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class KeyHistory {
  private sealed: Sealed[] | undefined;
  /** Open tail: block numbers, and values packed into one buffer (offset/length; length -1 = deleted). */
  private nums: number[] = [];
  private offs: number[] = [];
  private lens: number[] = [];
  private buf: Uint8Array | undefined;
  private used = 0;
  /** The newest entry (also after its chunk is sealed): head reads skip the search and inflation. */
  private lastNum = -1;
  private lastVal: Uint8Array | null = null;
  private count = 0;

  /**
   * Appends the value the key has from block `n` on (null: deleted). Blocks must increase. A value equal to
   * the current one is not stored (reads answer the same either way).
   */
  push(n: number, value: Uint8Array | null): void {
    if (this.lastNum >= 0 && sameBytes(this.lastVal, value)) return;
    this.nums.push(n);
    if (value) {
      const need = this.used + value.length;
      if (!this.buf || this.buf.length < need) {
        const next = new Uint8Array(Math.max(need, (this.buf?.length ?? 0) * 2, value.length * 4, 16));
        if (this.buf) next.set(this.buf.subarray(0, this.used));
        this.buf = next;
      }
      this.buf.set(value, this.used);
      this.offs.push(this.used);
      this.lens.push(value.length);
      this.lastVal = this.buf.subarray(this.used, need);
      this.used = need;
    } else {
      this.offs.push(this.used);
      this.lens.push(-1);
      this.lastVal = null;
    }
    this.lastNum = n;
    this.count++;
    if (this.nums.length >= CHUNK) {
      if (!this.sealed) this.sealed = [];
      const vals = this.nums.map((_, i) => this.tailVal(i));
      this.sealed.push(seal(this.nums, vals));
      // Keep the newest value in its own small buffer; the tail buffer goes.
      this.lastVal = this.lastVal ? this.lastVal.slice() : null;
      this.nums = [];
      this.offs = [];
      this.lens = [];
      this.buf = undefined;
      this.used = 0;
    }
  }

  private tailVal(i: number): Uint8Array | null {
    const len = this.lens[i] as number;
    if (len < 0) return null;
    const off = this.offs[i] as number;
    return (this.buf as Uint8Array).subarray(off, off + len);
  }

  /** The value at block `n`: bytes, null if deleted, undefined if never written by then. */
  at(n: number): Uint8Array | null | undefined {
    if (this.lastNum >= 0 && n >= this.lastNum) return this.lastVal;
    if (this.nums.length > 0 && (this.nums[0] as number) <= n) {
      return this.tailVal(floorIndex(this.nums, n));
    }
    const sealed = this.sealed;
    if (!sealed) return undefined;
    let lo = 0;
    let hi = sealed.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((sealed[mid] as Sealed).first <= n) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return undefined;
    const d = unseal(sealed[found] as Sealed);
    return d.vals[floorIndex(d.nums, n)];
  }

  get entries(): number {
    return this.count;
  }
}
