// Build steps `npm start` runs before serving: generated code and the Next.js production build, redone only
// when their inputs changed.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../../lib/config";
import { commandLine, type Log } from "./children";

const WEB_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const SKIP = new Set(["node_modules", ".next", "build"]);

function walk(p: string, out: string[]): void {
  const abs = path.join(REPO_ROOT, p);
  if (!existsSync(abs)) return;
  const entries = readdirSync(abs, { withFileTypes: true });
  for (const e of entries) {
    if (SKIP.has(e.name)) continue;
    const rel = path.join(p, e.name);
    if (e.isDirectory()) walk(rel, out);
    else out.push(rel);
  }
}

export function webInputsHash(): string {
  const files: string[] = [];
  for (const input of WEB_INPUTS) {
    const abs = path.join(REPO_ROOT, input);
    if (!existsSync(abs)) continue;
    if (input.includes(".")) files.push(input);
    else walk(input, files);
  }
  const h = createHash("sha256");
  for (const f of files.sort())
    h.update(f)
      .update("\0")
      .update(readFileSync(path.join(REPO_ROOT, f)))
      .update("\0");
  return h.digest("hex");
}

/** Build steps still running, so a shutdown can stop them with everything else. */
const runningSteps = new Set<ChildProcess>();

/** Stops every running build step and its workers. */
export function stopRunningSteps(): void {
  for (const child of runningSteps) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

/** Runs a build command to completion, prefixing its output; throws with the exit code on failure. */
export function runStep(
  name: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  log: Log,
  opts: { optional?: boolean } = {},
): Promise<void> {
  if (opts.optional && argv[0] === "tsx" && !existsSync(path.join(REPO_ROOT, argv[1] ?? "")))
    return Promise.resolve();
  const [cmd, args] = commandLine(argv);
  return new Promise((resolve, reject) => {
    // Own process group, so stopping a step also stops the workers it forks (next build does).
    const child = spawn(cmd, args, {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    runningSteps.add(child);
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) log(`${name}: ${line}`);
    };
    child.stdout.on("data", relay);
    child.stderr.on("data", relay);
    child.on("exit", (code, signal) => {
      runningSteps.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${name} step failed with ${signal ? `signal ${signal}` : `exit code ${code}`}`));
    });
  });
}

function webBuildIsCurrent(hash: string): boolean {
  const stamp = path.join(REPO_ROOT, ".next/taoview-inputs.sha256");
  return (
    existsSync(path.join(REPO_ROOT, ".next/BUILD_ID")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === hash
  );
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Cross-process lock around `next build`: two `npm start`s (or parallel test files) in one checkout share
 * `.next`, and Next refuses a second concurrent build. A lock left by a dead process is taken over.
 */
async function withBuildLock<T>(log: Log, fn: () => Promise<T>): Promise<T> {
  const dir = path.join(REPO_ROOT, ".tmp/web-build.lock");
  mkdirSync(path.dirname(dir), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(path.join(dir, "pid"), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let holder = 0;
      try {
        holder = Number(readFileSync(path.join(dir, "pid"), "utf8")) || 0;
      } catch {
        // The holder has not written its pid yet, or just released the lock: look again shortly.
      }
      if (holder > 0 && !processAlive(holder)) {
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      if (!announced) log(`web: waiting for another Next.js build in this checkout (pid ${holder || "?"})…`);
      announced = true;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function ensureWebBuild(env: NodeJS.ProcessEnv, log: Log): Promise<void> {
  const hash = webInputsHash();
  if (webBuildIsCurrent(hash)) {
    log("web: production build is up to date");
    return;
  }
  await withBuildLock(log, async () => {
    if (webBuildIsCurrent(hash)) {
      log("web: production build is up to date (built by another process)");
      return;
    }
    log("web: building the Next.js production bundle (first start or code changed; about a minute)…");
    const t0 = Date.now();
    await runStep("build", ["next", "build"], env, log);
    writeFileSync(path.join(REPO_ROOT, ".next/taoview-inputs.sha256"), hash);
    log(`web: built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  });
}
