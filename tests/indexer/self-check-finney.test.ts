// The self-check's read plan and rule sets against real Finney metadata (../shared/fixtures/finney). The recorded
// Finney RPC replies hold no coinbase storage of consecutive blocks (only headers, runtime versions, a few
// IsNetworkMember/Uids/LastUpdate/AlphaSqrtPrice reads and runtime-API calls), so no block can be re-checked from
// them; what they do prove is that every item the check reads or compares is spelt as the chain spells it, and
// which rule set each recorded spec gets.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createRuntime, type Runtime, unwrapOpaqueMetadata } from "../../indexer/decode";
import { missingItems, ruleSetFor } from "../../indexer/state/self-check";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const finney = path.resolve(repoRoot, "../shared/fixtures/finney");
const present = existsSync(path.join(finney, "metadata/spec393-v15.metadata_at_version.hex"));
if (!present)
  console.warn(`[self-check-finney] skipped: ${finney} is absent (shared Finney metadata not mounted)`);

function load(file: string): Runtime {
  const text = readFileSync(path.join(finney, "metadata", file));
  return createRuntime(file.endsWith(".scale") ? text : unwrapOpaqueMetadata(text.toString("utf8").trim())!);
}

/** Items of the current rule set (411–425) and of our spec-394 upgrade that v3-era Finney runtimes lack. */
const LATER_ITEMS = [
  "subtensorModule.lastEpochBlock",
  "subtensorModule.maxEpochsPerBlock",
  "subtensorModule.minerBurned",
  "subtensorModule.netTaoFlowEnabled",
  "subtensorModule.ownerCutEnabled",
  "subtensorModule.pendingEpochAt",
  "subtensorModule.subnetEmaProtocolFlow",
  "subtensorModule.subnetEmissionEnabled",
  "subtensorModule.subnetEpochIndex",
  "subtensorModule.subnetExcessTao",
  "subtensorModule.subnetProtocolAlpha",
  "subtensorModule.subnetProtocolFlow",
  "swap.swapBalancer",
];

describe.skipIf(!present)("self-check plan on Finney metadata", () => {
  it("reads only items the v3-era runtimes declare, apart from the later rule sets' items", () => {
    for (const file of [
      "spec343-v15.metadata_at_version.hex",
      "spec365-v16.scale",
      "spec393-v15.metadata_at_version.hex",
    ])
      expect(missingItems(load(file)), file).toEqual(LATER_ITEMS);
  });

  it("picks the v3 rule set from spec 343 and lists what it cannot reproduce", () => {
    expect(ruleSetFor(load("spec393-v15.metadata_at_version.hex"))).toEqual({
      engineSpec: 393,
      pool: "v3",
      label: "393/v3",
      unsupported: ["SubnetMovingPrice", "PendingValidatorEmission", "PendingRootAlphaDivs"],
    });
    expect(ruleSetFor(load("spec343-v15.metadata_at_version.hex"))).toMatchObject({
      engineSpec: 343,
      pool: "v3",
    });
  });

  it("has no rule set before spec 343 (subsidy era, PendingEmission)", () => {
    for (const file of ["spec315-v15.metadata_at_version.hex", "spec320-v15.metadata_at_version.hex"])
      expect(ruleSetFor(load(file)), file).toEqual({
        reason: `spec ${file.slice(4, 7)}: the engine's coinbase starts at spec 343`,
      });
  });
});
