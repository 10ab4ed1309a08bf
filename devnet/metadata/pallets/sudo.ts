import { type PalletDecl, plain, v } from "../dsl";

// pallet_sudo: the full pallet.
export const sudoPallet: PalletDecl = {
  name: "Sudo",
  index: 12,
  storage: [plain("Key", "AccountId32", { optional: true })],
  calls: {
    path: "pallet_sudo::pallet::Call",
    params: [["T", null]],
    variants: [
      v(0, "sudo", { call: "RuntimeCall" }),
      v(1, "sudo_unchecked_weight", { call: "RuntimeCall", weight: "Weight" }),
      v(2, "set_key", { new: "MultiAddress" }),
      v(3, "sudo_as", { who: "MultiAddress", call: "RuntimeCall" }),
      v(4, "remove_key"),
    ],
  },
  events: {
    path: "pallet_sudo::pallet::Event",
    params: [["T", null]],
    variants: [
      v(0, "Sudid", { sudo_result: "Result<(), DispatchError>" }),
      v(1, "KeyChanged", { old: "Option<AccountId32>", new: "AccountId32" }),
      v(2, "KeyRemoved"),
      v(3, "SudoAsDone", { sudo_result: "Result<(), DispatchError>" }),
    ],
  },
  errors: {
    path: "pallet_sudo::pallet::Error",
    params: [["T", null]],
    variants: [v(0, "RequireSudo")],
  },
};
