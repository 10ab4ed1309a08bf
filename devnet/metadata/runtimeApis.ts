import type { RuntimeApiDecl } from "./dsl";

export const runtimeApis: readonly RuntimeApiDecl[] = [
  {
    name: "Core",
    version: 5,
    methods: [
      { name: "version", inputs: [], output: "RuntimeVersion" },
      { name: "execute_block", inputs: [["block", "Block"]], output: "()" },
      { name: "initialize_block", inputs: [["header", "Header"]], output: "ExtrinsicInclusionMode" },
    ],
  },
  {
    name: "Metadata",
    version: 2,
    methods: [
      { name: "metadata", inputs: [], output: "OpaqueMetadata" },
      { name: "metadata_at_version", inputs: [["version", "u32"]], output: "Option<OpaqueMetadata>" },
      { name: "metadata_versions", inputs: [], output: "Vec<u32>" },
    ],
  },
  {
    name: "BlockBuilder",
    version: 6,
    methods: [
      {
        name: "apply_extrinsic",
        inputs: [["extrinsic", "UncheckedExtrinsic"]],
        output: "Result<Result<(), DispatchError>, TransactionValidityError>",
      },
      { name: "finalize_block", inputs: [], output: "Header" },
      {
        name: "inherent_extrinsics",
        inputs: [["inherent", "InherentData"]],
        output: "Vec<UncheckedExtrinsic>",
      },
      {
        name: "check_inherents",
        inputs: [
          ["block", "Block"],
          ["data", "InherentData"],
        ],
        output: "CheckInherentsResult",
      },
    ],
  },
  {
    name: "TaggedTransactionQueue",
    version: 3,
    methods: [
      {
        name: "validate_transaction",
        inputs: [
          ["source", "TransactionSource"],
          ["tx", "UncheckedExtrinsic"],
          ["block_hash", "H256"],
        ],
        output: "Result<ValidTransaction, TransactionValidityError>",
      },
    ],
  },
  {
    name: "AccountNonceApi",
    version: 1,
    methods: [{ name: "account_nonce", inputs: [["account", "AccountId32"]], output: "u32" }],
  },
  {
    name: "TransactionPaymentApi",
    version: 4,
    methods: [
      {
        name: "query_info",
        inputs: [
          ["uxt", "UncheckedExtrinsic"],
          ["len", "u32"],
        ],
        output: "RuntimeDispatchInfo",
      },
      {
        name: "query_fee_details",
        inputs: [
          ["uxt", "UncheckedExtrinsic"],
          ["len", "u32"],
        ],
        output: "FeeDetails",
      },
      { name: "query_weight_to_fee", inputs: [["weight", "Weight"]], output: "u64" },
      { name: "query_length_to_fee", inputs: [["length", "u32"]], output: "u64" },
    ],
  },
  {
    name: "TransactionPaymentCallApi",
    version: 3,
    methods: [
      {
        name: "query_call_info",
        inputs: [
          ["call", "RuntimeCall"],
          ["len", "u32"],
        ],
        output: "RuntimeDispatchInfo",
      },
      {
        name: "query_call_fee_details",
        inputs: [
          ["call", "RuntimeCall"],
          ["len", "u32"],
        ],
        output: "FeeDetails",
      },
      { name: "query_weight_to_fee", inputs: [["weight", "Weight"]], output: "u64" },
      { name: "query_length_to_fee", inputs: [["length", "u32"]], output: "u64" },
    ],
  },
  {
    name: "DelegateInfoRuntimeApi",
    version: 1,
    methods: [
      { name: "get_delegates", inputs: [], output: "Vec<DelegateInfo>" },
      { name: "get_delegate", inputs: [["delegate_account", "AccountId32"]], output: "Option<DelegateInfo>" },
      {
        name: "get_delegated",
        inputs: [["delegatee_account", "AccountId32"]],
        output: "Vec<(DelegateInfo, (Compact<u16>, Compact<u64>))>",
      },
    ],
  },
  {
    name: "NeuronInfoRuntimeApi",
    version: 1,
    methods: [
      { name: "get_neurons", inputs: [["netuid", "u16"]], output: "Vec<NeuronInfo>" },
      {
        name: "get_neuron",
        inputs: [
          ["netuid", "u16"],
          ["uid", "u16"],
        ],
        output: "Option<NeuronInfo>",
      },
      { name: "get_neurons_lite", inputs: [["netuid", "u16"]], output: "Vec<NeuronInfoLite>" },
      {
        name: "get_neuron_lite",
        inputs: [
          ["netuid", "u16"],
          ["uid", "u16"],
        ],
        output: "Option<NeuronInfoLite>",
      },
    ],
  },
  {
    name: "SubnetInfoRuntimeApi",
    version: 1,
    methods: [
      { name: "get_subnet_info", inputs: [["netuid", "u16"]], output: "Option<SubnetInfo>" },
      { name: "get_subnets_info", inputs: [], output: "Vec<Option<SubnetInfo>>" },
      { name: "get_subnet_info_v2", inputs: [["netuid", "u16"]], output: "Option<SubnetInfov2>" },
      { name: "get_subnets_info_v2", inputs: [], output: "Vec<Option<SubnetInfov2>>" },
      { name: "get_subnet_hyperparams", inputs: [["netuid", "u16"]], output: "Option<SubnetHyperparams>" },
      {
        name: "get_subnet_hyperparams_v2",
        inputs: [["netuid", "u16"]],
        output: "Option<SubnetHyperparamsV2>",
      },
      { name: "get_all_dynamic_info", inputs: [], output: "Vec<Option<DynamicInfo>>" },
      { name: "get_all_metagraphs", inputs: [], output: "Vec<Option<Metagraph>>" },
      { name: "get_metagraph", inputs: [["netuid", "u16"]], output: "Option<Metagraph>" },
      { name: "get_all_mechagraphs", inputs: [], output: "Vec<Option<Metagraph>>" },
      {
        name: "get_mechagraph",
        inputs: [
          ["netuid", "u16"],
          ["mecid", "u8"],
        ],
        output: "Option<Metagraph>",
      },
      { name: "get_dynamic_info", inputs: [["netuid", "u16"]], output: "Option<DynamicInfo>" },
      { name: "get_subnet_state", inputs: [["netuid", "u16"]], output: "Option<SubnetState>" },
      {
        name: "get_selective_metagraph",
        inputs: [
          ["netuid", "u16"],
          ["metagraph_indexes", "Vec<u16>"],
        ],
        output: "Option<SelectiveMetagraph>",
      },
      {
        name: "get_coldkey_auto_stake_hotkey",
        inputs: [
          ["coldkey", "AccountId32"],
          ["netuid", "u16"],
        ],
        output: "Option<AccountId32>",
      },
      {
        name: "get_selective_mechagraph",
        inputs: [
          ["netuid", "u16"],
          ["subid", "u8"],
          ["metagraph_indexes", "Vec<u16>"],
        ],
        output: "Option<SelectiveMetagraph>",
      },
      { name: "get_subnet_to_prune", inputs: [], output: "Option<u16>" },
    ],
  },
  {
    name: "StakeInfoRuntimeApi",
    version: 1,
    methods: [
      {
        name: "get_stake_info_for_coldkey",
        inputs: [["coldkey_account", "AccountId32"]],
        output: "Vec<StakeInfo>",
      },
      {
        name: "get_stake_info_for_coldkeys",
        inputs: [["coldkey_accounts", "Vec<AccountId32>"]],
        output: "Vec<(AccountId32, Vec<StakeInfo>)>",
      },
      {
        name: "get_stake_info_for_hotkey_coldkey_netuid",
        inputs: [
          ["hotkey_account", "AccountId32"],
          ["coldkey_account", "AccountId32"],
          ["netuid", "u16"],
        ],
        output: "Option<StakeInfo>",
      },
      {
        name: "get_stake_fee",
        inputs: [
          ["origin", "Option<(AccountId32, u16)>"],
          ["origin_coldkey_account", "AccountId32"],
          ["destination", "Option<(AccountId32, u16)>"],
          ["destination_coldkey_account", "AccountId32"],
          ["amount", "u64"],
        ],
        output: "u64",
      },
    ],
  },
  {
    name: "SubnetRegistrationRuntimeApi",
    version: 1,
    methods: [{ name: "get_network_registration_cost", inputs: [], output: "u64" }],
  },
  {
    name: "SwapRuntimeApi",
    version: 1,
    methods: [
      { name: "current_alpha_price", inputs: [["netuid", "u16"]], output: "u64" },
      { name: "current_alpha_price_all", inputs: [], output: "Vec<SubnetPrice>" },
      {
        name: "sim_swap_tao_for_alpha",
        inputs: [
          ["netuid", "u16"],
          ["tao", "u64"],
        ],
        output: "SimSwapResult",
      },
      {
        name: "sim_swap_alpha_for_tao",
        inputs: [
          ["netuid", "u16"],
          ["alpha", "u64"],
        ],
        output: "SimSwapResult",
      },
    ],
  },
];
