-- AlterTable: validator permits per metagraph snapshot, so the subnet list counts validators/miners without
-- reading every neuron row.
ALTER TABLE "metagraph_snapshots" ADD COLUMN     "validators" INTEGER;

UPDATE "metagraph_snapshots" s SET "validators" = (
    SELECT count(*)::int FROM "metagraph_neurons" n
    WHERE n."netuid" = s."netuid" AND n."block_number" = s."block_number" AND n."validator_permit");

-- CreateIndex: the subnet list's 24 h TAO flow per subnet as an index-only scan.
CREATE INDEX "stake_trades_netuid_block_number_action_tao_idx" ON "stake_trades"("netuid", "block_number", "action", "tao");
