import { constant, type PalletDecl, v } from "../dsl";

// pallet_subtensor_utility: batch, batch_all, force_batch and friends.
export const utilityPallet: PalletDecl = {
  name: "Utility",
  index: 11,
  calls: {
    path: "pallet_subtensor_utility::pallet::Call",
    params: [["T", null]],
    variants: [
      v(0, "batch", { calls: "Vec<RuntimeCall>" }),
      v(1, "as_derivative", { index: "u16", call: "RuntimeCall" }),
      v(2, "batch_all", { calls: "Vec<RuntimeCall>" }),
      v(4, "force_batch", { calls: "Vec<RuntimeCall>" }),
      v(5, "with_weight", { call: "RuntimeCall", weight: "Weight" }),
    ],
  },
  events: {
    path: "pallet_subtensor_utility::pallet::Event",
    variants: [
      v(0, "BatchInterrupted", { index: "u32", error: "DispatchError" }),
      v(1, "BatchCompleted"),
      v(2, "BatchCompletedWithErrors"),
      v(3, "ItemCompleted"),
      v(4, "ItemFailed", { error: "DispatchError" }),
      v(5, "DispatchedAs", { result: "Result<(), DispatchError>" }),
      v(6, "IfElseMainSuccess"),
      v(7, "IfElseFallbackCalled", { main_error: "DispatchError" }),
    ],
  },
  errors: {
    path: "pallet_subtensor_utility::pallet::Error",
    params: [["T", null]],
    variants: [v(0, "TooManyCalls"), v(1, "InvalidDerivedAccount")],
  },
  constants: [constant("batched_calls_limit", "u32", 10922)],
};
