// Health of every part, as served by GET /api/health and shown in the page header.

import type { Health } from "../api/schemas/health";
import { rpcCall } from "../chain/rpc-http";
import { config } from "../config";
import { db } from "../db/client";
import { selfCheckHealth } from "./engine-checks";

interface Header {
  number: string;
}

async function chainStatus(url: string): Promise<Health["chain"]> {
  try {
    const [best, finalizedHash] = await Promise.all([
      rpcCall<Header>(url, "chain_getHeader"),
      rpcCall<string>(url, "chain_getFinalizedHead"),
    ]);
    const finalized = await rpcCall<Header>(url, "chain_getHeader", [finalizedHash]);
    return {
      ok: true,
      url,
      head: Number.parseInt(best.number, 16),
      finalized: Number.parseInt(finalized.number, 16),
      error: null,
    };
  } catch (e) {
    return { ok: false, url, head: null, finalized: null, error: (e as Error).message };
  }
}

async function databaseAndIndexer(): Promise<Pick<Health, "database" | "indexer">> {
  const started = performance.now();
  try {
    const [top] = await db().$queryRaw<{ head: number | null; updated_at: Date | null }[]>`
      SELECT (SELECT max(number) FROM blocks) AS head, (SELECT max(updated_at) FROM indexer_status) AS updated_at`;
    const latencyMs = Math.round(performance.now() - started);
    // Index-only reads; a database without the table yet (old schema) reports null rather than failing health.
    const check = await selfCheckHealth().catch(() => null);
    return {
      database: { ok: true, latencyMs, error: null },
      indexer: {
        head: top?.head ?? null,
        updatedAt: top?.updated_at?.toISOString() ?? null,
        lag: null,
        selfCheck: check && {
          checkedHead: check.checked_head,
          mismatchBlocks: check.mismatch_blocks,
          lastMismatchBlock: check.last_mismatch_block,
        },
      },
    };
  } catch (e) {
    return {
      database: {
        ok: false,
        latencyMs: null,
        error: (e as Error).message.split("\n")[0] ?? "database error",
      },
      indexer: { head: null, updatedAt: null, lag: null, selfCheck: null },
    };
  }
}

export async function getHealth(): Promise<Health> {
  const [chain, stored] = await Promise.all([chainStatus(config().chainUrl), databaseAndIndexer()]);
  const lag =
    chain.finalized !== null && stored.indexer.head !== null
      ? Math.max(0, chain.finalized - stored.indexer.head)
      : null;
  const status = !stored.database.ok ? "down" : chain.ok && lag !== null && lag <= 3 ? "ok" : "degraded";
  return { status, ...stored, indexer: { ...stored.indexer, lag }, chain, time: new Date().toISOString() };
}
