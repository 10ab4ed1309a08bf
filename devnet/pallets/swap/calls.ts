// Swap calls: `set_fee_rate` (root or the subnet owner), bounded by the pallet's MaxFeeRate.
import { u8aEq } from "@polkadot/util";
import { type CallDef, weight } from "../../node/runtime/pallet";
import { Store, SWAP } from "../subtensor/store";

export function swapCalls(): Record<string, CallDef> {
  return {
    set_fee_rate: {
      weight: weight(20_000_000),
      handler: (ctx, origin, args) => {
        const st = new Store(ctx.codec, ctx.storage);
        const netuid = Number(args[0]?.toString());
        const rate = Number(args[1]?.toString());
        if (!st.subnetExists(netuid)) ctx.codec.fail(SWAP, "MechanismDoesNotExist");
        if (origin.kind !== "root") {
          const owner = st.account("SubnetOwner", netuid);
          if (origin.kind !== "signed" || !owner || !u8aEq(owner, origin.who))
            ctx.codec.fail("SubtensorModule", "NotSubnetOwner");
        }
        const max = Number(ctx.codec.constant(SWAP, "MaxFeeRate").toString());
        if (rate > max) ctx.codec.fail(SWAP, "FeeRateTooHigh");
        st.write(SWAP, "FeeRate", [netuid], rate);
        ctx.deposit(SWAP, "FeeRateSet", [netuid, rate]);
      },
    },
  };
}
