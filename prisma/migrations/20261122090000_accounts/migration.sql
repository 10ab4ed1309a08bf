-- CreateTable
CREATE TABLE "account_balances" (
    "address" TEXT NOT NULL,
    "free" DECIMAL(39,0) NOT NULL,
    "reserved" DECIMAL(39,0) NOT NULL,
    "frozen" DECIMAL(39,0) NOT NULL,
    "block_number" INTEGER NOT NULL,

    CONSTRAINT "account_balances_pkey" PRIMARY KEY ("address")
);

-- CreateTable
CREATE TABLE "stake_positions" (
    "coldkey" TEXT NOT NULL,
    "hotkey" TEXT NOT NULL,
    "netuid" INTEGER NOT NULL,
    "alpha" DECIMAL(39,0) NOT NULL,
    "block_number" INTEGER NOT NULL,

    CONSTRAINT "stake_positions_pkey" PRIMARY KEY ("coldkey","hotkey","netuid")
);

-- CreateTable
CREATE TABLE "holder_scans" (
    "block_number" INTEGER NOT NULL,
    "accounts" INTEGER NOT NULL,
    "positions" INTEGER NOT NULL,
    "unvalued" INTEGER NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "holder_scans_pkey" PRIMARY KEY ("block_number")
);

-- CreateTable
CREATE TABLE "holder_stats" (
    "netuid" INTEGER NOT NULL,
    "block_number" INTEGER NOT NULL,
    "holders" INTEGER NOT NULL,
    "total" DECIMAL(39,0) NOT NULL,
    "top10_share" DECIMAL(20,18),
    "top50_share" DECIMAL(20,18),
    "gini" DECIMAL(20,18),
    "nakamoto" INTEGER,

    CONSTRAINT "holder_stats_pkey" PRIMARY KEY ("netuid","block_number")
);

-- CreateIndex
CREATE INDEX "account_balances_block_number_idx" ON "account_balances"("block_number");

-- CreateIndex
CREATE INDEX "stake_positions_netuid_alpha_idx" ON "stake_positions"("netuid", "alpha");

-- CreateIndex
CREATE INDEX "stake_positions_hotkey_idx" ON "stake_positions"("hotkey");

-- CreateIndex
CREATE INDEX "stake_positions_block_number_idx" ON "stake_positions"("block_number");

-- CreateIndex
CREATE INDEX "holder_stats_block_number_idx" ON "holder_stats"("block_number");
