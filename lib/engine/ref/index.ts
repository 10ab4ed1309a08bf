// The BigInt reference engine: every op of EngineOps, computed directly from the rule modules in this folder.

import type { EngineOps, NeuronBurnRequest, RootProportionInput, StakeValueInput } from "../types";
import { blockEmission, rootProportion } from "./emission";
import { movingPrice } from "./movingPrice";
import { lockCost, neuronBurn } from "./registration";
import { checkSpec, EngineInputError } from "./specs";
import { stakeValueSafeFloat, stakeValueU64F64 } from "./stake";
import { maxAmount, swapQuote } from "./swap";

export function checkNeuronBurnSpec(spec: number): void {
  checkSpec(spec);
  if (spec < 397)
    throw new EngineInputError(
      "spec",
      `neuron burn before spec 397 used interval-based adjustment (not modelled)`,
    );
}

export const referenceEngine: EngineOps = {
  blockEmission: (issuance: bigint) => blockEmission(issuance),
  rootProportion: (i: RootProportionInput) => rootProportion(i.rootTao, i.taoWeight, i.alphaIssuance),
  movingPrice,
  swap: swapQuote,
  swapBatch(inputs) {
    return inputs.map((i) => {
      try {
        return swapQuote(i);
      } catch (e) {
        return e instanceof Error ? e : new Error(String(e));
      }
    });
  },
  maxAmount,
  stakeValue(i: StakeValueInput) {
    return i.pool === "u64f64"
      ? stakeValueU64F64(i.sharedValue, i.share, i.denominator)
      : stakeValueSafeFloat(i.sharedValue, i.share, i.denominator);
  },
  lockCost(i) {
    checkSpec(i.spec);
    return lockCost(i);
  },
  neuronBurn(i: NeuronBurnRequest) {
    checkNeuronBurnSpec(i.spec);
    return neuronBurn(i);
  },
};

export { powRatioScaled } from "./bigmath";
export * as fixed from "./fixed";
export * as safeFloat from "./safefloat";
export * from "./specs";
