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
  const parts: Uint8Array[] = [];
  for (const k of keys) {
    const v = diff.get(k);
    parts.push(hexBytes(k), v ? u8aConcat([1], compactToU8a(v.length), v) : new Uint8Array([0]));
  }
  return blake2AsU8a(u8aConcat(parentRoot, blake2AsU8a(u8aConcat(compactToU8a(keys.length), ...parts))));
}

/** Extrinsics root: blake2-256 of the concatenated blake2-256 hashes of the encoded extrinsics, in order. */
export function extrinsicsRoot(extrinsicHashes: Uint8Array[]): Uint8Array {
  return blake2AsU8a(u8aConcat(compactToU8a(extrinsicHashes.length), ...extrinsicHashes));
}

function hexBytes(hex: string): Uint8Array {
  const s = hex.startsWith("0x") ? hex.slice(2) : hex;
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(s.slice(i * 2, i * 2 + 2), 16);
  return u8aConcat(compactToU8a(out.length), out);
}
