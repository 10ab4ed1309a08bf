import { constant, type PalletDecl, plain, v } from "../dsl";

// pallet_transaction_payment: the fee multiplier and TransactionFeePaid.
export const transactionPaymentPallet: PalletDecl = {
  name: "TransactionPayment",
  index: 6,
  storage: [
    plain("NextFeeMultiplier", "FixedU128", { default: 1_000_000_000_000_000_000n } /* 1.0 */),
    plain("StorageVersion", "Releases"),
  ],
  events: {
    path: "pallet_transaction_payment::pallet::Event",
    params: [["T", null]],
    variants: [v(0, "TransactionFeePaid", { who: "AccountId32", actual_fee: "u64", tip: "u64" })],
  },
  constants: [constant("OperationalFeeMultiplier", "u8", 5)],
};
