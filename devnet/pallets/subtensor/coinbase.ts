// The per-block hook (dtao-math §2.1): neuron burn decay, the engine's coinbase (shares, injections, chain
// buys, alpha out, owner cut, pending emissions, epoch schedule), moving prices, then the epochs that fired.
import type { ExecContext } from "../../node/runtime/pallet";
import type { CoinbaseState, EconomyEngine } from "../engine";
import { ROOT_NETUID } from "../rules";
import { applyPendingChildren } from "./calls/children";
import { burnHalfLife, burnIncreaseMult } from "./calls/registration";
import { type Env, envOf } from "./context";
import { runEpoch } from "./epoch";
import { readPool, readPoolState, writePoolState } from "./pool";
import { SM, type Store } from "./store";

type CoinbaseSubnet = CoinbaseState["subnets"][number];

function ema(st: Store, item: string, netuid: number): { block: bigint; value: bigint } | null {
  if (!st.exists(SM, item)) return null;
  // Option<(u64, I64F64)>: 8 + 16 little-endian bytes when present.
  const block = st.rawInt(SM, item, [netuid], 0, 8);
  const value = st.rawInt(SM, item, [netuid], 8, 16, true);
  return block === undefined || value === undefined ? null : { block, value };
}

function i64(st: Store, item: string, netuid: number): bigint {
  return st.exists(SM, item) ? (st.rawInt(SM, item, [netuid], 0, 8, true) ?? 0n) : 0n;
}

function optBig(st: Store, item: string, netuid: number): bigint | undefined {
  return st.exists(SM, item) ? st.big(item, netuid) : undefined;
}

function readSubnet(env: Env, netuid: number): CoinbaseSubnet {
  const { st, engine } = env;
  const first = st.rawInt(SM, "FirstEmissionBlockNumber", [netuid]);
  return {
    netuid,
    mechanism: st.num("SubnetMechanism", netuid),
    taoReserve: st.big("SubnetTAO", netuid),
    alphaIn: st.big("SubnetAlphaIn", netuid),
    alphaOut: st.big("SubnetAlphaOut", netuid),
    protocolAlpha: optBig(st, "SubnetProtocolAlpha", netuid),
    pool: engine.toCoinbasePool(readPoolState(st, engine, netuid)),
    movingPrice: st.fixed(SM, "SubnetMovingPrice", netuid),
    minerBurned: st.exists(SM, "MinerBurned") ? st.fixed(SM, "MinerBurned", netuid) : undefined,
    emissionEnabled: st.exists(SM, "SubnetEmissionEnabled")
      ? st.bool("SubnetEmissionEnabled", netuid)
      : undefined,
    firstEmissionBlock: first ?? null,
    subtokenEnabled: st.bool("SubtokenEnabled", netuid),
    registrationAllowed: st.bool("NetworkRegistrationAllowed", netuid),
    pendingServer: st.big("PendingServerEmission", netuid),
    pendingValidator: st.big("PendingValidatorEmission", netuid),
    pendingRootAlpha: st.big("PendingRootAlphaDivs", netuid),
    pendingOwnerCut: st.big("PendingOwnerCut", netuid),
    taoFlow: i64(st, "SubnetTaoFlow", netuid),
    emaTaoFlow: ema(st, "SubnetEmaTaoFlow", netuid),
    protocolFlow: i64(st, "SubnetProtocolFlow", netuid),
    emaProtocolFlow: ema(st, "SubnetEmaProtocolFlow", netuid),
    tempo: st.num("Tempo", netuid),
    lastEpochBlock: optBig(st, "LastEpochBlock", netuid),
    pendingEpochAt: optBig(st, "PendingEpochAt", netuid),
    blocksSinceLastStep: st.big("BlocksSinceLastStep", netuid),
    epochIndex: optBig(st, "SubnetEpochIndex", netuid),
  };
}

function writeIfExists(st: Store, item: string, netuid: number, value: unknown): void {
  if (value !== undefined && st.exists(SM, item)) st.set(item, [netuid], value);
}

function decayBurns(env: Env, netuids: number[]): void {
  const { st } = env;
  for (const netuid of netuids) {
    if (netuid === ROOT_NETUID) continue;
    st.setBig("RegistrationsThisBlock", [netuid], 0);
    const burn = st.big("Burn", netuid);
    const minBurn = st.big("MinBurn", netuid);
    if (burn <= minBurn) continue; // decay only lowers the burn, clamped at MinBurn
    const next = env.engine.neuronBurn({
      burn,
      minBurn,
      maxBurn: st.big("MaxBurn", netuid),
      halfLife: burnHalfLife(env, netuid),
      blocks: 1,
      registrations: 0,
      increaseMult: burnIncreaseMult(env, netuid),
    });
    if (next !== burn) st.setBig("Burn", [netuid], next);
  }
}

export function blockStep(ctx: ExecContext, engine: EconomyEngine): void {
  const env = envOf(ctx, engine);
  const { st } = env;
  const netuids = st.netuids();
  decayBurns(env, netuids);
  const subnets = netuids.filter((n) => n !== ROOT_NETUID).map((n) => readSubnet(env, n));
  const result = engine.coinbase({
    block: env.block,
    totalIssuance: st.big("TotalIssuance"),
    totalStake: st.big("TotalStake"),
    rootTao: st.big("SubnetTAO", ROOT_NETUID),
    taoWeight: st.big("TaoWeight"),
    subnetOwnerCut: st.num("SubnetOwnerCut"),
    maxEpochsPerBlock: st.exists(SM, "MaxEpochsPerBlock") ? st.num("MaxEpochsPerBlock") : undefined,
    flowEmaSmoothingFactor: st.big("FlowEmaSmoothingFactor"),
    taoFlowCutoff: st.fixed(SM, "TaoFlowCutoff"),
    flowNormExponent: st.fixed(SM, "FlowNormExponent"),
    netTaoFlowEnabled: st.exists(SM, "NetTaoFlowEnabled") ? st.bool("NetTaoFlowEnabled") : undefined,
    subnets,
  });
  let stranded = 0n;
  let taoDelta = 0n;
  const byNetuid = new Map(result.subnets.map((r) => [r.netuid, r]));
  for (const s of result.state.subnets) {
    const r = byNetuid.get(s.netuid);
    const n = s.netuid;
    taoDelta += s.taoReserve - st.big("SubnetTAO", n);
    st.setBig("SubnetTAO", [n], s.taoReserve);
    st.setBig("SubnetAlphaIn", [n], s.alphaIn);
    st.setBig("SubnetAlphaOut", [n], s.alphaOut);
    writePoolState(st, n, engine.fromCoinbasePool(s.pool, readPoolState(st, engine, n)));
    st.setBig("PendingServerEmission", [n], s.pendingServer ?? 0n);
    st.setBig("PendingValidatorEmission", [n], s.pendingValidator ?? 0n);
    st.setBig("PendingRootAlphaDivs", [n], s.pendingRootAlpha ?? 0n);
    st.setBig("PendingOwnerCut", [n], s.pendingOwnerCut ?? 0n);
    st.setBig("BlocksSinceLastStep", [n], s.blocksSinceLastStep ?? 0n);
    writeIfExists(st, "SubnetProtocolAlpha", n, s.protocolAlpha);
    writeIfExists(st, "SubnetTaoFlow", n, s.taoFlow);
    writeIfExists(st, "SubnetProtocolFlow", n, s.protocolFlow);
    if (s.emaTaoFlow)
      writeIfExists(st, "SubnetEmaTaoFlow", n, [s.emaTaoFlow.block, { bits: s.emaTaoFlow.value }]);
    if (s.emaProtocolFlow)
      writeIfExists(st, "SubnetEmaProtocolFlow", n, [
        s.emaProtocolFlow.block,
        { bits: s.emaProtocolFlow.value },
      ]);
    writeIfExists(st, "LastEpochBlock", n, s.lastEpochBlock);
    writeIfExists(st, "PendingEpochAt", n, s.pendingEpochAt);
    writeIfExists(st, "SubnetEpochIndex", n, s.epochIndex);
    if (!r) continue;
    stranded += r.excessTaoStranded;
    // Our spec-394 upgrade keeps chain-bought alpha in SubnetProtocolAlpha (as Finney does from spec 413)
    // instead of recycling it, whichever rules price the block.
    if (r.boughtAlphaRecycled > 0n && st.exists(SM, "SubnetProtocolAlpha")) {
      st.addBig("SubnetAlphaOut", [n], r.boughtAlphaRecycled);
      st.addBig("SubnetProtocolAlpha", [n], r.boughtAlphaRecycled);
    }
    if (r.emitted) {
      st.setBig("SubnetTaoInEmission", [n], r.taoInEmission);
      st.setBig("SubnetAlphaInEmission", [n], r.alphaInEmission);
      st.setBig("SubnetAlphaOutEmission", [n], r.alphaOutEmission);
      writeIfExists(st, "SubnetExcessTao", n, r.excessTaoPaid);
      if (st.exists(SM, "RootProp")) st.setFixed(SM, "RootProp", [n], r.rootProportion);
    }
  }
  // Excess TAO the chain buy could not spend would sit in the subnet account; the devnet has no such
  // account, so it is not issued (TotalIssuance stays Σ balances + Σ pools).
  st.setBig("TotalIssuance", [], result.state.totalIssuance - stranded);
  if (taoDelta >= 0n) st.addBig("TotalStake", [], taoDelta);
  else st.subBig("TotalStake", [], -taoDelta);

  updateMovingPrices(
    env,
    result.subnets.filter((r) => r.emitted).map((r) => r.netuid),
  );
  for (const r of result.subnets) {
    if (!r.drained) continue;
    runEpoch(env, r.netuid, r.drained);
    applyPendingChildren(env, r.netuid);
  }
}

function updateMovingPrices(env: Env, netuids: number[]): void {
  const { st, engine } = env;
  const movingAlpha = st.fixed(SM, "SubnetMovingAlpha");
  for (const n of netuids) {
    const first = st.rawInt(SM, "FirstEmissionBlockNumber", [n]) ?? 0n;
    const next = engine.movingPrice({
      movingPrice: st.fixed(SM, "SubnetMovingPrice", n),
      price: engine.spotPrice(readPool(st, engine, n)),
      movingAlpha,
      block: env.block,
      firstEmissionBlock: first,
      halvingBlocks: st.big("EMAPriceHalvingBlocks", n),
    });
    st.setFixed(SM, "SubnetMovingPrice", [n], next);
  }
}
