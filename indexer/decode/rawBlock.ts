import { TypeRegistry } from "@polkadot/types";
import { blake2AsHex, xxhashAsHex } from "@polkadot/util-crypto";
import { RpcProtocolError } from "../rpc/errors";
import type { RpcCall, RpcClient } from "../rpc/types";
import { unwrapBatch } from "../rpc/types";
import type { Hex } from "./runtime";

/** `chain_getHeader` / `chain_getBlock().block.header` as the node returns it. */
export interface RawHeader {
  parentHash: Hex;
  number: Hex;
  stateRoot: Hex;
  extrinsicsRoot: Hex;
  digest: { logs: Hex[] };
}

/**
 * One block exactly as fetched: enough to re-decode later with any decoder version, without the node.
 * `eventsHex` is the raw `System.Events` storage value (null when the block stored none).
 */
export interface RawBlock {
  number: number;
  hash: Hex;
  parentHash: Hex;
  header: RawHeader;
  extrinsics: Hex[];
  eventsHex: Hex | null;
}

/** twox128("System") ++ twox128("Events"): fixed by FRAME, computed rather than pasted. */
export const SYSTEM_EVENTS_KEY = `${xxhashAsHex("System", 128)}${xxhashAsHex("Events", 128).slice(2)}` as Hex;

/** A reply that is well-formed JSON-RPC but not the block that was asked for. */
export class RawBlockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RawBlockError";
  }
}

// The header layout is fixed across subtensor runtimes (u32 numbers, blake2 hashes), so the base registry
// suffices to re-encode it; no metadata is needed for hashing.
const headerRegistry = new TypeRegistry();

/** blake2-256 of the SCALE-encoded header: the block hash. */
export function headerHash(header: RawHeader): Hex {
  return blake2AsHex(headerRegistry.createType("Header", header).toU8a()) as Hex;
}

const isHex = (v: unknown): v is Hex => typeof v === "string" && /^0x([0-9a-fA-F]{2})*$/.test(v);

function checkHeader(value: unknown, where: string): RawHeader {
  const h = value as Partial<RawHeader> | undefined;
  if (
    !h ||
    !isHex(h.parentHash) ||
    typeof h.number !== "string" ||
    !isHex(h.stateRoot) ||
    !isHex(h.extrinsicsRoot) ||
    !Array.isArray(h.digest?.logs) ||
    !h.digest.logs.every(isHex)
  ) {
    throw new RawBlockError(`${where}: malformed header ${JSON.stringify(value)?.slice(0, 120)}`);
  }
  return h as RawHeader;
}

export interface FetchOptions {
  /** Recompute every header hash and compare (cheap; catches a node or proxy serving the wrong block). */
  verifyHashes?: boolean;
}

/** Builds a RawBlock from a `chain_getBlock` reply and the events value, checking what can be checked. */
export function assembleRawBlock(
  hash: Hex,
  blockReply: unknown,
  eventsReply: unknown,
  expectedNumber: number | null,
  opts: FetchOptions = {},
): RawBlock {
  const where = `block ${expectedNumber ?? hash}`;
  const block = (blockReply as { block?: { header?: unknown; extrinsics?: unknown } } | null)?.block;
  if (!block) throw new RawBlockError(`${where}: node returned no block for ${hash}`);
  const header = checkHeader(block.header, where);
  const number = Number.parseInt(header.number, 16);
  if (expectedNumber !== null && number !== expectedNumber) {
    throw new RawBlockError(`${where}: header says block ${number}`);
  }
  if (!Array.isArray(block.extrinsics) || !block.extrinsics.every(isHex)) {
    throw new RawBlockError(`${where}: extrinsics are not a list of hex strings`);
  }
  if (eventsReply !== null && !isHex(eventsReply)) {
    throw new RawBlockError(`${where}: System.Events value is not hex`);
  }
  if ((opts.verifyHashes ?? true) && headerHash(header) !== hash) {
    throw new RawBlockError(`${where}: header hashes to ${headerHash(header)}, not ${hash}`);
  }
  return {
    number,
    hash,
    parentHash: header.parentHash,
    header,
    extrinsics: block.extrinsics as Hex[],
    eventsHex: eventsReply as Hex | null,
  };
}

function bodyCalls(hashes: readonly Hex[]): RpcCall[] {
  return hashes.flatMap((h) => [
    { method: "chain_getBlock", params: [h] },
    { method: "state_getStorage", params: [SYSTEM_EVENTS_KEY, h] },
  ]);
}

/**
 * Blocks `from..to` in three batched calls per block (hash, body, events) and no runtime-version call.
 * Checks each header's number and hash and the parent links inside the range, so a reorg or a node
 * mixing forks mid-fetch raises instead of storing an inconsistent range.
 */
export async function fetchRawRange(
  client: RpcClient,
  from: number,
  to: number,
  opts: FetchOptions = {},
): Promise<RawBlock[]> {
  if (to < from) return [];
  const numbers = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const hashes = unwrapBatch(
    await client.batch<Hex | null>(numbers.map((n) => ({ method: "chain_getBlockHash", params: [n] }))),
  );
  hashes.forEach((h, i) => {
    if (h === null) throw new RawBlockError(`block ${numbers[i]} not found (beyond the head?)`);
    if (!isHex(h) || h.length !== 66)
      throw new RpcProtocolError("chain_getBlockHash", `bad hash ${JSON.stringify(h)}`);
  });
  const replies = unwrapBatch(await client.batch(bodyCalls(hashes as Hex[])));
  const blocks = numbers.map((n, i) =>
    assembleRawBlock(hashes[i] as Hex, replies[2 * i], replies[2 * i + 1], n, opts),
  );
  for (let i = 1; i < blocks.length; i++) {
    if (blocks[i]!.parentHash !== blocks[i - 1]!.hash) {
      throw new RawBlockError(
        `block ${blocks[i]!.number}: parent is not ${blocks[i - 1]!.hash} (reorg during fetch?)`,
      );
    }
  }
  return blocks;
}

export async function fetchRawBlock(
  client: RpcClient,
  number: number,
  opts: FetchOptions = {},
): Promise<RawBlock> {
  const [block] = await fetchRawRange(client, number, number, opts);
  return block!;
}

/** For the hot window: a block known only by hash (e.g. a new head), number read from its header. */
export async function fetchRawBlockByHash(
  client: RpcClient,
  hash: Hex,
  opts: FetchOptions = {},
): Promise<RawBlock> {
  const [block, events] = unwrapBatch(await client.batch(bodyCalls([hash])));
  return assembleRawBlock(hash, block, events, null, opts);
}
