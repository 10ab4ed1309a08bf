// Shared shapes between the protocol layer (chain, RPC) and the runtime that executes blocks.
// The protocol layer only ever talks to a runtime through `Runtime`; pallets (ours and the economy's)
// plug into a runtime through `Pallet` (see runtime/compose.ts).
import type { Metadata, TypeRegistry } from "@polkadot/types";
import type { Call } from "@polkadot/types/interfaces";

/** Metadata of one runtime version, as served by the node. Same shape as devnet/metadata's buildMetadata. */
export interface MetadataBundle {
  /** Full `0x6d657461 0e ...` bytes served by `state_getMetadata`. */
  v14: Uint8Array;
  /** Full `0x6d657461 0f ...` bytes served by `Metadata_metadata_at_version(15)`. */
  v15: Uint8Array;
  registry: TypeRegistry;
  metadata: Metadata;
}

/** Storage reads at one block: keys and values are raw SCALE bytes, keys addressed by lowercase 0x-hex. */
export interface StorageReader {
  get(key: string): Uint8Array | undefined;
  /** Keys (sorted, lowercase 0x-hex) that start with `prefix` and sort after `startAfter`, at most `limit`. */
  keys(prefix: string, startAfter: string | undefined, limit: number): string[];
}

export interface StorageWriter extends StorageReader {
  set(key: string, value: Uint8Array): void;
  delete(key: string): void;
}

export interface Weight {
  refTime: bigint;
  proofSize: bigint;
}

/** `DispatchError` in its JSON form for `registry.createType("SpRuntimeDispatchError", …)`. */
export type DispatchErrorValue =
  | "Other"
  | "CannotLookup"
  | "BadOrigin"
  | "ConsumerRemaining"
  | "NoProviders"
  | "TooManyConsumers"
  | "Exhausted"
  | "Corruption"
  | "Unavailable"
  | "RootNotAllowed"
  | { Module: { index: number; error: Uint8Array } }
  | { Token: string }
  | { Arithmetic: string }
  | { Transactional: string };

/** Thrown by call handlers to fail a dispatch; the state changes of that dispatch are rolled back. */
export class DispatchFailure extends Error {
  constructor(
    readonly value: DispatchErrorValue,
    label: string,
  ) {
    super(label);
  }
}

/** Why a transaction is refused by the pool (maps to `TransactionValidityError` and RPC error 1010/1011). */
export type InvalidTransaction =
  | "Call"
  | "Payment"
  | "Future"
  | "Stale"
  | "BadProof"
  | "AncientBirthBlock"
  | "ExhaustsResources"
  | "BadMandatory"
  | "MandatoryValidation"
  | "BadSigner";

export class TransactionRejected extends Error {
  constructor(readonly reason: InvalidTransaction) {
    super(reason);
  }
}

export type Origin = { kind: "signed"; who: Uint8Array } | { kind: "root" } | { kind: "none" };

/** A decoded extrinsic whose signature, era, genesis and spec were checked by the node. */
export interface CheckedExtrinsic {
  bytes: Uint8Array;
  hash: string;
  call: Call;
  /** 32-byte account id of the signer; undefined for unsigned (inherent) extrinsics. */
  signer?: Uint8Array;
  nonce: number;
  tip: bigint;
}

export interface RuntimeVersionInfo {
  specName: string;
  implName: string;
  authoringVersion: number;
  specVersion: number;
  implVersion: number;
  transactionVersion: number;
  systemVersion: number;
  stateVersion: number;
  /** [blake2_64(api name) hex, version] as in `state_getRuntimeVersion`. */
  apis: Array<[string, number]>;
}

/** What the node hands a runtime when it builds a block. */
export interface BlockEnv {
  number: number;
  parentHash: Uint8Array;
  /** Milliseconds since the epoch; set by the timestamp inherent. */
  timestamp: bigint;
  /** Digest items (SCALE-encoded DigestItem) of the block being built, pre-seal. */
  digest: Uint8Array[];
}

/** Storage with nested transactions (one per dispatch). */
export interface TransactionalStorage extends StorageWriter {
  begin(): void;
  commit(): void;
  rollback(): void;
}

/** Per-block execution handle given by the node to `Runtime.initializeBlock`. */
export interface BlockExecution {
  readonly env: BlockEnv;
  readonly storage: TransactionalStorage;
  /** Spec version of a `:code` blob the node knows a runtime for (System.set_code checks it). */
  specOfCode(code: Uint8Array): number | undefined;
}

export type ApplyOutcome = { ok: true } | { ok: false; error: DispatchErrorValue };

/**
 * The one interface the node calls. A runtime owns its metadata, the storage layout and every state
 * transition; the node owns blocks, hashes, finality, the pool and the RPC.
 */
export interface Runtime {
  readonly version: RuntimeVersionInfo;
  readonly metadata: MetadataBundle;
  /** Writes genesis storage. */
  buildGenesis(storage: StorageWriter, config: GenesisConfig): void;
  /** Starts a block: System bookkeeping and every pallet's on_initialize. */
  initializeBlock(exec: BlockExecution): BlockRun;
  /** Checks that a signed extrinsic could be included on top of `state` (nonce, fees); throws TransactionRejected. */
  validateTransaction(
    state: StorageReader,
    xt: CheckedExtrinsic,
    len: number,
  ): { priority: bigint; future: boolean };
  /** Runtime API calls (`state_call`): returns undefined for an unknown method. */
  callApi(method: string, state: StorageReader, args: Uint8Array): Uint8Array | undefined;
  /** Fee and weight for `payment_queryInfo` / TransactionPaymentApi. */
  queryInfo(
    state: StorageReader,
    xt: CheckedExtrinsic,
    len: number,
  ): { weight: Weight; partialFee: bigint; class: "Normal" | "Operational" | "Mandatory" };
}

/** One block being executed by a runtime. */
export interface BlockRun {
  /** Builds the inherent (unsigned) extrinsics for this block, timestamp first. */
  inherents(): CheckedExtrinsic[];
  /** Applies one extrinsic; throws TransactionRejected if it cannot be included at all. */
  applyExtrinsic(xt: CheckedExtrinsic, len: number): ApplyOutcome;
  /** Ends the block: on_finalize hooks; after this the storage holds the block's final state. */
  finalize(): void;
}

export interface GenesisAccount {
  id: Uint8Array;
  free: bigint;
}

export interface GenesisConfig {
  accounts: GenesisAccount[];
  /** Sudo key (if the runtime has Sudo). */
  sudo?: Uint8Array;
  /** Aura authorities (sr25519 public keys). */
  authorities: Uint8Array[];
  genesisTimestamp: bigint;
}
