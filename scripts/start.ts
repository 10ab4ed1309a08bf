// `npm start`: the whole stack in one process tree — Postgres (embedded unless DATABASE_URL), migrations, the
// devnet (unless SUBTENSOR_URL), the indexer in follow mode and the Next.js production server. Ctrl-C or
// SIGTERM stops every child and shuts Postgres down cleanly.

import { existsSync } from "node:fs";
import path from "node:path";
import { ConfigError, childEnv, config, REPO_ROOT } from "../lib/config";
import { checkDatabase, DatabaseUnreachableError } from "../lib/db/check";
import {
  EmbeddedPostgresError,
  portIsFree,
  startEmbeddedPostgres,
  takeOverShutdownSignals,
} from "../lib/db/embedded";
import { MigrationError, migrate } from "../lib/db/migrate";
import { ensureWebBuild, runStep, stopRunningSteps } from "./lib/build";
import { type Child, type Log, startChild, stopChild, waitForHttp } from "./lib/children";
import { DevnetChainMismatch, resolveDevnetChain } from "./lib/devnet-chain";

const log: Log = (line) => process.stdout.write(`[taoview] ${line}\n`);

class StartupError extends Error {}

async function main(): Promise<void> {
  const started = Date.now();
  let cfg: ReturnType<typeof config>;
  try {
    cfg = config();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }

  const children: Child[] = [];
  let stopPostgres: (() => Promise<void>) | null = null;
  let stopping = false;
  const shutdown = async (code: number, why?: string) => {
    if (stopping) return;
    stopping = true;
    if (why) log(why);
    log("stopping…");
    stopRunningSteps();
    for (const child of [...children].reverse()) await stopChild(child);
    if (stopPostgres) {
      await stopPostgres().catch((e: Error) => log(`postgres stop: ${e.message}`));
      log("postgres stopped");
    }
    process.exit(code);
  };
  takeOverShutdownSignals(() => void shutdown(0));
  const onChildExit = (name: string) => (code: number | null, signal: string | null) => {
    if (!stopping)
      void shutdown(1, `${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping everything`);
  };

  try {
    // Ports first, so a clash is reported before anything starts.
    if (!(await portIsFree(cfg.PORT, cfg.HOST))) {
      throw new StartupError(
        `PORT: port ${cfg.PORT} is already in use. Stop what uses it or set PORT to a free port.`,
      );
    }
    if (cfg.runDevnet && !(await portIsFree(cfg.DEVNET_PORT))) {
      throw new StartupError(
        `DEVNET_PORT: port ${cfg.DEVNET_PORT} is already in use. Stop what uses it, set DEVNET_PORT to a free port, or set SUBTENSOR_URL to use an existing node.`,
      );
    }

    let databaseUrl: string;
    if (cfg.DATABASE_URL) {
      await checkDatabase(cfg.DATABASE_URL);
      databaseUrl = cfg.DATABASE_URL;
      log(`database: ${redact(databaseUrl)}`);
    } else {
      const dir = path.join(cfg.dataDir, "postgres");
      const pgHandle = await startEmbeddedPostgres({ dir, port: cfg.TAOVIEW_PG_PORT });
      stopPostgres = pgHandle.stop;
      databaseUrl = pgHandle.url;
      log(
        `database: embedded PostgreSQL on 127.0.0.1:${cfg.TAOVIEW_PG_PORT}, data in ${path.relative(REPO_ROOT, dir)}`,
      );
    }
    const migrated = await migrate(databaseUrl);
    log(`migrations: ${migrated.applied.length} applied, ${migrated.alreadyApplied.length} already in place`);

    const env = childEnv({ DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" });

    await runStep("engine", ["tsx", "lib/engine/build.ts"], env, log, { optional: true });
    await runStep("prisma", ["tsx", "scripts/prisma-generate.ts"], env, log);
    // The Next.js build (first start or changed code) runs while the devnet pre-builds its history: the two
    // are independent, and overlapping them is what keeps a first start on two cores near a minute.
    const webBuild = ensureWebBuild(env, log);
    webBuild.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"

    let haveChain = !cfg.runDevnet;
    if (cfg.runDevnet) {
      if (existsSync(path.join(REPO_ROOT, "devnet/cli.ts"))) {
        haveChain = true;
        const chain = resolveDevnetChain(cfg.dataDir, {
          seed: cfg.DEVNET_SEED,
          history: cfg.DEVNET_HISTORY,
          blockTime: cfg.DEVNET_BLOCK_TIME,
        });
        const devnet = startChild(
          "devnet",
          [
            "tsx",
            "devnet/cli.ts",
            "--port",
            String(cfg.DEVNET_PORT),
            "--seed",
            String(cfg.DEVNET_SEED),
            "--history",
            String(cfg.DEVNET_HISTORY),
            "--block-time",
            String(cfg.DEVNET_BLOCK_TIME),
            "--genesis-time",
            String(chain.genesisTimeMs),
          ],
          env,
        );
        children.push(devnet);
        devnet.process.on("exit", onChildExit("devnet"));
        await devnet.waitForLine(/devnet listening/, 180_000);
        log(`chain: devnet at ${cfg.chainUrl}`);
      } else {
        log("chain: no devnet in this build yet and SUBTENSOR_URL is unset; chain features stay idle");
      }
    } else {
      log(`chain: ${cfg.chainUrl}`);
    }

    if (haveChain && existsSync(path.join(REPO_ROOT, "indexer/cli.ts"))) {
      const indexer = startChild(
        "indexer",
        ["tsx", "indexer/cli.ts", "--url", cfg.chainUrl, "--follow"],
        env,
      );
      children.push(indexer);
      indexer.process.on("exit", onChildExit("indexer"));
      log("indexer: following the chain");
    } else {
      log("indexer: idle (no chain to follow)");
    }

    await webBuild;
    const web = startChild("web", ["next", "start", "--port", String(cfg.PORT), "--hostname", cfg.HOST], env);
    children.push(web);
    web.process.on("exit", onChildExit("web"));
    const url = `http://${cfg.HOST}:${cfg.PORT}`;
    await waitForHttp(`${url}/api/health`, 120_000);
    log(
      `ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${url}  (health: ${url}/api/health)  — Ctrl-C stops everything`,
    );
  } catch (e) {
    const known =
      e instanceof StartupError ||
      e instanceof DevnetChainMismatch ||
      e instanceof DatabaseUnreachableError ||
      e instanceof EmbeddedPostgresError ||
      e instanceof MigrationError ||
      e instanceof ConfigError;
    await shutdown(1, known ? (e as Error).message : `start-up failed: ${(e as Error).stack ?? e}`);
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

function fail(message: string): never {
  process.stderr.write(`[taoview] ${message}\n`);
  process.exit(1);
}

await main();
