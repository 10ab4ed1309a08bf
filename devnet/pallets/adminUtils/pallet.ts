// AdminUtils: the sudo/owner hyperparameter setters, generic over a table call → storage item (+ event).
// Calls taking a netuid accept root or the subnet's owner (as most of Finney's do); global ones need root.
import type { Codec } from "@polkadot/types/types";
import { u8aEq } from "@polkadot/util";
import { type CallDef, type ExecContext, weight } from "../../node/runtime/pallet";
import { DispatchFailure, type Origin } from "../../node/types";
import { SM, Store } from "../subtensor/store";

interface Setter {
  /** SubtensorModule item written with the call's value argument. */
  item: string;
  /** The first argument is a netuid (storage key) rather than the value. */
  perSubnet: boolean;
  /** SubtensorModule event emitted with [netuid?, value]. */
  event?: string;
  /** AdminUtils event with `{ netuid, enabled }`. */
  adminEvent?: string;
}

const S = (item: string, perSubnet: boolean, event?: string, adminEvent?: string): Setter => ({
  item,
  perSubnet,
  event,
  adminEvent,
});

export const SETTERS: Readonly<Record<string, Setter>> = {
  sudo_set_tx_rate_limit: S("TxRateLimit", false),
  sudo_set_serving_rate_limit: S("ServingRateLimit", true),
  sudo_set_weights_version_key: S("WeightsVersionKey", true, "WeightsVersionKeySet"),
  sudo_set_weights_set_rate_limit: S("WeightsSetRateLimit", true),
  sudo_set_adjustment_interval: S("AdjustmentInterval", true),
  sudo_set_adjustment_alpha: S("AdjustmentAlpha", true),
  sudo_set_immunity_period: S("ImmunityPeriod", true, "ImmunityPeriodSet"),
  sudo_set_min_allowed_weights: S("MinAllowedWeights", true),
  sudo_set_max_allowed_uids: S("MaxAllowedUids", true, "MaxAllowedUidsSet"),
  sudo_set_kappa: S("Kappa", true, "KappaSet"),
  sudo_set_rho: S("Rho", true, "RhoSet"),
  sudo_set_activity_cutoff: S("ActivityCutoff", true, "ActivityCutoffSet"),
  sudo_set_network_registration_allowed: S("NetworkRegistrationAllowed", true, "RegistrationAllowed"),
  sudo_set_target_registrations_per_interval: S("TargetRegistrationsPerInterval", true),
  sudo_set_min_burn: S("MinBurn", true, "MinBurnSet"),
  sudo_set_max_burn: S("MaxBurn", true, "MaxBurnSet"),
  sudo_set_max_allowed_validators: S("MaxAllowedValidators", true, "MaxAllowedValidatorsSet"),
  sudo_set_bonds_moving_average: S("BondsMovingAverage", true),
  sudo_set_bonds_penalty: S("BondsPenalty", true),
  sudo_set_max_registrations_per_block: S("MaxRegistrationsPerBlock", true),
  sudo_set_subnet_owner_cut: S("SubnetOwnerCut", false, "SubnetOwnerCutSet"),
  sudo_set_network_rate_limit: S("NetworkRateLimit", false, "NetworkRateLimitSet"),
  sudo_set_tempo: S("Tempo", true, "TempoSet"),
  sudo_set_network_immunity_period: S("NetworkImmunityPeriod", false),
  sudo_set_network_min_lock_cost: S("NetworkMinLockCost", false, "NetworkMinLockCostSet"),
  sudo_set_subnet_limit: S("SubnetLimit", false, "SubnetLimitSet"),
  sudo_set_lock_reduction_interval: S("NetworkLockReductionInterval", false),
  sudo_set_rao_recycled: S("RAORecycledForRegistration", true, "RAORecycledForRegistrationSet"),
  sudo_set_stake_threshold: S("StakeThreshold", false, "StakeThresholdSet"),
  sudo_set_nominator_min_required_stake: S("NominatorMinRequiredStake", false),
  sudo_set_tx_delegate_take_rate_limit: S("TxDelegateTakeRateLimit", false),
  sudo_set_min_delegate_take: S("MinDelegateTake", false),
  sudo_set_commit_reveal_weights_enabled: S("CommitRevealWeightsEnabled", true),
  sudo_set_liquid_alpha_enabled: S("LiquidAlphaOn", true),
  sudo_set_toggle_transfer: S("TransferToggle", true, "TransferToggle"),
  sudo_set_recycle_or_burn: S("RecycleOrBurn", true),
  sudo_set_subnet_moving_alpha: S("SubnetMovingAlpha", false),
  sudo_set_ema_price_halving_period: S("EMAPriceHalvingBlocks", true),
  sudo_set_alpha_sigmoid_steepness: S("AlphaSigmoidSteepness", true),
  sudo_set_yuma3_enabled: S("Yuma3On", true, undefined, "Yuma3EnableToggled"),
  sudo_set_bonds_reset_enabled: S("BondsResetOn", true, undefined, "BondsResetToggled"),
  sudo_set_sn_owner_hotkey: S("SubnetOwnerHotkey", true, "SubnetOwnerHotkeySet"),
  sudo_set_subtoken_enabled: S("SubtokenEnabled", true),
  sudo_set_owner_immune_neuron_limit: S("ImmuneOwnerUidsLimit", true),
  sudo_set_ck_burn: S("CKBurn", false),
  sudo_set_mechanism_count: S("MechanismCountCurrent", true),
  sudo_set_min_allowed_uids: S("MinAllowedUids", true, "MinAllowedUidsSet"),
  sudo_set_tao_flow_cutoff: S("TaoFlowCutoff", false),
  sudo_set_tao_flow_normalization_exponent: S("FlowNormExponent", false),
  sudo_set_tao_flow_smoothing_factor: S("FlowEmaSmoothingFactor", false),
  sudo_set_start_call_delay: S("StartCallDelay", false),
};

function ensureRootOrOwner(ctx: ExecContext, origin: Origin, netuid: number | undefined): void {
  if (origin.kind === "root") return;
  if (origin.kind === "signed" && netuid !== undefined) {
    const owner = new Store(ctx.codec, ctx.storage).account("SubnetOwner", netuid);
    if (owner && u8aEq(owner, origin.who)) return;
  }
  throw new DispatchFailure("BadOrigin", "BadOrigin");
}

function setterCall(s: Setter): CallDef {
  return {
    weight: weight(15_000_000, 3_500),
    handler: (ctx, origin, args) => {
      const st = new Store(ctx.codec, ctx.storage);
      const netuid = s.perSubnet ? Number((args[0] as Codec).toString()) : undefined;
      ensureRootOrOwner(ctx, origin, netuid);
      if (netuid !== undefined && !st.subnetExists(netuid))
        ctx.codec.fail("AdminUtils", "SubnetDoesNotExist");
      const value = args[s.perSubnet ? 1 : 0] as Codec;
      const keys = netuid === undefined ? [] : [netuid];
      ctx.storage.set(ctx.codec.key(SM, s.item, ...keys), value.toU8a());
      if (s.event && ctx.codec.hasEvent(SM, s.event))
        ctx.deposit(SM, s.event, netuid === undefined ? [value] : [netuid, value]);
      if (s.adminEvent) ctx.deposit("AdminUtils", s.adminEvent, [netuid, value]);
    },
  };
}

export function adminUtilsPallet(): {
  name: string;
  calls: Record<string, CallDef>;
} {
  const calls: Record<string, CallDef> = {};
  for (const [name, s] of Object.entries(SETTERS)) calls[name] = setterCall(s);
  calls.sudo_set_alpha_values = {
    weight: weight(15_000_000, 3_500),
    handler: (ctx, origin, args) => {
      const netuid = Number((args[0] as Codec).toString());
      ensureRootOrOwner(ctx, origin, netuid);
      const st = new Store(ctx.codec, ctx.storage);
      if (!st.subnetExists(netuid)) ctx.codec.fail("AdminUtils", "SubnetDoesNotExist");
      const [low, high] = [Number(args[1]?.toString()), Number(args[2]?.toString())];
      if (high < low) ctx.codec.fail(SM, "AlphaHighTooLow");
      st.set("AlphaValues", [netuid], [low, high]);
    },
  };
  return { name: "AdminUtils", calls };
}
