import { encodeAddress, xxhashAsHex } from "@polkadot/util-crypto";
import type { RpcClient } from "../rpc/types";
import type { Hex, Runtime } from "./runtime";
import { decodeStorageValue } from "./storage";

export const AURA_AUTHORITIES_KEY =
  `${xxhashAsHex("Aura", 128)}${xxhashAsHex("Authorities", 128).slice(2)}` as Hex;

/**
 * `Aura.Authorities` at `stateHash` as SS58 addresses, for `decodeBlock(..., { authorities })`. Block N's
 * author is picked from the set in its parent's state; it changes only at session boundaries, so callers
 * cache it and re-read when a block carries a new-authorities digest or a new session starts.
 */
export async function fetchAuraAuthorities(
  client: RpcClient,
  runtime: Runtime,
  stateHash: Hex,
): Promise<string[]> {
  const value = await client.call<Hex | null>("state_getStorage", [AURA_AUTHORITIES_KEY, stateHash]);
  if (value === null) return [];
  const decoded = decodeStorageValue(runtime, AURA_AUTHORITIES_KEY, value).value;
  if (!Array.isArray(decoded) || !decoded.every((k): k is string => typeof k === "string")) {
    throw new Error(`Aura.Authorities at ${stateHash} is not a list of keys`);
  }
  const ss58 = runtime.registry.chainSS58 ?? 42;
  return decoded.map((key) => (key.startsWith("0x") ? encodeAddress(key, ss58) : key));
}
