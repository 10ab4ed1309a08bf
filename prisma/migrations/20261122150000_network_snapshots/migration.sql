-- CreateTable
CREATE TABLE "network_snapshots" (
    "block_number" INTEGER NOT NULL,
    "issuance" DECIMAL(39,0),
    "staked" DECIMAL(39,0),
    "registration_cost" DECIMAL(39,0),
    "pools" INTEGER NOT NULL,
    "priced_pools" INTEGER NOT NULL,
    "tao_in_pools" DECIMAL(39,0),
    "alpha_price_sum" DECIMAL(39,0),

    CONSTRAINT "network_snapshots_pkey" PRIMARY KEY ("block_number")
);
