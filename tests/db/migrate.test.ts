import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { checksum, migrate, readMigrations } from "../../lib/db/migrate";
import { freshDatabase, type TestDatabase } from "../helpers/db";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function emptyDb(): Promise<TestDatabase> {
  const db = await freshDatabase({ migrate: false });
  cleanups.push(() => db.drop());
  return db;
}

function copyMigrations(): string {
  mkdirSync(".tmp", { recursive: true });
  const dir = mkdtempSync(path.resolve(".tmp/migrations-"));
  cpSync("prisma/migrations", dir, { recursive: true });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("applies every migration once and records it the way Prisma does", async () => {
    const db = await emptyDb();
    const local = readMigrations("prisma/migrations");
    const first = await migrate(db.url);
    expect(first.applied).toEqual(local.map((m) => m.name));
    const second = await migrate(db.url);
    expect(second).toEqual({ applied: [], alreadyApplied: local.map((m) => m.name) });

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
      id: string;
    }>(db.url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(local.map((m) => m.name));
    for (const [i, r] of rows.entries()) {
      const sql = readFileSync(path.join("prisma/migrations", r.migration_name, "migration.sql"), "utf8");
      expect(r.checksum).toBe(checksum(sql));
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.applied_steps_count).toBe(1);
      expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(local[i]!.checksum).toBe(r.checksum);
    }
    const columns = await query<{ column_name: string }>(
      db.url,
      `SELECT column_name FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([
      "id",
      "checksum",
      "finished_at",
      "migration_name",
      "logs",
      "rolled_back_at",
      "started_at",
      "applied_steps_count",
    ]);
  });

  it("refuses to run when an applied migration's file was edited", async () => {
    const db = await emptyDb();
    const dir = copyMigrations();
    await migrate(db.url, dir);
    const first = readMigrations(dir)[0]!;
    appendFileSync(path.join(dir, first.name, "migration.sql"), "\n-- edited\n");
    await expect(migrate(db.url, dir)).rejects.toThrow(
      `migration ${first.name} was edited after it was applied`,
    );
  });

  it("applies a new migration atomically: a failing one leaves no trace", async () => {
    const db = await emptyDb();
    const dir = copyMigrations();
    await migrate(db.url, dir);
    mkdirSync(path.join(dir, "29990101000000_broken"));
    writeFileSync(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "half" ("id" INTEGER);\nSELECT no_such_function();\n`,
    );
    await expect(migrate(db.url, dir)).rejects.toThrow(/migration 29990101000000_broken failed/);
    const half = await query(db.url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half'`);
    expect(half).toHaveLength(0);
    const recorded = await query(
      db.url,
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
    );
    expect(recorded).toHaveLength(0);

    writeFileSync(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "half" ("id" INTEGER);\n`,
    );
    expect((await migrate(db.url, dir)).applied).toEqual(["29990101000000_broken"]);
  });

  it("refuses when the database has a migration this code does not know", async () => {
    const db = await emptyDb();
    const dir = copyMigrations();
    mkdirSync(path.join(dir, "29990101000000_future"));
    writeFileSync(path.join(dir, "29990101000000_future", "migration.sql"), `SELECT 1;\n`);
    await migrate(db.url, dir);
    rmSync(path.join(dir, "29990101000000_future"), { recursive: true });
    await expect(migrate(db.url, dir)).rejects.toThrow(
      /29990101000000_future is applied in the database but missing/,
    );
  });

  it("serialises concurrent migrators", async () => {
    const db = await emptyDb();
    const results = await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)]);
    expect(results.flatMap((r) => r.applied)).toHaveLength(readMigrations("prisma/migrations").length);
  });
});
