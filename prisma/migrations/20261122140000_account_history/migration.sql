-- CreateTable
CREATE TABLE "account_balance_history" (
    "address" TEXT NOT NULL,
    "block_number" INTEGER NOT NULL,
    "free" DECIMAL(39,0) NOT NULL,
    "reserved" DECIMAL(39,0) NOT NULL,
    "frozen" DECIMAL(39,0) NOT NULL,

    CONSTRAINT "account_balance_history_pkey" PRIMARY KEY ("address","block_number")
);

-- CreateTable
CREATE TABLE "account_stake_history" (
    "coldkey" TEXT NOT NULL,
    "block_number" INTEGER NOT NULL,
    "staked" DECIMAL(39,0) NOT NULL,
    "positions" INTEGER NOT NULL,
    "unpriced" INTEGER NOT NULL,

    CONSTRAINT "account_stake_history_pkey" PRIMARY KEY ("coldkey","block_number")
);

-- CreateTable
CREATE TABLE "hotkey_history" (
    "hotkey" TEXT NOT NULL,
    "block_number" INTEGER NOT NULL,
    "nominators" INTEGER NOT NULL,
    "stake" DECIMAL(39,0) NOT NULL,
    "subnets" INTEGER NOT NULL,
    "unpriced" INTEGER NOT NULL,

    CONSTRAINT "hotkey_history_pkey" PRIMARY KEY ("hotkey","block_number")
);

-- CreateIndex
CREATE INDEX "account_balance_history_block_number_idx" ON "account_balance_history"("block_number");

-- CreateIndex
CREATE INDEX "account_stake_history_block_number_idx" ON "account_stake_history"("block_number");

-- CreateIndex
CREATE INDEX "hotkey_history_block_number_idx" ON "hotkey_history"("block_number");
