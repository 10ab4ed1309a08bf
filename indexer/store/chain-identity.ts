// Which chain a database belongs to. Checked before any block is written: an endpoint serving another chain
// (a different genesis hash) stops the indexer with an explanation instead of mixing two chains' blocks.
import type pg from "pg";
import type { RpcClient } from "../rpc/types";

export class ChainMismatchError extends Error {
  constructor(
    stored: { genesisHash: string; chainName: string },
    served: { genesisHash: string; chainName: string },
  ) {
    super(
      `this database indexes "${stored.chainName}" (genesis ${stored.genesisHash}), but the endpoint serves ` +
        `"${served.chainName}" (genesis ${served.genesisHash}). Point DATABASE_URL (or TAOVIEW_DATA_DIR) at ` +
        "another database for this chain, or use the endpoint this database was filled from.",
    );
    this.name = "ChainMismatchError";
  }
}

/** Records the chain on first use; throws ChainMismatchError when the endpoint serves another chain. */
export async function assertSameChain(db: pg.Pool, client: RpcClient): Promise<void> {
  const [genesisHash, chainName] = await Promise.all([
    client.call<string>("chain_getBlockHash", [0]),
    client.call<string>("system_chain", []),
  ]);
  if (typeof genesisHash !== "string" || !/^0x[0-9a-f]{64}$/i.test(genesisHash))
    throw new Error(`chain_getBlockHash(0) returned ${JSON.stringify(genesisHash)}, not a block hash`);
  const served = { genesisHash: genesisHash.toLowerCase(), chainName: String(chainName) };
  await db.query(
    `INSERT INTO chain_identity (id, genesis_hash, chain_name) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING`,
    [served.genesisHash, served.chainName],
  );
  const r = await db.query<{ genesis_hash: string; chain_name: string }>(
    "SELECT genesis_hash, chain_name FROM chain_identity WHERE id = 1",
  );
  const row = r.rows[0];
  if (row && row.genesis_hash !== served.genesisHash)
    throw new ChainMismatchError({ genesisHash: row.genesis_hash, chainName: row.chain_name }, served);
}
