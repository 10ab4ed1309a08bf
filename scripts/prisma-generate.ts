// Runs `prisma generate` offline. Prisma's CLI insists on a schema-engine binary it would download; generate
// never uses it, so any existing file satisfies the check (see the brief: "What bites on these machines").
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { childEnv } from "../lib/config";

const root = process.cwd();
const schema = path.join(root, "prisma/schema.prisma");
const marker = path.join(root, "lib/generated/prisma/client.ts");

// Skip when the generated client is newer than the schema: keeps `npm test` and `npm start` quick.
if (
  existsSync(marker) &&
  statSync(marker).mtimeMs > statSync(schema).mtimeMs &&
  !process.argv.includes("--force")
) {
  process.exit(0);
}
const cli = path.join(root, "node_modules/prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], {
  stdio: ["ignore", "pipe", "pipe"],
  env: childEnv({
    PRISMA_SCHEMA_ENGINE_BINARY: cli,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  }),
});
if (result.status !== 0) {
  process.stderr.write(result.stdout.toString() + result.stderr.toString());
  process.exit(result.status ?? 1);
}
if (!existsSync(marker) || !readFileSync(marker, "utf8").includes("PrismaClient")) {
  process.stderr.write(`prisma generate did not produce ${marker}\n`);
  process.exit(1);
}
