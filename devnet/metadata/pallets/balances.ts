import { constant, map, type PalletDecl, plain, v } from "../dsl";

// pallet_balances (TAO, 9 decimals, ED 500 rao): transfers and their events; Holds/Freezes are left out
// (their RuntimeHoldReason enum covers pallets we do not run).
export const balancesPallet: PalletDecl = {
  name: "Balances",
  index: 5,
  storage: [
    plain("TotalIssuance", "u64"),
    plain("InactiveIssuance", "u64"),
    map("Account", [["Blake2_128Concat", "AccountId32"]], "AccountData", {
      default: { flags: 1n << 127n },
    }),
    map("Locks", [["Blake2_128Concat", "AccountId32"]], "WeakBoundedVec<BalanceLock>"),
    map("Reserves", [["Blake2_128Concat", "AccountId32"]], "BoundedVec<ReserveData>"),
  ],
  calls: {
    path: "pallet_balances::pallet::Call",
    params: [
      ["T", null],
      ["I", null],
    ],
    variants: [
      v(0, "transfer_allow_death", { dest: "MultiAddress", value: "Compact<u64>" }),
      v(2, "force_transfer", { source: "MultiAddress", dest: "MultiAddress", value: "Compact<u64>" }),
      v(3, "transfer_keep_alive", { dest: "MultiAddress", value: "Compact<u64>" }),
      v(4, "transfer_all", { dest: "MultiAddress", keep_alive: "bool" }),
      v(5, "force_unreserve", { who: "MultiAddress", amount: "u64" }),
      v(8, "force_set_balance", { who: "MultiAddress", new_free: "Compact<u64>" }),
      v(10, "burn", { value: "Compact<u64>", keep_alive: "bool" }),
    ],
  },
  events: {
    path: "pallet_balances::pallet::Event",
    params: [
      ["T", null],
      ["I", null],
    ],
    variants: [
      v(0, "Endowed", { account: "AccountId32", free_balance: "u64" }),
      v(1, "DustLost", { account: "AccountId32", amount: "u64" }),
      v(2, "Transfer", { from: "AccountId32", to: "AccountId32", amount: "u64" }),
      v(3, "BalanceSet", { who: "AccountId32", free: "u64" }),
      v(4, "Reserved", { who: "AccountId32", amount: "u64" }),
      v(5, "Unreserved", { who: "AccountId32", amount: "u64" }),
      v(6, "ReserveRepatriated", {
        from: "AccountId32",
        to: "AccountId32",
        amount: "u64",
        destination_status: "BalanceStatus",
      }),
      v(7, "Deposit", { who: "AccountId32", amount: "u64" }),
      v(8, "Withdraw", { who: "AccountId32", amount: "u64" }),
      v(9, "Slashed", { who: "AccountId32", amount: "u64" }),
      v(10, "Minted", { who: "AccountId32", amount: "u64" }),
      v(11, "Burned", { who: "AccountId32", amount: "u64" }),
      v(12, "Suspended", { who: "AccountId32", amount: "u64" }),
      v(13, "Restored", { who: "AccountId32", amount: "u64" }),
      v(14, "Upgraded", { who: "AccountId32" }),
      v(15, "Issued", { amount: "u64" }),
      v(16, "Rescinded", { amount: "u64" }),
      v(17, "Locked", { who: "AccountId32", amount: "u64" }),
      v(18, "Unlocked", { who: "AccountId32", amount: "u64" }),
      v(19, "Frozen", { who: "AccountId32", amount: "u64" }),
      v(20, "Thawed", { who: "AccountId32", amount: "u64" }),
      v(21, "TotalIssuanceForced", { old: "u64", new: "u64" }),
    ],
  },
  errors: {
    path: "pallet_balances::pallet::Error",
    params: [
      ["T", null],
      ["I", null],
    ],
    variants: [
      v(0, "VestingBalance"),
      v(1, "LiquidityRestrictions"),
      v(2, "InsufficientBalance"),
      v(3, "ExistentialDeposit"),
      v(4, "Expendability"),
      v(5, "ExistingVestingSchedule"),
      v(6, "DeadAccount"),
      v(7, "TooManyReserves"),
      v(8, "TooManyHolds"),
      v(9, "TooManyFreezes"),
      v(10, "IssuanceDeactivated"),
      v(11, "DeltaZero"),
    ],
  },
  constants: [
    constant("ExistentialDeposit", "u64", 500),
    constant("MaxLocks", "u32", 50),
    constant("MaxReserves", "u32", 50),
    constant("MaxFreezes", "u32", 50),
  ],
};
