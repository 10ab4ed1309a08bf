// `npm run migrate`: applies pending migrations to DATABASE_URL (npm start does this itself).
import { ConfigError, config } from "../lib/config";
import { MigrationError, migrate } from "../lib/db/migrate";

try {
  const url = config().DATABASE_URL;
  if (!url) throw new ConfigError("DATABASE_URL", "DATABASE_URL is not set: give the database to migrate");
  const r = await migrate(url);
  console.log(
    `${r.applied.length} applied (${r.applied.join(", ") || "none"}), ${r.alreadyApplied.length} already in place`,
  );
} catch (e) {
  if (e instanceof ConfigError || e instanceof MigrationError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
