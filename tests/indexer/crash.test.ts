// Crash safety: SIGKILL the indexer CLI 20 times at random points of a backfill, let it finish, and compare every
// table with an uninterrupted run. One transaction per batch means a kill can only lose whole batches, which
// the next run redoes from the cursor.
import { spawn } from "node:child_process";
import fc from "fast-check";
import type pg from "pg";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { FIXTURE_MISSING, finneyRuntime } from "../../devnet/node/testing/harness";
import { Indexer } from "../../indexer/pipeline/indexer";
import { HttpRpcClient } from "../../indexer/rpc";
import { childEnv } from "../../lib/config";
import { checksums } from "../helpers/checksums";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";

const runtime = finneyRuntime(393);
if (!runtime) console.warn(FIXTURE_MISSING);

const KILLS = 20;
const HISTORY = 1500;

async function cursor(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ block_number: number }>(
    "SELECT block_number FROM indexer_status WHERE lane = 'main'",
  );
  return r.rows[0]?.block_number ?? -1;
}

describe.skipIf(!runtime)("indexer crash safety", () => {
  let devnet: Devnet;
  const dbs: TestDatabase[] = [];
  beforeAll(async () => {
    devnet = await startDevnet({ runtimes: [runtime!], manual: true, history: HISTORY });
  });
  afterAll(async () => {
    await devnet?.close();
    for (const d of dbs) await d.drop();
  });

  it(`ends with the same tables after ${KILLS} SIGKILLs as an uninterrupted run`, {
    timeout: 300_000,
  }, async () => {
    const [reference, killed] = [await freshDatabase(), await freshDatabase()];
    dbs.push(reference, killed);

    const pool = testPool(reference.url);
    const client = new HttpRpcClient(devnet.httpUrl);
    await new Indexer({ client, pool, follow: false, to: HISTORY, batchSize: 20 }).run();
    await client.close();
    await pool.end();

    // Random (but reproducible) kill delays, counted from the moment the child's cursor first moves.
    const delays = fc.sample(fc.integer({ min: 0, max: 250 }), { numRuns: KILLS, seed: 7 });
    const killedPool = testPool(killed.url);
    let killsLanded = 0;
    try {
      const cli = [
        "--import",
        "tsx",
        "indexer/cli.ts",
        "--url",
        devnet.httpUrl,
        "--to",
        String(HISTORY),
        "--batch-size",
        "10",
        "--database-url",
        killed.url,
      ];
      const run = () => spawn(process.execPath, cli, { env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
      // Kill runs are not read: drain their output so a full pipe can never stall them.
      const drained = (c: ReturnType<typeof run>) => {
        c.stdout?.resume();
        c.stderr?.resume();
        return c;
      };
      for (const delay of delays) {
        const before = await cursor(killedPool);
        if (before >= HISTORY) break;
        const child = drained(run());
        const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
        const deadline = Date.now() + 30_000;
        while ((await cursor(killedPool)) === before && child.exitCode === null && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 20));
        }
        await new Promise((r) => setTimeout(r, delay));
        if (child.exitCode === null) {
          child.kill("SIGKILL");
          killsLanded++;
        }
        await exited;
      }
      const last = run();
      let lastOutput = "";
      last.stdout?.on("data", (c: Buffer) => {
        lastOutput += c.toString();
      });
      last.stderr?.on("data", (c: Buffer) => {
        lastOutput += c.toString();
      });
      const lastCode = await new Promise((r) => last.once("exit", r));
      if (lastCode !== 0) console.error(lastOutput);
      expect(lastCode).toBe(0);
      expect(await cursor(killedPool)).toBe(HISTORY);
    } finally {
      await killedPool.end();
    }

    expect(killsLanded).toBeGreaterThanOrEqual(KILLS / 2);
    expect(await checksums(killed.url)).toEqual(await checksums(reference.url));
  });
});
