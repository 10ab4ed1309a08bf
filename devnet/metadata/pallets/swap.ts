import { constant, map, type PalletDecl, plain, v } from "../dsl";
import type { RuntimeFeatures } from "../features";

// pallet_subtensor_swap: the pool. Spec 393 is the Uniswap-v3 era; the current variant adds the balancer.
export const swapPallet = (f: RuntimeFeatures): PalletDecl => ({
  name: "Swap",
  index: 28,
  storage: [
    map("FeeRate", [["Twox64Concat", "u16"]], "u16", { default: 33 }),
    map("FeeGlobalTao", [["Twox64Concat", "u16"]], "U64F64"),
    map("FeeGlobalAlpha", [["Twox64Concat", "u16"]], "U64F64"),
    map(
      "Ticks",
      [
        ["Twox64Concat", "u16"],
        ["Twox64Concat", "TickIndex"],
      ],
      "Tick",
      { optional: true },
    ),
    map("SwapV3Initialized", [["Twox64Concat", "u16"]], "bool"),
    map("AlphaSqrtPrice", [["Twox64Concat", "u16"]], "U64F64"),
    map("CurrentTick", [["Twox64Concat", "u16"]], "TickIndex"),
    map("CurrentLiquidity", [["Twox64Concat", "u16"]], "u64"),
    map("EnabledUserLiquidity", [["Twox64Concat", "u16"]], "bool"),
    map(
      "Positions",
      [
        ["Twox64Concat", "u16"],
        ["Twox64Concat", "AccountId32"],
        ["Twox64Concat", "PositionId"],
      ],
      "Position",
      { optional: true },
    ),
    plain("LastPositionId", "u128"),
    map(
      "TickIndexBitmapWords",
      [
        ["Twox64Concat", "u16"],
        ["Twox64Concat", "LayerLevel"],
        ["Twox64Concat", "u32"],
      ],
      "u128",
    ),
    map("ScrapReservoirTao", [["Twox64Concat", "u16"]], "u64"),
    map("ScrapReservoirAlpha", [["Twox64Concat", "u16"]], "u64"),
    // Balancer-pool items of the current rule set (Finney spec >= 423 shapes): the pool weight and whether
    // the balancer was initialised for the subnet.
    ...(f.balancerSwap
      ? [
          map("SwapBalancer", [["Twox64Concat", "u16"]], "Balancer", {
            default: { quote: 500_000_000_000_000_000n },
          }),
          map("PalSwapInitialized", [["Twox64Concat", "u16"]], "bool"),
        ]
      : []),
  ],
  calls: {
    path: "pallet_subtensor_swap::pallet::pallet::Call",
    params: [["T", null]],
    variants: [
      v(0, "set_fee_rate", { netuid: "u16", rate: "u16" }),
      v(4, "toggle_user_liquidity", { netuid: "u16", enable: "bool" }),
      v(1, "add_liquidity", {
        hotkey: "AccountId32",
        netuid: "u16",
        tick_low: "TickIndex",
        tick_high: "TickIndex",
        liquidity: "u64",
      }),
      v(2, "remove_liquidity", { hotkey: "AccountId32", netuid: "u16", position_id: "PositionId" }),
      v(3, "modify_position", {
        hotkey: "AccountId32",
        netuid: "u16",
        position_id: "PositionId",
        liquidity_delta: "i64",
      }),
      v(5, "disable_lp"),
    ],
  },
  events: {
    path: "pallet_subtensor_swap::pallet::pallet::Event",
    params: [["T", null]],
    variants: [
      v(0, "FeeRateSet", { netuid: "u16", rate: "u16" }),
      v(1, "UserLiquidityToggled", { netuid: "u16", enable: "bool" }),
      v(2, "LiquidityAdded", {
        coldkey: "AccountId32",
        hotkey: "AccountId32",
        netuid: "u16",
        position_id: "PositionId",
        liquidity: "u64",
        tao: "u64",
        alpha: "u64",
        tick_low: "TickIndex",
        tick_high: "TickIndex",
      }),
      v(3, "LiquidityRemoved", {
        coldkey: "AccountId32",
        hotkey: "AccountId32",
        netuid: "u16",
        position_id: "PositionId",
        liquidity: "u64",
        tao: "u64",
        alpha: "u64",
        fee_tao: "u64",
        fee_alpha: "u64",
        tick_low: "TickIndex",
        tick_high: "TickIndex",
      }),
      v(4, "LiquidityModified", {
        coldkey: "AccountId32",
        hotkey: "AccountId32",
        netuid: "u16",
        position_id: "PositionId",
        liquidity: "i64",
        tao: "i64",
        alpha: "i64",
        fee_tao: "u64",
        fee_alpha: "u64",
        tick_low: "TickIndex",
        tick_high: "TickIndex",
      }),
    ],
  },
  errors: {
    path: "pallet_subtensor_swap::pallet::pallet::Error",
    params: [["T", null]],
    variants: [
      v(0, "FeeRateTooHigh"),
      v(1, "InsufficientInputAmount"),
      v(2, "InsufficientLiquidity"),
      v(3, "PriceLimitExceeded"),
      v(4, "InsufficientBalance"),
      v(5, "LiquidityNotFound"),
      v(6, "InvalidTickRange"),
      v(7, "MaxPositionsExceeded"),
      v(8, "TooManySwapSteps"),
      v(9, "InvalidLiquidityValue"),
      v(10, "ReservesTooLow"),
      v(11, "MechanismDoesNotExist"),
      v(12, "UserLiquidityDisabled"),
      v(13, "SubtokenDisabled"),
    ],
  },
  constants: [
    constant("ProtocolId", "PalletId", "0x74656e2f73776170"), // "ten/swap"
    constant("MaxFeeRate", "u16", 10000),
    constant("MaxPositions", "u32", 100),
    constant("MinimumLiquidity", "u64", 1000),
    constant("MinimumReserve", "NonZeroU64", 1_000_000),
  ],
});
