import pg from "pg";

export class DatabaseUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnreachableError";
  }
}

/** Connects once with a short timeout so a wrong DATABASE_URL fails start-up with one clear line. */
export async function checkDatabase(url: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (e) {
    throw new DatabaseUnreachableError(
      `DATABASE_URL: cannot connect (${(e as Error).message || (e as Error).name}). Check the URL and that the server is up, or unset DATABASE_URL to use the embedded PostgreSQL.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
