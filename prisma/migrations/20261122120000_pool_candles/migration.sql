-- CreateTable
CREATE TABLE "pool_candles" (
    "netuid" INTEGER NOT NULL,
    "frequency" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "first_block" INTEGER NOT NULL,
    "last_block" INTEGER NOT NULL,
    "open" DECIMAL(39,0) NOT NULL,
    "high" DECIMAL(39,0) NOT NULL,
    "low" DECIMAL(39,0) NOT NULL,
    "close" DECIMAL(39,0) NOT NULL,
    "first_volume" DECIMAL(39,0),
    "last_volume" DECIMAL(39,0),

    CONSTRAINT "pool_candles_pkey" PRIMARY KEY ("netuid","frequency","bucket")
);

-- CreateIndex
CREATE INDEX "pool_candles_last_block_idx" ON "pool_candles"("last_block");
