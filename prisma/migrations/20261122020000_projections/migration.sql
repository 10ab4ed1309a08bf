-- CreateTable
CREATE TABLE "transfers" (
    "block_number" INTEGER NOT NULL,
    "event_index" INTEGER NOT NULL,
    "extrinsic_index" INTEGER,
    "timestamp" TIMESTAMPTZ(3),
    "from" TEXT,
    "to" TEXT,
    "amount" DECIMAL(39,0),

    CONSTRAINT "transfers_pkey" PRIMARY KEY ("block_number","event_index")
);

-- CreateTable
CREATE TABLE "stake_trades" (
    "block_number" INTEGER NOT NULL,
    "event_index" INTEGER NOT NULL,
    "extrinsic_index" INTEGER,
    "timestamp" TIMESTAMPTZ(3),
    "action" TEXT NOT NULL,
    "coldkey" TEXT,
    "hotkey" TEXT,
    "netuid" INTEGER,
    "tao" DECIMAL(39,0),
    "alpha" DECIMAL(39,0),
    "fee" DECIMAL(39,0),
    "price_rao" DECIMAL(39,0),

    CONSTRAINT "stake_trades_pkey" PRIMARY KEY ("block_number","event_index")
);

-- CreateTable
CREATE TABLE "stake_moves" (
    "block_number" INTEGER NOT NULL,
    "event_index" INTEGER NOT NULL,
    "extrinsic_index" INTEGER,
    "timestamp" TIMESTAMPTZ(3),
    "kind" TEXT NOT NULL,
    "origin_coldkey" TEXT,
    "dest_coldkey" TEXT,
    "origin_hotkey" TEXT,
    "dest_hotkey" TEXT,
    "origin_netuid" INTEGER,
    "dest_netuid" INTEGER,
    "tao" DECIMAL(39,0),

    CONSTRAINT "stake_moves_pkey" PRIMARY KEY ("block_number","event_index")
);

-- CreateTable
CREATE TABLE "registrations" (
    "block_number" INTEGER NOT NULL,
    "event_index" INTEGER NOT NULL,
    "extrinsic_index" INTEGER,
    "timestamp" TIMESTAMPTZ(3),
    "kind" TEXT NOT NULL,
    "netuid" INTEGER,
    "uid" INTEGER,
    "hotkey" TEXT,
    "coldkey" TEXT,
    "cost" DECIMAL(39,0),

    CONSTRAINT "registrations_pkey" PRIMARY KEY ("block_number","event_index")
);

-- CreateTable
CREATE TABLE "alpha_burns" (
    "block_number" INTEGER NOT NULL,
    "event_index" INTEGER NOT NULL,
    "extrinsic_index" INTEGER,
    "timestamp" TIMESTAMPTZ(3),
    "kind" TEXT NOT NULL,
    "coldkey" TEXT,
    "hotkey" TEXT,
    "netuid" INTEGER,
    "amount" DECIMAL(39,0),

    CONSTRAINT "alpha_burns_pkey" PRIMARY KEY ("block_number","event_index")
);

-- CreateTable
CREATE TABLE "weights_set" (
    "block_number" INTEGER NOT NULL,
    "event_index" INTEGER NOT NULL,
    "extrinsic_index" INTEGER,
    "timestamp" TIMESTAMPTZ(3),
    "netuid" INTEGER,
    "uid" INTEGER,
    "hotkey" TEXT,

    CONSTRAINT "weights_set_pkey" PRIMARY KEY ("block_number","event_index")
);

-- CreateTable
CREATE TABLE "take_changes" (
    "block_number" INTEGER NOT NULL,
    "event_index" INTEGER NOT NULL,
    "extrinsic_index" INTEGER,
    "timestamp" TIMESTAMPTZ(3),
    "kind" TEXT NOT NULL,
    "coldkey" TEXT,
    "hotkey" TEXT,
    "take" INTEGER,

    CONSTRAINT "take_changes_pkey" PRIMARY KEY ("block_number","event_index")
);

-- CreateTable
CREATE TABLE "subnet_identity_changes" (
    "block_number" INTEGER NOT NULL,
    "event_index" INTEGER NOT NULL,
    "extrinsic_index" INTEGER,
    "timestamp" TIMESTAMPTZ(3),
    "netuid" INTEGER,
    "identity" JSONB,

    CONSTRAINT "subnet_identity_changes_pkey" PRIMARY KEY ("block_number","event_index")
);

-- CreateTable
CREATE TABLE "hyperparameter_changes" (
    "block_number" INTEGER NOT NULL,
    "extrinsic_index" INTEGER NOT NULL,
    "call_index" INTEGER NOT NULL,
    "timestamp" TIMESTAMPTZ(3),
    "netuid" INTEGER,
    "name" TEXT NOT NULL,
    "value" JSONB NOT NULL,

    CONSTRAINT "hyperparameter_changes_pkey" PRIMARY KEY ("block_number","extrinsic_index","call_index")
);

-- CreateIndex
CREATE INDEX "transfers_from_block_number_idx" ON "transfers"("from", "block_number");

-- CreateIndex
CREATE INDEX "transfers_to_block_number_idx" ON "transfers"("to", "block_number");

-- CreateIndex
CREATE INDEX "transfers_timestamp_idx" ON "transfers"("timestamp");

-- CreateIndex
CREATE INDEX "stake_trades_netuid_block_number_idx" ON "stake_trades"("netuid", "block_number");

-- CreateIndex
CREATE INDEX "stake_trades_coldkey_block_number_idx" ON "stake_trades"("coldkey", "block_number");

-- CreateIndex
CREATE INDEX "stake_trades_hotkey_block_number_idx" ON "stake_trades"("hotkey", "block_number");

-- CreateIndex
CREATE INDEX "stake_trades_timestamp_idx" ON "stake_trades"("timestamp");

-- CreateIndex
CREATE INDEX "stake_moves_origin_coldkey_block_number_idx" ON "stake_moves"("origin_coldkey", "block_number");

-- CreateIndex
CREATE INDEX "stake_moves_dest_coldkey_block_number_idx" ON "stake_moves"("dest_coldkey", "block_number");

-- CreateIndex
CREATE INDEX "registrations_netuid_kind_block_number_idx" ON "registrations"("netuid", "kind", "block_number");

-- CreateIndex
CREATE INDEX "registrations_timestamp_idx" ON "registrations"("timestamp");

-- CreateIndex
CREATE INDEX "alpha_burns_netuid_block_number_idx" ON "alpha_burns"("netuid", "block_number");

-- CreateIndex
CREATE INDEX "alpha_burns_timestamp_idx" ON "alpha_burns"("timestamp");

-- CreateIndex
CREATE INDEX "weights_set_netuid_block_number_idx" ON "weights_set"("netuid", "block_number");

-- CreateIndex
CREATE INDEX "take_changes_hotkey_block_number_idx" ON "take_changes"("hotkey", "block_number");

-- CreateIndex
CREATE INDEX "subnet_identity_changes_netuid_block_number_idx" ON "subnet_identity_changes"("netuid", "block_number");

-- CreateIndex
CREATE INDEX "hyperparameter_changes_netuid_name_block_number_idx" ON "hyperparameter_changes"("netuid", "name", "block_number");
