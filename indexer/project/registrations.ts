// Neuron and subnet registrations with the TAO they cost. The cost is not in the event: it is what the signer
// paid in that extrinsic beyond its fee — Σ Balances.Withdraw(signer) − TransactionFeePaid.actual_fee — which
// is the burn (recycled) or lock the chain took. Checked against the chain's Burn storage in the devnet tests.
import type { DecodedBlock, DecodedEvent } from "../decode";
import type { Projection } from "./types";
import { arg, eventsOf, extrinsicOf, int, str, timestampOf } from "./types";

export function paidBeyondFee(block: DecodedBlock, e: DecodedEvent): string | null {
  const x = extrinsicOf(block, e);
  if (!x?.signer || e.extrinsicIndex === null) return null;
  let withdrawn = 0n;
  let fee = 0n;
  for (const ev of block.events) {
    if (ev.extrinsicIndex !== e.extrinsicIndex) continue;
    if (ev.section === "balances" && ev.method === "Withdraw" && str(arg(ev.args, 0, "who")) === x.signer) {
      withdrawn += BigInt(str(arg(ev.args, 1, "amount")) ?? "0");
    }
    if (
      ev.section === "transactionPayment" &&
      ev.method === "TransactionFeePaid" &&
      str(arg(ev.args, 0, "who")) === x.signer
    ) {
      fee += BigInt(str(arg(ev.args, 1, "actual_fee")) ?? str(arg(ev.args, 1, "actualFee")) ?? "0");
    }
  }
  return withdrawn >= fee ? (withdrawn - fee).toString() : "0";
}

export const registrations: Projection = {
  table: "registrations",
  key: ["block_number", "event_index"],
  columns: [
    { name: "block_number", type: "int" },
    { name: "event_index", type: "int" },
    { name: "extrinsic_index", type: "int" },
    { name: "timestamp", type: "timestamptz" },
    { name: "kind", type: "text" },
    { name: "netuid", type: "int" },
    { name: "uid", type: "int" },
    { name: "hotkey", type: "text" },
    { name: "coldkey", type: "text" },
    { name: "cost", type: "numeric" },
  ],
  rows(block) {
    return eventsOf(block, "subtensorModule", ["NeuronRegistered", "NetworkAdded"]).map((e) => {
      const neuron = e.method === "NeuronRegistered";
      return [
        block.header.number,
        e.index,
        e.extrinsicIndex,
        timestampOf(block),
        neuron ? "neuron" : "network",
        int(arg(e.args, 0, "netuid")),
        neuron ? int(arg(e.args, 1, "uid")) : null,
        neuron ? str(arg(e.args, 2, "hotkey")) : null,
        extrinsicOf(block, e)?.signer ?? null,
        paidBeyondFee(block, e),
      ];
    });
  },
};

/** AlphaBurned (destroyed) and AlphaRecycled (back to the pool's unissued supply), in alpha units. */
export const alphaBurns: Projection = {
  table: "alpha_burns",
  key: ["block_number", "event_index"],
  columns: [
    { name: "block_number", type: "int" },
    { name: "event_index", type: "int" },
    { name: "extrinsic_index", type: "int" },
    { name: "timestamp", type: "timestamptz" },
    { name: "kind", type: "text" },
    { name: "coldkey", type: "text" },
    { name: "hotkey", type: "text" },
    { name: "netuid", type: "int" },
    { name: "amount", type: "numeric" },
  ],
  rows(block) {
    return eventsOf(block, "subtensorModule", ["AlphaBurned", "AlphaRecycled"]).map((e) => [
      block.header.number,
      e.index,
      e.extrinsicIndex,
      timestampOf(block),
      e.method === "AlphaBurned" ? "burn" : "recycle",
      str(arg(e.args, 0, "coldkey")),
      str(arg(e.args, 1, "hotkey")),
      int(arg(e.args, 3, "netuid")),
      str(arg(e.args, 2, "amount")),
    ]);
  },
};
