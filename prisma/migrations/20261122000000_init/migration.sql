-- CreateTable
CREATE TABLE "blocks" (
    "number" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "parent_hash" TEXT NOT NULL,
    "state_root" TEXT NOT NULL,
    "extrinsics_root" TEXT NOT NULL,
    "spec_version" INTEGER NOT NULL,
    "timestamp" TIMESTAMPTZ(3),
    "author" TEXT,
    "extrinsic_count" INTEGER NOT NULL,
    "event_count" INTEGER NOT NULL,
    "finalized" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "blocks_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "block_raw" (
    "number" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "header" JSONB NOT NULL,
    "extrinsics" TEXT[],
    "events" TEXT,

    CONSTRAINT "block_raw_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "extrinsics" (
    "block_number" INTEGER NOT NULL,
    "index" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "signed" BOOLEAN NOT NULL,
    "signer" TEXT,
    "section" TEXT,
    "method" TEXT,
    "args" JSONB NOT NULL,
    "success" BOOLEAN,
    "error" JSONB,
    "fee" DECIMAL(39,0),
    "tip" DECIMAL(39,0),
    "nonce" BIGINT,
    "decode_error" TEXT,

    CONSTRAINT "extrinsics_pkey" PRIMARY KEY ("block_number","index")
);

-- CreateTable
CREATE TABLE "events" (
    "block_number" INTEGER NOT NULL,
    "index" INTEGER NOT NULL,
    "phase" TEXT,
    "extrinsic_index" INTEGER,
    "section" TEXT,
    "method" TEXT,
    "args" JSONB NOT NULL,
    "decode_error" TEXT,

    CONSTRAINT "events_pkey" PRIMARY KEY ("block_number","index")
);

-- CreateTable
CREATE TABLE "runtime_versions" (
    "spec_version" INTEGER NOT NULL,
    "first_block" INTEGER,
    "metadata" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "runtime_versions_pkey" PRIMARY KEY ("spec_version")
);

-- CreateTable
CREATE TABLE "indexer_status" (
    "lane" TEXT NOT NULL,
    "block_number" INTEGER NOT NULL,
    "block_hash" TEXT,
    "chain_head" INTEGER,
    "finalized" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indexer_status_pkey" PRIMARY KEY ("lane")
);

-- CreateIndex
CREATE INDEX "blocks_timestamp_idx" ON "blocks"("timestamp");

-- CreateIndex
CREATE UNIQUE INDEX "blocks_hash_key" ON "blocks"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "block_raw_hash_key" ON "block_raw"("hash");

-- CreateIndex
CREATE INDEX "extrinsics_hash_idx" ON "extrinsics"("hash");

-- CreateIndex
CREATE INDEX "extrinsics_signer_block_number_idx" ON "extrinsics"("signer", "block_number");

-- CreateIndex
CREATE INDEX "extrinsics_section_method_block_number_idx" ON "extrinsics"("section", "method", "block_number");

-- CreateIndex
CREATE INDEX "events_section_method_block_number_idx" ON "events"("section", "method", "block_number");
