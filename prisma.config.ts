// Prisma CLI configuration. Only `prisma generate` runs here (see scripts/prisma-generate.ts); migrations are
// applied by lib/db/migrate.ts. The URL is a placeholder because generate never connects.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: "postgresql://taoview@127.0.0.1:5432/taoview" },
});
