-- CreateTable
CREATE TABLE "engine_checks" (
    "block_number" INTEGER NOT NULL,
    "spec_version" INTEGER NOT NULL,
    "rules" TEXT,
    "subnets_checked" INTEGER NOT NULL,
    "items_checked" INTEGER NOT NULL,
    "mismatches" INTEGER NOT NULL,
    "details" JSONB NOT NULL,

    CONSTRAINT "engine_checks_pkey" PRIMARY KEY ("block_number")
);

-- CreateIndex
CREATE INDEX "engine_checks_spec_version_block_number_idx" ON "engine_checks"("spec_version", "block_number");

-- CreateIndex
CREATE INDEX "engine_checks_mismatches_block_number_idx" ON "engine_checks"("mismatches", "block_number");
