// SubtensorModule assembled from its parts: genesis, calls, block hooks and runtime APIs.
import type { Pallet } from "../../node/runtime/pallet";
import type { EconomyEngine } from "../engine";
import { subtensorApis } from "./apis";
import { childrenCalls } from "./calls/children";
import { neuronCalls } from "./calls/neuron";
import { registrationCalls } from "./calls/registration";
import { servingCalls } from "./calls/serving";
import { stakingCalls } from "./calls/staking";
import { blockStep } from "./coinbase";
import { type EconomyGenesis, economyGenesis } from "./genesis";

export function subtensorPallet(engine: EconomyEngine, genesis: EconomyGenesis): Pallet {
  return {
    name: "SubtensorModule",
    genesis: (ctx) => economyGenesis(ctx, engine, genesis),
    onInitialize: (ctx) => blockStep(ctx, engine),
    calls: {
      ...stakingCalls(engine),
      ...registrationCalls(engine, genesis.tempo ?? 360),
      ...neuronCalls(engine),
      ...childrenCalls(engine),
      ...servingCalls(engine),
    },
    apis: subtensorApis(engine),
  };
}
