// Build steps `npm start` runs before serving: generated code and the Next.js production build, redone only
// when their inputs changed.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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
    const child = spawn(cmd, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) log(`${name}: ${line}`);
    };
    child.stdout.on("data", relay);
    child.stderr.on("data", relay);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${name} step failed with exit code ${code}`)),
    );
  });
}

export async function ensureWebBuild(env: NodeJS.ProcessEnv, log: Log): Promise<void> {
  const stamp = path.join(REPO_ROOT, ".next/taoview-inputs.sha256");
  const hash = webInputsHash();
  if (
    existsSync(path.join(REPO_ROOT, ".next/BUILD_ID")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === hash
  ) {
    log("web: production build is up to date");
    return;
  }
  log("web: building the Next.js production bundle (first start or code changed; about a minute)…");
  const t0 = Date.now();
  await runStep("build", ["next", "build"], env, log);
  writeFileSync(stamp, hash);
  log(`web: built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
