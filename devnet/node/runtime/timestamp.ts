// pallet_timestamp: the `set` inherent (first extrinsic of every block) and Timestamp.Now.
import type { Codec } from "@polkadot/types/types";
import { compactToU8a, u8aConcat } from "@polkadot/util";
import { ensureNone, type Pallet, weight } from "./pallet";

export const timestampPallet: Pallet = {
  name: "Timestamp",
  inherents: (ctx) => [u8aConcat(ctx.codec.callIndex("Timestamp", "set"), compactToU8a(ctx.env.timestamp))],
  calls: {
    set: {
      weight: weight(10_000_000, 1_493),
      class: "Mandatory",
      handler: (ctx, origin, args) => {
        ensureNone(origin);
        const now = BigInt((args[0] as Codec).toString());
        ctx.codec.write(ctx.storage, "Timestamp", "Now", [], now);
        ctx.codec.write(ctx.storage, "Timestamp", "DidUpdate", [], true);
      },
    },
  },
  onFinalize: (ctx) => {
    ctx.codec.remove(ctx.storage, "Timestamp", "DidUpdate");
  },
};
