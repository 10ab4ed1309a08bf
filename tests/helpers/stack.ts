// Runs `npm start` (scripts/start.ts) as a child with its own data folder and ports, like a user would.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { childEnv } from "../../lib/config";
import { freePort } from "./ports";

export interface Stack {
  url: string;
  dataDir: string;
  pgPort: number;
  output(): string;
  stop(): Promise<number | null>;
}

export interface RunResult {
  code: number | null;
  output: string;
}

function spawnStart(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: childEnv({ DATABASE_URL: "", SUBTENSOR_URL: "", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  return { child, output: () => out };
}

export function newDataDir(): string {
  mkdirSync(".tmp", { recursive: true });
  return mkdtempSync(path.resolve(".tmp/e2e-"));
}

/** Starts the stack and resolves once it prints that it is ready. */
export async function startStack(
  opts: { dataDir?: string; pgPort?: number; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Stack> {
  const dataDir = opts.dataDir ?? newDataDir();
  const port = await freePort();
  const pgPort = opts.pgPort ?? (await freePort());
  const { child, output } = spawnStart({
    TAOVIEW_DATA_DIR: dataDir,
    PORT: String(port),
    TAOVIEW_PG_PORT: String(pgPort),
    DEVNET_PORT: String(await freePort()),
    // The scenario devnet pre-builds ~10 blocks/s; 120 blocks cover every page the suites visit.
    DEVNET_HISTORY: "120",
    ...opts.env,
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + (opts.timeoutMs ?? 150_000);
  while (!/ready in [\d.]+ s/.test(output())) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`npm start was not ready in time:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    pgPort,
    output,
    async stop() {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Runs start to completion (for start-ups that must fail). */
export function runStart(env: Record<string, string>, timeoutMs = 60_000): Promise<RunResult> {
  const { child, output } = spawnStart(env);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`npm start did not exit within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output: output() });
    });
  });
}
