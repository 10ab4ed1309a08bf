// Block queries shared by pages and API routes.
import { db } from "../db/client";

export interface BlockSummary {
  number: number;
  hash: string;
  timestamp: string | null;
  extrinsicCount: number;
  eventCount: number;
  specVersion: number;
  finalized: boolean;
}

export async function latestBlocks(limit: number): Promise<BlockSummary[]> {
  const rows = await db().block.findMany({ orderBy: { number: "desc" }, take: limit });
  return rows.map((b) => ({
    number: b.number,
    hash: b.hash,
    timestamp: b.timestamp?.toISOString() ?? null,
    extrinsicCount: b.extrinsicCount,
    eventCount: b.eventCount,
    specVersion: b.specVersion,
    finalized: b.finalized,
  }));
}
