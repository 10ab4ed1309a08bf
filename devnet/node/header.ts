// Block headers and roots.
//
// Header bytes are the SCALE `sp_runtime::generic::Header<u32, BlakeTwo256>` and the block hash is
// blake2-256 of them, exactly as on Finney. The roots are deterministic but NOT Patricia-Merkle trie roots
// (we keep no trie): see README.md "Roots".
import { compactToU8a, u8aConcat, u8aToHex } from "@polkadot/util";
import { blake2AsU8a } from "@polkadot/util-crypto";
import type { Diff } from "./state/archive";

export const AURA_ENGINE = new Uint8Array([0x61, 0x75, 0x72, 0x61]); // "aura"

export interface HeaderFields {
  parentHash: Uint8Array;
  number: number;
  stateRoot: Uint8Array;
  extrinsicsRoot: Uint8Array;
  /** SCALE-encoded DigestItems. */
  digest: Uint8Array[];
}

export function encodeHeader(h: HeaderFields): Uint8Array {
  return u8aConcat(
    h.parentHash,
    compactToU8a(h.number),
    h.stateRoot,
    h.extrinsicsRoot,
    compactToU8a(h.digest.length),
    ...h.digest,
  );
}

/** DigestItem::PreRuntime(engine, data). */
export function preRuntimeDigest(engine: Uint8Array, data: Uint8Array): Uint8Array {
  return u8aConcat([6], engine, compactToU8a(data.length), data);
}

export function auraPreDigest(slot: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, slot, true);
  return preRuntimeDigest(AURA_ENGINE, b);
}

/** JSON form of a header as Substrate's RPC serialises it (number as hex, digest logs as hex). */
export function headerJson(h: HeaderFields) {
  return {
    parentHash: u8aToHex(h.parentHash),
    number: `0x${h.number.toString(16)}`,
    stateRoot: u8aToHex(h.stateRoot),
    extrinsicsRoot: u8aToHex(h.extrinsicsRoot),
    digest: { logs: h.digest.map((d) => u8aToHex(d)) },
  };
}

/**
 * State root: blake2-256(parent state root ++ blake2-256(block diff)), the diff being its changed keys in
 * sorted order with their new values (or a deletion marker). It commits to the whole state history and is
 * cheap to compute per block; it is not the trie root a Substrate node would report.
 */
export function chainedStateRoot(parentRoot: Uint8Array, diff: Diff): Uint8Array {
  const keys = [...diff.keys()].sort();
  // One buffer for compact(count) ++ (compact(len) ++ key ++ (1 ++ compact(len) ++ value | 0))*.
  const keyBytes: Buffer[] = new Array(keys.length);
  const prefixes: Uint8Array[] = new Array(keys.length * 2);
  const count = compactToU8a(keys.length);
  let size = count.length;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const kb = Buffer.from(k.startsWith("0x") ? k.slice(2) : k, "hex");
    keyBytes[i] = kb;
    const kl = compactLen(kb.length);
    prefixes[2 * i] = kl;
    const v = diff.get(k);
    const vl = v ? compactLen(v.length) : ZERO;
    prefixes[2 * i + 1] = vl;
    size += kl.length + kb.length + 1 + (v ? vl.length + v.length : 0);
  }
  const buf = new Uint8Array(size);
  buf.set(count, 0);
  let off = count.length;
  for (let i = 0; i < keys.length; i++) {
    const kl = prefixes[2 * i] as Uint8Array;
    buf.set(kl, off);
    off += kl.length;
    const kb = keyBytes[i] as Buffer;
    buf.set(kb, off);
    off += kb.length;
    const v = diff.get(keys[i] as string);
    if (v) {
      buf[off++] = 1;
      const vl = prefixes[2 * i + 1] as Uint8Array;
      buf.set(vl, off);
      off += vl.length;
      buf.set(v, off);
      off += v.length;
    } else buf[off++] = 0;
  }
  const inner = blake2AsU8a(buf);
  const outer = new Uint8Array(parentRoot.length + inner.length);
  outer.set(parentRoot, 0);
  outer.set(inner, parentRoot.length);
  return blake2AsU8a(outer);
}

const ZERO = new Uint8Array(0);
const compactCache: Uint8Array[] = [];

/** compactToU8a for lengths, cached for the small ones. */
function compactLen(n: number): Uint8Array {
  if (n < 256) {
    let c = compactCache[n];
    if (!c) {
      c = compactToU8a(n);
      compactCache[n] = c;
    }
    return c;
  }
  return compactToU8a(n);
}

/** Extrinsics root: blake2-256 of the concatenated blake2-256 hashes of the encoded extrinsics, in order. */
export function extrinsicsRoot(extrinsicHashes: Uint8Array[]): Uint8Array {
  return blake2AsU8a(u8aConcat(compactToU8a(extrinsicHashes.length), ...extrinsicHashes));
}
