-- AlterTable
ALTER TABLE "pool_snapshots" ADD COLUMN     "burn" DECIMAL(39,0);
