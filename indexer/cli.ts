// `npm run indexer -- --url <ws|http endpoint> [--from N] [--to M] [--follow]`
// Backfills from the saved cursor and, with --follow (the default without --to), keeps up with the chain.
// Logs are JSON lines on stdout. SIGINT/SIGTERM finish the batch in flight (its transaction) and exit.
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { config } from "../lib/config";
import { Indexer } from "./pipeline/indexer";
import { createRpcClient } from "./rpc";

const Args = z.object({
  url: z
    .string()
    .refine(
      (v) => /^(wss?|https?):\/\//.test(v) && URL.canParse(v),
      "--url must be a ws(s):// or http(s):// endpoint",
    )
    .optional(),
  from: z.coerce.number().int("--from must be a block number").min(0, "--from must be ≥ 0").optional(),
  to: z.coerce.number().int("--to must be a block number").min(0, "--to must be ≥ 0").optional(),
  follow: z.boolean().optional(),
  "batch-size": z.coerce.number().int().min(1).max(1000, "--batch-size must be at most 1000").default(50),
  "database-url": z.string().optional(),
});

function log(event: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), event, ...fields })}\n`);
}

function fail(message: string): never {
  process.stderr.write(`indexer: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let raw: ReturnType<typeof parseArgs>["values"];
  try {
    raw = parseArgs({
      options: {
        url: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        follow: { type: "boolean" },
        "batch-size": { type: "string" },
        "database-url": { type: "string" },
      },
      strict: true,
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  const parsed = Args.safeParse(raw);
  if (!parsed.success) fail(parsed.error.issues[0]!.message);
  const args = parsed.data;
  if (args.from !== undefined && args.to !== undefined && args.to < args.from)
    fail("--to must not be below --from");
  const cfg = config();
  const url = args.url ?? cfg.chainUrl;
  const databaseUrl = args["database-url"] ?? cfg.DATABASE_URL;
  if (!databaseUrl) fail("no database: pass --database-url or set DATABASE_URL (npm start sets it for you)");

  const client = createRpcClient(url);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const abort = new AbortController();
  for (const s of ["SIGINT", "SIGTERM"] as const) {
    process.on(s, () => {
      log("stopping", { signal: s });
      abort.abort();
    });
  }
  const indexer = new Indexer({
    client,
    pool,
    from: args.from,
    to: args.to,
    follow: args.follow ?? args.to === undefined,
    batchSize: args["batch-size"],
    log,
    signal: abort.signal,
  });
  log("start", { url, from: args.from ?? null, to: args.to ?? null });
  const t0 = Date.now();
  try {
    await indexer.run();
  } finally {
    const seconds = (Date.now() - t0) / 1000;
    log("done", {
      ...indexer.totals,
      reorgs: indexer.reorgs,
      seconds,
      blocksPerSec: Math.round((indexer.totals.blocks / seconds) * 10) / 10,
    });
    await client.close();
    await pool.end();
  }
}

main().catch((e: Error) => {
  log("fatal", { error: e.message });
  process.exit(1);
});
