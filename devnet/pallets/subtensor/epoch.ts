// An epoch that fired (dtao-math §2.8 + §6): the engine's Yuma over the weights validators set, metagraph
// vectors written back, then the drained pending alpha paid into share pools.
//
// Amounts come from the engine (`yumaEpoch`, `distributeEmission`); this module reads their inputs from
// storage and books their outputs into the share pools. Root dividends are added to the
// hotkey's subnet pool instead of RootClaimable; unpaid rounding dust is recycled. Yuma gets raw (not
// childkey-inherited) stake.
import { u8aEq, u8aToHex } from "@polkadot/util";
import type { DistributeInput } from "../engine";
import { ROOT_NETUID } from "../rules";
import { readChildren } from "./calls/children";
import type { Env } from "./context";
import { addStake, addToPool } from "./shares";
import { SM } from "./store";

export interface Drained {
  server: bigint;
  validator: bigint;
  rootAlpha: bigint;
  ownerCut: bigint;
}

function pad<T>(v: T[], n: number, fill: T): T[] {
  const out = v.slice(0, n);
  while (out.length < n) out.push(fill);
  return out;
}

export function runEpoch(env: Env, netuid: number, d: Drained): void {
  const { st, engine } = env;
  const n = st.num("SubnetworkN", netuid);
  const hotkeys: Uint8Array[] = [];
  for (let uid = 0; uid < n; uid++) hotkeys.push(st.account("Keys", netuid, uid) ?? new Uint8Array(32));
  const ownerHot = st.account("SubnetOwnerHotkey", netuid);
  const ownerCold = st.account("SubnetOwner", netuid);
  const ownerUidIdx = ownerHot ? hotkeys.findIndex((h) => u8aEq(h, ownerHot)) : -1;
  const tempo = st.num("Tempo", netuid);
  const [alphaLow, alphaHigh] = (st.json("AlphaValues", netuid) as [number, number] | null) ?? [45875, 58982];
  const total = d.server + d.validator + d.rootAlpha;
  const out = engine.yuma({
    block: env.block,
    tempo,
    activityCutoff: st.exists(SM, "ActivityCutoffFactorMilli")
      ? engine.activityCutoff(st.num("ActivityCutoffFactorMilli", netuid), tempo)
      : BigInt(st.num("ActivityCutoff", netuid)),
    lastMechanismStepBlock: st.big("LastMechansimStepBlock", netuid),
    lastUpdate: pad(st.u64s("LastUpdate", netuid), n, 0n),
    blockAtRegistration: hotkeys.map((_, uid) => st.big("BlockAtRegistration", netuid, uid)),
    alphaStake: hotkeys.map((h) => st.big("TotalHotkeyAlpha", h, netuid)),
    rootStake: hotkeys.map((h) => st.big("TotalHotkeyAlpha", h, ROOT_NETUID)),
    taoWeight: st.big("TaoWeight"),
    stakeThreshold: st.big("StakeThreshold"),
    ownerUid: ownerUidIdx >= 0 ? ownerUidIdx : null,
    validatorPermit: pad(st.bools("ValidatorPermit", netuid), n, false),
    maxAllowedValidators: st.num("MaxAllowedValidators", netuid),
    weights: hotkeys.map((_, uid) => st.pairs("Weights", netuid, uid)),
    bonds: hotkeys.map((_, uid) => st.pairs("Bonds", netuid, uid)),
    kappa: st.num("Kappa", netuid),
    bondsPenalty: st.num("BondsPenalty", netuid),
    bondsMovingAverage: st.big("BondsMovingAverage", netuid),
    yuma3: st.bool("Yuma3On", netuid),
    liquidAlpha: st.bool("LiquidAlphaOn", netuid),
    alphaLow,
    alphaHigh,
    alphaSigmoidSteepness: Number(st.read(SM, "AlphaSigmoidSteepness", netuid)?.toString() ?? "1000"),
    emission: total,
  });
  st.set("Active", [netuid], out.active);
  st.set("Consensus", [netuid], out.consensusU16);
  st.set("Incentive", [netuid], out.incentiveU16);
  st.set("Dividends", [netuid], out.dividendsU16);
  st.set("ValidatorTrust", [netuid], out.validatorTrustU16);
  st.set("StakeWeight", [netuid], out.stakeWeightU16);
  st.set("ValidatorPermit", [netuid], out.newValidatorPermit);
  st.set("Emission", [netuid], out.emission);
  for (let uid = 0; uid < n; uid++) {
    const row = out.bonds[uid] ?? [];
    if (row.length) st.set("Bonds", [netuid, uid], row);
    else st.remove(SM, "Bonds", netuid, uid);
  }
  st.set("LastMechansimStepBlock", [netuid], env.block);
  env.ctx.deposit(SM, "IncentiveAlphaEmittedToMiners", [netuid, out.serverEmission]);
  distribute(env, netuid, hotkeys, out.serverEmission, out.validatorEmission, d, ownerCold, ownerHot);
}

/** Pays the drained alpha as the engine's `distributeEmission` splits it (hotkeys keyed by hex id). */
function distribute(
  env: Env,
  netuid: number,
  hotkeys: Uint8Array[],
  incentive: bigint[],
  dividends: bigint[],
  d: Drained,
  ownerCold: Uint8Array | undefined,
  ownerHot: Uint8Array | undefined,
): void {
  const { st } = env;
  const byHex = new Map<string, Uint8Array>();
  const info: DistributeInput["hotkeys"] = {};
  const hotkeyInfo = (hot: Uint8Array): DistributeInput["hotkeys"][string] => {
    const cold = st.account("Owner", hot);
    const h = u8aToHex(hot);
    return {
      coldkey: cold ? u8aToHex(cold) : `none:${h}`,
      alphaStake: st.big("TotalHotkeyAlpha", hot, netuid),
      rootStake: st.big("TotalHotkeyAlpha", hot, ROOT_NETUID),
      take: st.num("Delegates", hot),
      childkeyTake: Math.max(st.num("ChildkeyTake", hot, netuid), st.num("MinChildkeyTake")),
      children: readChildren(st, "ChildKeys", hot, netuid).map(
        ([p, c]) => [p, u8aToHex(c)] as [bigint, string],
      ),
      parents: readChildren(st, "ParentKeys", hot, netuid).map(
        ([p, c]) => [p, u8aToHex(c)] as [bigint, string],
      ),
    };
  };
  const ownerHotkeys: string[] = [];
  hotkeys.forEach((hot) => {
    const h = u8aToHex(hot);
    byHex.set(h, hot);
    const cold = st.account("Owner", hot);
    info[h] = hotkeyInfo(hot);
    if ((ownerHot && u8aEq(hot, ownerHot)) || (ownerCold && cold && u8aEq(cold, ownerCold)))
      ownerHotkeys.push(h);
  });
  for (const hot of hotkeys)
    for (const [, parent] of readChildren(st, "ParentKeys", hot, netuid)) {
      const h = u8aToHex(parent);
      if (!info[h]) {
        info[h] = hotkeyInfo(parent);
        byHex.set(h, parent);
      }
    }
  const r = env.engine.distribute({
    pendingServer: d.server,
    pendingValidator: d.validator,
    pendingRootAlpha: d.rootAlpha,
    pendingOwnerCut: d.ownerCut,
    hotkeyEmission: hotkeys.map((hot, uid) => ({
      hotkey: u8aToHex(hot),
      incentive: incentive[uid] ?? 0n,
      dividend: dividends[uid] ?? 0n,
    })),
    hotkeys: info,
    taoWeight: st.big("TaoWeight"),
    ckBurn: st.big("CKBurn"),
    ownerHotkeys,
    ownerHotkey: ownerHot ? u8aToHex(ownerHot) : null,
    ownerColdkey: ownerCold ? u8aToHex(ownerCold) : null,
    recycleOrBurn: st.json("RecycleOrBurn", netuid) === "Recycle" ? "recycle" : "burn",
  });
  let paid = 0n;
  const ownerOf = (h: string) => {
    const hot = byHex.get(h) as Uint8Array;
    return { hot, cold: st.account("Owner", hot) };
  };
  for (const { hotkey, amount } of r.incentives) {
    const { hot, cold } = ownerOf(hotkey);
    if (!cold || amount === 0n) continue;
    addStake(st, hot, cold, netuid, amount);
    paid += amount;
  }
  if (st.exists(SM, "MinerBurned")) st.setFixed(SM, "MinerBurned", [netuid], r.minerBurned);
  // Take staked first (at the pre-dividend share price), the rest raises every nominator's value. Root
  // dividends are added to the hotkey's subnet pool too (no RootClaimable / claim_root on the devnet).
  for (const [list, perSubnet] of [
    [r.alphaDividends, "AlphaDividendsPerSubnet"],
    [r.rootDividends, "RootAlphaDividendsPerSubnet"],
  ] as const) {
    for (const p of list) {
      const { hot, cold } = ownerOf(p.hotkey);
      if (!cold || !hot) continue;
      addStake(st, hot, cold, netuid, p.take);
      addToPool(st, hot, netuid, p.rest);
      st.set(perSubnet, [netuid, hot], p.rest);
      st.set("TotalHotkeyAlphaLastEpoch", [hot, netuid], st.big("TotalHotkeyAlpha", hot, netuid));
      paid += p.take + p.rest;
    }
  }
  if (r.ownerCut && r.ownerCut.amount > 0n && ownerHot && ownerCold) {
    addStake(st, ownerHot, ownerCold, netuid, r.ownerCut.amount);
    paid += r.ownerCut.amount;
  }
  // Minted alpha nobody received (rounding, childkey burn, recycled incentive) leaves SubnetAlphaOut;
  // burned incentive stays counted, as on the chain.
  const minted = d.server + d.validator + d.rootAlpha + d.ownerCut;
  const unpaid = minted - paid - r.burnedAlpha;
  if (unpaid > 0n) st.subBig("SubnetAlphaOut", [netuid], unpaid);
}
