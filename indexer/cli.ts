// `npm run indexer -- --url <ws|http endpoint> [--from N] [--to M] [--follow]`
// Backfills from the saved cursor and, with --follow (the default without --to), keeps up with the chain.
// Split backfill: run several `--lease-size N --from A --to B` workers (processes or machines) on one database.
// Pool state is snapshotted every block of the last --snapshot-window blocks and every --snapshot-every-th
// block before that (--no-snapshots to skip). Logs are JSON lines on stdout; a progress bar goes to stderr when it is a terminal. SIGINT/SIGTERM finish the
// batch in flight (its transaction) and exit.
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { config } from "../lib/config";
import { Indexer } from "./pipeline/indexer";
import { createRpcClient } from "./rpc";
import { deferIndexes, restoreIndexes } from "./store/deferred-indexes";
import { leasesRemaining } from "./store/leases";

const block = (flag: string) =>
  z.coerce.number().int(`${flag} must be a block number`).min(0, `${flag} must be ≥ 0`);

const Args = z.object({
  url: z
    .string()
    .refine(
      (v) => /^(wss?|https?):\/\//.test(v) && URL.canParse(v),
      "--url must be a ws(s):// or http(s):// endpoint",
    )
    .optional(),
  from: block("--from").optional(),
  to: block("--to").optional(),
  follow: z.boolean().optional(),
  "batch-size": z.coerce
    .number()
    .int()
    .min(1, "--batch-size must be ≥ 1")
    .max(1000, "--batch-size must be at most 1000")
    .default(50),
  "database-url": z.string().optional(),
  "lease-size": z.coerce.number().int().min(1, "--lease-size must be ≥ 1").optional(),
  worker: z.string().min(1).default(`${os.hostname()}:${process.pid}`),
  "lease-ttl": z.coerce.number().int().min(5, "--lease-ttl must be ≥ 5 seconds").default(60),
  "defer-indexes": z.boolean().optional(),
  "metrics-port": z.coerce
    .number()
    .int()
    .min(1)
    .max(65535, "--metrics-port must be a port number")
    .optional(),
  "snapshot-window": z.coerce.number().int().min(0, "--snapshot-window must be ≥ 0").default(7200),
  "snapshot-every": z.coerce.number().int().min(1, "--snapshot-every must be ≥ 1").default(300),
  "no-snapshots": z.boolean().optional(),
});

function log(event: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), event, ...fields })}\n`);
  if (event === "progress" && process.stderr.isTTY) drawBar(fields);
}

function drawBar(f: Record<string, unknown>): void {
  const indexed = Number(f.indexed);
  const target = Number(f.target);
  const width = 30;
  const done = target > 0 ? Math.min(1, indexed / target) : 1;
  const bar = "█".repeat(Math.round(done * width)).padEnd(width, "░");
  const eta = f.etaSec === null ? "—" : `${f.etaSec}s`;
  process.stderr.write(`\r${bar} #${indexed}/${target}  ${f.blocksPerSec} blocks/s  ETA ${eta}   `);
}

function fail(message: string): never {
  process.stderr.write(`indexer: ${message}\n`);
  process.exit(2);
}

function parse(): z.infer<typeof Args> {
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
        "lease-size": { type: "string" },
        worker: { type: "string" },
        "lease-ttl": { type: "string" },
        "defer-indexes": { type: "boolean" },
        "metrics-port": { type: "string" },
        "snapshot-window": { type: "string" },
        "snapshot-every": { type: "string" },
        "no-snapshots": { type: "boolean" },
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
  if (args["lease-size"] !== undefined && args.follow)
    fail("--lease-size splits a finalized backfill; it cannot --follow");
  return args;
}

async function main(): Promise<void> {
  const args = parse();
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
  const leased = args["lease-size"] !== undefined;
  const indexer = new Indexer({
    client,
    pool,
    from: args.from,
    to: args.to,
    follow: !leased && (args.follow ?? args.to === undefined),
    batchSize: args["batch-size"],
    snapshots: args["no-snapshots"]
      ? false
      : { window: args["snapshot-window"], every: args["snapshot-every"] },
    holders: { every: cfg.HOLDERS_SCAN_EVERY },
    selfCheck: cfg.ENGINE_SELF_CHECK_EVERY > 0 ? { every: cfg.ENGINE_SELF_CHECK_EVERY } : false,
    lease: leased
      ? { size: args["lease-size"]!, owner: args.worker, ttlSeconds: args["lease-ttl"] }
      : undefined,
    log,
    signal: abort.signal,
  });
  const closeMetrics = args["metrics-port"] ? await indexer.metrics.serve(args["metrics-port"]) : null;
  log("start", { url, from: args.from ?? null, to: args.to ?? null, worker: leased ? args.worker : null });
  const t0 = Date.now();
  try {
    if (args["defer-indexes"]) log("indexes deferred", { dropped: await deferIndexes(pool) });
    await indexer.run();
    // Rebuild deferred indexes once this backfill (or, leased, the last worker's) is complete; a crashed
    // run leaves them recorded and the next run rebuilds them.
    const complete =
      !abort.signal.aborted &&
      (!leased || (await leasesRemaining(pool, args.from ?? 0, args.to ?? Number.MAX_SAFE_INTEGER)) === 0);
    if (complete || !args["defer-indexes"]) {
      const rebuilt = await restoreIndexes(pool);
      if (rebuilt.length > 0) log("indexes rebuilt", { rebuilt });
    }
  } finally {
    const seconds = (Date.now() - t0) / 1000;
    if (process.stderr.isTTY) process.stderr.write("\n");
    log("done", {
      ...indexer.totals,
      reorgs: indexer.reorgs,
      seconds,
      blocksPerSec: Math.round((indexer.totals.blocks / seconds) * 10) / 10,
    });
    await closeMetrics?.();
    await client.close();
    await pool.end();
  }
}

main().catch((e: Error) => {
  log("fatal", { error: e.message });
  process.exit(1);
});
