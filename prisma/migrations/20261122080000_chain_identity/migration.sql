-- CreateTable
CREATE TABLE "chain_identity" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "genesis_hash" TEXT NOT NULL,
    "chain_name" TEXT NOT NULL,
    "first_seen" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chain_identity_pkey" PRIMARY KEY ("id")
);
