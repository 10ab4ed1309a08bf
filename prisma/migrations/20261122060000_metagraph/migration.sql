-- CreateTable
CREATE TABLE "metagraph_snapshots" (
    "netuid" INTEGER NOT NULL,
    "block_number" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "neurons" INTEGER NOT NULL,

    CONSTRAINT "metagraph_snapshots_pkey" PRIMARY KEY ("netuid","block_number")
);

-- CreateTable
CREATE TABLE "metagraph_neurons" (
    "netuid" INTEGER NOT NULL,
    "block_number" INTEGER NOT NULL,
    "uid" INTEGER NOT NULL,
    "hotkey" TEXT NOT NULL,
    "coldkey" TEXT,
    "stake" DECIMAL(39,0) NOT NULL,
    "root_stake" DECIMAL(39,0) NOT NULL,
    "validator_permit" BOOLEAN NOT NULL,
    "validator_trust" INTEGER NOT NULL,
    "trust" INTEGER,
    "consensus" INTEGER NOT NULL,
    "incentive" INTEGER NOT NULL,
    "dividends" INTEGER NOT NULL,
    "stake_weight" INTEGER,
    "emission" DECIMAL(39,0) NOT NULL,
    "active" BOOLEAN NOT NULL,
    "last_update" BIGINT NOT NULL,
    "registered_at" BIGINT,
    "axon" TEXT,
    "take" INTEGER,

    CONSTRAINT "metagraph_neurons_pkey" PRIMARY KEY ("netuid","block_number","uid")
);

-- CreateIndex
CREATE INDEX "metagraph_snapshots_block_number_idx" ON "metagraph_snapshots"("block_number");

-- CreateIndex
CREATE INDEX "metagraph_neurons_hotkey_block_number_idx" ON "metagraph_neurons"("hotkey", "block_number");

-- CreateIndex
CREATE INDEX "metagraph_neurons_block_number_idx" ON "metagraph_neurons"("block_number");
