// The two runtimes a scenario chain runs (genesis spec and the mid-history upgrade), with the economy
// pallets seeded by the scenario's economy genesis.
import { type EconomyGenesis, economyPallets } from "../economy";
import { BASE_SPEC_VERSION, buildMetadata, type RuntimeVariant, UPGRADE_SPEC_VERSION } from "../metadata";
import { type ComposedRuntime, composeRuntime } from "../node/runtime/compose";

export function scenarioRuntimes(
  genesis: EconomyGenesis,
  variant: RuntimeVariant = "current",
): ComposedRuntime[] {
  return [BASE_SPEC_VERSION, UPGRADE_SPEC_VERSION].map((specVersion) =>
    composeRuntime({
      metadata: buildMetadata({ specVersion, variant }),
      specVersion,
      pallets: economyPallets({ specVersion, variant, genesis }),
    }),
  );
}
