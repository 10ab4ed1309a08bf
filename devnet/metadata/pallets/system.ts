import { constant, type DeclValue, map, type PalletDecl, plain, v } from "../dsl";

// frame_system: accounts, block number/hash, events. Version carries our spec version (see runtime.ts).
/** `version` is the RuntimeVersion value (it carries the spec version, so the pallet is per spec). */
export const systemPallet = (version: DeclValue): PalletDecl => ({
  name: "System",
  index: 0,
  storage: [
    map("Account", [["Blake2_128Concat", "AccountId32"]], "AccountInfo", {
      // pallet_balances marks fresh accounts with the "new logic" flag (top bit of ExtraFlags).
      default: { data: { flags: 1n << 127n } },
    }),
    plain("ExtrinsicCount", "u32", { optional: true }),
    plain("InherentsApplied", "bool"),
    plain("BlockWeight", "PerDispatchClass<Weight>"),
    plain("AllExtrinsicsLen", "u32", { optional: true }),
    map("BlockHash", [["Twox64Concat", "u32"]], "H256"),
    map("ExtrinsicData", [["Twox64Concat", "u32"]], "Vec<u8>"),
    plain("Number", "u32"),
    plain("ParentHash", "H256"),
    plain("Digest", "Digest"),
    plain("Events", "Vec<EventRecord>"),
    plain("EventCount", "u32"),
    map("EventTopics", [["Blake2_128Concat", "H256"]], "Vec<(u32, u32)>"),
    plain("LastRuntimeUpgrade", "LastRuntimeUpgradeInfo", { optional: true }),
    plain("UpgradedToU32RefCount", "bool"),
    plain("UpgradedToTripleRefCount", "bool"),
    plain("ExecutionPhase", "Phase", { optional: true }),
  ],
  calls: {
    path: "frame_system::pallet::Call",
    params: [["T", null]],
    variants: [
      v(0, "remark", { remark: "Vec<u8>" }),
      v(1, "set_heap_pages", { pages: "u64" }),
      v(2, "set_code", { code: "Vec<u8>" }),
      v(3, "set_code_without_checks", { code: "Vec<u8>" }),
      v(4, "set_storage", { items: "Vec<(Vec<u8>, Vec<u8>)>" }),
      v(5, "kill_storage", { keys: "Vec<Vec<u8>>" }),
      v(6, "kill_prefix", { prefix: "Vec<u8>", subkeys: "u32" }),
      v(7, "remark_with_event", { remark: "Vec<u8>" }),
    ],
  },
  events: {
    path: "frame_system::pallet::Event",
    params: [["T", null]],
    variants: [
      v(0, "ExtrinsicSuccess", { dispatch_info: "DispatchEventInfo" }),
      v(1, "ExtrinsicFailed", { dispatch_error: "DispatchError", dispatch_info: "DispatchEventInfo" }),
      v(2, "CodeUpdated"),
      v(3, "NewAccount", { account: "AccountId32" }),
      v(4, "KilledAccount", { account: "AccountId32" }),
      v(5, "Remarked", { sender: "AccountId32", hash: "H256" }),
      v(6, "UpgradeAuthorized", { code_hash: "H256", check_version: "bool" }),
      v(7, "RejectedInvalidAuthorizedUpgrade", { code_hash: "H256", error: "DispatchError" }),
    ],
  },
  errors: {
    path: "frame_system::pallet::Error",
    params: [["T", null]],
    variants: [
      v(0, "InvalidSpecName"),
      v(1, "SpecVersionNeedsToIncrease"),
      v(2, "FailedToExtractRuntimeVersion"),
      v(3, "NonDefaultComposite"),
      v(4, "NonZeroRefCount"),
      v(5, "CallFiltered"),
      v(6, "MultiBlockMigrationsOngoing"),
      v(7, "NothingAuthorized"),
      v(8, "Unauthorized"),
    ],
  },
  constants: [
    // Finney's weight limits, kept as SCALE bytes (nested Weight/Option structs; only fee estimates read them).
    constant(
      "BlockWeights",
      "BlockWeights",
      "0xc2a0e766000b00409452a30313ffffffffffffffff2261c91900010bb837a1555d021366666666666666a6010b0030ef7dba0213ffffffffffffffbf0100002261c91900010bb847462a46031366666666666666e6010b00409452a30313ffffffffffffffff01070010a5d4e81300000000000000402261c91900000000",
    ),
    constant("BlockLength", "BlockLength", {
      max: { normal: 7_864_320, operational: 10_485_760, mandatory: 10_485_760 },
    }),
    constant("BlockHashCount", "u32", 2400),
    constant("DbWeight", "RuntimeDbWeight", { read: 25_000_000, write: 100_000_000 }),
    constant("Version", "RuntimeVersion", version),
    constant("SS58Prefix", "u16", 42),
  ],
});
