// The devnet's economy as runtime pallets (SubtensorModule, Swap, AdminUtils) for one runtime version.
// Compose them with the node's base pallets:
//   composeRuntime({ metadata, specVersion, pallets: economyPallets({ specVersion, variant }) })
import type { EngineOps } from "../lib/engine/types";
import type { RuntimeVariant } from "./metadata";
import type { Pallet } from "./node/runtime/pallet";
import { adminUtilsPallet } from "./pallets/adminUtils/pallet";
import { createEconomyEngine } from "./pallets/engine";
import type { EconomyRules } from "./pallets/rules";
import type { EconomyGenesis } from "./pallets/subtensor/genesis";
import { subtensorPallet } from "./pallets/subtensor/pallet";
import { swapPallet } from "./pallets/swap/pallet";

export type { EconomyGenesis, EconomyRules };

export interface EconomyOptions {
  /** Spec version the runtime reports (393 / 394); the rules decide the formulas. */
  specVersion: number;
  /** Metadata variant the runtime is built with: "v3" = Finney spec-393 layout, "current" adds the balancer items. */
  variant: RuntimeVariant;
  /** Rule set; defaults to the variant ("current" needs the "current" metadata). */
  rules?: EconomyRules;
  /** Engine ops (default: the BigInt reference; pass `await loadEngineNode()` for WASM). */
  engine?: EngineOps;
  genesis?: EconomyGenesis;
}

export function economyPallets(opts: EconomyOptions): Pallet[] {
  const rules = opts.rules ?? opts.variant;
  if (rules === "current" && opts.variant !== "current")
    throw new Error('the "current" rules need the "current" metadata variant (balancer storage)');
  const engine = createEconomyEngine(rules, opts.engine);
  return [subtensorPallet(engine, opts.genesis ?? {}), swapPallet(engine), adminUtilsPallet()];
}
