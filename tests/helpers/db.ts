// A fresh, migrated database per suite on the run's test server.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { ensureDatabase } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function freshDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("pgAdminUrl");
  const name = `taoview_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await ensureDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (opts.migrate !== false) await migrate(url.toString());
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * A pool on a test database. `drop()` uses DROP DATABASE … WITH (FORCE), which terminates connections a pool may
 * still be closing; that termination (57P01) must not surface as an uncaught pool error after the suite.
 */
export function testPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url });
  pool.on("error", (e: Error & { code?: string }) => {
    if (e.code !== "57P01") throw e;
  });
  return pool;
}
