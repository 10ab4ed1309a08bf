// The node-postgres pool the read queries run on. Queries are still composed with Prisma's `sql` tagged
// templates (bind parameters, never string-built); only the executor differs from db().$queryRaw: measured on a
// list page, Prisma 7's raw-query path cost ~0.9 ms of CPU per call before any row was read, half of the
// request's total, which capped throughput on small machines. Types come back as node-postgres parses them:
// int8 and NUMERIC as strings (never JS numbers), timestamptz as Date, jsonb parsed.
import pg from "pg";
import { config } from "../config";

const holder = globalThis as unknown as { taoviewQueryPool?: pg.Pool };

export function queryPool(): pg.Pool {
  if (!holder.taoviewQueryPool) {
    const url = config().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Taoview with `npm start`, which provides it");
    // A filter no index serves (e.g. a rare value deep in history) must not hold a connection for minutes.
    const pool = new pg.Pool({ connectionString: url, max: 10, statement_timeout: 10_000 });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    pool.on("error", (e) => console.error("[queries] idle database connection failed:", e.message));
    holder.taoviewQueryPool = pool;
  }
  return holder.taoviewQueryPool;
}

/** Ends the pool (tests, scripts); the next query opens a new one. */
export async function closeQueryPool(): Promise<void> {
  const pool = holder.taoviewQueryPool;
  holder.taoviewQueryPool = undefined;
  await pool?.end();
}
