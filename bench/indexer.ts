// bench/indexer: end-to-end backfill from the devnet (its scenario load), then follow lag.
//   npx tsx bench/indexer.ts [--blocks 3000] [--batch-size 50] [--follow-seconds 20] [--block-time 0.5]
//                            [--self-check 1]   (engine self-check every Nth block, 0 = off; run both to compare)
// Targets (issue 5): ≥ 300 blocks/s backfill on this 2-core machine, RSS ≤ 1.5 GB, follow lag ≤ 2 blocks
// behind finality. The devnet runs in its own process, as a node would.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { parseArgs } from "node:util";
import pg from "pg";
import { Indexer } from "../indexer/pipeline/indexer";
import { HttpRpcClient } from "../indexer/rpc";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { freePort } from "../tests/helpers/ports";

const { values } = parseArgs({
  options: {
    blocks: { type: "string", default: "3000" },
    "batch-size": { type: "string", default: "50" },
    "follow-seconds": { type: "string", default: "20" },
    "block-time": { type: "string", default: "0.5" },
    "self-check": { type: "string", default: "1" },
  },
});
const BLOCKS = Number(values.blocks);
const BATCH = Number(values["batch-size"]);
const FOLLOW_S = Number(values["follow-seconds"]);
const CHECK_EVERY = Number(values["self-check"]);
const selfCheck = CHECK_EVERY > 0 ? { every: CHECK_EVERY } : (false as const);

function startDevnet(
  port: number,
  history: number,
  blockTime: string,
): Promise<{ child: ChildProcess; prebuild: string }> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "devnet/cli.ts",
      "--port",
      String(port),
      "--history",
      String(history),
      "--block-time",
      blockTime,
      "--genesis-time",
      "now",
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let prebuild = "";
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      if (/pre-built/.test(line)) prebuild = line;
      if (/devnet listening/.test(line)) resolve({ child, prebuild });
    });
    child.once("exit", (code) => reject(new Error(`devnet exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.resolve(".tmp/bench-indexer-"));
  const db = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port: await freePort(), fast: false });
  await migrate(db.url);
  const port = await freePort();
  console.log(`devnet: pre-building ${BLOCKS} blocks…`);
  const devnet = await startDevnet(port, BLOCKS, values["block-time"]!);
  console.log(`devnet: ${devnet.prebuild}`);
  const client = new HttpRpcClient(`http://127.0.0.1:${port}`);
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  try {
    // Backfill to the head the devnet had when it became ready.
    const backfill = new Indexer({ client, pool, follow: false, to: BLOCKS, batchSize: BATCH, selfCheck });
    const t0 = performance.now();
    await backfill.run();
    const seconds = (performance.now() - t0) / 1000;
    const rows = await pool.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM blocks) + (SELECT count(*) FROM extrinsics) + (SELECT count(*) FROM events)
            + (SELECT count(*) FROM block_raw) + (SELECT count(*) FROM transfers) + (SELECT count(*) FROM stake_trades)
            + (SELECT count(*) FROM pool_snapshots) AS n`,
    );
    const t = backfill.totals;
    console.log("\nbackfill");
    console.log(
      `  blocks      ${t.blocks} in ${seconds.toFixed(2)} s = ${(t.blocks / seconds).toFixed(1)} blocks/s (target ≥ 300)`,
    );
    console.log(
      `  extrinsics  ${t.extrinsics} = ${(t.extrinsics / seconds).toFixed(0)}/s (${(t.extrinsics / t.blocks).toFixed(1)} per block)`,
    );
    console.log(
      `  events      ${t.events} = ${(t.events / seconds).toFixed(0)}/s (${(t.events / t.blocks).toFixed(1)} per block)`,
    );
    console.log(
      `  rows        ${rows.rows[0]!.n} = ${(Number(rows.rows[0]!.n) / seconds).toFixed(0)} rows/s (all tables)`,
    );
    console.log(`  peak RSS    ${(peakRss / 2 ** 20).toFixed(0)} MB (indexer process; target ≤ 1536)`);
    if (selfCheck) {
      const checked = [...backfill.metrics.engineChecks.values()];
      const blocks = checked.reduce((a, m) => a + m.blocks, 0);
      const mismatches = checked.reduce((a, m) => a + m.mismatches, 0);
      const ms = backfill.metrics.engineCheckMs;
      const subnets = await pool.query<{ s: string; i: string }>(
        "SELECT avg(subnets_checked)::numeric(10,1)::text AS s, avg(items_checked)::numeric(10,1)::text AS i FROM engine_checks",
      );
      console.log(
        `  self-check  ${blocks} blocks, ${mismatches} mismatches; ${(ms / Math.max(1, blocks)).toFixed(2)} ms/block wall ` +
          `(overlapping other reads; ${((ms / 1000 / seconds) * 100).toFixed(0)}% of the backfill's wall time), ` +
          `4 RPC calls/block in 2 batched round trips per batch, ${subnets.rows[0]!.s} subnets and ${subnets.rows[0]!.i} items/block`,
      );
    }

    // Follow: the devnet keeps producing blocks; sample lag behind finality once a second.
    const abort = new AbortController();
    const follower = new Indexer({
      client,
      pool,
      follow: true,
      batchSize: BATCH,
      pollMs: 200,
      selfCheck,
      signal: abort.signal,
    });
    const running = follower.run();
    const lags: number[] = [];
    for (let s = 0; s < FOLLOW_S; s++) {
      await new Promise((r) => setTimeout(r, 1000));
      const lag = follower.metrics.lag();
      if (lag !== null && s >= 2) lags.push(lag);
    }
    abort.abort();
    await running;
    lags.sort((a, b) => a - b);
    console.log("\nfollow");
    console.log(`  ${lags.length} samples over ${FOLLOW_S} s at one block per ${values["block-time"]} s`);
    console.log(
      `  lag behind finality: median ${lags[Math.floor(lags.length / 2)] ?? "—"}, max ${lags.at(-1) ?? "—"} blocks (target ≤ 2)`,
    );
  } finally {
    clearInterval(sampler);
    devnet.child.kill("SIGTERM");
    await client.close();
    await pool.end();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
