-- Indexes for the public API's deep pages: every filtered list walks (filter columns, block_number, index)
-- in key order, so a keyset page reads exactly `limit + 1` index entries with no sort, however deep.
-- Replaced indexes may be parked in indexer_deferred_indexes by a running `--defer-indexes` backfill; their
-- saved definitions are forgotten too, so the backfill's restore does not bring the old ones back.

DROP INDEX IF EXISTS "events_section_method_block_number_idx";
DROP INDEX IF EXISTS "extrinsics_signer_block_number_idx";
DROP INDEX IF EXISTS "extrinsics_section_method_block_number_idx";
DROP INDEX IF EXISTS "transfers_from_block_number_idx";
DROP INDEX IF EXISTS "transfers_to_block_number_idx";
DROP INDEX IF EXISTS "stake_trades_netuid_block_number_idx";
DROP INDEX IF EXISTS "stake_trades_coldkey_block_number_idx";
DROP INDEX IF EXISTS "stake_trades_hotkey_block_number_idx";
DELETE FROM "indexer_deferred_indexes" WHERE "name" IN (
  'events_section_method_block_number_idx',
  'extrinsics_signer_block_number_idx',
  'extrinsics_section_method_block_number_idx'
);

-- CreateIndex
CREATE INDEX IF NOT EXISTS "events_section_method_block_number_index_idx" ON "events"("section", "method", "block_number", "index");
-- CreateIndex
CREATE INDEX IF NOT EXISTS "events_section_block_number_index_idx" ON "events"("section", "block_number", "index");
-- CreateIndex
CREATE INDEX IF NOT EXISTS "extrinsics_signer_block_number_index_idx" ON "extrinsics"("signer", "block_number", "index");
-- CreateIndex
CREATE INDEX IF NOT EXISTS "extrinsics_section_method_block_number_index_idx" ON "extrinsics"("section", "method", "block_number", "index");
-- CreateIndex
CREATE INDEX IF NOT EXISTS "blocks_spec_version_number_idx" ON "blocks"("spec_version", "number");
-- CreateIndex
CREATE INDEX IF NOT EXISTS "transfers_from_block_number_event_index_idx" ON "transfers"("from", "block_number", "event_index");
-- CreateIndex
CREATE INDEX IF NOT EXISTS "transfers_to_block_number_event_index_idx" ON "transfers"("to", "block_number", "event_index");
-- CreateIndex
CREATE INDEX IF NOT EXISTS "stake_trades_netuid_block_number_event_index_idx" ON "stake_trades"("netuid", "block_number", "event_index");
-- CreateIndex
CREATE INDEX IF NOT EXISTS "stake_trades_coldkey_block_number_event_index_idx" ON "stake_trades"("coldkey", "block_number", "event_index");
-- CreateIndex
CREATE INDEX IF NOT EXISTS "stake_trades_hotkey_block_number_event_index_idx" ON "stake_trades"("hotkey", "block_number", "event_index");
