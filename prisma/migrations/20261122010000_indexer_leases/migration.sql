-- CreateTable
CREATE TABLE "indexer_leases" (
    "range_start" INTEGER NOT NULL,
    "range_end" INTEGER NOT NULL,
    "owner" TEXT,
    "heartbeat_at" TIMESTAMPTZ(3),
    "done" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "indexer_leases_pkey" PRIMARY KEY ("range_start")
);

-- CreateTable
CREATE TABLE "indexer_deferred_indexes" (
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,

    CONSTRAINT "indexer_deferred_indexes_pkey" PRIMARY KEY ("name")
);
