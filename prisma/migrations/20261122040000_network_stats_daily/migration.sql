-- CreateTable
CREATE TABLE "network_stats_daily" (
    "day" DATE NOT NULL,
    "block_number" INTEGER NOT NULL,
    "issuance" DECIMAL(39,0),
    "staked" DECIMAL(39,0),
    "subnets" INTEGER,
    "accounts" INTEGER,
    "blocks" INTEGER NOT NULL,
    "extrinsics" INTEGER NOT NULL,
    "signed_extrinsics" INTEGER NOT NULL,
    "events" INTEGER NOT NULL,
    "transfers" INTEGER NOT NULL,
    "transfer_volume" DECIMAL(39,0) NOT NULL,
    "registrations" INTEGER NOT NULL,
    "recycled" DECIMAL(39,0) NOT NULL,

    CONSTRAINT "network_stats_daily_pkey" PRIMARY KEY ("day")
);
