import type { Projection } from "./types";
import { arg, eventsOf, str, timestampOf } from "./types";

/** Balances.Transfer events: every TAO transfer, including those inside batches and sudo calls. */
export const transfers: Projection = {
  table: "transfers",
  key: ["block_number", "event_index"],
  columns: [
    { name: "block_number", type: "int" },
    { name: "event_index", type: "int" },
    { name: "extrinsic_index", type: "int" },
    { name: "timestamp", type: "timestamptz" },
    { name: "from", type: "text" },
    { name: "to", type: "text" },
    { name: "amount", type: "numeric" },
  ],
  rows(block) {
    return eventsOf(block, "balances", ["Transfer"]).map((e) => [
      block.header.number,
      e.index,
      e.extrinsicIndex,
      timestampOf(block),
      str(arg(e.args, 0, "from")),
      str(arg(e.args, 1, "to")),
      str(arg(e.args, 2, "amount")),
    ]);
  },
};
