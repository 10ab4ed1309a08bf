// Vitest global setup: one PostgreSQL server for the whole run. Each suite then creates its own fresh
// database on it (tests/helpers/db.ts), so no test ever touches a user's data.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { parseConfig } from "../../lib/config";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { freePort } from "./ports";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cfg = parseConfig();
  if (cfg.DATABASE_URL) {
    // Same server as the user's DATABASE_URL, but tests only ever create and drop their own databases.
    const admin = new URL(cfg.DATABASE_URL);
    admin.pathname = "/postgres";
    project.provide("pgAdminUrl", admin.toString());
    return async () => {};
  }
  const root = path.resolve(".tmp");
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(path.join(root, "test-pg-"));
  const handle = await startEmbeddedPostgres({
    dir,
    port: await freePort(),
    fast: true,
    dirVariable: "(test cluster)",
    portVariable: "(test cluster)",
  });
  project.provide("pgAdminUrl", handle.adminUrl);
  return async () => {
    await handle.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.log`, { force: true });
  };
}
