// pallet_utility: batch (stops at the first failure), batch_all (all or nothing), force_batch (carries on).
import type { Vec } from "@polkadot/types";
import type { Call } from "@polkadot/types/interfaces";
import type { Codec } from "@polkadot/types/types";
import { DispatchFailure } from "../types";
import { addWeight, type CallDef, type ExecContext, type Pallet, weight } from "./pallet";

const calls = (args: Codec[]): Call[] => [...(args[0] as Vec<Call>)];

function batchWeight(args: Codec[], weightOf: (c: Call) => ReturnType<ExecContext["weightOf"]>) {
  return calls(args).reduce(
    (w, c) => addWeight(w, addWeight(weightOf(c), weight(5_000_000))),
    weight(5_000_000),
  );
}

/** Built by the composed runtime, which knows every call's weight. */
export function utilityPallet(weightOf: (c: Call) => ReturnType<ExecContext["weightOf"]>): Pallet {
  const w = (args: Codec[]) => batchWeight(args, weightOf);
  const batch: CallDef = {
    weight: w,
    handler: (ctx, origin, args) => {
      const list = calls(args);
      for (let i = 0; i < list.length; i++) {
        try {
          ctx.dispatch(list[i] as Call, origin);
        } catch (e) {
          if (!(e instanceof DispatchFailure)) throw e;
          ctx.deposit("Utility", "BatchInterrupted", [i, e.value]);
          return;
        }
        ctx.deposit("Utility", "ItemCompleted", []);
      }
      ctx.deposit("Utility", "BatchCompleted", []);
    },
  };
  const batchAll: CallDef = {
    weight: w,
    handler: (ctx, origin, args) => {
      ctx.transactional(() => {
        for (const c of calls(args)) {
          ctx.dispatch(c, origin);
          ctx.deposit("Utility", "ItemCompleted", []);
        }
      });
      ctx.deposit("Utility", "BatchCompleted", []);
    },
  };
  const forceBatch: CallDef = {
    weight: w,
    handler: (ctx, origin, args) => {
      let failed = false;
      for (const c of calls(args)) {
        try {
          ctx.dispatch(c, origin);
          ctx.deposit("Utility", "ItemCompleted", []);
        } catch (e) {
          if (!(e instanceof DispatchFailure)) throw e;
          failed = true;
          ctx.deposit("Utility", "ItemFailed", [e.value]);
        }
      }
      ctx.deposit("Utility", failed ? "BatchCompletedWithErrors" : "BatchCompleted", []);
    },
  };
  return { name: "Utility", calls: { batch, batch_all: batchAll, force_batch: forceBatch } };
}
