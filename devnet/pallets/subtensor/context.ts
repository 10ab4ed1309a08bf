// What every SubtensorModule handler needs: storage accessors, the engine, the execution context, and
// small helpers for the chain's errors and events.
import type { Codec } from "@polkadot/types/types";
import { adjustIssuance, credit, debit, existentialDeposit } from "../../node/runtime/balances";
import type { ExecContext } from "../../node/runtime/pallet";
import { readAccount } from "../../node/runtime/system";
import { DispatchFailure } from "../../node/types";
import { ChainRejection, type EconomyEngine } from "../engine";
import { SM, Store } from "./store";

export interface Env {
  st: Store;
  engine: EconomyEngine;
  ctx: ExecContext;
  block: bigint;
}

export function envOf(ctx: ExecContext, engine: EconomyEngine): Env {
  return { st: new Store(ctx.codec, ctx.storage), engine, ctx, block: BigInt(ctx.env.number) };
}

export function fail(env: Env, error: string): never {
  env.ctx.codec.fail(SM, error);
}

/** A swap refused by the engine fails with the chain's error: SubtensorModule's if it has one, else Swap's. */
export function rejectionToFailure(env: Env, e: unknown): never {
  if (e instanceof ChainRejection) {
    for (const pallet of [SM, "Swap"]) {
      try {
        env.ctx.codec.fail(pallet, e.reason);
      } catch (err) {
        if (err instanceof DispatchFailure) throw err;
      }
    }
    throw new DispatchFailure("Other", e.reason);
  }
  throw e;
}

export function deposit(env: Env, event: string, fields: unknown[]): void {
  env.ctx.deposit(SM, event, fields);
}

export function freeBalance(env: Env, who: Uint8Array): bigint {
  return readAccount(env.ctx.codec, env.ctx.storage, who).free;
}

/** Takes TAO out of circulation into a pool (spec-393 staking withdraws the coldkey's balance). */
export function withdrawTao(env: Env, who: Uint8Array, amount: bigint): void {
  if (amount === 0n) return;
  debit(env.ctx, who, amount, true);
  adjustIssuance(env.ctx.codec, env.ctx.storage, -amount);
  // Finney takes staked, burned and locked TAO with `Currency::withdraw`, which emits Balances.Withdraw; the
  // indexer prices registrations from it (Σ Withdraw − fee).
  env.ctx.deposit("Balances", "Withdraw", [who, amount]);
}

/** Pays TAO out of a pool into an account (unstake, fees to the block author). */
export function depositTao(env: Env, who: Uint8Array, amount: bigint): boolean {
  if (amount === 0n) return true;
  const a = readAccount(env.ctx.codec, env.ctx.storage, who);
  if (a.providers === 0 && amount < existentialDeposit(env.ctx.codec)) return false;
  credit(env.ctx, who, amount);
  adjustIssuance(env.ctx.codec, env.ctx.storage, amount);
  return true;
}

/** The block author: the Aura authority of the current slot. */
export function blockAuthor(env: Env): Uint8Array | undefined {
  const auths = env.ctx.codec.read(env.ctx.storage, "Aura", "Authorities") as unknown as Codec[] | undefined;
  const list = auths ? [...auths] : [];
  if (list.length === 0) return undefined;
  const slot = BigInt(env.ctx.codec.read(env.ctx.storage, "Aura", "CurrentSlot")?.toString() ?? "0");
  return (list[Number(slot % BigInt(list.length))] as Codec).toU8a();
}

export function arg<T = bigint>(args: Codec[], i: number): T {
  return args[i] as unknown as T;
}

export const big = (c: Codec | undefined): bigint => BigInt((c ?? 0).toString());
export const num = (c: Codec | undefined): number => Number((c ?? 0).toString());
export const acct = (c: Codec | undefined): Uint8Array => (c as Codec).toU8a();
