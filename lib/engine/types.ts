// The typed operation set both engines implement: the BigInt reference (lib/engine/ref) and the WASM build
// (lib/engine/wasm.ts). Fixed-point values are raw bits (bigint); see each input type for its fixed type.

import type { MovingPriceInput } from "./ref/movingPrice";
import type { LockCostInput, NeuronBurnInput } from "./ref/registration";
import type { SafeFloat } from "./ref/safefloat";
import type { MaxAmountInput, SwapInput, SwapQuote } from "./ref/swap";

export type {
  LockCostInput,
  MaxAmountInput,
  MovingPriceInput,
  NeuronBurnInput,
  SafeFloat,
  SwapInput,
  SwapQuote,
};

export interface RootProportionInput {
  /** SubnetTAO[0] (rao). */
  rootTao: bigint;
  /** TaoWeight (u64, fraction of u64::MAX). */
  taoWeight: bigint;
  /** SubnetAlphaIn + SubnetAlphaOut of the subnet. */
  alphaIssuance: bigint;
}

export type StakeValueInput =
  | { pool: "u64f64"; sharedValue: bigint; share: bigint; denominator: bigint }
  | { pool: "safeFloat"; sharedValue: bigint; share: SafeFloat; denominator: SafeFloat };

export interface NeuronBurnRequest extends NeuronBurnInput {
  spec: number;
}

export interface EngineOps {
  /** TAO (or a subnet's alpha) block emission in rao for an issuance. */
  blockEmission(issuance: bigint): bigint;
  /** Root proportion, U96F32 bits. */
  rootProportion(input: RootProportionInput): bigint;
  /** New SubnetMovingPrice, I96F32 bits. */
  movingPrice(input: MovingPriceInput): bigint;
  /** Stake/unstake quote; throws ChainRejection when the chain would refuse, EngineInputError on bad input. */
  swap(input: SwapInput): SwapQuote;
  /** Many quotes at once; a refused quote is returned as its ChainRejection. */
  swapBatch(inputs: readonly SwapInput[]): (SwapQuote | Error)[];
  /** get_max_amount_add / get_max_amount_remove. */
  maxAmount(input: MaxAmountInput): bigint;
  /** Value (u64) of shares in a hotkey's share pool. */
  stakeValue(input: StakeValueInput): bigint;
  /** Subnet registration lock cost (rao). */
  lockCost(input: LockCostInput & { spec: number }): bigint;
  /** Neuron registration burn after decay blocks and registrations (spec ≥ 397 rules). */
  neuronBurn(input: NeuronBurnRequest): bigint;
}
