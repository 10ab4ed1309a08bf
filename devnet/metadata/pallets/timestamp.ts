import { constant, type PalletDecl, plain, v } from "../dsl";

// pallet_timestamp: the `timestamp.set` inherent.
export const timestampPallet: PalletDecl = {
  name: "Timestamp",
  index: 2,
  storage: [plain("Now", "u64"), plain("DidUpdate", "bool")],
  calls: {
    path: "pallet_timestamp::pallet::Call",
    params: [["T", null]],
    variants: [v(0, "set", { now: "Compact<u64>" })],
  },
  constants: [constant("MinimumPeriod", "u64", 6000)],
};
