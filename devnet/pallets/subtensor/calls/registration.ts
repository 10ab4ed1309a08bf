// Neuron and subnet registration: burned_register (burn recycled through the pool), register_network
// (lock cost from the engine), start_call, set_subnet_identity, try_associate_hotkey.
import type { Codec } from "@polkadot/types/types";
import { u8aEq, u8aToHex } from "@polkadot/util";
import type { CallDef } from "../../../node/runtime/pallet";
import { ensureSigned, weight } from "../../../node/runtime/pallet";
import type { EconomyEngine } from "../../engine";
import { maxBig, minBig, RAO_PER_TAO, ROOT_NETUID } from "../../rules";
import { acct, deposit, type Env, envOf, fail, freeBalance, num, withdrawTao } from "../context";
import { appendNeuron, replaceNeuron, uidToPrune } from "../neurons";
import { priceRao } from "../pool";
import { removeStake } from "../shares";
import { stakeTao } from "../stakeOps";
import { SM } from "../store";
import { initSubnet } from "../subnets";

const DEFAULT_BURN_INCREASE_MULT = 23_242_897_532_874_035_200n; // 1.26 as U64F64
const NETWORK_LAST_REGISTERED = "NetworkLastRegistered";

export function burnIncreaseMult(env: Env, netuid: number): bigint {
  return env.st.exists(SM, "BurnIncreaseMult")
    ? env.st.fixed(SM, "BurnIncreaseMult", netuid)
    : DEFAULT_BURN_INCREASE_MULT;
}

export function burnHalfLife(env: Env, netuid: number): number {
  return env.st.exists(SM, "BurnHalfLife") ? env.st.num("BurnHalfLife", netuid) : 360;
}

function ensureHotkeyOwner(env: Env, cold: Uint8Array, hot: Uint8Array): void {
  const owner = env.st.account("Owner", hot);
  if (owner && !u8aEq(owner, cold)) fail(env, "NonAssociatedColdKey");
  if (!owner) {
    env.st.set("Owner", [hot], cold);
    // Every hotkey is a delegate at the default take (the chain's `Delegates` default, written explicitly
    // so the delegate list and its runtime API see it).
    env.st.set("Delegates", [hot], env.st.num("Delegates", hot));
    env.st.set("OwnedHotkeys", [cold], [...env.st.accounts("OwnedHotkeys", cold), hot]);
  }
}

export function ensureSubnetOwner(env: Env, who: Uint8Array, netuid: number): void {
  if (!env.st.subnetExists(netuid)) fail(env, "SubnetNotExists");
  const owner = env.st.account("SubnetOwner", netuid);
  if (!owner || !u8aEq(owner, who)) fail(env, "NotSubnetOwner");
}

function burnedRegister(env: Env, cold: Uint8Array, netuid: number, hot: Uint8Array): void {
  const { st } = env;
  if (netuid === ROOT_NETUID) fail(env, "RegistrationNotPermittedOnRootSubnet");
  if (!st.subnetExists(netuid)) fail(env, "SubnetNotExists");
  if (!st.bool("NetworkRegistrationAllowed", netuid)) fail(env, "SubNetRegistrationDisabled");
  if (st.num("RegistrationsThisBlock", netuid) >= st.num("MaxRegistrationsPerBlock", netuid))
    fail(env, "TooManyRegistrationsThisBlock");
  if (st.has(SM, "Uids", netuid, hot)) fail(env, "HotKeyAlreadyRegisteredInSubNet");
  const cost = st.big("Burn", netuid);
  const ed = BigInt(env.ctx.codec.constant("Balances", "ExistentialDeposit").toString());
  if (freeBalance(env, cold) < cost + ed) fail(env, "NotEnoughBalanceToStake");
  ensureHotkeyOwner(env, cold, hot);

  // The burn buys alpha (with fees) and the bought alpha is recycled.
  withdrawTao(env, cold, cost);
  const bought = stakeTao(env, hot, cold, netuid, cost);
  removeStake(st, env.engine, hot, cold, netuid, bought.alpha);
  st.subBig("SubnetAlphaOut", [netuid], bought.alpha);
  st.addBig("RAORecycledForRegistration", [netuid], cost);

  const n = st.num("SubnetworkN", netuid);
  let uid: number;
  if (n < st.num("MaxAllowedUids", netuid)) uid = appendNeuron(st, netuid, hot, env.block);
  else {
    const prune = uidToPrune(st, netuid, env.block);
    if (prune === undefined) fail(env, "NoNeuronIdAvailable");
    replaceNeuron(st, netuid, prune, hot, env.block);
    uid = prune;
  }
  const burn = env.engine.neuronBurn({
    burn: cost,
    minBurn: st.big("MinBurn", netuid),
    maxBurn: st.big("MaxBurn", netuid),
    halfLife: burnHalfLife(env, netuid),
    blocks: 0,
    registrations: 1,
    increaseMult: burnIncreaseMult(env, netuid),
  });
  st.setBig("Burn", [netuid], burn);
  st.setBig("RegistrationsThisBlock", [netuid], st.num("RegistrationsThisBlock", netuid) + 1);
  st.setBig("BurnRegistrationsThisInterval", [netuid], st.num("BurnRegistrationsThisInterval", netuid) + 1);
  deposit(env, "NeuronRegistered", [netuid, uid, hot]);
}

export function networkLockCost(env: Env): bigint {
  const { st } = env;
  return env.engine.lockCost({
    lastLock: st.big("NetworkLastLockCost"),
    minLock: st.big("NetworkMinLockCost"),
    lastLockBlock: st.big("LastRateLimitedBlock", NETWORK_LAST_REGISTERED),
    currentBlock: env.block,
    lockReductionInterval: st.big("NetworkLockReductionInterval"),
    totalIssuance: st.big("TotalIssuance"),
  });
}

function median(values: bigint[]): bigint {
  if (values.length === 0) return RAO_PER_TAO;
  const s = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as bigint) : ((s[mid - 1] as bigint) + (s[mid] as bigint)) / 2n;
}

function registerNetwork(env: Env, cold: Uint8Array, hot: Uint8Array, tempo: number): number {
  const { st } = env;
  const last = st.big("LastRateLimitedBlock", NETWORK_LAST_REGISTERED);
  if (last > 0n && env.block - last < st.big("NetworkRateLimit")) fail(env, "NetworkTxRateLimitExceeded");
  const existing = st.netuids().filter((n) => n !== ROOT_NETUID);
  if (existing.length >= st.num("SubnetLimit")) fail(env, "SubnetLimitReached");
  const lock = networkLockCost(env);
  if (freeBalance(env, cold) < lock) fail(env, "CannotAffordLockCost");
  ensureHotkeyOwner(env, cold, hot);
  let netuid = 1;
  while (existing.includes(netuid)) netuid++;
  const minLock = st.big("NetworkMinLockCost");
  withdrawTao(env, cold, lock);
  let tao: bigint;
  let alphaIn: bigint;
  if (env.engine.rules === "current") {
    // Current rules: the whole lock seeds the pool, alpha at the median price of the other subnets.
    tao = maxBig(lock, minLock);
    const p = median(existing.map((n) => priceRao(st, env.engine, n)).filter((p) => p > 0n));
    alphaIn = (tao * RAO_PER_TAO) / p;
  } else {
    // Spec 393: the pool gets the minimum lock (1:1) and the rest of the lock is recycled.
    tao = minBig(minLock, lock);
    alphaIn = tao;
    st.subBig("TotalIssuance", [], lock - tao);
  }
  initSubnet(st, env.engine, {
    netuid,
    owner: cold,
    hotkey: hot,
    tao,
    alphaIn,
    locked: lock,
    tempo,
    block: env.block,
  });
  if (env.engine.rules === "current") st.set("SubnetEmissionEnabled", [netuid], false);
  st.set("NetworkLastLockCost", [], lock);
  st.set("LastRateLimitedBlock", [NETWORK_LAST_REGISTERED], env.block);
  deposit(env, "NetworkAdded", [netuid, 1]);
  return netuid;
}

const IDENTITY_FIELDS = [
  "subnet_name",
  "github_repo",
  "subnet_contact",
  "subnet_url",
  "discord",
  "description",
  "logo_url",
  "additional",
] as const;

export function registrationCalls(engine: EconomyEngine, tempo: number): Record<string, CallDef> {
  return {
    burned_register: {
      weight: weight(290_000_000, 13_000),
      handler: (ctx, origin, args) =>
        burnedRegister(envOf(ctx, engine), ensureSigned(origin), num(args[0]), acct(args[1])),
    },
    register_network: {
      weight: weight(280_000_000, 10_000),
      handler: (ctx, origin, args) => {
        registerNetwork(envOf(ctx, engine), ensureSigned(origin), acct(args[0]), tempo);
      },
    },
    register_network_with_identity: {
      weight: weight(280_000_000, 10_000),
      handler: (ctx, origin, args) => {
        const env = envOf(ctx, engine);
        const netuid = registerNetwork(env, ensureSigned(origin), acct(args[0]), tempo);
        const identity = args[1] as unknown as { isSome: boolean; unwrap(): Codec };
        if (identity.isSome) {
          env.st.set("SubnetIdentitiesV3", [netuid], identity.unwrap().toU8a());
          deposit(env, "SubnetIdentitySet", [netuid]);
        }
      },
    },
    start_call: {
      weight: weight(30_000_000, 3_500),
      handler: (ctx, origin, args) => {
        const env = envOf(ctx, engine);
        const netuid = num(args[0]);
        ensureSubnetOwner(env, ensureSigned(origin), netuid);
        if (env.st.has(SM, "FirstEmissionBlockNumber", netuid))
          fail(env, "FirstEmissionBlockNumberAlreadySet");
        if (env.block < env.st.big("NetworkRegisteredAt", netuid) + env.st.big("StartCallDelay"))
          fail(env, "NeedWaitingMoreBlocksToStarCall");
        const first = env.block + 1n;
        env.st.set("FirstEmissionBlockNumber", [netuid], first);
        env.st.set("SubtokenEnabled", [netuid], true);
        deposit(env, "FirstEmissionBlockNumberSet", [netuid, first]);
      },
    },
    set_subnet_identity: {
      weight: weight(30_000_000, 3_500),
      handler: (ctx, origin, args) => {
        const env = envOf(ctx, engine);
        const netuid = num(args[0]);
        ensureSubnetOwner(env, ensureSigned(origin), netuid);
        const fields = IDENTITY_FIELDS.map((_, i) => (args[i + 1] as Codec).toU8a(true));
        const hex = fields.map((f) => u8aToHex(f));
        if ((fields[0]?.length ?? 0) > 256 || fields.some((f) => f.length > 1024))
          fail(env, "InvalidIdentity");
        env.st.set(
          "SubnetIdentitiesV3",
          [netuid],
          Object.fromEntries(IDENTITY_FIELDS.map((k, i) => [k, hex[i]])),
        );
        deposit(env, "SubnetIdentitySet", [netuid]);
      },
    },
    try_associate_hotkey: {
      weight: weight(20_000_000, 3_500),
      handler: (ctx, origin, args) =>
        ensureHotkeyOwner(envOf(ctx, engine), ensureSigned(origin), acct(args[0])),
    },
  };
}
