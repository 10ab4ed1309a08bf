// Addresses on the wire are `{ss58, hex}` (taostats style). Input may be SS58 with any prefix or a 0x public key;
// output SS58 always uses the Bittensor prefix, so the same account never appears under two spellings.
import { u8aToHex } from "@polkadot/util";
import { decodeAddress, encodeAddress } from "@polkadot/util-crypto";

export const SS58_PREFIX = 42;

export interface Address {
  ss58: string;
  hex: string;
}

/** Parses SS58 (checksum verified) or a 32-byte 0x public key; null when it is neither. */
export function parseAddress(input: string): Address | null {
  const text = input.trim();
  if (text.length === 0 || text.length > 80) return null;
  if (/^0x/i.test(text) && !/^0x[0-9a-fA-F]{64}$/.test(text)) return null;
  try {
    const key = decodeAddress(text);
    if (key.length !== 32) return null;
    return { ss58: encodeAddress(key, SS58_PREFIX), hex: u8aToHex(key) };
  } catch {
    return null;
  }
}

// The same few thousand accounts (authors, active signers) fill most list pages; re-deriving the checksum
// for each row was a measurable share of a page's CPU time.
const wire = new Map<string, Address>();
const WIRE_CACHE_MAX = 20_000;

/** Wire form of an address stored by the indexer (SS58); null stays null, an unreadable one is a bug upstream. */
export function toAddress(stored: string | null): Address | null {
  if (stored === null) return null;
  const hit = wire.get(stored);
  if (hit) return { ...hit };
  const parsed = parseAddress(stored);
  if (!parsed) throw new Error(`stored address is not SS58: ${stored}`);
  if (wire.size >= WIRE_CACHE_MAX) wire.clear();
  wire.set(stored, parsed);
  return { ...parsed };
}
