// The Swap pallet: the fee rate setter and the swap runtime API (prices and simulated swaps come from
// the engine over the subnet's pool).
import type { Pallet } from "../../node/runtime/pallet";
import type { EconomyEngine } from "../engine";
import { swapApis } from "./apis";
import { swapCalls } from "./calls";

export function swapPallet(engine: EconomyEngine): Pallet {
  return { name: "Swap", calls: swapCalls(), apis: swapApis(engine) };
}
