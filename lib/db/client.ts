// The Prisma client over node-postgres (@prisma/adapter-pg). One per process: Next.js dev reloads modules, so
// the instance is parked on globalThis.
import { PrismaPg } from "@prisma/adapter-pg";
import { config } from "../config";
import { PrismaClient } from "../generated/prisma/client";

export type Db = PrismaClient;

export function createDb(url: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
}

const holder = globalThis as unknown as { taoviewDb?: Db };

/** The process-wide client for DATABASE_URL (set by `npm start` to the embedded server when not given). */
export function db(): Db {
  if (!holder.taoviewDb) {
    const url = config().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Taoview with `npm start`, which provides it");
    holder.taoviewDb = createDb(url);
  }
  return holder.taoviewDb;
}
