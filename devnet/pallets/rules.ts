// Which economic rule set the devnet runs, and the engine spec version that selects those rules.
// The runtime still reports its own spec (393/394); the rules only choose the engine's formulas.

export type EconomyRules = "current" | "v3";

/** Engine spec per rule set: "current" = the newest rules the engine knows, "v3" = Finney spec 393 (Uniswap-v3 era). */
export const RULES_SPEC: Readonly<Record<EconomyRules, number>> = { current: 425, v3: 393 };

/** The runtime's `DefaultMinStake` (0.002 TAO, fee included). */
export const DEFAULT_MIN_STAKE = 2_000_000n;
/** Root and stable subnets are mechanism 0; dynamic subnets mechanism 1. */
export const DYNAMIC_MECHANISM = 1;
export const ROOT_NETUID = 0;
export const RAO_PER_TAO = 1_000_000_000n;
export const U64_MAX = (1n << 64n) - 1n;

export const maxBig = (a: bigint, b: bigint): bigint => (a > b ? a : b);
export const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);
