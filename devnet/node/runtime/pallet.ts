// How a pallet plugs into a composed runtime (runtime/compose.ts). The economy adds its pallets
// (SubtensorModule, Swap, …) with this interface; nothing in the node or RPC changes.
import type { Call } from "@polkadot/types/interfaces";
import type { Codec } from "@polkadot/types/types";
import type { BlockEnv, GenesisConfig, Origin, StorageReader, StorageWriter, Weight } from "../types";
import { DispatchFailure } from "../types";
import type { RuntimeCodec } from "./codec";

export type DispatchClass = "Normal" | "Operational" | "Mandatory";

/** Context of hooks and call handlers while a block executes. */
export interface ExecContext {
  readonly codec: RuntimeCodec;
  readonly storage: StorageWriter;
  readonly env: BlockEnv;
  /** Deposits an event in the current phase. Field values are anything createType accepts. */
  deposit(pallet: string, event: string, fields: unknown[]): void;
  /** Dispatches a nested call (Utility, Sudo); throws DispatchFailure on error, rolled back on its own. */
  dispatch(call: Call, origin: Origin): void;
  /** Runs `fn` in a storage transaction: its writes and events are dropped if it throws. */
  transactional<T>(fn: () => T): T;
  /** Weight of a call as declared by its pallet. */
  weightOf(call: Call): Weight;
  readonly host: RuntimeHost;
}

/** What the composed runtime knows about runtime versions (for System.set_code). */
export interface RuntimeHost {
  specVersion: number;
  /** Spec version of a code blob, undefined when no runtime with that code is registered. */
  specOfCode(code: Uint8Array): number | undefined;
}

export interface GenesisContext {
  readonly codec: RuntimeCodec;
  readonly storage: StorageWriter;
  readonly config: GenesisConfig;
}

export interface ApiContext {
  readonly codec: RuntimeCodec;
  readonly storage: StorageReader;
}

export type CallHandler = (ctx: ExecContext, origin: Origin, args: Codec[], call: Call) => void;

export interface CallDef {
  weight: Weight | ((args: Codec[], call: Call) => Weight);
  handler: CallHandler;
  class?: DispatchClass;
  /** Operational/free calls: false means no fee (e.g. inherents). Default true. */
  paysFee?: boolean;
}

export type ApiHandler = (ctx: ApiContext, args: Uint8Array) => Uint8Array;

export interface Pallet {
  /** Pallet name exactly as in the metadata (e.g. "Balances"). */
  name: string;
  genesis?(ctx: GenesisContext): void;
  onInitialize?(ctx: ExecContext): void;
  onFinalize?(ctx: ExecContext): void;
  /** Inherent calls this pallet adds at the start of every block (SCALE call bytes, pallet+call index first). */
  inherents?(ctx: ExecContext): Uint8Array[];
  /** Calls by metadata name (snake_case, e.g. "transfer_keep_alive"). */
  calls?: Record<string, CallDef>;
  /** Runtime APIs by `state_call` name (e.g. "SubnetInfoRuntimeApi_get_subnets_info_v2"). */
  apis?: Record<string, ApiHandler>;
}

export const ZERO_WEIGHT: Weight = { refTime: 0n, proofSize: 0n };

export function weight(refTime: bigint | number, proofSize: bigint | number = 0): Weight {
  return { refTime: BigInt(refTime), proofSize: BigInt(proofSize) };
}

export function addWeight(a: Weight, b: Weight): Weight {
  return { refTime: a.refTime + b.refTime, proofSize: a.proofSize + b.proofSize };
}

export function ensureSigned(origin: Origin): Uint8Array {
  if (origin.kind !== "signed") throw badOrigin();
  return origin.who;
}

export function ensureRoot(origin: Origin): void {
  if (origin.kind !== "root") throw badOrigin();
}

export function ensureNone(origin: Origin): void {
  if (origin.kind !== "none") throw badOrigin();
}

function badOrigin(): DispatchFailure {
  return new DispatchFailure("BadOrigin", "BadOrigin");
}
