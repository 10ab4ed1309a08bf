// Search: one box for block numbers, block and extrinsic hashes, `block-index` ids and addresses.

import { parseAddress } from "../api/v1/address";
import { parseBlockIndex } from "../api/v1/params";
import type { SearchResultDto } from "../api/v1/schemas";
import { extrinsicsByHash } from "./extrinsics";
import { select } from "./sql";

const base = { block_number: null, hash: null, address: null };

const blockResult = (number: number, hash: string): SearchResultDto => ({
  ...base,
  type: "block",
  id: String(number),
  path: `/api/v1/blocks/${number}`,
  block_number: number,
  hash,
});

async function extrinsicResult(block: number, index: number): Promise<SearchResultDto | null> {
  const [row] = await select<{ hash: string }[]>`
    SELECT hash FROM extrinsics WHERE block_number = ${block} AND index = ${index}`;
  if (!row) return null;
  const id = `${block}-${index}`;
  return {
    ...base,
    type: "extrinsic",
    id,
    path: `/api/v1/extrinsics/${id}`,
    block_number: block,
    hash: row.hash,
  };
}

/** Results for `q` (already trimmed, 1-128 chars); empty when nothing matches. */
export async function search(q: string): Promise<SearchResultDto[]> {
  if (/^(0|[1-9][0-9]{0,9})$/.test(q)) {
    const n = Number(q);
    if (n > 2_147_483_647) return [];
    const [row] = await select<{ hash: string }[]>`SELECT hash FROM blocks WHERE number = ${n}`;
    return row ? [blockResult(n, row.hash)] : [];
  }
  const key = parseBlockIndex(q);
  if (key) {
    const r = await extrinsicResult(key.block, key.index);
    return r ? [r] : [];
  }
  if (/^0x[0-9a-fA-F]{64}$/.test(q)) {
    const hash = q.toLowerCase();
    const [blocks, extrinsics] = await Promise.all([
      select<{ number: number }[]>`SELECT number FROM blocks WHERE hash = ${hash}`,
      extrinsicsByHash(hash),
    ]);
    const results: SearchResultDto[] = blocks.map((b) => blockResult(b.number, hash));
    for (const k of extrinsics) {
      const r = await extrinsicResult(k.block, k.index);
      if (r) results.push(r);
    }
    if (results.length > 0) return results;
    // 32 bytes that are no block or extrinsic hash may be an account's public key.
  }
  const address = parseAddress(q);
  if (address) {
    return [
      {
        ...base,
        type: "account",
        id: address.ss58,
        path: `/api/v1/accounts/${address.ss58}`,
        address,
      },
    ];
  }
  return [];
}
