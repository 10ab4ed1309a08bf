// A runtime assembled from pallets (frame_executive's job): block initialisation, extrinsic application with
// nonce/fee checks and per-dispatch transactions, events with phases, block finalisation, and the generic
// runtime APIs (Core, Metadata, AccountNonceApi, TransactionPaymentApi). Pallet-specific APIs come from pallets.
import type { Call } from "@polkadot/types/interfaces";
import {
  compactAddLength,
  compactFromU8a,
  compactToU8a,
  stringToU8a,
  u8aConcat,
  u8aEq,
  u8aToHex,
  u8aToU8a,
} from "@polkadot/util";
import { blake2AsU8a } from "@polkadot/util-crypto";
import {
  type ApplyOutcome,
  type BlockExecution,
  type BlockRun,
  type CheckedExtrinsic,
  type DispatchErrorValue,
  DispatchFailure,
  type GenesisConfig,
  type MetadataBundle,
  type Origin,
  type Runtime,
  type RuntimeVersionInfo,
  type StorageReader,
  type StorageWriter,
  TransactionRejected,
  type Weight,
} from "../types";
import { auraPallet } from "./aura";
import { adjustIssuance, balancesPallet, canPay, withdrawFee } from "./balances";
import { type Encoded, RuntimeCodec } from "./codec";
import {
  type ApiHandler,
  addWeight,
  type CallDef,
  type DispatchClass,
  type ExecContext,
  type Pallet,
  type RuntimeHost,
  ZERO_WEIGHT,
} from "./pallet";
import { sudoPallet } from "./sudo";
import { CODE_KEY, readAccount, systemPallet, writeAccount } from "./system";
import { timestampPallet } from "./timestamp";
import { utilityPallet } from "./utility";

/** Versions of the runtime APIs we advertise (Finney's, from its recorded runtime version). */
const API_VERSIONS: Record<string, number> = {
  Core: 5,
  Metadata: 2,
  BlockBuilder: 6,
  TaggedTransactionQueue: 3,
  OffchainWorkerApi: 2,
  AuraApi: 1,
  SessionKeys: 1,
  GrandpaApi: 3,
  AccountNonceApi: 1,
  TransactionPaymentApi: 4,
  TransactionPaymentCallApi: 3,
  EthereumRuntimeRPCApi: 5,
  ConvertTransactionRuntimeApi: 2,
  ContractsApi: 2,
};

/**
 * Fee model (documented deviation: subtensor's exact fee curve is not reproduced):
 * fee = (base extrinsic weight + call weight).refTime / weightFeeDivisor + length * lengthFee, plus the tip.
 * Fees are burned (TotalIssuance decreases).
 */
export interface FeeConfig {
  weightFeeDivisor: bigint;
  lengthFee: bigint;
}

export const DEFAULT_FEES: FeeConfig = { weightFeeDivisor: 1_000n, lengthFee: 1n };

export interface ComposeOptions {
  metadata: MetadataBundle;
  specVersion: number;
  /** Pallets beyond the base set (System, Timestamp, Aura, Balances, TransactionPayment, Utility, Sudo). */
  pallets?: Pallet[];
  fees?: FeeConfig;
  specName?: string;
}

/** The code blob stored at `:code` for a spec version (the devnet has no wasm; the blob names the runtime). */
export function codeFor(specVersion: number): Uint8Array {
  return stringToU8a(`taoview-devnet-runtime:node-subtensor:${specVersion}`);
}

export function specOfCodeBlob(code: Uint8Array): number | undefined {
  const m = /^taoview-devnet-runtime:node-subtensor:(\d+)$/.exec(new TextDecoder().decode(code));
  return m ? Number(m[1]) : undefined;
}

interface ResolvedCall {
  def: CallDef;
  pallet: string;
  name: string;
}

export interface ComposedRuntime extends Runtime {
  readonly codec: RuntimeCodec;
  readonly code: Uint8Array;
  /** Weight, class and whether it pays a fee. */
  dispatchInfo(call: Call): { weight: Weight; class: DispatchClass; paysFee: boolean };
  fee(len: number, call: Call): bigint;
}

const PHASE_INIT = new Uint8Array([2]);
const PHASE_FINAL = new Uint8Array([1]);
const NO_TOPICS = new Uint8Array([0]);

export function composeRuntime(opts: ComposeOptions): ComposedRuntime {
  const codec = new RuntimeCodec(opts.metadata);
  const { registry } = codec;
  const fees = opts.fees ?? DEFAULT_FEES;
  const specVersion = opts.specVersion;
  const code = codeFor(specVersion);

  const callIndex = new Map<number, ResolvedCall>();
  const apis = new Map<string, ApiHandler>();
  const weightOf = (call: Call): Weight => {
    const r = resolve(call);
    if (!r) return ZERO_WEIGHT;
    const w = r.def.weight;
    return typeof w === "function" ? w(call.args, call) : w;
  };
  const base: Pallet[] = [
    systemPallet,
    timestampPallet,
    auraPallet,
    balancesPallet,
    { name: "TransactionPayment" },
    utilityPallet(weightOf),
    sudoPallet(weightOf),
  ];
  const pallets = [...base, ...(opts.pallets ?? [])].filter((p) => codec.hasPallet(p.name));
  for (const p of pallets) {
    for (const [name, def] of Object.entries(p.calls ?? {})) {
      const idx = codec.callIndex(p.name, name);
      callIndex.set((idx[0] as number) * 256 + (idx[1] as number), { def, pallet: p.name, name });
    }
    for (const [name, fn] of Object.entries(p.apis ?? {})) apis.set(name, fn);
  }
  function resolve(call: Call): ResolvedCall | undefined {
    const i = call.callIndex;
    return callIndex.get((i[0] as number) * 256 + (i[1] as number));
  }

  const blockWeights = codec.constant("System", "BlockWeights").toJSON() as {
    perClass: {
      normal: { baseExtrinsic: { refTime: number }; maxTotal?: { refTime: number | string } | null };
      operational: { maxTotal?: { refTime: number | string } | null };
    };
  };
  const baseExtrinsic = BigInt(blockWeights.perClass.normal.baseExtrinsic.refTime);
  // CheckWeight: per-class block limits (mandatory extrinsics are never limited).
  const maxTotal = (v: { refTime: number | string } | null | undefined) =>
    v ? BigInt(v.refTime) : BigInt(Number.MAX_SAFE_INTEGER) * 1_000_000n;
  const normalLimit = maxTotal(blockWeights.perClass.normal.maxTotal);
  const operationalLimit = maxTotal(blockWeights.perClass.operational.maxTotal);
  const blockHashCount = Number(codec.constant("System", "BlockHashCount").toString());
  const specName = opts.specName ?? "node-subtensor";

  const apiList: Array<[string, number]> = opts.metadata.metadata.asLatest.apis.map((a) => [
    u8aToHex(blake2AsU8a(a.name.toString(), 64)),
    API_VERSIONS[a.name.toString()] ?? 1,
  ]);
  const version: RuntimeVersionInfo = {
    specName,
    implName: specName,
    authoringVersion: 1,
    specVersion,
    implVersion: 1,
    transactionVersion: 1,
    systemVersion: 1,
    stateVersion: 1,
    apis: apiList,
  };

  const dispatchInfo = (call: Call) => {
    const r = resolve(call);
    return {
      weight: weightOf(call),
      class: r?.def.class ?? "Normal",
      paysFee: r?.def.paysFee ?? true,
    };
  };
  const weightFee = (w: Weight) => (baseExtrinsic + w.refTime) / fees.weightFeeDivisor;
  const fee = (len: number, call: Call): bigint => {
    const info = dispatchInfo(call);
    return info.paysFee ? weightFee(info.weight) + BigInt(len) * fees.lengthFee : 0n;
  };
  const infoCache = new Map<string, Encoded>();
  const dispatchInfoValue = (info: ReturnType<typeof dispatchInfo>): Encoded => {
    const id = `${info.weight.refTime}:${info.weight.proofSize}:${info.class}:${info.paysFee}`;
    let enc = infoCache.get(id);
    if (!enc) {
      enc = codec.encodeEventField("System", "ExtrinsicSuccess", 0, {
        weight: { refTime: info.weight.refTime, proofSize: info.weight.proofSize },
        class: info.class,
        paysFee: info.paysFee ? "Yes" : "No",
      });
      if (infoCache.size < 10_000) infoCache.set(id, enc);
    }
    return enc;
  };

  const digestKey = codec.key("System", "Digest");
  const lastUpgradeKey = codec.key("System", "LastRuntimeUpgrade");
  const lastUpgradeValue = codec.encodeValue("System", "LastRuntimeUpgrade", { specVersion, specName });

  function initializeBlock(exec: BlockExecution): BlockRun {
    const { env } = exec;
    const storage = exec.storage;
    const events: Uint8Array[] = [];
    let phase: Uint8Array = PHASE_INIT;
    let extrinsicIndex = 0;
    let consumed = { normal: ZERO_WEIGHT, operational: ZERO_WEIGHT, mandatory: ZERO_WEIGHT };
    const host: RuntimeHost = { specVersion, specOfCode: (c) => exec.specOfCode(c) };

    const ctx: ExecContext = {
      codec,
      storage,
      env,
      host,
      deposit(pallet, event, fields) {
        events.push(u8aConcat(phase, codec.encodeEvent(pallet, event, fields), NO_TOPICS));
      },
      transactional<T>(fn: () => T): T {
        const mark = events.length;
        storage.begin();
        try {
          const out = fn();
          storage.commit();
          return out;
        } catch (e) {
          storage.rollback();
          events.length = mark;
          throw e;
        }
      },
      dispatch(call: Call, origin: Origin) {
        const r = resolve(call);
        if (!r)
          throw new DispatchFailure("Unavailable", `call ${call.section}.${call.method} is not implemented`);
        ctx.transactional(() => r.def.handler(ctx, origin, call.args, call));
      },
      weightOf,
    };

    // frame_system::initialize
    codec.write(storage, "System", "Number", [], env.number);
    codec.write(storage, "System", "ParentHash", [], env.parentHash);
    // Digest { logs: Vec<DigestItem> }: the items are already SCALE DigestItems.
    storage.set(digestKey, u8aConcat(compactToU8a(env.digest.length), ...env.digest));
    if (env.number > 0) codec.write(storage, "System", "BlockHash", [env.number - 1], env.parentHash);
    const prune = env.number - 1 - blockHashCount;
    if (prune > 0) codec.remove(storage, "System", "BlockHash", prune);
    codec.remove(storage, "System", "Events");
    codec.remove(storage, "System", "EventCount");
    const last = storage.get(lastUpgradeKey);
    if (!last || !u8aEq(last, lastUpgradeValue)) storage.set(lastUpgradeKey, lastUpgradeValue);
    for (const p of pallets) p.onInitialize?.(ctx);

    const note = (cls: DispatchClass, w: Weight) => {
      const k = cls === "Normal" ? "normal" : cls === "Operational" ? "operational" : "mandatory";
      consumed = { ...consumed, [k]: addWeight(consumed[k], w) };
    };

    return {
      inherents() {
        const out: CheckedExtrinsic[] = [];
        for (const p of pallets)
          for (const call of p.inherents?.(ctx) ?? []) {
            const bytes = compactAddLength(u8aConcat([0x04], call));
            out.push({
              bytes,
              hash: u8aToHex(blake2AsU8a(bytes)),
              call: registry.createType("Call", call),
              nonce: 0,
              tip: 0n,
            });
          }
        return out;
      },
      applyExtrinsic(xt: CheckedExtrinsic, len: number): ApplyOutcome {
        const info = dispatchInfo(xt.call);
        const r = resolve(xt.call);
        let payer: Uint8Array | undefined;
        let charged = 0n;
        if (xt.signer) {
          const acct = readAccount(codec, storage, xt.signer);
          if (xt.nonce < acct.nonce) throw new TransactionRejected("Stale");
          if (xt.nonce > acct.nonce) throw new TransactionRejected("Future");
          if (!r) throw new TransactionRejected("Call");
          const total = info.weight.refTime + baseExtrinsic;
          if (info.class === "Normal" && consumed.normal.refTime + total > normalLimit)
            throw new TransactionRejected("ExhaustsResources");
          if (info.class === "Operational" && consumed.operational.refTime + total > operationalLimit)
            throw new TransactionRejected("ExhaustsResources");
          charged = fee(len, xt.call) + xt.tip;
          if (charged > 0n && !canPay(codec, storage, xt.signer, charged))
            throw new TransactionRejected("Payment");
          phase = u8aConcat([0], u32le(extrinsicIndex));
          acct.nonce += 1;
          writeAccount(codec, storage, xt.signer, acct);
          withdrawFee(ctx, xt.signer, charged);
          payer = xt.signer;
        } else {
          if (!r || info.class !== "Mandatory") throw new TransactionRejected("Call");
          phase = u8aConcat([0], u32le(extrinsicIndex));
        }
        let error: DispatchErrorValue | undefined;
        try {
          ctx.dispatch(xt.call, xt.signer ? { kind: "signed", who: xt.signer } : { kind: "none" });
        } catch (e) {
          if (!(e instanceof DispatchFailure)) throw e;
          error = e.value;
        }
        if (payer && charged > 0n) {
          adjustIssuance(codec, storage, -charged);
          if (codec.hasEvent("TransactionPayment", "TransactionFeePaid"))
            ctx.deposit("TransactionPayment", "TransactionFeePaid", [payer, charged, xt.tip]);
        }
        if (error === undefined) ctx.deposit("System", "ExtrinsicSuccess", [dispatchInfoValue(info)]);
        else ctx.deposit("System", "ExtrinsicFailed", [error, dispatchInfoValue(info)]);
        note(info.class, addWeight(info.weight, { refTime: baseExtrinsic, proofSize: 0n }));
        extrinsicIndex++;
        return error === undefined ? { ok: true } : { ok: false, error };
      },
      finalize() {
        phase = PHASE_FINAL;
        for (const p of pallets) p.onFinalize?.(ctx);
        codec.write(storage, "System", "BlockWeight", [], {
          normal: consumed.normal,
          operational: consumed.operational,
          mandatory: consumed.mandatory,
        });
        storage.set(codec.key("System", "Events"), u8aConcat(compactToU8a(events.length), ...events));
        codec.write(storage, "System", "EventCount", [], events.length);
      },
    };
  }

  function buildGenesis(storage: StorageWriter, config: GenesisConfig): void {
    storage.set(CODE_KEY, code);
    codec.write(storage, "System", "BlockHash", [0], new Uint8Array(32));
    codec.write(storage, "System", "LastRuntimeUpgrade", [], { specVersion, specName });
    codec.write(storage, "System", "UpgradedToU32RefCount", [], true);
    codec.write(storage, "System", "UpgradedToTripleRefCount", [], true);
    for (const p of pallets) p.genesis?.({ codec, storage, config });
  }

  function decodeForQuery(bytes: Uint8Array): { call: Call } {
    const xt = registry.createType("Extrinsic", bytes);
    return { call: registry.createType("Call", xt.method.toU8a()) };
  }

  function callApi(method: string, state: StorageReader, args: Uint8Array): Uint8Array | undefined {
    switch (method) {
      case "Core_version":
        return encodeRuntimeVersion(version);
      case "Metadata_metadata":
        return compactAddLength(opts.metadata.v14);
      case "Metadata_metadata_versions":
        return registry.createType("Vec<u32>", [14, 15]).toU8a();
      case "Metadata_metadata_at_version": {
        const v = registry.createType("u32", args).toNumber();
        const bytes = v === 14 ? opts.metadata.v14 : v === 15 ? opts.metadata.v15 : undefined;
        return bytes ? u8aConcat([1], compactAddLength(bytes)) : new Uint8Array([0]);
      }
      case "AccountNonceApi_account_nonce":
        return registry.createType("u32", readAccount(codec, state, args.subarray(0, 32)).nonce).toU8a();
      case "TransactionPaymentApi_query_info":
      case "TransactionPaymentApi_query_fee_details": {
        // The API takes the extrinsic as `Bytes`: its own compact length prefix, then the u32 length.
        const len = compactBytesLength(args);
        const { call } = decodeForQuery(args.subarray(0, len));
        const xtLen = registry.createType("u32", args.subarray(len)).toNumber();
        const info = dispatchInfo(call);
        if (method === "TransactionPaymentApi_query_info")
          return registry
            .createType(codec.apiOutputType("TransactionPaymentApi", "query_info"), {
              weight: info.weight,
              class: info.class,
              partialFee: fee(xtLen, call),
            })
            .toU8a();
        const inclusion = info.paysFee
          ? {
              baseFee: baseExtrinsic / fees.weightFeeDivisor,
              lenFee: BigInt(xtLen) * fees.lengthFee,
              adjustedWeightFee: info.weight.refTime / fees.weightFeeDivisor,
            }
          : null;
        return registry
          .createType(codec.apiOutputType("TransactionPaymentApi", "query_fee_details"), {
            inclusionFee: inclusion,
            tip: 0,
          })
          .toU8a();
      }
      default: {
        const fn = apis.get(method);
        return fn ? fn({ codec, storage: state }, args) : undefined;
      }
    }
  }

  function validateTransaction(state: StorageReader, xt: CheckedExtrinsic, len: number) {
    if (!xt.signer) throw new TransactionRejected("Call");
    if (!resolve(xt.call)) throw new TransactionRejected("Call");
    const acct = readAccount(codec, state, xt.signer);
    if (xt.nonce < acct.nonce) throw new TransactionRejected("Stale");
    const charged = fee(len, xt.call) + xt.tip;
    if (charged > 0n && !canPay(codec, state, xt.signer, charged)) throw new TransactionRejected("Payment");
    return { priority: xt.tip, future: xt.nonce > acct.nonce };
  }

  function queryInfo(_state: StorageReader, xt: CheckedExtrinsic, len: number) {
    const info = dispatchInfo(xt.call);
    return { weight: info.weight, class: info.class, partialFee: fee(len, xt.call) };
  }

  return {
    version,
    metadata: opts.metadata,
    codec,
    code,
    buildGenesis,
    initializeBlock,
    validateTransaction,
    callApi,
    queryInfo,
    dispatchInfo,
    fee,
  };
}

function u32le(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
}

/** Total length (prefix included) of a compact-length-prefixed byte string at the start of `input`. */
function compactBytesLength(input: Uint8Array): number {
  const [offset, length] = compactFromU8a(input);
  return offset + length.toNumber();
}

function encodeText(s: string): Uint8Array {
  return compactAddLength(stringToU8a(s));
}

export function encodeRuntimeVersion(v: RuntimeVersionInfo): Uint8Array {
  return u8aConcat(
    encodeText(v.specName),
    encodeText(v.implName),
    u32le(v.authoringVersion),
    u32le(v.specVersion),
    u32le(v.implVersion),
    compactToU8a(v.apis.length),
    ...v.apis.flatMap(([id, ver]) => [u8aToU8a(id), u32le(ver)]),
    u32le(v.transactionVersion),
    new Uint8Array([v.stateVersion]),
  );
}
