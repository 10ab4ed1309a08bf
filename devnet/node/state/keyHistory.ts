// The finalized history of one storage key: which value it had from which block on.
//
// Why chunks: with a busy economy ~1,400 keys change every block, and a JS object per (key, block) costs
// ~200 bytes, far over the memory budget for 100,000 blocks. Entries are appended to a small open tail (one
// byte buffer per key: block number, length, value); every CHUNK entries the tail is sealed into one deflated
// buffer, which typically shrinks 56-byte account records and similar values to a few bytes each. Sealed
// chunks live in shared append-only slabs (a Uint8Array per chunk would cost more than the chunk), indexed
// per key by three numbers. Reads binary-search the chunks and keep recently inflated chunks in a small
// shared cache (sequential readers hit it); the newest value of a key is answered without any search.
import { deflateRawSync, inflateRawSync } from "node:zlib";

const CHUNK = 32;
const CACHE_CHUNKS = 512;
const SLAB = 1 << 20;
/** Entry header in a tail buffer: u32 block number, i32 value length (-1: deleted). */
const HEAD = 8;

interface Decoded {
  nums: number[];
  vals: Array<Uint8Array | null>;
}

/** Append-only storage of every sealed chunk's bytes. A chunk id is slab × SLAB + offset. */
const slabs: Uint8Array[] = [];
let open = -1;
let slabUsed = SLAB;

function store(data: Uint8Array): number {
  if (data.length > SLAB / 4) {
    // Big chunks (System.Events and the like) get a slab of their own.
    slabs.push(data.slice());
    return (slabs.length - 1) * SLAB;
  }
  if (open < 0 || slabUsed + data.length > SLAB) {
    slabs.push(new Uint8Array(SLAB));
    open = slabs.length - 1;
    slabUsed = 0;
  }
  (slabs[open] as Uint8Array).set(data, slabUsed);
  const id = open * SLAB + slabUsed;
  slabUsed += data.length;
  return id;
}

function load(id: number, len: number): Uint8Array {
  const slab = slabs[Math.floor(id / SLAB)] as Uint8Array;
  const off = id % SLAB;
  return slab.subarray(off, off + len);
}

const cache = new Map<number, Decoded>();

function seal(tail: Uint8Array, used: number): Uint8Array {
  return deflateRawSync(tail.subarray(0, used), { level: 1 });
}

function unseal(id: number, len: number): Decoded {
  const hit = cache.get(id);
  if (hit) {
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  // Plain Uint8Array views (a Buffer's subarray would be a Buffer, unlike every other value we hand out).
  const raw = inflateRawSync(load(id, len));
  const decoded = parse(new Uint8Array(raw.buffer, raw.byteOffset, raw.length));
  cache.set(id, decoded);
  if (cache.size > CACHE_CHUNKS) cache.delete(cache.keys().next().value as number);
  return decoded;
}

/** Entries of a tail buffer (or an inflated chunk, same layout). */
function parse(buf: Uint8Array, used = buf.length): Decoded {
  const view = new DataView(buf.buffer, buf.byteOffset, used);
  const nums: number[] = [];
  const vals: Array<Uint8Array | null> = [];
  for (let off = 0; off < used; ) {
    nums.push(view.getUint32(off, true));
    const len = view.getInt32(off + 4, true);
    off += HEAD;
    if (len < 0) vals.push(null);
    else {
      vals.push(buf.subarray(off, off + len));
      off += len;
    }
  }
  return { nums, vals };
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
  /** Per sealed chunk: first block number, chunk id, compressed length. */
  private sealed: number[] | undefined;
  /**
   * One buffer per key: the newest value of the previous chunk at [0, base) once a chunk was sealed, then
   * the open tail, HEAD + value per entry, at [base, used).
   */
  private buf: Uint8Array | undefined;
  private base = 0;
  private used = 0;
  private tailCount = 0;
  private tailFirst = -1;
  /** The newest entry: its block number and where its value sits in `buf` (offset -1: deleted). */
  private lastNum = -1;
  private lastOff = -1;
  private lastLen = 0;
  private count = 0;

  private get last(): Uint8Array | null {
    return this.lastOff < 0
      ? null
      : (this.buf as Uint8Array).subarray(this.lastOff, this.lastOff + this.lastLen);
  }

  /**
   * Appends the value the key has from block `n` on (null: deleted). Blocks must increase. A value equal to
   * the current one is not stored (reads answer the same either way).
   */
  push(n: number, value: Uint8Array | null): void {
    if (this.lastNum >= 0 && sameBytes(this.last, value)) return;
    const len = value ? value.length : 0;
    const need = this.used + HEAD + len;
    if (!this.buf || this.buf.length < need) {
      const next = new Uint8Array(Math.max(need, (this.buf?.length ?? 0) * 2, (HEAD + len) * 4));
      if (this.buf) next.set(this.buf.subarray(0, this.used));
      this.buf = next;
    }
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.used, HEAD);
    view.setUint32(0, n, true);
    view.setInt32(4, value ? len : -1, true);
    if (value) this.buf.set(value, this.used + HEAD);
    this.lastOff = value ? this.used + HEAD : -1;
    this.lastLen = len;
    this.used = need;
    if (this.tailCount === 0) this.tailFirst = n;
    this.tailCount++;
    this.lastNum = n;
    this.count++;
    if (this.tailCount >= CHUNK) {
      const data = seal(this.buf.subarray(this.base), this.used - this.base);
      if (!this.sealed) this.sealed = [];
      this.sealed.push(this.tailFirst, store(data), data.length);
      // A fresh buffer holding just the newest value (earlier views of the old one stay intact).
      const last = this.last;
      const keep = last ? last.length : 0;
      const next = new Uint8Array(keep + (HEAD + keep) * 2);
      if (last) next.set(last, 0);
      this.buf = next;
      this.lastOff = last ? 0 : -1;
      this.base = keep;
      this.used = keep;
      this.tailCount = 0;
      this.tailFirst = -1;
    }
  }

  /** The value at block `n`: bytes, null if deleted, undefined if never written by then. */
  at(n: number): Uint8Array | null | undefined {
    if (this.lastNum >= 0 && n >= this.lastNum) return this.last;
    if (this.tailCount > 0 && this.tailFirst <= n) {
      const d = parse((this.buf as Uint8Array).subarray(this.base), this.used - this.base);
      return d.vals[floorIndex(d.nums, n)];
    }
    const sealed = this.sealed;
    if (!sealed) return undefined;
    let lo = 0;
    let hi = sealed.length / 3 - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((sealed[mid * 3] as number) <= n) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return undefined;
    const d = unseal(sealed[found * 3 + 1] as number, sealed[found * 3 + 2] as number);
    return d.vals[floorIndex(d.nums, n)];
  }

  get entries(): number {
    return this.count;
  }
}
