// Child processes of `npm start`: each in its own process group (so stopping it also stops whatever it
// spawned, e.g. Next.js workers), with its output prefixed by its name.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { REPO_ROOT } from "../../lib/config";

export type Log = (line: string) => void;

export interface Child {
  name: string;
  process: ChildProcess;
  /** Resolves on the first output line matching `pattern`; rejects on exit or timeout. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
}

/**
 * `tsx` runs as a loader inside one node process rather than through its CLI, which adds a second process and
 * rewrites exit codes when it relays signals.
 */
export function commandLine(argv: string[]): [string, string[]] {
  const [bin, ...rest] = argv;
  if (bin === "tsx") return [process.execPath, ["--import", "tsx", ...rest]];
  if (bin === "next")
    return [process.execPath, [path.join(REPO_ROOT, "node_modules/next/dist/bin/next"), ...rest]];
  throw new Error(`unknown command ${bin}`);
}

export function startChild(name: string, argv: string[], env: NodeJS.ProcessEnv): Child {
  const [cmd, args] = commandLine(argv);
  const child = spawn(cmd, args, { cwd: REPO_ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const waiters: { pattern: RegExp; resolve: (l: string) => void }[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    readline.createInterface({ input: stream }).on("line", (line) => {
      process.stdout.write(`[${name}] ${line}\n`);
      for (const w of [...waiters]) {
        if (w.pattern.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    });
  }
  return {
    name,
    process: child,
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${name} did not become ready within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
        const onExit = (code: number | null) => {
          clearTimeout(timer);
          reject(new Error(`${name} exited with code ${code} before it was ready`));
        };
        child.once("exit", onExit);
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            child.off("exit", onExit);
            resolve(line);
          },
        });
      });
    },
  };
}

/** SIGTERM to the child's process group, SIGKILL after `graceMs`. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  const proc = child.process;
  if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return;
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-proc.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
  // Grandchildren that ignored SIGTERM share the group; make sure none outlives us.
  signalGroup("SIGKILL");
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await r.body?.cancel();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
