-- CreateTable
CREATE TABLE "pool_snapshots" (
    "netuid" INTEGER NOT NULL,
    "block_number" INTEGER NOT NULL,
    "tao_in" DECIMAL(39,0),
    "alpha_in" DECIMAL(39,0),
    "alpha_out" DECIMAL(39,0),
    "price_rao" DECIMAL(39,0),
    "moving_price" DECIMAL(64,32),
    "tao_in_emission" DECIMAL(39,0),
    "alpha_in_emission" DECIMAL(39,0),
    "alpha_out_emission" DECIMAL(39,0),
    "volume" DECIMAL(39,0),

    CONSTRAINT "pool_snapshots_pkey" PRIMARY KEY ("netuid","block_number")
);

-- CreateIndex
CREATE INDEX "pool_snapshots_block_number_idx" ON "pool_snapshots"("block_number");
