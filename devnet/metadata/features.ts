// What differs between the runtimes the devnet can describe. One place so the node and the metadata agree.

export type RuntimeVariant = "current" | "v3";

export interface RuntimeFeatures {
  specVersion: number;
  variant: RuntimeVariant;
  /** `SubtensorModule.SubnetProtocolAlpha` exists: added by our mid-history upgrade (spec >= 394). */
  subnetProtocolAlpha: boolean;
  /** `Swap.SwapBalancer` / `Swap.PalSwapInitialized` exist: the balancer pool of the current rule set. */
  balancerSwap: boolean;
  /**
   * SubtensorModule items the current rule set keeps (Finney spec 411-425 shapes): MinerBurned,
   * SubnetEmissionEnabled, SubnetExcessTao, SubnetRootSellTao, protocol flows, the stateful epoch
   * scheduler (LastEpochBlock, PendingEpochAt, SubnetEpochIndex, MaxEpochsPerBlock,
   * ActivityCutoffFactorMilli) and the half-life burn (BurnHalfLife, BurnIncreaseMult).
   */
  currentEraStorage: boolean;
}

/** The spec version Finney ran when the reference metadata was recorded; our upgrade goes one above it. */
export const BASE_SPEC_VERSION = 393;
export const UPGRADE_SPEC_VERSION = 394;

export function runtimeFeatures(specVersion: number, variant: RuntimeVariant = "current"): RuntimeFeatures {
  if (!Number.isInteger(specVersion) || specVersion <= 0) throw new Error(`bad spec version ${specVersion}`);
  return {
    specVersion,
    variant,
    subnetProtocolAlpha: specVersion >= UPGRADE_SPEC_VERSION,
    balancerSwap: variant === "current",
    currentEraStorage: variant === "current",
  };
}
