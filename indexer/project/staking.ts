// Stake trades: each StakeAdded (TAO → alpha) and StakeRemoved (alpha → TAO) is one pool trade, with its price.
// Moves, transfers and swaps emit the underlying Removed/Added pair plus a summary event, recorded in
// stake_moves and linked to their trades by extrinsic.
import type { Projection } from "./types";
import { arg, eventsOf, int, str, timestampOf } from "./types";

const UNIT = 1_000_000_000n;

/**
 * TAO per alpha of the trade, in rao per whole alpha, floored: tao × 1e9 / alpha. Null when no alpha moved
 * (a price is undefined there, not zero).
 */
export function tradePriceRao(tao: string | null, alpha: string | null): string | null {
  if (tao === null || alpha === null || !/^\d+$/.test(tao) || !/^\d+$/.test(alpha)) return null;
  const a = BigInt(alpha);
  return a === 0n ? null : ((BigInt(tao) * UNIT) / a).toString();
}

export const stakeTrades: Projection = {
  table: "stake_trades",
  key: ["block_number", "event_index"],
  columns: [
    { name: "block_number", type: "int" },
    { name: "event_index", type: "int" },
    { name: "extrinsic_index", type: "int" },
    { name: "timestamp", type: "timestamptz" },
    { name: "action", type: "text" },
    { name: "coldkey", type: "text" },
    { name: "hotkey", type: "text" },
    { name: "netuid", type: "int" },
    { name: "tao", type: "numeric" },
    { name: "alpha", type: "numeric" },
    { name: "fee", type: "numeric" },
    { name: "price_rao", type: "numeric" },
  ],
  rows(block) {
    return eventsOf(block, "subtensorModule", ["StakeAdded", "StakeRemoved"]).map((e) => {
      const tao = str(arg(e.args, 2, "tao"));
      const alpha = str(arg(e.args, 3, "alpha"));
      return [
        block.header.number,
        e.index,
        e.extrinsicIndex,
        timestampOf(block),
        e.method === "StakeAdded" ? "stake" : "unstake",
        str(arg(e.args, 0, "coldkey")),
        str(arg(e.args, 1, "hotkey")),
        int(arg(e.args, 4, "netuid")),
        tao,
        alpha,
        str(arg(e.args, 5, "fee")),
        tradePriceRao(tao, alpha),
      ];
    });
  },
};

export const stakeMoves: Projection = {
  table: "stake_moves",
  key: ["block_number", "event_index"],
  columns: [
    { name: "block_number", type: "int" },
    { name: "event_index", type: "int" },
    { name: "extrinsic_index", type: "int" },
    { name: "timestamp", type: "timestamptz" },
    { name: "kind", type: "text" },
    { name: "origin_coldkey", type: "text" },
    { name: "dest_coldkey", type: "text" },
    { name: "origin_hotkey", type: "text" },
    { name: "dest_hotkey", type: "text" },
    { name: "origin_netuid", type: "int" },
    { name: "dest_netuid", type: "int" },
    { name: "tao", type: "numeric" },
  ],
  rows(block) {
    return eventsOf(block, "subtensorModule", ["StakeMoved", "StakeTransferred", "StakeSwapped"]).map((e) => {
      const base = [block.header.number, e.index, e.extrinsicIndex, timestampOf(block)];
      const a = (i: number) => arg(e.args, i, "");
      switch (e.method) {
        // StakeMoved(coldkey, origin_hotkey, origin_netuid, dest_hotkey, dest_netuid, tao)
        case "StakeMoved":
          return [
            ...base,
            "move",
            str(a(0)),
            str(a(0)),
            str(a(1)),
            str(a(3)),
            int(a(2)),
            int(a(4)),
            str(a(5)),
          ];
        // StakeTransferred(origin_coldkey, dest_coldkey, hotkey, origin_netuid, dest_netuid, tao)
        case "StakeTransferred":
          return [
            ...base,
            "transfer",
            str(a(0)),
            str(a(1)),
            str(a(2)),
            str(a(2)),
            int(a(3)),
            int(a(4)),
            str(a(5)),
          ];
        // StakeSwapped(coldkey, hotkey, origin_netuid, dest_netuid, tao)
        default:
          return [
            ...base,
            "swap",
            str(a(0)),
            str(a(0)),
            str(a(1)),
            str(a(1)),
            int(a(2)),
            int(a(3)),
            str(a(4)),
          ];
      }
    });
  },
};
