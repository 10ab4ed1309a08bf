// Creating a subnet (genesis and register_network share this): pool, owner, hyperparameters, UID 0.
import type { EconomyEngine } from "../engine";
import { RAO_PER_TAO } from "../rules";
import { appendNeuron } from "./neurons";
import { writePoolState } from "./pool";
import { SM, type Store, SWAP } from "./store";

export interface NewSubnet {
  netuid: number;
  owner: Uint8Array;
  hotkey: Uint8Array;
  tao: bigint;
  alphaIn: bigint;
  locked: bigint;
  tempo: number;
  block: bigint;
}

/** Per-subnet hyperparameters written at registration (Finney-like; items absent keep the metadata default). */
export function subnetHyperparams(tempo: number): Array<[string, unknown]> {
  return [
    ["Tempo", tempo],
    ["Kappa", 32767],
    ["Rho", 10],
    ["ImmunityPeriod", 5000],
    ["MaxAllowedUids", 256],
    ["MaxAllowedValidators", 64],
    ["MinAllowedWeights", 1],
    ["MaxWeightsLimit", 65535],
    ["WeightsSetRateLimit", 100],
    ["ActivityCutoff", 5000],
    ["CommitRevealWeightsEnabled", false],
    ["Burn", RAO_PER_TAO],
    ["MinBurn", 500_000n],
    ["MaxBurn", 100n * RAO_PER_TAO],
    ["MaxRegistrationsPerBlock", 1],
    ["TargetRegistrationsPerInterval", 1],
    ["BondsMovingAverage", 975_000n],
    ["Yuma3On", true],
    ["NetworkRegistrationAllowed", true],
  ];
}

export function tokenSymbol(netuid: number): string {
  const greek = "αβγδεζηθικλμνξοπρστυφχψω";
  return netuid === 0 ? "Τ" : (greek[(netuid - 1) % greek.length] as string);
}

export function initSubnet(st: Store, engine: EconomyEngine, s: NewSubnet): void {
  const { netuid } = s;
  st.set("NetworksAdded", [netuid], true);
  st.set("SubnetMechanism", [netuid], 1);
  st.set("NetworkRegisteredAt", [netuid], s.block);
  st.set("SubnetOwner", [netuid], s.owner);
  st.set("SubnetOwnerHotkey", [netuid], s.hotkey);
  if (!st.has(SM, "Owner", s.hotkey)) {
    st.set("Owner", [s.hotkey], s.owner);
    st.set("Delegates", [s.hotkey], st.num("Delegates", s.hotkey));
    st.set("OwnedHotkeys", [s.owner], [...st.accounts("OwnedHotkeys", s.owner), s.hotkey]);
  }
  st.set("SubnetTAO", [netuid], s.tao);
  st.set("SubnetAlphaIn", [netuid], s.alphaIn);
  st.set("SubnetAlphaOut", [netuid], 0n);
  st.set("SubnetLocked", [netuid], s.locked);
  st.set("TokenSymbol", [netuid], tokenSymbol(netuid));
  for (const [item, value] of subnetHyperparams(s.tempo)) st.set(item, [netuid], value);
  writePoolState(st, netuid, engine.initialPoolState(s.tao, s.alphaIn));
  if (engine.rules === "current") {
    st.write(SWAP, "PalSwapInitialized", [netuid], true);
    // New subnets are staggered over the tempo like the chain's stateful scheduler does.
    st.set(
      "LastEpochBlock",
      [netuid],
      s.block - (s.block < BigInt(netuid % s.tempo) ? s.block : BigInt(netuid % s.tempo)),
    );
  }
  appendNeuron(st, netuid, s.hotkey, s.block);
  st.set("ValidatorPermit", [netuid], [true]);
  st.setBig("TotalNetworks", [], st.num("TotalNetworks") + 1);
  st.addBig("TotalStake", [], s.tao);
}
