// The one place that reads the environment. Every variable is validated here so a bad value stops start-up
// with one line naming the variable and the fix, instead of failing later somewhere deep.
import path from "node:path";
import { z } from "zod";

// npm scripts, Next.js and the tests all run from the repository root.
export const REPO_ROOT = process.cwd();

const port = (fallback: number) =>
  z.coerce
    .number({ error: "must be a port number" })
    .int("must be an integer")
    .min(1, "must be 1-65535")
    .max(65535, "must be 1-65535")
    .default(fallback);

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
    message: "must be a postgres:// or postgresql:// URL, e.g. postgresql://user:pass@localhost:5432/taoview",
  });

const chainUrl = z
  .string()
  .trim()
  .refine((v) => /^(wss?|https?):\/\/[^\s]+$/.test(v) && URL.canParse(v), {
    message:
      "must be a ws://, wss://, http:// or https:// URL, e.g. wss://entrypoint-finney.opentensor.ai:443",
  });

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const schema = z.object({
  DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  SUBTENSOR_URL: z.preprocess(emptyAsUndefined, chainUrl.optional()),
  PORT: port(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  TAOVIEW_DATA_DIR: z.string().trim().min(1).default(".data"),
  TAOVIEW_PG_PORT: port(54329),
  DEVNET_PORT: port(9944),
  DEVNET_SEED: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(42),
  DEVNET_HISTORY: z.coerce.number().int().min(0).max(10_000_000).default(600),
  DEVNET_BLOCK_TIME: z.coerce.number().min(0.1).max(3600).default(6),
  /** Blocks between two full holder scans (balances, stake positions, holder statistics) at the head; 360 = a tempo. */
  HOLDERS_SCAN_EVERY: z.coerce
    .number({ error: "must be a number of blocks" })
    .int("must be an integer")
    .min(1, "must be at least 1")
    .max(10_000_000, "must be at most 10000000")
    .default(360),
  /**
   * Engine self-check in the indexer: recompute the coinbase of every Nth block from its parent's state and
   * compare with what the chain stored (0 = off). Default 1: every block.
   */
  ENGINE_SELF_CHECK_EVERY: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "must be a number of blocks (0 = off)" })
      .int("must be an integer")
      .min(0, "must be 0 (off) or more")
      .max(1_000_000, "must be at most 1000000")
      .default(1),
  ),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  API_RATE_LIMIT_PER_MIN: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "must be a number of requests per minute" })
      .int("must be an integer")
      .min(0, "must be 0 (off) or more")
      .max(1_000_000, "must be at most 1000000")
      .default(600),
  ),
});

export type Config = z.infer<typeof schema> & {
  /** Absolute path of the data folder (embedded Postgres, caches). */
  dataDir: string;
  /** The chain endpoint the indexer and health check use: SUBTENSOR_URL, else our devnet. */
  chainUrl: string;
  /** Whether `npm start` must run the devnet itself. */
  runDevnet: boolean;
};

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Parses an environment (default: this process's) into a Config; throws ConfigError naming the variable. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    const given = env[variable];
    throw new ConfigError(
      variable,
      `${variable}=${JSON.stringify(given ?? "")} is invalid: ${issue.message}. Fix or unset ${variable} and start again.`,
    );
  }
  const c = result.data;
  // turbopackIgnore: the data folder is runtime state, not something the web bundle should trace.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ REPO_ROOT, c.TAOVIEW_DATA_DIR);
  return {
    ...c,
    dataDir,
    chainUrl: c.SUBTENSOR_URL ?? `ws://127.0.0.1:${c.DEVNET_PORT}`,
    runDevnet: c.SUBTENSOR_URL === undefined,
  };
}

let cached: Config | undefined;

/** The process-wide configuration, parsed once. */
export function config(): Config {
  cached ??= parseConfig();
  return cached;
}

/** Environment for a child process: this one's, plus overrides (e.g. the embedded DATABASE_URL). */
export function childEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

/** True when running under CI (CI=true), where tests must not depend on anything installed by hand. */
export function isCI(): boolean {
  return process.env.CI === "true";
}
