import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffShapes, expectedShape, liveShape } from "../../lib/db/drift";
import { freshDatabase, type TestDatabase } from "../helpers/db";

const schemaText = readFileSync("prisma/schema.prisma", "utf8");

describe("schema.prisma and the SQL migrations describe the same database", () => {
  let database: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    database = await freshDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it("has no drift after applying every migration", async () => {
    expect(diffShapes(expectedShape(schemaText), await liveShape(client))).toEqual([]);
  });

  it("reports a field added to schema.prisma without a migration", async () => {
    const edited = schemaText.replace(
      "  author         String?\n",
      "  author         String?\n  weight         BigInt\n",
    );
    expect(edited).not.toBe(schemaText);
    const diff = diffShapes(expectedShape(edited), await liveShape(client));
    expect(diff).toEqual([
      "blocks.weight: schema.prisma says bigint NOT NULL default=, database has (absent)",
    ]);
  });

  it("reports a column, index or table that only the database has", async () => {
    await client.query("BEGIN");
    try {
      await client.query(`ALTER TABLE "events" ADD COLUMN "extra" TEXT`);
      await client.query(`CREATE INDEX "events_phase_idx" ON "events"("phase")`);
      await client.query(`CREATE TABLE "stray" ("id" INTEGER PRIMARY KEY)`);
      const diff = diffShapes(expectedShape(schemaText), await liveShape(client));
      expect(diff).toContain("events.extra: schema.prisma says (absent), database has text NULL default=");
      expect(diff).toContain("events: index index(phase) is in the database but not in schema.prisma");
      expect(diff).toContain("table stray exists in the database but not in schema.prisma");
    } finally {
      await client.query("ROLLBACK");
    }
  });

  it("notices a changed type, nullability or default", async () => {
    const edited = schemaText
      .replace("fee         Decimal? @db.Decimal(39, 0)", "fee         Decimal? @db.Decimal(20, 0)")
      .replace("finalized      Boolean   @default(false)", "finalized      Boolean   @default(true)");
    const diff = diffShapes(expectedShape(edited), await liveShape(client));
    expect(diff).toHaveLength(2);
    expect(diff.join("\n")).toMatch(/extrinsics\.fee: schema\.prisma says numeric\(20,0\)/);
    expect(diff.join("\n")).toMatch(/blocks\.finalized: schema\.prisma says boolean NOT NULL default=true/);
  });
});
