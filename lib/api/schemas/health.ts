import { z } from "zod";

export const HealthSchema = z.object({
  status: z
    .enum(["ok", "degraded", "down"])
    .describe("ok: all parts up and the indexer within 3 blocks of the finalized head"),
  database: z.object({ ok: z.boolean(), latencyMs: z.number().nullable(), error: z.string().nullable() }),
  chain: z.object({
    ok: z.boolean(),
    url: z.string(),
    head: z.number().int().nullable().describe("best block number"),
    finalized: z.number().int().nullable().describe("finalized block number"),
    error: z.string().nullable(),
  }),
  indexer: z.object({
    head: z.number().int().nullable().describe("highest block stored"),
    updatedAt: z.string().nullable(),
    lag: z.number().int().nullable().describe("finalized head minus indexed head, in blocks"),
    selfCheck: z
      .object({
        checkedHead: z.number().int().nullable().describe("newest block the engine self-check compared"),
        mismatchBlocks: z.number().int().describe("checked blocks where the engine and the chain differ"),
        lastMismatchBlock: z.number().int().nullable(),
      })
      .nullable()
      .describe("engine self-check summary (details: /api/v1/engine/self-check); null when unreadable"),
  }),
  time: z.string(),
});

export type Health = z.infer<typeof HealthSchema>;
