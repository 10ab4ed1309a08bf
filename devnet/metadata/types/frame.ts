import { type TypeDecls, v } from "../dsl";

// Substrate / FRAME types, named and shaped as in Finney's metadata (scale-info paths kept verbatim so
// @polkadot/types derives the same type names, e.g. SpRuntimeDispatchError).

/** sp_runtime::generic::era::Era: Immortal plus 255 "MortalN(u8)" variants, as scale-info emits it. */
function eraVariants() {
  const out = [v(0, "Immortal")];
  for (let i = 1; i < 256; i++) out.push(v(i, `Mortal${i}`, ["u8"]));
  return out;
}

export const frameTypes: TypeDecls = {
  // Finney's signed extensions as the runtime nests them in the extrinsic's "extra" (same bytes as the
  // flat list in ExtrinsicMetadata.signedExtensions).
  SignedExtra: {
    path: "",
    alias:
      "((CheckNonZeroSender, CheckSpecVersion, CheckTxVersion, CheckGenesis, CheckMortality, CheckNonce, CheckWeight), " +
      "(ChargeTransactionPaymentWrapper, SudoTransactionExtension, CheckShieldedTxValidity, " +
      "SubtensorTransactionExtension, DrandPriority), CheckMetadataHash)",
  },
  AccountInfo: {
    path: "frame_system::AccountInfo",
    params: [
      ["Nonce", "u32"],
      ["AccountData", "AccountData"],
    ],
    fields: { nonce: "u32", consumers: "u32", providers: "u32", sufficients: "u32", data: "AccountData" },
  },
  AccountData: {
    path: "pallet_balances::types::AccountData",
    params: [["Balance", "u64"]],
    fields: { free: "u64", reserved: "u64", frozen: "u64", flags: "ExtraFlags" },
  },
  ExtraFlags: { path: "pallet_balances::types::ExtraFlags", fields: ["u128"] },
  AccountId32: { path: "sp_core::crypto::AccountId32", fields: ["[u8; 32]"] },
  PerDispatchClass: {
    path: "frame_support::dispatch::PerDispatchClass",
    generics: ["T"],
    fields: { normal: "T", operational: "T", mandatory: "T" },
  },
  Weight: {
    path: "sp_weights::weight_v2::Weight",
    fields: { ref_time: "Compact<u64>", proof_size: "Compact<u64>" },
  },
  H256: { path: "primitive_types::H256", fields: ["[u8; 32]"] },
  Digest: { path: "sp_runtime::generic::digest::Digest", fields: { logs: "Vec<DigestItem>" } },
  DigestItem: {
    path: "sp_runtime::generic::digest::DigestItem",
    variants: [
      v(6, "PreRuntime", ["[u8; 4]", "Vec<u8>"]),
      v(4, "Consensus", ["[u8; 4]", "Vec<u8>"]),
      v(5, "Seal", ["[u8; 4]", "Vec<u8>"]),
      v(0, "Other", ["Vec<u8>"]),
      v(8, "RuntimeEnvironmentUpdated"),
    ],
  },
  EventRecord: {
    path: "frame_system::EventRecord",
    params: [
      ["E", "RuntimeEvent"],
      ["T", "H256"],
    ],
    fields: { phase: "Phase", event: "RuntimeEvent", topics: "Vec<H256>" },
  },
  Phase: {
    path: "frame_system::Phase",
    variants: [v(0, "ApplyExtrinsic", ["u32"]), v(1, "Finalization"), v(2, "Initialization")],
  },
  LastRuntimeUpgradeInfo: {
    path: "frame_system::LastRuntimeUpgradeInfo",
    fields: { spec_version: "Compact<u32>", spec_name: "Cow<str>" },
  },
  Cow: { path: "Cow", generics: ["T"], fields: ["T"] },
  DispatchEventInfo: {
    path: "frame_system::DispatchEventInfo",
    fields: { weight: "Weight", class: "DispatchClass", pays_fee: "Pays" },
  },
  DispatchClass: {
    path: "frame_support::dispatch::DispatchClass",
    variants: [v(0, "Normal"), v(1, "Operational"), v(2, "Mandatory")],
  },
  Pays: { path: "frame_support::dispatch::Pays", variants: [v(0, "Yes"), v(1, "No")] },
  DispatchError: {
    path: "sp_runtime::DispatchError",
    variants: [
      v(0, "Other"),
      v(1, "CannotLookup"),
      v(2, "BadOrigin"),
      v(3, "Module", ["ModuleError"]),
      v(4, "ConsumerRemaining"),
      v(5, "NoProviders"),
      v(6, "TooManyConsumers"),
      v(7, "Token", ["TokenError"]),
      v(8, "Arithmetic", ["ArithmeticError"]),
      v(9, "Transactional", ["TransactionalError"]),
      v(10, "Exhausted"),
      v(11, "Corruption"),
      v(12, "Unavailable"),
      v(13, "RootNotAllowed"),
      v(14, "Trie", ["TrieError"]),
    ],
  },
  ModuleError: { path: "sp_runtime::ModuleError", fields: { index: "u8", error: "[u8; 4]" } },
  TokenError: {
    path: "sp_runtime::TokenError",
    variants: [
      v(0, "FundsUnavailable"),
      v(1, "OnlyProvider"),
      v(2, "BelowMinimum"),
      v(3, "CannotCreate"),
      v(4, "UnknownAsset"),
      v(5, "Frozen"),
      v(6, "Unsupported"),
      v(7, "CannotCreateHold"),
      v(8, "NotExpendable"),
      v(9, "Blocked"),
    ],
  },
  ArithmeticError: {
    path: "sp_arithmetic::ArithmeticError",
    variants: [v(0, "Underflow"), v(1, "Overflow"), v(2, "DivisionByZero")],
  },
  TransactionalError: {
    path: "sp_runtime::TransactionalError",
    variants: [v(0, "LimitReached"), v(1, "NoLayer")],
  },
  TrieError: {
    path: "sp_runtime::proving_trie::TrieError",
    variants: [
      v(0, "InvalidStateRoot"),
      v(1, "IncompleteDatabase"),
      v(2, "ValueAtIncompleteKey"),
      v(3, "DecoderError"),
      v(4, "InvalidHash"),
      v(5, "DuplicateKey"),
      v(6, "ExtraneousNode"),
      v(7, "ExtraneousValue"),
      v(8, "ExtraneousHashReference"),
      v(9, "InvalidChildReference"),
      v(10, "ValueMismatch"),
      v(11, "IncompleteProof"),
      v(12, "RootMismatch"),
      v(13, "DecodeError"),
    ],
  },
  BlockWeights: {
    path: "frame_system::limits::BlockWeights",
    fields: { base_block: "Weight", max_block: "Weight", per_class: "PerDispatchClass<WeightsPerClass>" },
  },
  WeightsPerClass: {
    path: "frame_system::limits::WeightsPerClass",
    fields: {
      base_extrinsic: "Weight",
      max_extrinsic: "Option<Weight>",
      max_total: "Option<Weight>",
      reserved: "Option<Weight>",
    },
  },
  Option: { path: "Option", generics: ["T"], variants: [v(0, "None"), v(1, "Some", ["T"])] },
  BlockLength: { path: "frame_system::limits::BlockLength", fields: { max: "PerDispatchClass<u32>" } },
  RuntimeDbWeight: { path: "sp_weights::RuntimeDbWeight", fields: { read: "u64", write: "u64" } },
  RuntimeVersion: {
    path: "sp_version::RuntimeVersion",
    fields: {
      spec_name: "Cow<str>",
      impl_name: "Cow<str>",
      authoring_version: "u32",
      spec_version: "u32",
      impl_version: "u32",
      apis: "Cow<Vec<([u8; 8], u32)>>",
      transaction_version: "u32",
      system_version: "u8",
    },
  },
  WeakBoundedVec: {
    path: "bounded_collections::weak_bounded_vec::WeakBoundedVec",
    generics: ["T"],
    params: [
      ["T", "T"],
      ["S", null],
    ],
    fields: ["Vec<T>"],
  },
  BalanceLock: {
    path: "pallet_balances::types::BalanceLock",
    params: [["Balance", "u64"]],
    fields: { id: "[u8; 8]", amount: "u64", reasons: "Reasons" },
  },
  Reasons: { path: "pallet_balances::types::Reasons", variants: [v(0, "Fee"), v(1, "Misc"), v(2, "All")] },
  BoundedVec: {
    path: "bounded_collections::bounded_vec::BoundedVec",
    generics: ["T"],
    params: [
      ["T", "T"],
      ["S", null],
    ],
    fields: ["Vec<T>"],
  },
  ReserveData: {
    path: "pallet_balances::types::ReserveData",
    params: [
      ["ReserveIdentifier", "[u8; 8]"],
      ["Balance", "u64"],
    ],
    fields: { id: "[u8; 8]", amount: "u64" },
  },
  MultiAddress: {
    path: "sp_runtime::multiaddress::MultiAddress",
    params: [
      ["AccountId", "AccountId32"],
      ["AccountIndex", "()"],
    ],
    variants: [
      v(0, "Id", ["AccountId32"]),
      v(1, "Index", ["Compact<()>"]),
      v(2, "Raw", ["Vec<u8>"]),
      v(3, "Address32", ["[u8; 32]"]),
      v(4, "Address20", ["[u8; 20]"]),
    ],
  },
  BalanceStatus: {
    path: "frame_support::traits::tokens::misc::BalanceStatus",
    variants: [v(0, "Free"), v(1, "Reserved")],
  },
  FixedU128: { path: "sp_arithmetic::fixed_point::FixedU128", fields: ["u128"] },
  Releases: { path: "pallet_transaction_payment::Releases", variants: [v(0, "V1Ancient"), v(1, "V2")] },
  BTreeMap: { path: "BTreeMap", generics: ["K", "V"], fields: ["Vec<(K, V)>"] },
  BTreeSet: { path: "BTreeSet", generics: ["T"], fields: ["Vec<T>"] },
  Result: { path: "Result", generics: ["T", "E"], variants: [v(0, "Ok", ["T"]), v(1, "Err", ["E"])] },
  Percent: { path: "sp_arithmetic::per_things::Percent", fields: ["u8"] },
  PalletId: { path: "frame_support::PalletId", fields: ["[u8; 8]"] },
  NonZeroU64: { path: "NonZeroU64", fields: ["u64"] },
  Block: {
    path: "sp_runtime::generic::block::Block",
    params: [
      ["Header", "Header"],
      ["Extrinsic", "UncheckedExtrinsic"],
    ],
    fields: { header: "Header", extrinsics: "Vec<UncheckedExtrinsic>" },
  },
  Header: {
    path: "sp_runtime::generic::header::Header",
    params: [
      ["Number", "u32"],
      ["Hash", null],
    ],
    fields: {
      parent_hash: "H256",
      number: "Compact<u32>",
      state_root: "H256",
      extrinsics_root: "H256",
      digest: "Digest",
    },
  },
  UncheckedExtrinsic: {
    path: "fp_self_contained::unchecked_extrinsic::UncheckedExtrinsic",
    params: [
      ["Address", "MultiAddress"],
      ["Call", "RuntimeCall"],
      ["Signature", "MultiSignature"],
      ["Extension", "SignedExtra"],
    ],
    fields: ["SpUncheckedExtrinsic"],
  },
  MultiSignature: {
    path: "sp_runtime::MultiSignature",
    variants: [v(0, "Ed25519", ["[u8; 64]"]), v(1, "Sr25519", ["[u8; 64]"]), v(2, "Ecdsa", ["[u8; 65]"])],
  },
  CheckNonZeroSender: {
    path: "frame_system::extensions::check_non_zero_sender::CheckNonZeroSender",
    params: [["T", null]],
  },
  CheckSpecVersion: {
    path: "frame_system::extensions::check_spec_version::CheckSpecVersion",
    params: [["T", null]],
  },
  CheckTxVersion: {
    path: "frame_system::extensions::check_tx_version::CheckTxVersion",
    params: [["T", null]],
  },
  CheckGenesis: { path: "frame_system::extensions::check_genesis::CheckGenesis", params: [["T", null]] },
  CheckMortality: {
    path: "node_subtensor_runtime::check_mortality::CheckMortality",
    params: [["T", null]],
    fields: ["Era"],
  },
  Era: { path: "sp_runtime::generic::era::Era", variants: eraVariants() },
  CheckNonce: {
    path: "node_subtensor_runtime::check_nonce::CheckNonce",
    params: [["T", null]],
    fields: ["Compact<u32>"],
  },
  CheckWeight: { path: "frame_system::extensions::check_weight::CheckWeight", params: [["T", null]] },
  ChargeTransactionPaymentWrapper: {
    path: "node_subtensor_runtime::transaction_payment_wrapper::ChargeTransactionPaymentWrapper",
    params: [["T", null]],
    fields: { inner: "ChargeTransactionPayment" },
  },
  ChargeTransactionPayment: {
    path: "pallet_transaction_payment::ChargeTransactionPayment",
    params: [["T", null]],
    fields: ["Compact<u64>"],
  },
  SudoTransactionExtension: {
    path: "node_subtensor_runtime::sudo_wrapper::SudoTransactionExtension",
    params: [["T", "Runtime"]],
  },
  Runtime: { path: "node_subtensor_runtime::Runtime" },
  CheckShieldedTxValidity: {
    path: "pallet_shield::extension::CheckShieldedTxValidity",
    params: [["T", "Runtime"]],
  },
  DrandPriority: { path: "pallet_drand::drand_priority::DrandPriority", params: [["T", "Runtime"]] },
  CheckMetadataHash: {
    path: "frame_metadata_hash_extension::CheckMetadataHash",
    params: [["T", null]],
    fields: { mode: "Mode" },
  },
  Mode: { path: "frame_metadata_hash_extension::Mode", variants: [v(0, "Disabled"), v(1, "Enabled")] },
  SpUncheckedExtrinsic: {
    path: "sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic",
    params: [
      ["Address", "MultiAddress"],
      ["Call", "RuntimeCall"],
      ["Signature", "MultiSignature"],
      ["Extra", "SignedExtra"],
    ],
    fields: ["Vec<u8>"],
  },
  ExtrinsicInclusionMode: {
    path: "sp_runtime::ExtrinsicInclusionMode",
    variants: [v(0, "AllExtrinsics"), v(1, "OnlyInherents")],
  },
  OpaqueMetadata: { path: "sp_core::OpaqueMetadata", fields: ["Vec<u8>"] },
  TransactionValidityError: {
    path: "sp_runtime::transaction_validity::TransactionValidityError",
    variants: [v(0, "Invalid", ["InvalidTransaction"]), v(1, "Unknown", ["UnknownTransaction"])],
  },
  InvalidTransaction: {
    path: "sp_runtime::transaction_validity::InvalidTransaction",
    variants: [
      v(0, "Call"),
      v(1, "Payment"),
      v(2, "Future"),
      v(3, "Stale"),
      v(4, "BadProof"),
      v(5, "AncientBirthBlock"),
      v(6, "ExhaustsResources"),
      v(7, "Custom", ["u8"]),
      v(8, "BadMandatory"),
      v(9, "MandatoryValidation"),
      v(10, "BadSigner"),
      v(11, "IndeterminateImplicit"),
      v(12, "UnknownOrigin"),
    ],
  },
  UnknownTransaction: {
    path: "sp_runtime::transaction_validity::UnknownTransaction",
    variants: [v(0, "CannotLookup"), v(1, "NoUnsignedValidator"), v(2, "Custom", ["u8"])],
  },
  InherentData: { path: "sp_inherents::InherentData", fields: { data: "BTreeMap<[u8; 8], Vec<u8>>" } },
  CheckInherentsResult: {
    path: "sp_inherents::CheckInherentsResult",
    fields: { okay: "bool", fatal_error: "bool", errors: "InherentData" },
  },
  TransactionSource: {
    path: "sp_runtime::transaction_validity::TransactionSource",
    variants: [v(0, "InBlock"), v(1, "Local"), v(2, "External")],
  },
  ValidTransaction: {
    path: "sp_runtime::transaction_validity::ValidTransaction",
    fields: {
      priority: "u64",
      requires: "Vec<Vec<u8>>",
      provides: "Vec<Vec<u8>>",
      longevity: "u64",
      propagate: "bool",
    },
  },
  RuntimeDispatchInfo: {
    path: "pallet_transaction_payment::types::RuntimeDispatchInfo",
    params: [
      ["Balance", "u64"],
      ["Weight", "Weight"],
    ],
    fields: { weight: "Weight", class: "DispatchClass", partial_fee: "u64" },
  },
  FeeDetails: {
    path: "pallet_transaction_payment::types::FeeDetails",
    params: [["Balance", "u64"]],
    fields: { inclusion_fee: "Option<InclusionFee>", tip: "u64" },
  },
  InclusionFee: {
    path: "pallet_transaction_payment::types::InclusionFee",
    params: [["Balance", "u64"]],
    fields: { base_fee: "u64", len_fee: "u64", adjusted_weight_fee: "u64" },
  },
  I96F32: { path: "substrate_fixed::FixedI128", params: [["Frac", "Typenum<32>"]], fields: { bits: "i128" } },
  U96F32: { path: "substrate_fixed::FixedU128", params: [["Frac", "Typenum<32>"]], fields: { bits: "u128" } },
  U64F64: { path: "substrate_fixed::FixedU128", params: [["Frac", "Typenum<64>"]], fields: { bits: "u128" } },
  I64F64: { path: "substrate_fixed::FixedI128", params: [["Frac", "Typenum<64>"]], fields: { bits: "i128" } },
  I32F32: { path: "substrate_fixed::FixedI64", params: [["Frac", "Typenum<32>"]], fields: { bits: "i64" } },
  AuraPublic: { path: "sp_consensus_aura::sr25519::app_sr25519::Public", fields: ["[u8; 32]"] },
  Slot: { path: "sp_consensus_slots::Slot", fields: ["u64"] },
};
